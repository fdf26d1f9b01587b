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
	Msg  string // the problem in English, as printed after the location
	Ja   string // the same in Japanese
	// Lang is the language Error speaks: "en" for English, anything else
	// for Japanese. Load sets it to the language the config names (see
	// Language), so that a config error reads like the rest of katsudo.
	Lang string
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
	if e.Lang != "en" && e.Ja != "" {
		return loc + ": " + e.Ja
	}
	return loc + ": " + e.Msg
}

// said is an error a key's setter returns with what is wrong in both
// languages; Error is the English.
type said struct{ en, ja string }

func (s said) Error() string { return s.en }

// place is where a value came from: a line of the file or a variable of the
// environment; the zero place is a default.
type place struct {
	file string
	line int
	env  string
}

func (l *loader) add(e *Error) { l.errs = append(l.errs, e) }

// bad records a problem with key's value at p, said in English and in
// Japanese. In the file the message names the key; in the environment the
// variable's name already does.
func (l *loader) bad(p place, key, en, ja string) {
	if p.env == "" && key != "" {
		en, ja = key+": "+en, key+": "+ja
	}
	l.add(&Error{File: p.file, Line: p.line, Env: p.env, Key: key, Msg: en, Ja: ja})
}

// foundWant is the usual problem: what was found, and what the key takes.
func (l *loader) foundWant(p place, f *field, found, foundJa string) {
	l.bad(p, f.name, "found "+found+", expected "+f.want, foundJa+" が指定されていますが、"+withParticle(f.wantJa, "を指定してください"))
}

// withParticle joins a Japanese phrase and what follows it, with a space
// after a phrase that ends in ASCII ("true か false を…"), none after one
// that ends in Japanese ("日にちを…").
func withParticle(phrase, rest string) string {
	if r, _ := utf8.DecodeLastRuneInString(phrase); r < utf8.RuneSelf {
		return phrase + " " + rest
	}
	return phrase + rest
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
	ja := fmt.Sprintf("%q というキーはありません", name)
	if sec, sub, ok := strings.Cut(key, "."); ok && prefix == "" && lookup(key) != nil {
		msg += fmt.Sprintf(" (write %q, and %q indented below it)", sec+":", sub+":")
		ja += fmt.Sprintf("（%q と書き、その下に %q を字下げして書いてください）", sec+":", sub+":")
	} else if s := suggest(prefix, key); s != "" {
		msg += " (did you mean " + s + "?)"
		ja += "（" + strings.ReplaceAll(s, " or ", " か ") + " の書き間違いではありませんか？）"
	} else {
		where, whereJa := "", ""
		if prefix != "" {
			where = " in " + strings.TrimSuffix(prefix, ".")
			whereJa = strings.TrimSuffix(prefix, ".") + " の"
		}
		msg += fmt.Sprintf(" (known keys%s: %s)", where, strings.Join(children(prefix), ", "))
		ja += fmt.Sprintf("（%s使えるキー：%s）", whereJa, strings.Join(children(prefix), ", "))
	}
	l.add(&Error{File: p.file, Line: p.line, Key: name, Msg: msg, Ja: ja})
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
