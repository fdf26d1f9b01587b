package bodylimit_test

import (
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/katsudo-npo/katsudo/bodylimit"
)

func TestTransport(t *testing.T) {
	big := strings.Repeat("x", 1000)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/ok-small":
			io.WriteString(w, big[:100])
		case "/ok-exact":
			io.WriteString(w, big[:500])
		case "/ok-big":
			io.WriteString(w, big)
		case "/error-big":
			w.WriteHeader(http.StatusBadGateway)
			io.WriteString(w, "<html>"+big)
		}
	}))
	defer srv.Close()
	c := bodylimit.Client(&http.Client{Transport: &bodylimit.Transport{OK: 500, Error: 50}}, 0)
	tests := []struct {
		path    string
		wantLen int
		wantErr error
	}{
		{"/ok-small", 100, nil},
		{"/ok-exact", 500, nil},
		{"/ok-big", -1, bodylimit.ErrTooLarge},
		{"/error-big", 50, nil},
	}
	for _, tt := range tests {
		t.Run(strings.TrimPrefix(tt.path, "/"), func(t *testing.T) {
			resp, err := c.Get(srv.URL + tt.path)
			if err != nil {
				t.Fatal(err)
			}
			defer resp.Body.Close()
			b, err := io.ReadAll(resp.Body)
			if !errors.Is(err, tt.wantErr) {
				t.Fatalf("got %v, want %v", err, tt.wantErr)
			}
			if tt.wantLen >= 0 && len(b) != tt.wantLen {
				t.Errorf("read %d bytes, want %d", len(b), tt.wantLen)
			}
		})
	}
}

func TestClientKeepsTheGivenClient(t *testing.T) {
	orig := &http.Client{Timeout: 7}
	c := bodylimit.Client(orig, 0)
	if c == orig || c.Timeout != 7 {
		t.Errorf("got %+v, want a copy with the timeout", c)
	}
	if _, ok := c.Transport.(*bodylimit.Transport); !ok {
		t.Errorf("transport %T is not bounded", c.Transport)
	}
	if orig.Transport != nil {
		t.Error("the given client was changed")
	}
	if again := bodylimit.Client(c, 0); again.Transport != c.Transport {
		t.Error("a bounded client was wrapped twice")
	}
}
