package xlsx

import (
	"fmt"
	"io"
	"path"
	"strconv"
	"strings"

	"github.com/katsudo-npo/katsudo/activity"
)

const (
	typeWorksheet = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet"
	typeStyles    = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles"
	ctWorksheet   = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"
	ctStyles      = "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"
	contentTypes  = "[content_types].xml"
)

// bookPlan is what one Write changes in the workbook's package. Every
// part not named here is copied byte for byte, still compressed: the
// members' log is never decoded, re-encoded or held in memory.
type bookPlan struct {
	rewrite  map[string][]byte // part key → its new content
	drop     map[string]bool   // part keys left out
	replaced map[string]bool   // part keys of tabs written anew under their old name
	// transform streams a part through a function (Append's worksheet).
	transform map[string]func(dst io.Writer, src io.Reader) error
	tabs      []newTab // worksheet parts to write, in order
	styles    map[activity.Style]int
}

// newTab is a worksheet part the write creates for one of katsudo's tabs.
type newTab struct {
	part     string // part key (lower case, as katsudo names it)
	sheet    activity.Sheet
	selected bool
}

// planWrite works out the package edits that put sheets in the workbook:
// a tab of the same name (ignoring case) is replaced where it stands,
// keeping its place in the tab order, its hidden state and its sheet
// number; other tabs are added at the end. The old tab goes whole: its
// part, the parts only it used (comments, drawings, tables), its
// tab-scoped names. The calculation chain is dropped when a tab is
// replaced, as Excel rebuilds it on opening.
func planWrite(p *xlsxPackage, sheets []activity.Sheet) (*bookPlan, error) {
	if p.strict {
		return nil, newProblem(ErrStrict, "「Strict Open XML」形式で保存されたブックには katsudo のタブを書き込めません。"+
			"Excel で「名前を付けて保存」から「Excel ブック (*.xlsx)」を選んで保存し直してください / the workbook is saved as "+
			"Strict Open XML, which katsudo does not write its tabs into: save it again as Excel Workbook (.xlsx)")
	}
	pl := &bookPlan{rewrite: map[string][]byte{}, drop: map[string]bool{}}
	read := func(part string) ([]byte, error) {
		rc, err := p.open(part)
		if err != nil {
			return nil, err
		}
		defer rc.Close()
		return io.ReadAll(io.LimitReader(rc, 64<<20))
	}
	damaged := func(part string, err error) error {
		return newProblem(ErrNotWorkbook, fmt.Sprintf("not an .xlsx workbook: %s is damaged (%v)", part, err))
	}

	wbData, err := read(p.wbPart)
	if err != nil {
		return nil, err
	}
	wb, err := parseTree(wbData)
	if err != nil {
		return nil, damaged(p.wbPart, err)
	}
	sheetsNode := wb.child("sheets")
	if sheetsNode == nil {
		return nil, damaged(p.wbPart, fmt.Errorf("no sheets"))
	}
	relsName := relsPart(p.wbPart)
	relsData := []byte(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n" + `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>`)
	if p.has(relsName) {
		if relsData, err = read(relsName); err != nil {
			return nil, err
		}
	}
	rels, err := parseTree(relsData)
	if err != nil {
		return nil, damaged(relsName, err)
	}
	ctData, err := read(contentTypes)
	if err != nil {
		return nil, err
	}
	ct, err := parseTree(ctData)
	if err != nil {
		return nil, damaged("[Content_Types].xml", err)
	}

	relByID := map[string]*node{}
	for _, r := range rels.children {
		relByID[r.attr("Id")] = r
	}
	ids := newNames(func(s string) bool { _, ok := relByID[s]; return ok })
	parts := newNames(p.has)
	dir := path.Dir(p.wbPart)
	if dir == "." {
		dir = ""
	} else {
		dir += "/"
	}

	active := 0
	if bv := wb.child("bookViews"); bv != nil {
		if v := bv.child("workbookView"); v != nil {
			active, _ = strconv.Atoi(v.attr("activeTab"))
		}
	}
	var existing []*node
	maxID := 0
	for _, c := range sheetsNode.children {
		if c.local == "sheet" {
			existing = append(existing, c)
			n, _ := strconv.Atoi(c.attr("sheetId"))
			maxID = max(maxID, n)
		}
	}
	relPrefix, declared := wb.nsPrefix(nsRel)
	if !declared {
		relPrefix, declared = wb.nsPrefix(nsRelStrict)
	}

	var wbEdits, relEdits, ctEdits []edit
	var addSheets, addRels, addCT, titles strings.Builder
	replaced := map[int]bool{}
	oldParts := map[string]bool{}      // parts the workbook no longer refers to
	replacedParts := map[string]bool{} // worksheet parts that get new content
	removedRel := map[string]bool{}
	added := 0
	for _, s := range sheets {
		at := -1
		for i, e := range existing {
			if strings.EqualFold(e.attr("name"), s.Name) {
				at = i
			}
		}
		part, id, reused := "", "", false
		if at >= 0 {
			e := existing[at]
			set := map[string]string{"name": s.Name}
			idAttr, oldID := relIDAttr(e)
			if r := relByID[oldID]; r != nil && !removedRel[oldID] && r.attr("TargetMode") != "External" {
				target := resolve(p.wbPart, r.attr("Target"))
				if strings.HasSuffix(r.attr("Type"), "/worksheet") && p.has(target) {
					// The tab's own part gets the new content, under
					// the same name and relationship.
					part, id, reused = target, oldID, true
					replacedParts[target] = true
				} else {
					// A chart sheet (or a dangling tab) of that name
					// gives way to a worksheet.
					removedRel[oldID] = true
					relEdits = append(relEdits, edit{r.start, r.end, ""})
					oldParts[target] = true
				}
			}
			if !reused {
				part, id = parts.next(dir+"worksheets/sheet", ".xml"), ids.next("rId", "")
				if idAttr == "" {
					idAttr = relPrefix + ":id"
				}
				set[idAttr] = id
			}
			if e.attr("name") != s.Name || !reused {
				wbEdits = append(wbEdits, edit{e.start, e.openEnd, rebuildStart(e, set, string(wbData[e.start:e.openEnd]))})
			}
			replaced[at] = true
		} else {
			part, id = parts.next(dir+"worksheets/sheet", ".xml"), ids.next("rId", "")
			at = len(existing) + added
			added++
			maxID++
			if declared {
				fmt.Fprintf(&addSheets, `<%s name="%s" sheetId="%d" %s:id="%s"/>`, sheetsNode.qname("sheet"), escapeAttr(s.Name), maxID, relPrefix, id)
			} else {
				fmt.Fprintf(&addSheets, `<%s xmlns:r="%s" name="%s" sheetId="%d" r:id="%s"/>`, sheetsNode.qname("sheet"), nsRel, escapeAttr(s.Name), maxID, id)
			}
		}
		if !reused {
			fmt.Fprintf(&addRels, `<%s Id="%s" Type="%s" Target="%s"/>`, rels.qname("Relationship"), id, typeWorksheet, escapeAttr(strings.TrimPrefix(part, dir)))
			fmt.Fprintf(&addCT, `<%s PartName="/%s" ContentType="%s"/>`, ct.qname("Override"), escapeAttr(part), ctWorksheet)
		} else if zf := p.parts[part]; zf != nil {
			part = zf.Name // keep the name as the file spells it
		}
		pl.tabs = append(pl.tabs, newTab{part: part, sheet: s, selected: at == active})
		if t := printTitles(s); t != "" {
			fmt.Fprintf(&titles, `<%s name="_xlnm.Print_Titles" localSheetId="%d">%s</%s>`,
				wb.qname("definedName"), at, escapeAttr(t), wb.qname("definedName"))
		}
	}
	if addSheets.Len() > 0 {
		wbEdits = append(wbEdits, insertChild(wbData, sheetsNode, addSheets.String()))
	}
	if len(replaced) > 0 {
		wbEdits = append(wbEdits, dropScopedNames(wb, replaced, titles.Len() > 0)...)
		for _, r := range rels.children {
			if strings.HasSuffix(r.attr("Type"), "/calcChain") && !removedRel[r.attr("Id")] {
				removedRel[r.attr("Id")] = true
				relEdits = append(relEdits, edit{r.start, r.end, ""})
				oldParts[resolve(p.wbPart, r.attr("Target"))] = true
			}
		}
	}

	// The rows each of katsudo's tabs prints atop every page.
	if titles.Len() > 0 {
		if dn := wb.child("definedNames"); dn != nil {
			wbEdits = append(wbEdits, insertChild(wbData, dn, titles.String()))
		} else {
			// definedNames follows sheets (and externalReferences).
			after := sheetsNode
			for _, c := range wb.children {
				if c.local == "functionGroups" || c.local == "externalReferences" {
					after = c
				}
			}
			wbEdits = append(wbEdits, edit{after.end, after.end,
				"<" + wb.qname("definedNames") + ">" + titles.String() + "</" + wb.qname("definedNames") + ">"})
		}
	}

	// Styles: the workbook's own part, or a minimal one when it has none.
	stylesPart, stylesData := p.styles, []byte(minimalStyles)
	if stylesPart != "" && p.has(stylesPart) {
		if stylesData, err = read(stylesPart); err != nil {
			return nil, err
		}
	} else {
		stylesPart = parts.next(dir+"styles", ".xml")
		id := ids.next("rId", "")
		fmt.Fprintf(&addRels, `<%s Id="%s" Type="%s" Target="%s"/>`, rels.qname("Relationship"), id, typeStyles, escapeAttr(strings.TrimPrefix(stylesPart, dir)))
		fmt.Fprintf(&addCT, `<%s PartName="/%s" ContentType="%s"/>`, ct.qname("Override"), escapeAttr(stylesPart), ctStyles)
	}
	var used []activity.Style
	for _, s := range sheets {
		used = append(used, usedStyles(s)...)
	}
	if pl.rewrite[stylesPart], pl.styles, err = addStyles(stylesData, used); err != nil {
		return nil, damaged(stylesPart, err)
	}

	if err := pl.dropStaleTitles(p, read); err != nil {
		return nil, err
	}
	pl.replaced = replacedParts
	if err := pl.dropUnused(p, read, oldParts, replacedParts); err != nil {
		return nil, err
	}
	for _, o := range ct.children {
		if o.local == "Override" && pl.drop[partKey(o.attr("PartName"))] {
			ctEdits = append(ctEdits, edit{o.start, o.end, ""})
		}
	}
	relEdits = append(relEdits, insertChild(relsData, rels, addRels.String()))
	ctEdits = append(ctEdits, insertChild(ctData, ct, addCT.String()))
	pl.rewrite[p.wbPart] = splice(wbData, wbEdits)
	pl.rewrite[relsName] = splice(relsData, relEdits)
	pl.rewrite[contentTypes] = splice(ctData, ctEdits)
	return pl, nil
}

// nsRelStrict is the relationships namespace of Strict Open XML files.
const nsRelStrict = "http://purl.oclc.org/ooxml/officeDocument/relationships"

// dropScopedNames removes the names scoped to replaced tabs (their print
// area, filter range): they describe the old tab's layout; the list goes
// too when it empties, unless keepList (new names go in it). A replaced tab
// keeps its position, so every other name's scope stays right.
func dropScopedNames(wb *node, replaced map[int]bool, keepList bool) []edit {
	names := wb.child("definedNames")
	if names == nil {
		return nil
	}
	var edits []edit
	for _, n := range names.children {
		if id, err := strconv.Atoi(n.attr("localSheetId")); err == nil && replaced[id] {
			edits = append(edits, edit{n.start, n.end, ""})
		}
	}
	if len(edits) == len(names.children) && len(edits) > 0 && !keepList {
		return []edit{{names.start, names.end, ""}}
	}
	return edits
}

// usedStyles lists the styles of a sheet's cells, a header cell bold.
func usedStyles(s activity.Sheet) []activity.Style {
	seen := map[activity.Style]bool{}
	var out []activity.Style
	for r, row := range s.Rows {
		for _, v := range row {
			st := v.Style
			if r < s.FrozenRows {
				st |= activity.Bold
			}
			if !seen[st] {
				seen[st] = true
				out = append(out, st)
			}
		}
	}
	return out
}

// names hands out names not yet taken: rId7, sheet4.xml.
type names struct {
	taken func(string) bool
	given map[string]bool
}

func newNames(taken func(string) bool) *names {
	return &names{taken: taken, given: map[string]bool{}}
}

func (n *names) next(prefix, suffix string) string {
	for i := 1; ; i++ {
		s := prefix + strconv.Itoa(i) + suffix
		if !n.taken(s) && !n.given[strings.ToLower(s)] {
			n.given[strings.ToLower(s)] = true
			return s
		}
	}
}

// relIDAttr is the qualified name and value of a sheet element's r:id.
func relIDAttr(e *node) (name, value string) {
	for _, a := range e.attrs {
		if a.Name.Local == "id" && a.Name.Space != "" && a.Name.Space != "xmlns" {
			return a.Name.Space + ":id", a.Value
		}
	}
	return "", ""
}
