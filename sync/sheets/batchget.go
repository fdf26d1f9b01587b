package sheets

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"

	"github.com/katsudo-npo/katsudo/activity"
	"google.golang.org/api/googleapi"
)

// batchGet is spreadsheets.values.batchGet (unformatted values, dates as
// serial numbers, rows first, only the values), decoded as it streams in.
//
// The client library's Do decodes the whole answer into [][]interface{}
// — every cell boxed, the answer's text held whole while it decodes —
// and only then can katsudo turn it into cells: about 1.35 KiB a row of a
// 11-column log held at the peak. The library offers the request's
// options (valueRenderOption, dateTimeRenderOption, majorDimension, a
// fields mask, all used) but no streaming decode for this method, so the
// same request goes through the same signed-in client here, and each row
// becomes cells as soon as it is read: only the grid stays.
func (s *Spreadsheet) batchGet(ctx context.Context, ranges []string) ([]activity.Grid, error) {
	q := url.Values{}
	for _, r := range ranges {
		q.Add("ranges", r)
	}
	q.Set("valueRenderOption", "UNFORMATTED_VALUE")
	q.Set("dateTimeRenderOption", "SERIAL_NUMBER")
	q.Set("majorDimension", "ROWS")
	q.Set("fields", "valueRanges(range,values)")
	q.Set("alt", "json")
	u := s.svc.BasePath + "v4/spreadsheets/" + url.PathEscape(s.id) + "/values:batchGet?" + q.Encode()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	if err != nil {
		return nil, err
	}
	req.Header.Set("User-Agent", s.svc.UserAgent)
	res, err := s.client.Do(req)
	if err != nil {
		return nil, err
	}
	defer res.Body.Close()
	if err := googleapi.CheckResponse(res); err != nil {
		return nil, err
	}
	grids, err := decodeValueRanges(json.NewDecoder(res.Body))
	if err != nil {
		return nil, fmt.Errorf("read Google's answer: %w", err)
	}
	return grids, nil
}

// decodeValueRanges reads {"valueRanges":[{"range":…,"values":[[…],…]},…]}
// row by row.
func decodeValueRanges(dec *json.Decoder) ([]activity.Grid, error) {
	var grids []activity.Grid
	err := field(dec, "valueRanges", func() error {
		return elements(dec, func() error {
			g, err := decodeValueRange(dec)
			grids = append(grids, g)
			return err
		})
	})
	return grids, err
}

// decodeValueRange reads one {"range":…,"values":[[…],…]}.
func decodeValueRange(dec *json.Decoder) (activity.Grid, error) {
	var g activity.Grid
	var row []any
	err := field(dec, "values", func() error {
		return elements(dec, func() error {
			row = row[:0]
			if err := dec.Decode(&row); err != nil {
				return err
			}
			g = append(g, gridRow(row))
			return nil
		})
	})
	if err != nil || len(g) == 0 {
		return nil, err
	}
	return g, nil
}

// field reads an object, calling fn to read the value of the key name
// and skipping every other value.
func field(dec *json.Decoder, name string, fn func() error) error {
	if err := expectDelim(dec, '{'); err != nil {
		return err
	}
	for dec.More() {
		key, err := dec.Token()
		if err != nil {
			return err
		}
		if key != name {
			var skip json.RawMessage
			if err := dec.Decode(&skip); err != nil {
				return err
			}
			continue
		}
		if err := fn(); err != nil {
			return err
		}
	}
	return expectDelim(dec, '}')
}

// elements reads an array, calling fn to read each element.
func elements(dec *json.Decoder, fn func() error) error {
	if err := expectDelim(dec, '['); err != nil {
		return err
	}
	for dec.More() {
		if err := fn(); err != nil {
			return err
		}
	}
	return expectDelim(dec, ']')
}

func expectDelim(dec *json.Decoder, want json.Delim) error {
	tok, err := dec.Token()
	if err != nil {
		return err
	}
	if d, ok := tok.(json.Delim); !ok || d != want {
		return fmt.Errorf("unexpected %v, want %v", tok, want)
	}
	return nil
}
