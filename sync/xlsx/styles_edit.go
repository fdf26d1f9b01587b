package xlsx

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/katsudo-npo/katsudo/activity"
)

// minimalStyles is the styles part of a workbook katsudo creates: one
// font, the two fills and one border Excel requires, and the default cell
// format.
const minimalStyles = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="1"><font><sz val="11"/><color theme="1"/><name val="Calibri"/><family val="2"/><scheme val="minor"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`

// addStyles gives each of katsudo's cell styles a cell format in the
// workbook's styles part and returns the part and the format numbers.
// A format, number format or bold font the part already has (from an
// earlier run) is reused, so the part does not grow run after run; every
// existing format keeps its number, so the members' cells look the same.
func addStyles(data []byte, want []activity.Style) ([]byte, map[activity.Style]int, error) {
	root, err := parseTree(data)
	if err != nil || root.local != "styleSheet" {
		return nil, nil, fmt.Errorf("the styles part is damaged: %v", err)
	}
	fonts, xfs := root.child("fonts"), root.child("cellXfs")
	if fonts == nil || len(fonts.children) == 0 || xfs == nil {
		return nil, nil, fmt.Errorf("the styles part has no fonts or cell formats")
	}
	var edits []edit
	p := root.qname

	// Number formats: reuse one with the same code, else number it after
	// the highest (custom formats start at 164).
	numFmts := root.child("numFmts")
	fmtIDs := map[string]int{}
	next := 163
	if numFmts != nil {
		for _, c := range numFmts.children {
			id, _ := strconv.Atoi(c.attr("numFmtId"))
			next = max(next, id)
			if _, ok := fmtIDs[c.attr("formatCode")]; !ok {
				fmtIDs[c.attr("formatCode")] = id
			}
		}
	}
	var newFmts strings.Builder
	added := 0
	fmtID := func(code string) int {
		if id, ok := fmtIDs[code]; ok {
			return id
		}
		next++
		fmtIDs[code] = next
		added++
		fmt.Fprintf(&newFmts, `<%s numFmtId="%d" formatCode="%s"/>`, p("numFmt"), next, escapeAttr(code))
		return next
	}

	// The bold font is the default font (font 0) made bold.
	font0 := string(data[fonts.children[0].start:fonts.children[0].end])
	boldFont := makeBold(font0, fonts.children[0])
	boldID := -1
	for i, c := range fonts.children {
		if string(data[c.start:c.end]) == boldFont {
			boldID = i
			break
		}
	}
	if boldID < 0 {
		boldID = len(fonts.children)
		edits = append(edits, appendChildren(data, fonts, boldFont, len(fonts.children)+1))
	}

	// The ruled border: thin lines on the four sides, like the official
	// form's table; added once, found again on the next run.
	borderID := 0
	if anyRuled(want) {
		border := ruledBorder(p)
		borders := root.child("borders")
		if borders == nil {
			return nil, nil, fmt.Errorf("the styles part has no borders")
		}
		borderID = -1
		for i, c := range borders.children {
			if string(data[c.start:c.end]) == border {
				borderID = i
				break
			}
		}
		if borderID < 0 {
			borderID = len(borders.children)
			edits = append(edits, appendChildren(data, borders, border, len(borders.children)+1))
		}
	}

	existing := map[string]int{}
	for i, c := range xfs.children {
		if _, ok := existing[string(data[c.start:c.end])]; !ok {
			existing[string(data[c.start:c.end])] = i
		}
	}
	ids := make(map[activity.Style]int, len(want))
	var newXfs strings.Builder
	n := len(xfs.children)
	for _, st := range want {
		if _, ok := ids[st]; ok {
			continue
		}
		numFmt, font := 0, 0
		switch {
		case st&activity.Sen != 0:
			numFmt = fmtID(senFormat)
		case st&activity.Yen != 0:
			numFmt = fmtID(yenFormat)
		}
		if st&activity.Bold != 0 {
			font = boldID
		}
		border := 0
		if st&activity.Ruled != 0 {
			border = borderID
		}
		x := cellXf(p, numFmt, font, border, st&activity.Wrap != 0)
		if i, ok := existing[x]; ok {
			ids[st] = i
			continue
		}
		ids[st], existing[x] = n, n
		n++
		newXfs.WriteString(x)
	}
	if newXfs.Len() > 0 {
		edits = append(edits, appendChildren(data, xfs, newXfs.String(), n))
	}
	if added > 0 {
		if numFmts != nil {
			edits = append(edits, appendChildren(data, numFmts, newFmts.String(), len(numFmts.children)+added))
		} else {
			// numFmts is the first child of styleSheet.
			edits = append(edits, edit{root.openEnd, root.openEnd,
				fmt.Sprintf(`<%s count="%d">%s</%s>`, p("numFmts"), added, newFmts.String(), p("numFmts"))})
		}
	}
	return splice(data, edits), ids, nil
}

// cellXf is the cell format katsudo writes for a style: top-aligned, so a
// cell sits level with the first line of wrapped text beside it.
func cellXf(p func(string) string, numFmt, font, border int, wrap bool) string {
	var b strings.Builder
	fmt.Fprintf(&b, `<%s numFmtId="%d" fontId="%d" fillId="0" borderId="%d" xfId="0"`, p("xf"), numFmt, font, border)
	if font != 0 {
		b.WriteString(` applyFont="1"`)
	}
	if border != 0 {
		b.WriteString(` applyBorder="1"`)
	}
	if numFmt != 0 {
		b.WriteString(` applyNumberFormat="1"`)
	}
	b.WriteString(` applyAlignment="1"><` + p("alignment") + ` vertical="top"`)
	if wrap {
		b.WriteString(` wrapText="1"`)
	}
	b.WriteString(`/></` + p("xf") + `>`)
	return b.String()
}

// makeBold is the font element font0 with bold added first (b is the
// first child in the schema's order).
func makeBold(font0 string, n *node) string {
	if n.child("b") != nil {
		return font0
	}
	rel := n.openEnd - n.start
	if n.selfClosing() {
		open := strings.TrimSuffix(strings.TrimRight(font0[:rel-2], " \t\r\n"), "/")
		return open + "><" + n.qname("b") + "/></" + n.qname(n.local) + ">"
	}
	return font0[:rel] + "<" + n.qname("b") + "/>" + font0[rel:]
}

// ruledBorder is the border element of a ruled cell: thin black lines on
// the four sides.
func ruledBorder(p func(string) string) string {
	side := func(name string) string {
		return `<` + p(name) + ` style="thin"><` + p("color") + ` auto="1"/></` + p(name) + `>`
	}
	return `<` + p("border") + `>` + side("left") + side("right") + side("top") + side("bottom") + `<` + p("diagonal") + `/></` + p("border") + `>`
}

// anyRuled reports whether one of the styles is ruled.
func anyRuled(styles []activity.Style) bool {
	for _, st := range styles {
		if st&activity.Ruled != 0 {
			return true
		}
	}
	return false
}
