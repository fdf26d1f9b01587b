package config

import (
	"net/url"
	"strings"
)

// spreadsheetID returns the spreadsheet's ID from either the ID itself or
// the URL a member copies from the browser's address bar:
//
//	https://docs.google.com/spreadsheets/d/<ID>/edit#gid=0
//	https://docs.google.com/spreadsheets/d/<ID>/edit?usp=sharing
//	https://docs.google.com/spreadsheets/u/0/d/<ID>/edit
//	https://docs.google.com/a/example.org/spreadsheets/d/<ID>/edit
//	docs.google.com/spreadsheets/d/<ID>
func spreadsheetID(v string) (string, error) {
	if !strings.ContainsAny(v, "/:") {
		if !isID(v) {
			return v, errBad
		}
		return v, nil
	}
	if strings.HasPrefix(strings.ToLower(v), "docs.google.com/") {
		v = "https://" + v
	}
	u, err := url.Parse(v)
	if err != nil || (u.Scheme != "https" && u.Scheme != "http") || !strings.EqualFold(u.Host, "docs.google.com") {
		return v, said{"not a Google Sheets URL", "Google スプレッドシートの URL ではありません"}
	}
	segs := strings.Split(strings.Trim(u.Path, "/"), "/")
	if len(segs) >= 2 && segs[0] == "a" { // a Google Workspace domain: /a/example.org/spreadsheets/…
		segs = segs[2:]
	}
	if len(segs) == 0 || segs[0] != "spreadsheets" {
		return v, said{"not a Google Sheets URL", "Google スプレッドシートの URL ではありません"}
	}
	segs = segs[1:]
	if len(segs) >= 2 && segs[0] == "u" { // a signed-in account's number: /u/0/d/…
		segs = segs[2:]
	}
	switch {
	case len(segs) < 2 || segs[0] != "d":
		return v, said{"the URL has no spreadsheet ID (…/spreadsheets/d/<ID>/…)", "URL にスプレッドシートの ID がありません（…/spreadsheets/d/<ID>/…）"}
	case segs[1] == "e":
		return v, said{"a published-to-the-web link does not name the spreadsheet; copy the address bar while editing it", "「ウェブに公開」のリンクからはスプレッドシートがわかりません。編集画面のアドレスバーの URL をコピーしてください"}
	case !isID(segs[1]):
		return v, errBad
	}
	return segs[1], nil
}

// isID reports whether s is made of the characters of Google Drive IDs.
func isID(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if (r < 'a' || r > 'z') && (r < 'A' || r > 'Z') && (r < '0' || r > '9') && r != '-' && r != '_' {
			return false
		}
	}
	return true
}
