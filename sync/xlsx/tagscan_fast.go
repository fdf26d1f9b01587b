package xlsx

import "bytes"

// The fast paths of the tag scanner: the shapes Excel writes a million
// times in a large log (a cell's start tag, its value, a plain shared
// string) read in one pass each, everything else left to next.

// cellAttrs reads the r, t and s attributes of a <c> start tag into
// vals, as attrs(cellAttrNames, vals) would. Excel writes them as
// r="A1" s="3" t="s", one letter, no prefix, no space around '=', double
// quotes; those are read in one pass without comparing names as strings.
// Any other shape is left to attrs.
func (s *tagScanner) cellAttrs(vals *[3][]byte) {
	clear(vals[:])
	tag := s.tag
	i := skipTagName(tag)
	for {
		for i < len(tag) && tag[i] == ' ' {
			i++
		}
		if i >= len(tag) || tag[i] == '/' || tag[i] == '>' {
			return
		}
		if i+3 >= len(tag) || tag[i+1] != '=' || tag[i+2] != '"' {
			break
		}
		k := -1
		switch tag[i] {
		case 'r':
			k = 0
		case 't':
			k = 1
		case 's':
			k = 2
		}
		q := 0 // the value's length: values here are a few characters
		for i+3+q < len(tag) && tag[i+3+q] != '"' {
			q++
		}
		if k < 0 || i+3+q >= len(tag) {
			break
		}
		if vals[k] == nil {
			vals[k] = tag[i+3 : i+3+q]
		}
		i += 3 + q + 1
		if i < len(tag) && tag[i] != ' ' && tag[i] != '/' && tag[i] != '>' {
			break
		}
	}
	s.attrs(cellAttrNames, vals[:])
}

// cellStart is a fast path for the commonest tag, a cell's start tag
// (<c r="A1" s="3" t="s">) with no text before it: when the window holds
// it whole, it becomes the current tag, as next would make it, without
// the general search. Otherwise it leaves the scanner as it was.
func (s *tagScanner) cellStart() bool {
	data := s.buf[s.pos:s.end]
	if len(data) < 4 || data[0] != '<' || data[1] != 'c' || data[2] != ' ' && data[2] != '>' && data[2] != '/' {
		return false
	}
	// One pass to the first '>', as next finds the end of a tag whose
	// quotes pair up; anything else is left to next.
	quotes := 0
	for gt := 2; gt < len(data); gt++ {
		switch data[gt] {
		case '"':
			quotes++
		case '\'':
			return false
		case '>':
			if quotes%2 != 0 {
				return false
			}
			s.text, s.tag = nil, data[:gt+1]
			s.pos += gt + 1
			return true
		}
	}
	return false
}

// simpleText is the fast path for the commonest string item,
// <si><t>text</t></si> (or <t xml:space="preserve">), taken right after the
// <si> start tag, as simpleValue is for a cell's value.
func (s *tagScanner) simpleText() ([]byte, bool) {
	data := s.buf[s.pos:s.end]
	var n int
	switch {
	case bytes.HasPrefix(data, []byte("<t>")):
		n = len("<t>")
	case bytes.HasPrefix(data, []byte(`<t xml:space="preserve">`)):
		n = len(`<t xml:space="preserve">`)
	default:
		return nil, false
	}
	lt := bytes.IndexByte(data[n:], '<')
	if lt < 0 {
		return nil, false
	}
	v := data[n : n+lt]
	if !bytes.HasPrefix(data[n+lt:], []byte("</t></si>")) || bytes.IndexByte(v, '&') >= 0 || bytes.IndexByte(v, '\r') >= 0 {
		return nil, false
	}
	s.pos += n + lt + len("</t></si>")
	s.text, s.tag = nil, nil
	return v, true
}

// simpleValue is a fast path for the commonest cell, <c …><v>text</v></c>,
// taken right after the <c> start tag: when the window holds the whole
// rest of the cell and its value needs no unescaping, it returns the
// value and moves past </c>. Otherwise it leaves the scanner as it was.
func (s *tagScanner) simpleValue() ([]byte, bool) {
	data := s.buf[s.pos:s.end]
	if !bytes.HasPrefix(data, []byte("<v>")) {
		return nil, false
	}
	// A value is a few characters: one pass finds its end and whatever
	// would need unescaping.
	lt := 3
	for ; lt < len(data) && data[lt] != '<'; lt++ {
		if data[lt] == '&' || data[lt] == '\r' {
			return nil, false
		}
	}
	if !bytes.HasPrefix(data[lt:], []byte("</v></c>")) {
		return nil, false
	}
	s.pos += lt + len("</v></c>")
	s.text, s.tag = nil, nil
	return data[3:lt], true
}
