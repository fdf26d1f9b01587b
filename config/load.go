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
			return Config{}, &readError{err: err, lang: Language("", getenv)}
		}
	}
	l.environment()
	l.secrets()
	l.checkTabs()
	if len(l.errs) > 0 {
		lang := "ja" // the config's own language when it names English, else Japanese
		if l.cfg.Language == "en" {
			lang = "en"
		}
		errs := make([]error, len(l.errs))
		for i, e := range l.errs {
			e.Lang = lang
			errs[i] = e
		}
		return Config{}, errors.Join(errs...)
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
	errs   []*Error
}

func (l *loader) env(name string) string { return strings.TrimSpace(l.getenv(name)) }

func (l *loader) readFile(data []byte) {
	if !utf8.Valid(data) {
		line := 1 + bytes.Count(data[:invalidUTF8(data)], []byte("\n"))
		l.add(&Error{File: l.file, Line: line, Msg: "found bytes that are not UTF-8 text, expected the file saved as UTF-8 (not Shift_JIS)",
			Ja: "UTF-8 ではない文字があります。ファイルを UTF-8 で保存し直してください（Shift_JIS ではなく）"})
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
		l.add(&Error{File: l.file, Line: next.Line, Msg: "found a second YAML document (after ---), expected one",
			Ja: "2 つ目の YAML 文書（--- のあと）があります。1 つにしてください"})
	case err != io.EOF:
		l.syntax(err, data)
	}
	if len(doc.Content) == 0 {
		return
	}
	switch root := deref(doc.Content[0]); {
	case isNull(root):
	case root.Kind != yaml.MappingNode:
		en, ja := describe(root)
		l.add(&Error{File: l.file, Line: root.Line, Msg: "found " + en + `, expected settings as "key: value" lines`,
			Ja: ja + ` が書かれていますが、設定は "キー: 値" の行で書いてください`})
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
			l.bad(at, name, fmt.Sprintf("set twice (also on line %d), expected once", first), fmt.Sprintf("2 回書かれています（%d 行目にも）。1 回にしてください", first))
			continue
		}
		seen[name] = k.Line
		if strings.Contains(k.Value, ".") { // tabs.log is written nested
			l.unknown(at, prefix, k.Value)
		} else if f := lookup(name); f != nil {
			l.setNode(f, k, v, at)
		} else if fix := fileSecret(k.Value); fix.en != "" {
			l.bad(at, name, fix.en, fix.ja)
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
		keys := strings.Join(children(name+"."), ", ")
		en, ja := describe(v)
		l.bad(at, name, "found "+en+", expected keys indented below it ("+keys+")", ja+" が書かれていますが、この下に字下げしてキーを書いてください（"+keys+"）")
	}
}

func (l *loader) setNode(f *field, k, v *yaml.Node, at place) {
	switch {
	case isNull(v):
		// An unquoted # starts a comment: `slack_channel: #katsudo` is empty.
		c, _, _ := strings.Cut(v.LineComment+k.LineComment, " ")
		if f.name == "slack_channel" && len(c) > 1 && c[0] == '#' && c[1] != '#' {
			l.bad(at, f.name, fmt.Sprintf(`found nothing, because YAML reads %s as a comment; expected the name in quotes: slack_channel: "%s"`, strconv.Quote(c), c),
				fmt.Sprintf(`YAML は %s をコメントとして読むので、何も書かれていないことになります。名前を引用符で囲んでください：slack_channel: "%s"`, strconv.Quote(c), c))
		}
	case v.Kind == yaml.ScalarNode:
		l.apply(f, strings.TrimSpace(v.Value), at)
	default:
		en, ja := describe(v)
		l.foundWant(at, f, en, ja)
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
		l.bad(p, f.name, "found "+shown(v)+", expected "+f.want+"; secrets belong in the environment (SLACK_BOT_TOKEN, SLACK_WEBHOOK_URL)",
			shownJa(v)+" が指定されていますが、"+withParticle(f.wantJa, "を指定してください。")+"秘密の値は環境変数（SLACK_BOT_TOKEN、SLACK_WEBHOOK_URL）に設定してください")
		return
	}
	stored := v
	if f.path {
		stored = l.resolve(v, p)
	}
	found, foundJa := shown(v), shownJa(v)
	if f.secret {
		found, foundJa = "something else (not shown: it works like a password)", "別の値（パスワードと同じ扱いのため表示しません）"
	}
	switch err := f.set(&l.cfg, stored); {
	case err == nil:
	case errors.Is(err, errBad):
		l.foundWant(p, f, found, foundJa)
	default:
		why := err.Error() // a library's own words (cron's) stay as they are
		var s said
		if errors.As(err, &s) {
			why = s.ja
		}
		l.bad(p, f.name, fmt.Sprintf("found %s, expected %s: %v", found, f.want, err),
			foundJa+" が指定されていますが、"+withParticle(f.wantJa, "を指定してください（"+why+"）"))
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
	ja := "YAML として読めません：" + msg // the YAML library's own words
	switch lines := strings.Split(string(data), "\n"); {
	case line <= len(lines) && strings.Contains(indent(lines[line-1]), "\t"):
		msg += " (indent with spaces, not tabs)"
		ja += "（字下げはタブではなくスペースでしてください）"
	case strings.Contains(msg, "cannot start any token"):
		msg += " (put the value in quotes)"
		ja += "（値を引用符で囲んでください）"
	}
	l.add(&Error{File: l.file, Line: line, Msg: "not valid YAML: " + msg, Ja: ja})
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

// describe says what a node is, for "found …" in messages: in English
// and in Japanese.
func describe(n *yaml.Node) (en, ja string) {
	switch {
	case n.Kind == yaml.MappingNode:
		return "a mapping", "キーと値の組"
	case n.Kind == yaml.SequenceNode:
		return "a list", "リスト"
	case isNull(n):
		return "nothing", "空の値"
	}
	v := strings.TrimSpace(n.Value)
	return shown(v), shownJa(v)
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
