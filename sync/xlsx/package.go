package xlsx

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"strings"

	"github.com/richardlehane/mscfb"
)

// xlsxPackage is an opened .xlsx file: its zip parts and the workbook's tab
// list, read once per call so each Read sees one consistent file.
type xlsxPackage struct {
	file     io.Closer
	parts    map[string]*zip.File // by lower-case part name, no leading slash
	files    []*zip.File          // every zip entry, in the file's order
	wbPart   string               // part name of the workbook
	tabs     []tabPart            // in tab order
	sst      string               // part name of the shared strings, "" if none
	styles   string               // part name of the styles
	date1904 bool
	strict   bool // saved as Strict Open XML (ISO/IEC 29500 Strict)
}

// nsMainStrict is the spreadsheet namespace of Strict Open XML files,
// which Excel writes when a member picks "Strict Open XML Spreadsheet".
const nsMainStrict = "http://purl.oclc.org/ooxml/spreadsheetml/main"

// tabPart is one tab of the workbook and the part that holds it.
type tabPart struct {
	name string
	part string
	kind string // "worksheet", "chartsheet", "dialogsheet", "macrosheet"
}

// openPackage opens path and reads the workbook's tab list. Its errors say,
// in the member's terms, why the file is not a usable workbook.
func openPackage(path string) (*xlsxPackage, error) {
	f, err := os.Open(path)
	if err != nil {
		switch {
		case errors.Is(err, fs.ErrNotExist):
			return nil, newProblem(err, "the file does not exist")
		case errors.Is(err, fs.ErrPermission):
			return nil, newProblem(err, "permission denied")
		}
		return nil, err
	}
	fi, err := f.Stat()
	if err == nil && fi.IsDir() {
		err = newProblem(ErrNotWorkbook, "it is a folder, not an .xlsx workbook")
	}
	var p *xlsxPackage
	if err == nil {
		p, err = readPackage(f, fi.Size())
	}
	if err != nil {
		f.Close()
		return nil, err
	}
	p.file = f
	return p, nil
}

// readPackage checks that r is an .xlsx workbook and reads its tab list.
func readPackage(r io.ReaderAt, size int64) (*xlsxPackage, error) {
	if err := sniff(r, size); err != nil {
		return nil, err
	}
	zr, err := zip.NewReader(r, size)
	if err != nil && !(errors.Is(err, zip.ErrInsecurePath) && zr != nil) {
		return nil, newProblem(ErrNotWorkbook, "not an .xlsx workbook: the file is damaged or incomplete (is it still being copied or synced?)")
	}
	p := &xlsxPackage{file: io.NopCloser(nil), parts: make(map[string]*zip.File, len(zr.File))}
	p.files = zr.File
	for _, zf := range zr.File {
		p.parts[partKey(zf.Name)] = zf
	}
	if err := p.readWorkbook(); err != nil {
		return nil, err
	}
	return p, nil
}

// close releases the file.
func (p *xlsxPackage) close() error { return p.file.Close() }

// tabNames lists the tabs in order.
func (p *xlsxPackage) tabNames() []string {
	names := make([]string, len(p.tabs))
	for i, t := range p.tabs {
		names[i] = t.name
	}
	return names
}

// tab finds a tab by name: exactly, else ignoring case as Excel does.
func (p *xlsxPackage) tab(name string) (tabPart, bool) {
	for _, t := range p.tabs {
		if t.name == name {
			return t, true
		}
	}
	for _, t := range p.tabs {
		if strings.EqualFold(t.name, name) {
			return t, true
		}
	}
	return tabPart{}, false
}

var (
	oleMagic = []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}
	zipMagic = []byte("PK\x03\x04")
)

// sniff recognises the files members most often mistake for a workbook.
func sniff(f io.ReaderAt, size int64) error {
	if size == 0 {
		return newProblem(ErrNotWorkbook, "not an .xlsx workbook: the file is empty")
	}
	head := make([]byte, 512)
	n, err := f.ReadAt(head, 0)
	if err != nil && err != io.EOF {
		return err
	}
	head = head[:n]
	switch {
	case bytes.HasPrefix(head, zipMagic), bytes.HasPrefix(head, []byte("PK\x05\x06")):
		return nil
	case bytes.HasPrefix(head, oleMagic):
		return sniffOLE(f)
	case looksLikeText(head):
		return newProblem(ErrNotWorkbook, "not an .xlsx workbook: it is a text file (CSV?) renamed to .xlsx; open it and save as Excel Workbook (.xlsx)")
	}
	return newProblem(ErrNotWorkbook, "not an .xlsx workbook")
}

// sniffOLE tells an encrypted .xlsx (an OLE container holding
// EncryptionInfo) from an Excel 97-2003 .xls.
func sniffOLE(f io.ReaderAt) error {
	r, err := mscfb.New(f)
	if err == nil {
		for e, err := r.Next(); err == nil; e, err = r.Next() {
			if e.Name == "EncryptionInfo" || e.Name == "EncryptedPackage" {
				return newProblem(ErrPasswordProtected, ErrPasswordProtected.Error())
			}
		}
	}
	return newProblem(ErrNotWorkbook, "not an .xlsx workbook: it is an old Excel 97-2003 (.xls) file; save it as Excel Workbook (.xlsx)")
}

