package config_test

import (
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/katsudo-npo/katsudo/config"
	"go.yaml.in/yaml/v3"
)

// TestTemplate checks that the file `katsudo init` writes loads as the
// defaults, so that it can never drift into an invalid key or value.
func TestTemplate(t *testing.T) {
	got := MustLoad(t, config.Template, nil)
	if diff := cmp.Diff(defaults(), got, sameLocation); diff != "" {
		t.Errorf("Template mismatch (-want +got):\n%s", diff)
	}
}

// TestTemplate_EveryKey checks that the template explains every key, in the
// order of Keys.
func TestTemplate_EveryKey(t *testing.T) {
	var doc yaml.Node
	if err := yaml.Unmarshal([]byte(config.Template), &doc); err != nil {
		t.Fatal(err)
	}
	var got []string
	var walk func(n *yaml.Node, prefix string)
	walk = func(n *yaml.Node, prefix string) {
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, v := n.Content[i], n.Content[i+1]
			if k.HeadComment == "" && k.LineComment == "" && v.LineComment == "" {
				t.Errorf("%s%s has no comment", prefix, k.Value)
			}
			if v.Kind == yaml.MappingNode {
				walk(v, prefix+k.Value+".")
				continue
			}
			got = append(got, prefix+k.Value)
		}
	}
	walk(doc.Content[0], "")
	if diff := cmp.Diff(config.Keys(), got); diff != "" {
		t.Errorf("template keys mismatch (-Keys +template):\n%s", diff)
	}
	for _, env := range []string{"SLACK_BOT_TOKEN", "SLACK_WEBHOOK_URL", "GOOGLE_APPLICATION_CREDENTIALS", "KATSUDO_SPREADSHEET_ID"} {
		if !strings.Contains(config.Template, env) {
			t.Errorf("Template does not mention %s", env)
		}
	}
}

// FuzzLoad checks that no file makes Load panic, and that whatever it
// accepts is a usable configuration.
func FuzzLoad(f *testing.F) {
	f.Add(config.Template)
	f.Add("tabs:\n  log: &a x\n  sent: *a\n")
	f.Add("schedule: [a, {b: c}]\n")
	f.Add("slack_channel: #x\n? [a]\n: b\n")
	f.Add("spreadsheet_id: https://docs.google.com/spreadsheets/u/0/d/abc/edit?usp=sharing\n")
	dir := f.TempDir()
	f.Fuzz(func(t *testing.T, content string) {
		path := dir + "/katsudo.yaml"
		if err := os.WriteFile(path, []byte(content), 0o600); err != nil {
			t.Fatal(err)
		}
		c, err := config.Load(path, true, nil)
		if err != nil {
			return
		}
		if c.Location == nil || c.Timezone == "" || c.DeadlineDay < 1 || c.DeadlineDay > 28 ||
			c.FiscalYearStartMonth < 1 || c.FiscalYearStartMonth > 12 ||
			!slices.Contains([]string{"ja", "en"}, c.Language) || c.Tabs.Log == "" || c.Schedule.Remind == "" {
			t.Errorf("Load(%q) accepted an unusable configuration: %v", content, c)
		}
	})
}
