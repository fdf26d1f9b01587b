package xlsx

import (
	"errors"
	"fmt"
	"io"
)

// charData appends the text inside the element just opened to buf and
// consumes its end tag.
func (g *gridReader) charData(buf []byte, end string) ([]byte, error) {
	for {
		ok, err := g.next()
		if err != nil {
			return buf, err
		}
		if buf, err = appendText(buf, g.s.text); err != nil {
			return buf, damaged(err)
		}
		if !ok {
			return buf, damaged(io.ErrUnexpectedEOF)
		}
		if cdata, ok := g.s.cdata(); ok {
			buf = append(buf, cdata...)
			continue
		}
		if name, isEnd := g.s.name(); isEnd && string(name) == end {
			return buf, nil
		}
	}
}

// richText reads a string item (<si> or <is>) up to its end tag: plain
// <t> text and the <t> of each rich-text run, concatenated. Phonetic
// guides (<rPh>, the furigana Japanese Excel adds) are not part of the text.
func (g *gridReader) richText(end string) (string, error) {
	buf := g.rich[:0]
	defer func() { g.rich = buf[:0] }()
	inT, inPhon := false, 0
	for {
		ok, err := g.next()
		if err != nil {
			return "", err
		}
		if inT && inPhon == 0 {
			if buf, err = appendText(buf, g.s.text); err != nil {
				return "", damaged(err)
			}
		}
		if !ok {
			return "", damaged(io.ErrUnexpectedEOF)
		}
		if cdata, ok := g.s.cdata(); ok {
			if inT && inPhon == 0 {
				buf = append(buf, cdata...)
			}
			continue
		}
		name, isEnd := g.s.name()
		closing := isEnd || g.s.selfClosing()
		switch string(name) {
		case "t":
			inT = !closing
		case "rPh":
			if closing {
				inPhon = max(inPhon-1, 0)
			}
			if !isEnd {
				inPhon++
			}
		default:
			if isEnd && string(name) == end {
				return unescapeOOXML(string(buf)), nil
			}
		}
	}
}

// damaged describes a worksheet the XML reader gave up on.
func damaged(err error) error {
	if errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) {
		return fmt.Errorf("%w: it ends too early (was it copied while being saved?)", errDamaged)
	}
	return fmt.Errorf("%w: %v", errDamaged, err)
}

func orDefault(s, def string) string {
	if s == "" {
		return def
	}
	return s
}
