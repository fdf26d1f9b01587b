package config

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

// Load returns the settings katsudo runs with: the defaults, overridden by
// the file at path, overridden by the environment (KATSUDO_ and the key in
// upper case, dots as underscores: tabs.log → KATSUDO_TABS_LOG). Secrets and
// API endpoints come from the environment only (SLACK_BOT_TOKEN,
// SLACK_WEBHOOK_URL, KATSUDO_SHEETS_ENDPOINT, KATSUDO_SLACK_API_URL), and
// GOOGLE_APPLICATION_CREDENTIALS names the credentials when nothing else
// does.
//
// A missing file is fine unless required is true (the user named it with
// --config); path "" means no file. An empty value, in the file or the
// environment, leaves the key at its default. Relative paths in the file are
// relative to the file's folder.
//
// Every problem is reported at once, each with its file and line or its
// environment variable, as *Error values joined with errors.Join; the
// returned Config is then the zero value. getenv is usually os.Getenv; nil
// means an empty environment.
func Load(path string, required bool, getenv func(string) string) (Config, error) {
	if getenv == nil {
		getenv = func(string) string { return "" }
	}
	l := &loader{cfg: Default(), getenv: getenv, origin: map[string]place{}}
	if path != "" {
		data, err := os.ReadFile(path)
		switch {
		case err == nil:
			l.cfg.Source, l.file, l.dir = path, path, filepath.Dir(path)
			l.readFile(data)
		case errors.Is(err, fs.ErrNotExist) && !required:
		default:
			return Config{}, fmt.Errorf("%w: %w", ErrRead, err)
		}
	}
	l.environment()
	l.secrets()
	l.checkTabs()
	if len(l.errs) > 0 {
		return Config{}, errors.Join(l.errs...)
	}
	return l.cfg, nil
}

// loader accumulates the settings and every problem found with them.
type loader struct {
	cfg    Config
	file   string // the file being read, for messages
	dir    string // its folder, which relative paths in it start from
	getenv func(string) string
	origin map[string]place // where each key set so far came from
	errs   []error
}

func (l *loader) env(name string) string { return strings.TrimSpace(l.getenv(name)) }

func (l *loader) readFile(data []byte) {
	if !utf8.Valid(data) {
		line := 1 + bytes.Count(data[:invalidUTF8(data)], []byte("\n"))
		l.add(&Error{File: l.file, Line: line, Msg: "found bytes that are not UTF-8 text, expected the file saved as UTF-8 (not Shift_JIS)"})
		return
	}
	dec := yaml.NewDecoder(bytes.NewReader(data))
	var doc yaml.Node
	if err := dec.Decode(&doc); err != nil {
		if err != io.EOF { // io.EOF: empty, or only comments
			l.syntax(err, data)
		}
		return
	}
	var next yaml.Node
	switch err := dec.Decode(&next); {
	case err == nil:
		l.add(&Error{File: l.file, Line: next.Line, Msg: "found a second YAML document (after ---), expected one"})
	case err != io.EOF:
		l.syntax(err, data)
	}
	if len(doc.Content) == 0 {
		return
	}
	switch root := deref(doc.Content[0]); {
	case isNull(root):
	case root.Kind != yaml.MappingNode:
		l.add(&Error{File: l.file, Line: root.Line, Msg: "found " + describe(root) + `, expected settings as "key: value" lines`})
	default:
		l.walk(root, "")
	}
}

// walk applies the keys of mapping m, whose keys are prefix + their name.
func (l *loader) walk(m *yaml.Node, prefix string) {
	seen := map[string]int{}
	for i := 0; i+1 < len(m.Content); i += 2 {
		k, v := m.Content[i], deref(m.Content[i+1])
		name := prefix + k.Value
		at := place{file: l.file, line: k.Line}
		if first, dup := seen[name]; dup {
			l.bad(at, name, "set twice (also on line %d), expected once", first)
			continue
		}
		seen[name] = k.Line
		if strings.Contains(k.Value, ".") { // tabs.log is written nested
			l.unknown(at, prefix, k.Value)
		} else if f := lookup(name); f != nil {
			l.setNode(f, k, v, at)
		} else if fix := fileSecret(k.Value); fix != "" {
			l.bad(at, name, "%s", fix)
		} else if isSection(name) {
			l.section(name, v, at)
		} else {
			l.unknown(at, prefix, k.Value)
		}
	}
}

func (l *loader) section(name string, v *yaml.Node, at place) {
	switch {
	case v.Kind == yaml.MappingNode:
		l.walk(v, name+".")
	case isNull(v): // "tabs:" with nothing below it
	default:
		l.bad(at, name, "found %s, expected keys indented below it (%s)", describe(v), strings.Join(children(name+"."), ", "))
	}
}

