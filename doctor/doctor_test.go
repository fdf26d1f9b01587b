package doctor_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/katsudo-npo/katsudo/config"
	"github.com/katsudo-npo/katsudo/demo"
	"github.com/katsudo-npo/katsudo/doctor"
)

// MustSampleWorkbook writes the demo's workbook, whose tabs are all in
// order, and returns a config that names it and does not use Slack.
func MustSampleWorkbook(tb testing.TB) config.Config {
	tb.Helper()
	path := filepath.Join(tb.TempDir(), "log.xlsx")
	if err := os.WriteFile(path, demo.Input, 0o600); err != nil {
		tb.Fatal(err)
	}
	cfg := config.Default()
	cfg.Workbook = path
	return cfg
}

func TestRun(t *testing.T) {
	ctx := context.Background()
	t.Run("AllIsWell", func(t *testing.T) {
		var out strings.Builder
		if n := doctor.Run(ctx, &out, doctor.Setup{Config: MustSampleWorkbook(t)}); n != 0 || !strings.Contains(out.String(), "問題は見つかりませんでした") {
			t.Errorf("%d problems:\n%s", n, out.String())
		}
	})
	t.Run("RenamedTabIsOneProblemWithItsFix", func(t *testing.T) {
		cfg := MustSampleWorkbook(t)
		cfg.Tabs.Members = "名簿"
		var out strings.Builder
		n := doctor.Run(ctx, &out, doctor.Setup{Config: cfg})
		if n != 1 || !strings.Contains(out.String(), "NG  「名簿」タブがありません") || !strings.Contains(out.String(), "tabs.members") {
			t.Errorf("%d problems:\n%s", n, out.String())
		}
	})
	t.Run("ConfigErrorInItsLanguage", func(t *testing.T) {
		for _, tt := range []struct{ lang, want, notWant string }{
			{"", "NG  設定の誤り：KATSUDO_DEADLINE_DAY: \"40\" が指定されていますが", "found"},
			{"en", "NG  KATSUDO_DEADLINE_DAY: found \"40\"", "設定の誤り"},
		} {
			_, err := config.Load("", false, func(k string) string {
				return map[string]string{"KATSUDO_DEADLINE_DAY": "40", "KATSUDO_LANGUAGE": tt.lang}[k]
			})
			var out strings.Builder
			n := doctor.Run(ctx, &out, doctor.Setup{ConfigErr: err})
			if n != 1 || !strings.Contains(out.String(), tt.want) || strings.Contains(out.String(), tt.notWant) {
				t.Errorf("language %q: %d problems:\n%s", tt.lang, n, out.String())
			}
		}
	})
}
