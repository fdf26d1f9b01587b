package xlsx

import (
	"bytes"
	"errors"
	"io"
)

// tagScanner reads worksheet XML one tag at a time without building a
// tree or decoding anything it is not asked for, so a log of a million
// rows streams through in constant memory. Between tags it hands back the
// text as it is stored (still escaped). text and tag point into the
// scanner's window and are valid until the next call to next.
type tagScanner struct {
	r        io.Reader
	buf      []byte
	pos, end int // the unread bytes are buf[pos:end]
	eof      bool
	text     []byte // the text before the current tag
	tag      []byte // the current tag, from '<' to '>' inclusive
	err      error
}

func newTagScanner(r io.Reader) *tagScanner {
	return &tagScanner{r: r, buf: make([]byte, 256<<10)}
}

var errUnclosedTag = errors.New("unclosed tag")

// next reads the text up to the next tag and the tag itself. It returns
// false at the end of the input or on an error (then s.err is set); text
// after the last tag is in s.text.
func (s *tagScanner) next() bool {
	for {
		data := s.buf[s.pos:s.end]
		lt := bytes.IndexByte(data, '<')
		if lt >= 0 {
			// A tag ends at the first '>' outside quotes; comments, CDATA
			// and processing instructions end with their own marker.
			from := lt + 1
			for {
				gt := bytes.IndexByte(data[from:], '>')
				if gt < 0 {
					break
				}
				s.tag = data[lt : from+gt+1]
				if s.tagComplete() {
					s.text = data[:lt]
					s.pos += from + gt + 1
					return true
				}
				from += gt + 1
			}
		}
		if s.eof {
			s.text, s.tag = data, nil
			s.pos = s.end
			if lt >= 0 && s.err == nil {
				s.err = errUnclosedTag
			}
			return false
		}
		s.fill()
	}
}

// fill moves the unread bytes to the front of the window, grows it when
// they fill it, and reads more; at the end of the input, or on an error
// (kept in s.err), it sets s.eof.
func (s *tagScanner) fill() {
	if s.pos > 0 {
		copy(s.buf, s.buf[s.pos:s.end])
		s.end -= s.pos
		s.pos = 0
	}
	if s.end == len(s.buf) {
		s.buf = append(s.buf, make([]byte, len(s.buf))...)
	}
	for {
		n, err := s.r.Read(s.buf[s.end:])
		s.end += n
		if err != nil {
			s.eof = true
			if err != io.EOF {
				s.err = err
			}
			return
		}
		if n > 0 {
			return
		}
	}
}

// tagComplete reports whether s.tag, which ends in '>', is a whole tag.
func (s *tagScanner) tagComplete() bool {
	t := s.tag
	switch {
	case bytes.HasPrefix(t, []byte("<!--")):
		return len(t) >= 7 && bytes.HasSuffix(t, []byte("-->"))
	case bytes.HasPrefix(t, []byte("<![CDATA[")):
		return len(t) >= 12 && bytes.HasSuffix(t, []byte("]]>"))
	case bytes.HasPrefix(t, []byte("<?")):
		return len(t) >= 4 && bytes.HasSuffix(t, []byte("?>"))
	}
	if bytes.IndexByte(t, '\'') < 0 {
		return bytes.Count(t, []byte{'"'})%2 == 0
	}
	var quote byte
	for _, c := range t {
		switch {
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case c == '"' || c == '\'':
			quote = c
		}
	}
	return quote == 0
}

// name is the current tag's local name ("row" for <x:row r="1">), and
// whether it is an end tag.
func (s *tagScanner) name() (local []byte, end bool) {
	t := s.tag[1:]
	if len(t) > 0 && t[0] == '/' {
		end, t = true, t[1:]
	}
	i := 0
	for i < len(t) && !isSpace(t[i]) && t[i] != '>' && t[i] != '/' {
		i++
	}
	local = t[:i]
	if j := bytes.IndexByte(local, ':'); j >= 0 {
		local = local[j+1:]
	}
	return local, end
}

// selfClosing reports whether the current tag is <x/>.
func (s *tagScanner) selfClosing() bool {
	return len(s.tag) >= 2 && s.tag[len(s.tag)-2] == '/'
}

// attr is the raw (still escaped) value of the current tag's attribute
// with that local name, or nil.
func (s *tagScanner) attr(local string) []byte { return tagAttr(s.tag, local) }

// tagAttr finds an attribute in a start tag by local name.
func tagAttr(tag []byte, local string) []byte {
	for i, ok := skipTagName(tag), true; ok; {
		var name, val []byte
		name, val, i, ok = nextAttr(tag, i)
		if ok && string(name) == local {
			return val
		}
	}
	return nil
}

// skipTagName is the index just past a start tag's element name.
func skipTagName(tag []byte) int {
	i := 1
	for i < len(tag) && !isSpace(tag[i]) && tag[i] != '>' && tag[i] != '/' {
		i++
	}
	return i
}

// nextAttr reads the attribute at or after i in a start tag: its local
// name (any prefix dropped), its raw value and where the next one starts.
// xmlns declarations are passed over; ok is false when there are no more
// attributes, or the next one's value is not quoted.
func nextAttr(tag []byte, i int) (name, val []byte, next int, ok bool) {
	for i < len(tag) {
		for i < len(tag) && isSpace(tag[i]) {
			i++
		}
		start := i
		for i < len(tag) && tag[i] != '=' && !isSpace(tag[i]) && tag[i] != '>' && tag[i] != '/' {
			i++
		}
		name = tag[start:i]
		for i < len(tag) && isSpace(tag[i]) {
			i++
		}
		if i >= len(tag) || tag[i] != '=' {
			if i == start {
				i++ // '/', '>' or a stray character
			}
			continue
		}
		i++
		for i < len(tag) && isSpace(tag[i]) {
			i++
		}
		if i >= len(tag) || tag[i] != '"' && tag[i] != '\'' {
			return nil, nil, i, false
		}
		q := tag[i]
		i++
		vs := i
		for i < len(tag) && tag[i] != q {
			i++
		}
		val = tag[vs:min(i, len(tag))]
		i++
		if j := bytes.IndexByte(name, ':'); j >= 0 {
			if string(name[:j]) == "xmlns" {
				continue
			}
			name = name[j+1:]
		}
		return name, val, i, true
	}
	return nil, nil, i, false
}

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

// cdata is the content of the current tag when it is a CDATA section.
func (s *tagScanner) cdata() ([]byte, bool) {
	if bytes.HasPrefix(s.tag, []byte("<![CDATA[")) && bytes.HasSuffix(s.tag, []byte("]]>")) && len(s.tag) >= 12 {
		return s.tag[9 : len(s.tag)-3], true
	}
	return nil, false
}

// attrValue is a raw attribute value with its entities resolved.
func attrValue(raw []byte) (string, error) {
	if bytes.IndexByte(raw, '&') < 0 {
		return string(raw), nil
	}
	b, err := appendText(nil, raw)
	return string(b), err
}

// attrs finds several attributes of the current tag in one pass: vals[i]
// is the raw value of the attribute named names[i], or nil.
func (s *tagScanner) attrs(names []string, vals [][]byte) {
	clear(vals)
	for i, ok := skipTagName(s.tag), true; ok; {
		var name, val []byte
		name, val, i, ok = nextAttr(s.tag, i)
		if !ok {
			return
		}
		for k, n := range names {
			if string(name) == n && vals[k] == nil {
				vals[k] = val
			}
		}
	}
}
