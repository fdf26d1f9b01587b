package config

import (
	"strconv"
	"strings"
)

// SheetURL is the address of a Google spreadsheet, by its ID, as a member
// opens it in the browser. Every link katsudo gives to a spreadsheet is
// built here.
func SheetURL(id string) string { return "https://docs.google.com/spreadsheets/d/" + id + "/edit" }

// SheetLink opens the spreadsheet at a reference (活動ログ!A17, チェック):
// the tab by its gid and the cell or row by range
// (…/edit#gid=123&range=A17). A tab whose gid is not known opens the
// spreadsheet.
func SheetLink(id, ref string, gids map[string]int64) string {
	base := SheetURL(id)
	tab, cell, _ := strings.Cut(ref, "!")
	gid, ok := gids[tab]
	if !ok {
		return base
	}
	u := base + "#gid=" + strconv.FormatInt(gid, 10)
	if cell != "" {
		u += "&range=" + cell
	}
	return u
}
