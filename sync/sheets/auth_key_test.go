package sheets_test

import (
	"context"
	"encoding/json"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/katsudo-npo/katsudo/sync/sheets"
	"github.com/katsudo-npo/katsudo/sync/sheetstest"
)

// TestKeyProblems reports a key that cannot work as a key problem with its
// fix, at once: it is neither retried nor called a network problem.
func TestKeyProblems(t *testing.T) {
	t.Run("RevokedKeyIsRefusedAtOnce", func(t *testing.T) {
		srv, s := MustSpreadsheet(t, sheetstest.Tab{Title: "ログ"})
		srv.RevokeKey(account) // the token endpoint now answers invalid_grant
		start := time.Now()
		_, err := s.Read(context.Background(), []string{"ログ"})
		if !errors.Is(err, sheets.ErrSignIn) {
			t.Fatalf("got %v, want ErrSignIn", err)
		}
		for _, want := range []string{"invalid_grant", "create a new JSON key for " + account} {
			if !strings.Contains(err.Error(), want) {
				t.Errorf("got %q, want it to say %q", err, want)
			}
		}
		if strings.Contains(err.Error(), "network") {
			t.Errorf("a refused key is called a network problem: %v", err)
		}
		if n := srv.Count(sheetstest.KindToken); n != 1 {
			t.Errorf("%d token requests, want 1", n)
		}
		if took := time.Since(start); took > fastRetry.Budget/2 {
			t.Errorf("took %v, want an answer at once", took)
		}
	})
	t.Run("GarbagePrivateKeyIsRefusedBeforeAnyRequest", func(t *testing.T) {
		srv := sheetstest.New(t)
		var key map[string]string
		if err := json.Unmarshal(srv.ServiceAccountKey(t, account), &key); err != nil {
			t.Fatal(err)
		}
		for name, garbage := range map[string]string{
			"BodyDamaged":  strings.Replace(key["private_key"], "MII", "XXX", 1),
			"NotPEM":       "not a key at all",
			"CutShort":     key["private_key"][:200],
			"HeaderAlone":  "-----BEGIN PRIVATE KEY-----\n-----END PRIVATE KEY-----\n",
			"Base64Broken": strings.Replace(key["private_key"], "\n", "\n!!!", 3),
		} {
			t.Run(name, func(t *testing.T) {
				key["private_key"] = garbage
				b, _ := json.Marshal(key)
				_, err := sheets.ParseCredentials(b, "key.json")
				if !errors.Is(err, sheets.ErrBadKey) {
					t.Fatalf("got %v, want ErrBadKey", err)
				}
				if !strings.Contains(err.Error(), "create a new JSON key for "+account) {
					t.Errorf("got %q, want the fix", err)
				}
				if strings.Contains(err.Error(), "BEGIN") || strings.Contains(err.Error(), "MII") || strings.Contains(err.Error(), "XXX") {
					t.Errorf("the error shows the key: %v", err)
				}
			})
		}
		if n := len(srv.Requests()); n != 0 {
			t.Errorf("%d requests to Google, want none", n)
		}
	})
}
