package sheetstest

import (
	"encoding/json"
	"net/http"
	"net/url"
	"strings"
)

// KindAppend is POST /v4/spreadsheets/{id}/values/{range}:append. A Fault
// with Halfway set on it appends the rows and then answers with the
// fault's status, as when Google's answer is lost on the way back.
const KindAppend = "append"

// appendRoute recognises values:append and returns the range.
func appendRoute(rest string) (id, a1 string, ok bool) {
	id, tail, found := strings.Cut(rest, "/values/")
	if !found || !strings.HasSuffix(tail, ":append") {
		return "", "", false
	}
	a1, err := url.PathUnescape(strings.TrimSuffix(tail, ":append"))
	return id, a1, err == nil
}

// appendValues answers values:append as Google does for what katsudo
// sends (valueInputOption RAW, insertDataOption INSERT_ROWS): the rows go
// below the last row holding a value, from the range's first column on,
// and every value is kept as it was sent — text that starts with = is
// text, never a formula.
func (s *Server) appendValues(w http.ResponseWriter, r *http.Request, b *book, a1 string, fault *Fault) {
	q := r.URL.Query()
	if q.Get("valueInputOption") != "RAW" || q.Get("insertDataOption") != "INSERT_ROWS" {
		writeError(w, http.StatusBadRequest, "INVALID_ARGUMENT", "sheetstest: katsudo appends with valueInputOption=RAW and insertDataOption=INSERT_ROWS")
		return
	}
	g, ok := b.parseRange(a1)
	if !ok {
		writeError(w, http.StatusBadRequest, "INVALID_ARGUMENT", "Unable to parse range: "+a1)
		return
	}
	var body struct {
		Values [][]any `json:"values"`
	}
	if err := json.NewDecoder(r.Body).Decode(&body); err != nil {
		writeError(w, http.StatusBadRequest, "INVALID_ARGUMENT", "Invalid JSON payload received.")
		return
	}
	sh := g.sh
	last := g.r0 - 1
	for i, row := range sh.rows {
		for _, x := range row {
			if x.value != nil && int64(i) > last {
				last = int64(i)
			}
		}
	}
	start := last + 1
	// INSERT_ROWS: the rows below move down to make room.
	if start < int64(len(sh.rows)) {
		tail := append([][]cell(nil), sh.rows[start:]...)
		sh.rows = append(sh.rows[:start], make([][]cell, len(body.Values))...)
		sh.rows = append(sh.rows, tail...)
	}
	width := int64(0)
	for i, row := range body.Values {
		for c, v := range row {
			if s, ok := v.(string); ok && s == "" {
				continue
			}
			if v != nil {
				sh.set(start+int64(i), g.c0+int64(c), func(x *cell) { x.value = v })
			}
		}
		width = max(width, int64(len(row)))
	}
	sh.rowCount = max(sh.rowCount, int64(len(sh.rows)))
	sh.colCount = max(sh.colCount, g.c0+width)
	if fault != nil && fault.Halfway && fault.Status != 0 {
		writeError(w, fault.Status, statusName(fault.Status), fault.message())
		return
	}
	end := start + int64(len(body.Values)) - 1
	last1 := sh.a1(end, g.c0+max(width, 1)-1)
	updated := sh.a1(start, g.c0) + ":" + last1[strings.LastIndex(last1, "!")+1:]
	writeJSON(w, http.StatusOK, map[string]any{
		"spreadsheetId": b.id,
		"updates": map[string]any{
			"spreadsheetId": b.id, "updatedRange": updated,
			"updatedRows": len(body.Values), "updatedColumns": width, "updatedCells": len(body.Values) * int(width),
		},
	})
}
