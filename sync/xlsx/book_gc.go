package xlsx

import (
	"path"
	"strings"
)

// dropUnused marks for removal the parts that only the replaced tabs
// used: the old worksheet parts themselves, their relationships, and what
// those reach (comments, drawings, their images) unless another part still
// reaches it. Parts nothing referred to before are kept as they are.
func (pl *bookPlan) dropUnused(p *xlsxPackage, read func(string) ([]byte, error), old, rewritten map[string]bool) error {
	if len(old) == 0 && len(rewritten) == 0 {
		return nil
	}
	edges := map[string][]string{}
	for key := range p.parts {
		if !strings.HasSuffix(key, ".rels") {
			continue
		}
		source := relsSource(key)
		data, err := read(key)
		if err != nil {
			return err
		}
		root, err := parseTree(data)
		if err != nil {
			continue // an unreadable relationships part refers to nothing
		}
		for _, r := range root.children {
			if r.attr("TargetMode") == "External" {
				continue
			}
			from := source
			if from == "" {
				from = "/"
			}
			edges[source] = append(edges[source], resolve(from, r.attr("Target")))
		}
	}
	reach := func(skip, from map[string]bool) map[string]bool {
		seen := map[string]bool{}
		stack := []string{""}
		for len(stack) > 0 {
			n := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			for _, t := range edges[n] {
				if n == p.wbPart && skip[t] || from[n] || seen[t] {
					continue
				}
				seen[t] = true
				stack = append(stack, t)
			}
		}
		return seen
	}
	before, after := reach(nil, nil), reach(old, rewritten)
	for part := range rewritten {
		pl.drop[relsPart(part)] = true // the new tab refers to nothing
	}
	for part := range before {
		if !after[part] {
			pl.drop[part] = true
			pl.drop[relsPart(part)] = true
		}
	}
	return nil
}

// relsSource is the part a relationships part belongs to:
// xl/worksheets/_rels/sheet1.xml.rels → xl/worksheets/sheet1.xml, and ""
// for the package's own _rels/.rels.
func relsSource(rels string) string {
	dir, file := path.Split(rels)
	dir = strings.TrimSuffix(strings.TrimSuffix(dir, "/"), "_rels")
	return partKey(dir + strings.TrimSuffix(file, ".rels"))
}
