package main

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/katsudo-npo/katsudo/bot"
	"github.com/katsudo-npo/katsudo/clerk"
	"go.yaml.in/yaml/v3"
)

// deployFile reads a file of the repository's deploy folder (or its root).
func deployFile(tb testing.TB, path string) []byte {
	tb.Helper()
	b, err := os.ReadFile(filepath.Join("..", "..", path))
	if err != nil {
		tb.Fatal(err)
	}
	return b
}

// TestDeployFiles keeps the deployment files in step with the code: the
// Slack app asks for exactly the scopes the bot needs, the CronJob never
// runs twice at once, and every katsudo command line in them parses.
func TestDeployFiles(t *testing.T) {
	t.Run("SlackManifestScopes", func(t *testing.T) {
		var m struct {
			OAuth struct {
				Scopes struct{ Bot []string }
			} `yaml:"oauth_config"`
		}
		if err := yaml.Unmarshal(deployFile(t, "deploy/slack-app-manifest.yaml"), &m); err != nil {
			t.Fatal(err)
		}
		want := append(append([]string(nil), bot.RequiredScopes...), bot.IntakeScopes...)
		if diff := cmp.Diff(want, m.OAuth.Scopes.Bot); diff != "" {
			t.Errorf("scopes mismatch (-bot.RequiredScopes+IntakeScopes +manifest):\n%s", diff)
		}
	})
	t.Run("CronJob", func(t *testing.T) {
		var cj struct {
			Kind string
			Spec struct {
				Schedule          string
				TimeZone          string `yaml:"timeZone"`
				ConcurrencyPolicy string `yaml:"concurrencyPolicy"`
			}
		}
		if err := yaml.Unmarshal(deployFile(t, "deploy/k8s/cronjob.yaml"), &cj); err != nil {
			t.Fatal(err)
		}
		if cj.Kind != "CronJob" || cj.Spec.ConcurrencyPolicy != "Forbid" || cj.Spec.TimeZone != "Asia/Tokyo" {
			t.Errorf("CronJob = %+v", cj)
		}
		if _, err := clerk.ParseSchedule(cj.Spec.Schedule, nil); err != nil {
			t.Errorf("schedule %q: %v", cj.Spec.Schedule, err)
		}
	})
	t.Run("CommandLinesParse", func(t *testing.T) {
		var lines [][]string
		exec := regexp.MustCompile(`(?m)^ExecStart=/usr/local/bin/katsudo (.*)$`)
		for _, unit := range []string{"deploy/systemd/katsudo.service", "deploy/systemd/katsudo-run.service"} {
			m := exec.FindSubmatch(deployFile(t, unit))
			if m == nil {
				t.Fatalf("%s: no ExecStart", unit)
			}
			lines = append(lines, strings.Fields(string(m[1])))
		}
		cmd := regexp.MustCompile(`(?m)^CMD \["(.*)"\]$`).FindSubmatch(deployFile(t, "Dockerfile"))
		if cmd == nil {
			t.Fatal("Dockerfile: no CMD")
		}
		lines = append(lines, strings.Split(string(cmd[1]), `", "`))
		for _, args := range lines {
			// -h after the flags: katsudo stops there, having parsed the rest.
			if got := MustRun(t, t.TempDir(), nil, append(args, "-h")...); got.code != 0 {
				t.Errorf("katsudo %v: exit %d\n%s", args, got.code, got.stderr)
			}
		}
	})
}
