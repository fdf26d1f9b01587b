package clerk_test

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/katsudo-npo/katsudo/clerk"
	"github.com/katsudo-npo/katsudo/config"
	"github.com/katsudo-npo/katsudo/sync/xlsx"
)

func TestSetUp(t *testing.T) {
	ctx := context.Background()
	c := &clerk.Clerk{Config: config.Default()}
	path := filepath.Join(t.TempDir(), "new.xlsx")
	t.Run("NewWorkbookGetsItsTabs", func(t *testing.T) {
		var out strings.Builder
		if err := c.SetUp(ctx, &out, xlsx.OpenWorkbook(path)); err != nil {
			t.Fatal(err)
		}
		for _, tab := range []string{"活動ログ", "事業", "会員"} {
			if !strings.Contains(out.String(), tab) {
				t.Errorf("the changes do not name %s:\n%s", tab, out.String())
			}
		}
	})
	t.Run("SecondTimeChangesNothing", func(t *testing.T) {
		var out strings.Builder
		if err := c.SetUp(ctx, &out, xlsx.OpenWorkbook(path)); err != nil {
			t.Fatal(err)
		}
		if got := out.String(); got != "スプレッドシートはすでに整っています。変更はありません。\n" {
			t.Errorf("second run said:\n%s", got)
		}
	})
}
