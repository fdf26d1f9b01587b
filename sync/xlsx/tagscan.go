package xlsx

import (
	"bufio"
	"bytes"
	"errors"
	"io"
)

// tagScanner reads worksheet XML one tag at a time without building a
// tree or decoding anything it is not asked for, so a log of a million
// rows streams through in constant memory. Between tags it hands back the
// text as it is stored (still escaped).
type tagScanner struct {
	r    *bufio.Reader
	text []byte // the text before the current tag
	tag  []byte // the current tag, from '<' to '>' inclusive
	err  error
}

func newTagScanner(r io.Reader) *tagScanner {
	return &tagScanner{r: bufio.NewReaderSize(r, 256<<10)}
}

var errUnclosedTag = errors.New("unclosed tag")

// next reads the text up to the next tag and the tag itself. It returns
// false at the end of the input or on an error (then s.err is set); text
// after the last tag is in s.text.
func (s *tagScanner) next() bool {
	s.text, s.tag = s.text[:0], s.tag[:0]
	for {
		chunk, err := s.r.ReadSlice('<')
		if err == bufio.ErrBufferFull {
			s.text = append(s.text, chunk...)
			continue
		}
		if err != nil {
			s.text = append(s.text, chunk...)
			if err != io.EOF {
				s.err = err
			}
			return false
		}
		s.text = append(s.text, chunk[:len(chunk)-1]...)
		break
	}
	s.tag = append(s.tag, '<')
	// Comments, CDATA and processing instructions end with their own
	// marker; any other tag ends at the first '>' outside quotes.
	peek, _ := s.r.Peek(8)
	switch {
	case bytes.HasPrefix(peek, []byte("!--")):
		return s.until([]byte("-->"))
	case bytes.HasPrefix(peek, []byte("![CDATA[")):
		return s.until([]byte("]]>"))
	case bytes.HasPrefix(peek, []byte("?")):
		return s.until([]byte("?>"))
	}
	var quote byte
	for {
		c, err := s.r.ReadByte()
		if err != nil {
			s.err = errUnclosedTag
			return false
		}
		s.tag = append(s.tag, c)
		switch {
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case c == '"' || c == '\'':
			quote = c
		case c == '>':
			return true
		}
	}
}

// until reads the rest of a tag that ends with end.
func (s *tagScanner) until(end []byte) bool {
	for {
		c, err := s.r.ReadByte()
		if err != nil {
			s.err = errUnclosedTag
			return false
		}
		s.tag = append(s.tag, c)
		if bytes.HasSuffix(s.tag, end) {
			return true
		}
	}
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
	i := 1
	for i < len(tag) && !isSpace(tag[i]) && tag[i] != '>' && tag[i] != '/' {
		i++ // the element's name
	}
	for i < len(tag) {
		for i < len(tag) && isSpace(tag[i]) {
			i++
		}
		start := i
		for i < len(tag) && tag[i] != '=' && !isSpace(tag[i]) && tag[i] != '>' && tag[i] != '/' {
			i++
		}
		name := tag[start:i]
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
			return nil
		}
		q := tag[i]
		i++
		vs := i
		for i < len(tag) && tag[i] != q {
			i++
		}
		val := tag[vs:min(i, len(tag))]
		i++
		if j := bytes.IndexByte(name, ':'); j >= 0 {
			if string(name[:j]) == "xmlns" {
				continue
			}
			name = name[j+1:]
		}
		if string(name) == local {
			return val
		}
	}
	return nil
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
