package xlsx

import (
	"encoding/xml"
	"errors"
	"fmt"
	"io"
)

// charData appends the text inside the element just opened to buf and
// consumes its end tag.
func (g *gridReader) charData(buf []byte, end string) ([]byte, error) {
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
func richText(dec *xml.Decoder, end string) (string, error) {
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

// damaged describes a worksheet the XML reader gave up on.
func damaged(err error) error {
	if errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) {
		return fmt.Errorf("%w: it ends too early (was it copied while being saved?)", errDamaged)
	}
	return fmt.Errorf("%w: %v", errDamaged, err)
}

// attr returns the value of the attribute named local, "" when absent.
func attr(e xml.StartElement, local string) string {
	for _, a := range e.Attr {
		if a.Name.Local == local {
			return a.Value
		}
	}
	return ""
}

func orDefault(s, def string) string {
	if s == "" {
		return def
	}
	return s
}
