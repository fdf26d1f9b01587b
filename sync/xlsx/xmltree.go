package xlsx

import (
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"sort"
	"strconv"
	"strings"
)

// node is one element of a small XML part (workbook.xml, styles.xml, a
// relationships part) with the byte offsets of its tags, so the writer can
// change that part by splicing text and leave everything it does not
// understand exactly as Excel wrote it.
type node struct {
	prefix, local string
	attrs         []xml.Attr // raw: Name.Space is the prefix as written
	start         int        // offset of '<'
	openEnd       int        // offset just after the start tag's '>'
	closeStart    int        // offset of the end tag's '<' (= openEnd when self-closing)
	end           int        // offset just after the element
	children      []*node
}

// parseTree reads data into a tree of elements without resolving
// namespaces, so prefixes are kept as written.
func parseTree(data []byte) (*node, error) {
	dec := xml.NewDecoder(bytes.NewReader(data))
	root := &node{}
	stack := []*node{root}
	for {
		off := int(dec.InputOffset())
		tok, err := dec.RawToken()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			n := &node{prefix: t.Name.Space, local: t.Name.Local, attrs: t.Attr, start: off, openEnd: int(dec.InputOffset())}
			top := stack[len(stack)-1]
			top.children = append(top.children, n)
			stack = append(stack, n)
		case xml.EndElement:
			if len(stack) < 2 {
				return nil, errors.New("unbalanced end tag")
			}
			n := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			n.end = int(dec.InputOffset())
			if off == n.openEnd && data[n.openEnd-2] == '/' {
				n.closeStart = n.openEnd // self-closing
			} else {
				n.closeStart = off
			}
		}
	}
	if len(stack) != 1 || len(root.children) != 1 {
		return nil, errors.New("no single root element")
	}
	return root.children[0], nil
}

// child is the first child element with the local name, or nil.
func (n *node) child(local string) *node {
	for _, c := range n.children {
		if c.local == local {
			return c
		}
	}
	return nil
}

// attr is the value of the attribute with the local name (any prefix).
func (n *node) attr(local string) string {
	for _, a := range n.attrs {
		if a.Name.Local == local && a.Name.Space != "xmlns" {
			return a.Value
		}
	}
	return ""
}

// selfClosing reports whether the element was written as <x/>.
func (n *node) selfClosing() bool { return n.closeStart == n.openEnd }

// qname is a sibling or child element's name with this element's prefix.
func (n *node) qname(local string) string {
	if n.prefix == "" {
		return local
	}
	return n.prefix + ":" + local
}

// nsPrefix is the prefix the element declares for the namespace uri.
func (n *node) nsPrefix(uri string) (string, bool) {
	for _, a := range n.attrs {
		if a.Name.Space == "xmlns" && a.Value == uri {
			return a.Name.Local, true
		}
	}
	return "", false
}

// edit replaces data[from:to] with text.
type edit struct {
	from, to int
	text     string
}

// splice applies non-overlapping edits to data.
func splice(data []byte, edits []edit) []byte {
	sort.SliceStable(edits, func(i, j int) bool {
		if edits[i].from != edits[j].from {
			return edits[i].from < edits[j].from
		}
		return edits[i].to < edits[j].to // an insertion before a replacement at the same place
	})
	var b bytes.Buffer
	b.Grow(len(data) + 1024)
	at := 0
	for _, e := range edits {
		b.Write(data[at:e.from])
		b.WriteString(e.text)
		at = e.to
	}
	b.Write(data[at:])
	return b.Bytes()
}

// appendChildren is the edit that adds text as the last content of n and
// sets its count attribute to count, turning <x/> into <x>…</x> when
// needed.
func appendChildren(data []byte, n *node, text string, count int) edit {
	c := strconv.Itoa(count)
	start := rebuildStart(n, map[string]string{"count": c}, "<x>")
	if n.attr("count") == "" {
		start = strings.TrimSuffix(start, ">") + ` count="` + c + `">`
	}
	if n.selfClosing() {
		return edit{n.start, n.end, start + text + "</" + n.qname(n.local) + ">"}
	}
	return edit{n.start, n.end, start + string(data[n.openEnd:n.closeStart]) + text + string(data[n.closeStart:n.end])}
}

// rebuildStart writes n's start tag again with some attribute values
// replaced, keeping the others and their order.
func rebuildStart(n *node, set map[string]string, orig string) string {
	var b strings.Builder
	b.WriteString("<" + n.qname(n.local))
	for _, a := range n.attrs {
		name := a.Name.Local
		if a.Name.Space != "" {
			name = a.Name.Space + ":" + name
		}
		v, ok := set[name]
		if !ok {
			v = a.Value
		}
		b.WriteString(" " + name + `="` + escapeAttr(v) + `"`)
	}
	if strings.HasSuffix(orig, "/>") {
		b.WriteString("/>")
	} else {
		b.WriteString(">")
	}
	return b.String()
}

// escapeAttr escapes s for an attribute value in double quotes.
func escapeAttr(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch r {
		case '&':
			b.WriteString("&amp;")
		case '<':
			b.WriteString("&lt;")
		case '>':
			b.WriteString("&gt;")
		case '"':
			b.WriteString("&quot;")
		case '\t':
			b.WriteString("&#9;")
		case '\n':
			b.WriteString("&#10;")
		case '\r':
			b.WriteString("&#13;")
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// insertChild is the edit that adds text as the last content of n,
// turning <x/> into <x>…</x> when needed.
func insertChild(data []byte, n *node, text string) edit {
	if !n.selfClosing() {
		return edit{n.closeStart, n.closeStart, text}
	}
	open := strings.TrimRight(strings.TrimSuffix(string(data[n.start:n.openEnd]), "/>"), " \t\r\n")
	return edit{n.start, n.end, open + ">" + text + "</" + n.qname(n.local) + ">"}
}