// looksLikeText reports whether b has no binary control bytes.
func looksLikeText(b []byte) bool {
	for _, c := range b {
		if c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' {
			return false
		}
	}
	return true
}

// partKey normalises a part name for lookup: part names in a package are
// case-insensitive and some writers use a leading slash or backslashes.
func partKey(name string) string {
	name = strings.ReplaceAll(name, `\`, "/")
	return strings.ToLower(strings.TrimPrefix(path.Clean("/"+name), "/"))
}

// resolve turns a relationship target into a part name, relative to the
// folder of the part the relationship belongs to.
func resolve(fromPart, target string) string {
	target = strings.ReplaceAll(target, `\`, "/")
	if strings.HasPrefix(target, "/") {
		return partKey(target)
	}
	return partKey(path.Join(path.Dir(fromPart), target))
}

// relsPart is the relationships part of a part: xl/workbook.xml →
// xl/_rels/workbook.xml.rels.
func relsPart(part string) string {
	return partKey(path.Join(path.Dir(part), "_rels", path.Base(part)+".rels"))
}

// open opens a part for streaming.
func (p *xlsxPackage) open(part string) (io.ReadCloser, error) {
	zf, ok := p.parts[partKey(part)]
	if !ok {
		return nil, newProblem(ErrNotWorkbook, "not an .xlsx workbook: part "+part+" is missing")
	}
	return zf.Open()
}

func (p *xlsxPackage) has(part string) bool {
	_, ok := p.parts[partKey(part)]
	return ok
}

// decodeXML decodes a small part (workbook, relationships) into v.
func (p *xlsxPackage) decodeXML(part string, v any) error {
	rc, err := p.open(part)
	if err != nil {
		return err
	}
	defer rc.Close()
	if err := xml.NewDecoder(rc).Decode(v); err != nil {
		return newProblem(ErrNotWorkbook, fmt.Sprintf("not an .xlsx workbook: %s is damaged (%v)", part, err))
	}
	return nil
}

type xmlRels struct {
	Rels []struct {
		ID         string `xml:"Id,attr"`
		Type       string `xml:"Type,attr"`
		Target     string `xml:"Target,attr"`
		TargetMode string `xml:"TargetMode,attr"`
	} `xml:"Relationship"`
}

type xmlWorkbook struct {
	XMLName xml.Name
	Pr      *struct {
		Date1904 string `xml:"date1904,attr"`
	} `xml:"workbookPr"`
	Sheets []struct {
		Name  string     `xml:"name,attr"`
		Attrs []xml.Attr `xml:",any,attr"`
	} `xml:"sheets>sheet"`
}

// readWorkbook finds the workbook part and lists its tabs.
func (p *xlsxPackage) readWorkbook() error {
	wbPart := ""
	if p.has("_rels/.rels") {
		var root xmlRels
		if err := p.decodeXML("_rels/.rels", &root); err != nil {
			return err
		}
		for _, r := range root.Rels {
			if strings.HasSuffix(r.Type, "/officeDocument") {
				wbPart = resolve("/", r.Target)
				break
			}
		}
	}
	if wbPart == "" {
		wbPart = "xl/workbook.xml"
	}
	if !p.has(wbPart) {
		if p.has("content.xml") {
			return newProblem(ErrNotWorkbook, "not an .xlsx workbook: it is an OpenDocument (.ods) file; save it as Excel Workbook (.xlsx)")
		}
		return newProblem(ErrNotWorkbook, "not an .xlsx workbook: it is a zip file without a workbook in it")
	}
	p.wbPart = wbPart
	var wb xmlWorkbook
	if err := p.decodeXML(wbPart, &wb); err != nil {
		return err
	}
	p.date1904 = wb.Pr != nil && (wb.Pr.Date1904 == "1" || wb.Pr.Date1904 == "true")
	p.strict = wb.XMLName.Space == nsMainStrict

	var rels xmlRels
	if p.has(relsPart(wbPart)) {
		if err := p.decodeXML(relsPart(wbPart), &rels); err != nil {
			return err
		}
	}
	targets := make(map[string]int, len(rels.Rels))
	for i, r := range rels.Rels {
		if r.TargetMode == "External" {
			continue
		}
		targets[r.ID] = i
		switch {
		case strings.HasSuffix(r.Type, "/sharedStrings"):
			p.sst = resolve(wbPart, r.Target)
		case strings.HasSuffix(r.Type, "/styles"):
			p.styles = resolve(wbPart, r.Target)
		}
	}
	for _, s := range wb.Sheets {
		t := tabPart{name: s.Name}
		for _, a := range s.Attrs {
			if a.Name.Local != "id" {
				continue
			}
			if i, ok := targets[a.Value]; ok {
				r := rels.Rels[i]
				t.part = resolve(wbPart, r.Target)
				t.kind = r.Type[strings.LastIndexByte(r.Type, '/')+1:]
			}
		}
		p.tabs = append(p.tabs, t)
	}
	return nil
}