func (l *loader) setNode(f *field, k, v *yaml.Node, at place) {
	switch {
	case isNull(v):
		// An unquoted # starts a comment: `slack_channel: #katsudo` is empty.
		c, _, _ := strings.Cut(v.LineComment+k.LineComment, " ")
		if f.name == "slack_channel" && len(c) > 1 && c[0] == '#' && c[1] != '#' {
			l.bad(at, f.name, `found nothing, because YAML reads %s as a comment; expected the name in quotes: slack_channel: "%s"`, strconv.Quote(c), c)
		}
	case v.Kind == yaml.ScalarNode:
		l.apply(f, strings.TrimSpace(v.Value), at)
	default:
		l.bad(at, f.name, "found %s, expected %s", describe(v), f.want)
	}
}

// environment applies KATSUDO_* variables over the file.
func (l *loader) environment() {
	for i := range fields {
		name := EnvName(fields[i].name)
		l.apply(&fields[i], l.env(name), place{env: name})
	}
	if _, set := l.origin["google_credentials_file"]; !set {
		l.cfg.GoogleCredentialsFile = l.env("GOOGLE_APPLICATION_CREDENTIALS")
	}
}

// apply sets key f to v, read at p; an empty v leaves the key as it is.
func (l *loader) apply(f *field, v string, p place) {
	if v == "" {
		return
	}
	l.origin[f.name] = p
	if looksSecret(v) {
		l.bad(p, f.name, "found %s, expected %s; secrets belong in the environment (SLACK_BOT_TOKEN, SLACK_WEBHOOK_URL)", shown(v), f.want)
		return
	}
	stored := v
	if f.path {
		stored = l.resolve(v, p)
	}
	found := shown(v)
	if f.secret {
		found = "something else (not shown: it works like a password)"
	}
	switch err := f.set(&l.cfg, stored); {
	case err == nil:
	case errors.Is(err, errBad):
		l.bad(p, f.name, "found %s, expected %s", found, f.want)
	default:
		l.bad(p, f.name, "found %s, expected %s: %v", found, f.want, err)
	}
}

// resolve expands a leading ~/ to the home folder and makes a path read
// from the file relative to the file's folder, so that katsudo finds the
// same files whichever folder cron or systemd starts it in.
func (l *loader) resolve(path string, p place) string {
	if rest, ok := strings.CutPrefix(path, "~/"); ok {
		if home := l.env("HOME"); home != "" {
			path = filepath.Join(home, rest)
		}
	}
	if p.file != "" && !filepath.IsAbs(path) {
		path = filepath.Join(l.dir, path)
	}
	return path
}

var yamlError = regexp.MustCompile(`^yaml: (?:line (\d+): )?(.*)$`)

// syntax records a YAML syntax error at its line. yaml.v3 leaves the line
// out when it is the first.
func (l *loader) syntax(err error, data []byte) {
	line, msg := 1, err.Error()
	if m := yamlError.FindStringSubmatch(msg); m != nil {
		if m[1] != "" {
			line, _ = strconv.Atoi(m[1])
		}
		msg = m[2]
	}
	switch lines := strings.Split(string(data), "\n"); {
	case line <= len(lines) && strings.Contains(indent(lines[line-1]), "\t"):
		msg += " (indent with spaces, not tabs)"
	case strings.Contains(msg, "cannot start any token"):
		msg += " (put the value in quotes)"
	}
	l.add(&Error{File: l.file, Line: line, Msg: "not valid YAML: " + msg})
}

func indent(line string) string {
	return line[:len(line)-len(strings.TrimLeft(line, " \t"))]
}

func deref(n *yaml.Node) *yaml.Node {
	for n.Kind == yaml.AliasNode && n.Alias != nil {
		n = n.Alias
	}
	return n
}

func isNull(n *yaml.Node) bool { return n.Kind == yaml.ScalarNode && n.Tag == "!!null" }

// describe says what a node is, for "found …" in messages.
func describe(n *yaml.Node) string {
	switch {
	case n.Kind == yaml.MappingNode:
		return "a mapping"
	case n.Kind == yaml.SequenceNode:
		return "a list"
	case isNull(n):
		return "nothing"
	}
	return shown(strings.TrimSpace(n.Value))
}

func invalidUTF8(data []byte) int {
	for i := 0; i < len(data); {
		r, size := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && size == 1 {
			return i
		}
		i += size
	}
	return len(data)
}
