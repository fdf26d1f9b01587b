package config

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Error is one problem in katsudo's configuration, located where the setup
// member can fix it: a line of the file or an environment variable. Load
// joins every problem it finds (errors.Join), one per line.
type Error struct {
	File string // the YAML file, when the problem is in it
	Line int    // the line in File; 0 when the problem is the whole file
	Env  string // the environment variable, when the problem is in the environment
	Key  string // the key concerned, dotted ("tabs.log"); "" for none
	Msg  string // the problem as printed after the location
}

// Error returns the problem as "file:line: msg" or "ENV_VAR: msg".
func (e *Error) Error() string {
	loc := e.Env
	if e.File != "" {
		loc = e.File
		if e.Line > 0 {
			loc += ":" + strconv.Itoa(e.Line)
		}
	}
	return loc + ": " + e.Msg
}

// place is where a value came from: a line of the file or a variable of the
// environment; the zero place is a default.
type place struct {
	file string
	line int
	env  string
}

func (l *loader) add(e *Error) { l.errs = append(l.errs, e) }

// bad records a problem with key's value at p. In the file the message
// names the key; in the environment the variable's name already does.
func (l *loader) bad(p place, key, format string, args ...any) {
	msg := fmt.Sprintf(format, args...)
	if p.env == "" && key != "" {
		msg = key + ": " + msg
	}
	l.add(&Error{File: p.file, Line: p.line, Env: p.env, Key: key, Msg: msg})
}

// ErrRead means the config file could not be read at all (missing when
// named with --config, a folder, not readable); errors.Is finds it, and
// the *fs.PathError beside it, in what Load returns.
var ErrRead = errors.New("read config")

// unknownAliases are names people reach for, and the key they mean.
var unknownAliases = map[string]string{
	"spreadsheet": "spreadsheet_id", "spreadsheet_url": "spreadsheet_id", "spreadsheet_key": "spreadsheet_id",
	"sheet_id": "spreadsheet_id", "sheet_url": "spreadsheet_id", "sheet": "spreadsheet_id",
	"credentials": "google_credentials_file", "credentials_file": "google_credentials_file",
	"service_account": "google_credentials_file", "service_account_file": "google_credentials_file",
	"channel": "slack_channel", "mentions": "slack_mentions",
	"tz": "timezone", "time_zone": "timezone", "lang": "language",
	"fiscal_year_start": "fiscal_year_start_month", "fiscal_year": "fiscal_year_start_month",
	"xlsx": "workbook", "excel": "workbook",
}

// unknown records a key katsudo does not know, with the key meant when one
// is close enough and the keys it knows otherwise.
func (l *loader) unknown(p place, prefix, key string) {
	name := prefix + key
	msg := fmt.Sprintf("unknown key %q", name)
	if sec, sub, ok := strings.Cut(key, "."); ok && prefix == "" && lookup(key) != nil {
		msg += fmt.Sprintf(" (write %q, and %q indented below it)", sec+":", sub+":")
	} else if s := suggest(prefix, key); s != "" {
		msg += " (did you mean " + s + "?)"
	} else {
		where := ""
		if prefix != "" {
			where = " in " + strings.TrimSuffix(prefix, ".")
		}
		msg += fmt.Sprintf(" (known keys%s: %s)", where, strings.Join(children(prefix), ", "))
	}
	l.add(&Error{File: p.file, Line: p.line, Key: name, Msg: msg})
}

// suggest returns the keys nearest to key by edit distance, quoted and
// joined with "or"; "" when none is near enough to be what was meant. At
// the top level it also looks below the sections, for a key written without
// its section.
func suggest(prefix, key string) string {
	norm := normalize(key)
	if prefix == "" {
		if s, ok := unknownAliases[norm]; ok {
			return strconv.Quote(s)
		}
	}
	type candidate struct{ match, key string }
	var cands []candidate
	for _, c := range children(prefix) {
		cands = append(cands, candidate{c, prefix + c})
	}
	if prefix == "" {
		for _, f := range fields {
			if _, sub, ok := strings.Cut(f.name, "."); ok {
				cands = append(cands, candidate{sub, f.name})
			}
		}
	}
	best, found := -1, []string{}
	for _, c := range cands {
		d := distance(norm, c.match)
		if len(norm) >= 4 && strings.HasPrefix(c.match, norm) {
			d = 1 // a key cut short: "deadline" for "deadline_day"
		}
		if d > max(1, utf8.RuneCountInString(norm)/4) {
			continue
		}
		switch {
		case best < 0 || d < best:
			best, found = d, []string{strconv.Quote(c.key)}
		case d == best:
			found = append(found, strconv.Quote(c.key))
		}
	}
	return strings.Join(found, " or ")
}

func normalize(key string) string {
	return strings.NewReplacer("-", "_", " ", "_").Replace(strings.ToLower(key))
}

// distance is the edit distance between a and b in runes, a swap of two
// neighbours counting as one edit (optimal string alignment).
func distance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	d := make([][]int, len(ra)+1)
	for i := range d {
		d[i] = make([]int, len(rb)+1)
		d[i][0] = i
	}
	for j := range d[0] {
		d[0][j] = j
	}
	for i := 1; i <= len(ra); i++ {
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			d[i][j] = min(d[i-1][j]+1, d[i][j-1]+1, d[i-1][j-1]+cost)
			if i > 1 && j > 1 && ra[i-1] == rb[j-2] && ra[i-2] == rb[j-1] {
				d[i][j] = min(d[i][j], d[i-2][j-2]+1)
			}
		}
	}
	return d[len(ra)][len(rb)]
}
