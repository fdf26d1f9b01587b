package xlsx

import "strings"

// dropStaleTitles takes the list of tabs out of the document's extended
// properties (docProps/app.xml: TitlesOfParts and the counts in
// HeadingPairs), the list a file browser, a preview or an older reader
// shows as the workbook's tabs. Excel wrote it for the tabs as they were;
// once katsudo adds its tabs and their print titles it is wrong, and
// keeping it right would mean knowing every group Excel counts, named in
// the language of the Excel that saved the file (Worksheets, ワークシート,
// 名前付き一覧). Both elements are optional; Excel writes them afresh on
// its next save. The rest of the part (the application, the company) is
// kept as it is, and a part without the list is copied untouched.
func (pl *bookPlan) dropStaleTitles(p *xlsxPackage, read func(string) ([]byte, error)) error {
	part := ""
	if p.has("_rels/.rels") {
		data, err := read("_rels/.rels")
		if err != nil {
			return err
		}
		if root, err := parseTree(data); err == nil {
			for _, r := range root.children {
				if strings.HasSuffix(r.attr("Type"), "/extended-properties") && r.attr("TargetMode") != "External" {
					part = resolve("/", r.attr("Target"))
				}
			}
		}
	}
	if part == "" || !p.has(part) {
		return nil
	}
	data, err := read(part)
	if err != nil {
		return err
	}
	root, err := parseTree(data)
	if err != nil {
		return nil // a part katsudo cannot read is left as Excel wrote it
	}
	var edits []edit
	for _, c := range root.children {
		if c.local == "TitlesOfParts" || c.local == "HeadingPairs" {
			edits = append(edits, edit{c.start, c.end, ""})
		}
	}
	if len(edits) > 0 {
		pl.rewrite[partKey(part)] = splice(data, edits)
	}
	return nil
}
