package xlsx

import (
	"encoding/xml"
	"fmt"
	"io"
	"strconv"

	"github.com/katsudo-npo/katsudo/activity"
)

// This file keeps the encoding/xml reader the tag scanner replaced, for
// the differential tests: whatever it read, the scanner must read the same.

// gridReader streams one worksheet's XML into a Grid: each <c> element
// becomes a Cell typed by its t attribute, never by how Excel displays it.
type xmlGridReader struct {
	*gridReader
	dec  *xml.Decoder
	text []byte
}

// xmlReadGrid is readGrid as it was before the tag scanner, on
// encoding/xml: the reference the scanner is tested against.
func (p *xlsxPackage) xmlReadGrid(t tabPart, sst []string, date1904 []bool) (activity.Grid, error) {
	if t.kind != "worksheet" || t.part == "" {
		return nil, fmt.Errorf("it is a %s, not a table of cells", orDefault(t.kind, "missing sheet"))
	}
	rc, err := p.open(t.part)
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	g := &xmlGridReader{gridReader: &gridReader{sst: sst, date1904: date1904}, dec: xml.NewDecoder(rc)}
	if err := g.read(); err != nil {
		return nil, err
	}
	return g.grid, nil
}

func (g *xmlGridReader) read() error {
	rowNum := 0 // one-based number of the row being read
	col := -1   // zero-based column of the last cell read
	for {
		tok, err := g.dec.RawToken()
		if err == io.EOF {
			break
		}
		if err != nil {
			return damaged(err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "row":
				n := rowNum + 1
				if r := xmlAttr(t, "r"); r != "" {
					if n, err = strconv.Atoi(r); err != nil || n < 1 || n > maxRows {
						return fmt.Errorf("%w: row number %q", errDamaged, r)
					}
				}
				rowNum, col, g.row = n, -1, g.row[:0]
			case "c":
				if col, err = g.cell(t, col, rowNum); err != nil {
					return err
				}
			case "mergeCell":
				if m, ok := parseRange(xmlAttr(t, "ref")); ok {
					g.merges = append(g.merges, m)
				}
			}
		case xml.EndElement:
			if t.Name.Local == "row" {
				g.endRow(rowNum)
			}
		}
	}
	g.unmerge()
	return nil
}

// cell reads one <c> element of row rowNum; prev is the column of the cell
// before it.
func (g *xmlGridReader) cell(start xml.StartElement, prev, rowNum int) (int, error) {
	col, typ, style := prev+1, "", 0
	for _, a := range start.Attr {
		switch a.Name.Local {
		case "r":
			c, _, ok := parseRef(a.Value)
			if !ok {
				return 0, fmt.Errorf("%w: cell reference %q", errDamaged, a.Value)
			}
			col = c
		case "t":
			typ = a.Value
		case "s":
			style, _ = strconv.Atoi(a.Value)
		}
	}
	if col >= maxCols {
		return 0, fmt.Errorf("%w: column %d", errDamaged, col+1)
	}
	var (
		v      []byte
		inline string
	)
	for {
		tok, err := g.dec.RawToken()
		if err != nil {
			return 0, damaged(err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "v":
				if g.text, err = g.charData(g.text[:0], "v"); err != nil {
					return 0, err
				}
				v = g.text
			case "is":
				if inline, err = xmlRichText(g.dec, "is"); err != nil {
					return 0, err
				}
			}
		case xml.EndElement:
			if t.Name.Local == "c" {
				c, err := g.value(typ, style, v, inline)
				if err != nil {
					return 0, fmt.Errorf("%w: cell %s%d: %v", errDamaged, activity.ColumnName(col), rowNum, err)
				}
				g.set(col, c)
				return col, nil
			}
		}
	}
}

// charData appends the text inside the element just opened to buf and
// consumes its end tag.
func (g *xmlGridReader) charData(buf []byte, end string) ([]byte, error) {
	for {
		tok, err := g.dec.RawToken()
		if err != nil {
			return buf, damaged(err)
		}
		switch t := tok.(type) {
		case xml.CharData:
			buf = append(buf, t...)
		case xml.EndElement:
			if t.Name.Local == end {
				return buf, nil
			}
		}
	}
}

// richText reads a string item (<si> or <is>) up to its end tag: plain
// <t> text and the <t> of each rich-text run, concatenated. Phonetic
// guides (<rPh>, the furigana Japanese Excel adds) are not part of the text.
func xmlRichText(dec *xml.Decoder, end string) (string, error) {
	var (
		buf    []byte
		inT    bool
		inPhon int
	)
	for {
		tok, err := dec.RawToken()
		if err != nil {
			return "", damaged(err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "t":
				inT = true
			case "rPh":
				inPhon++
			}
		case xml.EndElement:
			switch t.Name.Local {
			case "t":
				inT = false
			case "rPh":
				inPhon = max(inPhon-1, 0)
			case end:
				return unescapeOOXML(string(buf)), nil
			}
		case xml.CharData:
			if inT && inPhon == 0 {
				buf = append(buf, t...)
			}
		}
	}
}

// attr returns the value of the attribute named local, "" when absent.
func xmlAttr(e xml.StartElement, local string) string {
	for _, a := range e.Attr {
		if a.Name.Local == local {
			return a.Value
		}
	}
	return ""
}

// sharedStrings reads the shared string table, where Excel keeps the text
// of most cells; a cell of type s holds an index into it.
func (p *xlsxPackage) xmlSharedStrings() ([]string, error) {
	if p.sst == "" || !p.has(p.sst) {
		return nil, nil
	}
	rc, err := p.open(p.sst)
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	dec := xml.NewDecoder(rc)
	var sst []string
	for {
		tok, err := dec.RawToken()
		if err == io.EOF {
			return sst, nil
		}
		if err != nil {
			return nil, fmt.Errorf("shared strings: %w", damaged(err))
		}
		se, ok := tok.(xml.StartElement)
		if !ok {
			continue
		}
		switch se.Name.Local {
		case "sst":
			if n, err := strconv.Atoi(xmlAttr(se, "uniqueCount")); err == nil && n > 0 {
				sst = make([]string, 0, min(n, 1<<20))
			}
		case "si":
			s, err := xmlRichText(dec, "si")
			if err != nil {
				return nil, fmt.Errorf("shared strings: %w", err)
			}
			sst = append(sst, s)
		}
	}
}

// ReadBothWays reads tab of the workbook at path with the tag scanner and
// with the encoding/xml reader it replaced.
func ReadBothWays(path, tab string) (scanned, decoded activity.Grid, scanErr, decodeErr error) {
	p, err := openPackage(path)
	if err != nil {
		return nil, nil, err, err
	}
	defer p.close()
	t, ok := p.tab(tab)
	if !ok {
		err := fmt.Errorf("no tab %q", tab)
		return nil, nil, err, err
	}
	dates, err := p.dateStyles1904()
	if err != nil {
		return nil, nil, err, err
	}
	if sst, err := p.sharedStrings(); err != nil {
		scanErr = err
	} else {
		scanned, scanErr = p.readGrid(t, sst, dates)
	}
	if sst, err := p.xmlSharedStrings(); err != nil {
		decodeErr = err
	} else {
		decoded, decodeErr = p.xmlReadGrid(t, sst, dates)
	}
	return scanned, decoded, scanErr, decodeErr
}
