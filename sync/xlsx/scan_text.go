package xlsx

import (
	"bytes"
	"fmt"
	"strconv"
	"unicode/utf8"
)

// appendText appends XML character data to buf as the text it stands
// for: entities and character references resolved, and line ends
// normalised to \n as XML requires (a written &#13; stays a \r).
func appendText(buf, raw []byte) ([]byte, error) {
	for len(raw) > 0 {
		i := bytes.IndexAny(raw, "&\r")
		if i < 0 {
			return append(buf, raw...), nil
		}
		buf = append(buf, raw[:i]...)
		raw = raw[i:]
		if raw[0] == '\r' {
			buf = append(buf, '\n')
			raw = raw[1:]
			if len(raw) > 0 && raw[0] == '\n' {
				raw = raw[1:]
			}
			continue
		}
		end := bytes.IndexByte(raw, ';')
		if end < 0 {
			return buf, fmt.Errorf("unterminated entity %q", truncate(raw))
		}
		ent := raw[1:end]
		raw = raw[end+1:]
		switch string(ent) {
		case "amp":
			buf = append(buf, '&')
		case "lt":
			buf = append(buf, '<')
		case "gt":
			buf = append(buf, '>')
		case "quot":
			buf = append(buf, '"')
		case "apos":
			buf = append(buf, '\'')
		default:
			r, ok := charRef(ent)
			if !ok {
				return buf, fmt.Errorf("invalid character entity &%s;", truncate(ent))
			}
			buf = utf8.AppendRune(buf, r)
		}
	}
	return buf, nil
}

// charRef decodes the inside of a character reference: #65 or #x41.
func charRef(ent []byte) (rune, bool) {
	if len(ent) < 2 || ent[0] != '#' {
		return 0, false
	}
	var n uint64
	var err error
	if ent[1] == 'x' {
		n, err = strconv.ParseUint(string(ent[2:]), 16, 32)
	} else {
		n, err = strconv.ParseUint(string(ent[1:]), 10, 32)
	}
	if err != nil || !isXMLChar(rune(n)) {
		return 0, false
	}
	return rune(n), true
}

// isXMLChar reports whether XML 1.0 allows r in a document.
func isXMLChar(r rune) bool {
	return r == 0x09 || r == 0x0A || r == 0x0D ||
		r >= 0x20 && r <= 0xD7FF ||
		r >= 0xE000 && r <= 0xFFFD ||
		r >= 0x10000 && r <= 0x10FFFF
}

// checkText refuses text XML does not allow: invalid UTF-8 and control
// characters, the signs of a damaged or non-XML part.
func checkText(raw []byte) error {
	for i := 0; i < len(raw); {
		c := raw[i]
		if c >= 0x20 && c < utf8.RuneSelf {
			i++
			continue
		}
		r, n := utf8.DecodeRune(raw[i:])
		if r == utf8.RuneError && n == 1 {
			return fmt.Errorf("invalid UTF-8")
		}
		if !isXMLChar(r) {
			return fmt.Errorf("illegal character code %U", r)
		}
		i += n
	}
	return nil
}

func truncate(b []byte) string {
	if len(b) > 16 {
		return string(b[:16]) + "…"
	}
	return string(b)
}
