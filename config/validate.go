package config

import (
	"errors"
	"net"
	"net/url"
	"path/filepath"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/robfig/cron/v3"
)

// errBad says a value is not what its key's want describes, with nothing
// more to add.
var errBad = errors.New("bad value")

var (
	languages  = map[string]string{"ja": "ja", "japanese": "ja", "日本語": "ja", "en": "en", "english": "en", "英語": "en"}
	units      = map[string]string{"yen": "yen", "円": "yen", "sen": "sen", "千円": "sen"}
	logFormats = map[string]string{"text": "text", "json": "json"}
	staffBases = map[string]string{"distinct": "distinct", "実人員": "distinct", "total": "total", "延べ": "total", "延べ人数": "total", "延人員": "total"}
)

// oneOf returns the canonical spelling of v, matched case-insensitively
// against a key's accepted words and their Japanese aliases.
func oneOf(v string, accepted map[string]string) (string, error) {
	if s, ok := accepted[strings.ToLower(v)]; ok {
		return s, nil
	}
	return v, errBad
}

func parseInt(v string, lo, hi int) (int, error) {
	n, err := strconv.Atoi(v)
	if err != nil || n < lo || n > hi {
		return 0, errBad
	}
	return n, nil
}

func parseBool(v string) (bool, error) {
	switch strings.ToLower(v) {
	case "true", "yes", "on", "1":
		return true, nil
	case "false", "no", "off", "0":
		return false, nil
	}
	return false, errBad
}

func location(name string) (*time.Location, error) {
	if name == "Local" {
		return nil, said{"the machine's own zone differs between machines; name it", "コンピューターごとに違うので、タイムゾーン名を書いてください"}
	}
	loc, err := time.LoadLocation(name)
	if err != nil {
		if strings.EqualFold(name, "JST") {
			return nil, said{"JST is not a zone name; write Asia/Tokyo", "JST はタイムゾーン名ではありません。Asia/Tokyo と書いてください"}
		}
		return nil, errBad
	}
	return loc, nil
}

func checkWorkbook(path string) error {
	if !strings.EqualFold(filepath.Ext(path), ".xlsx") {
		return errBad
	}
	return nil
}

// slackChannel returns a channel ID as it is and a channel name with its #,
// adding the # when it was left out (in YAML an unquoted # starts a comment).
func slackChannel(v string) (string, error) {
	if isChannelID(v) {
		return v, nil
	}
	name := strings.TrimPrefix(v, "#")
	if name == "" || utf8.RuneCountInString(name) > 80 || strings.ContainsAny(name, " \t　.,#<>@") || name != strings.ToLower(name) {
		return v, errBad
	}
	return "#" + name, nil
}

func isChannelID(v string) bool {
	if len(v) < 9 || (v[0] != 'C' && v[0] != 'G') {
		return false
	}
	for _, r := range v {
		if (r < 'A' || r > 'Z') && (r < '0' || r > '9') {
			return false
		}
	}
	return true
}

// checkTabName applies Excel's rules for sheet names, which are stricter
// than Google Sheets', so that the same names work with a local workbook.
func checkTabName(name string) error {
	if utf8.RuneCountInString(name) > 31 || strings.ContainsAny(name, `:\/?*[]`) ||
		strings.HasPrefix(name, "'") || strings.HasSuffix(name, "'") {
		return errBad
	}
	return nil
}

func checkCron(spec string) error {
	if strings.HasPrefix(spec, "TZ=") || strings.HasPrefix(spec, "CRON_TZ=") {
		return said{"the zone comes from the timezone key; remove the TZ= part", "タイムゾーンは timezone キーで決まります。TZ= の部分を消してください"}
	}
	s, err := cron.ParseStandard(spec)
	if err != nil {
		return err
	}
	if every, ok := s.(cron.ConstantDelaySchedule); ok && every.Delay < time.Minute {
		return said{"more often than once a minute", "1 分に 1 回より多くなります"}
	}
	if s.Next(time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)).IsZero() {
		return said{"that date never comes", "その日付は来ません"}
	}
	return nil
}

func checkListen(v string) error {
	host, port, err := net.SplitHostPort(v)
	if err != nil || strings.ContainsAny(host, " \t/") {
		return errBad
	}
	if _, err := parseInt(port, 1, 65535); err != nil {
		return errBad
	}
	return nil
}

func checkHTTPURL(v string) error {
	u, err := url.Parse(v)
	if err != nil || (!strings.EqualFold(u.Scheme, "http") && !strings.EqualFold(u.Scheme, "https")) || u.Host == "" {
		return errBad
	}
	return nil
}

// checkTabs reports tabs sharing a name: katsudo would overwrite members'
// log with its report. Sheets and Excel both compare names ignoring case.
func (l *loader) checkTabs() {
	names := []string{"tabs.log", "tabs.programs", "tabs.members", "tabs.report", "tabs.findings", "tabs.sent"}
	values := []string{l.cfg.Tabs.Log, l.cfg.Tabs.Programs, l.cfg.Tabs.Members, l.cfg.Tabs.Report, l.cfg.Tabs.Findings, l.cfg.Tabs.Sent}
	for j := range names {
		for i := range j {
			if !strings.EqualFold(values[i], values[j]) {
				continue
			}
			// Blame the key that was set, the later one when both were.
			blame, other := j, i
			if _, set := l.origin[names[j]]; !set {
				blame, other = i, j
			}
			l.bad(l.origin[names[blame]], names[blame],
				"found "+shown(values[blame])+", the name of "+names[other]+" too; expected a name no other tab uses",
				shownJa(values[blame])+" が指定されていますが、"+names[other]+" と同じ名前です。ほかのタブと違う名前を指定してください")
			break
		}
	}
}
