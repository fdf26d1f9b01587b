package sheets

import (
	"context"
	"fmt"
	"log/slog"
	"net/http"
	"strings"
	"sync"

	"github.com/katsudo-npo/katsudo/bodylimit"
	"github.com/katsudo-npo/katsudo/config"
	"google.golang.org/api/option"
	"google.golang.org/api/sheets/v4"
	htransport "google.golang.org/api/transport/http"
)

// SheetsConfig says which Google spreadsheet to open and how to reach it.
type SheetsConfig struct {
	// ID is the spreadsheet's ID (config has already cut it out of a URL).
	ID string
	// Credentials sign katsudo in; the zero value means Application
	// Default Credentials.
	Credentials Credentials
	// Endpoint replaces https://sheets.googleapis.com/, for emulators and
	// tests (KATSUDO_SHEETS_ENDPOINT).
	Endpoint string
	// ReadOnly names the tabs Write refuses to touch: the members' tabs.
	ReadOnly []string
	// Retry bounds every call to Google; the zero value is sensible.
	Retry Retry
	// Logger hears about retries; nil is silent. Nothing from a cell, a
	// key or a token is logged.
	Logger *slog.Logger
}

// Spreadsheet is the organisation's Google spreadsheet: katsudo reads the
// members' tabs from it with one request and writes its own tabs with
// another, replacing them whole or not at all.
type Spreadsheet struct {
	id       string
	svc      *sheets.Service
	client   *http.Client // signed in; for the streamed read
	creds    Credentials
	readOnly []string
	retry    Retry
	log      *slog.Logger

	mu     sync.Mutex
	ids    map[string]int64  // every tab → sheetId, once metadata was needed (Write plans by it)
	gids   map[string]int64  // tab → sheetId, as far as answers said (for links)
	titles map[string]string // tabs seen, by tabKey: the tabs a commit's answer asks about
}

// OpenSpreadsheet prepares the client. It makes no request: the first
// Read, Write or Tabs signs in.
func OpenSpreadsheet(ctx context.Context, cfg SheetsConfig) (*Spreadsheet, error) {
	s := &Spreadsheet{id: cfg.ID, creds: cfg.Credentials, readOnly: cfg.ReadOnly, retry: withDefaults(cfg.Retry), log: cfg.Logger,
		gids: map[string]int64{}, titles: map[string]string{}}
	if s.log == nil {
		s.log = slog.New(slog.DiscardHandler)
	}
	if s.creds.Source == "" {
		s.creds.Source = "Application Default Credentials"
	}
	opts := append(s.creds.options(s.retry.Timeout), option.WithUserAgent("katsudo"), option.WithTelemetryDisabled())
	var endpoint []option.ClientOption
	if cfg.Endpoint != "" {
		endpoint = append(endpoint, option.WithEndpoint(strings.TrimSuffix(cfg.Endpoint, "/")+"/"))
	}
	// Answers are bounded (package bodylimit): an error page is cut to
	// its first kilobytes, a success answer past bodylimit.DefaultOK
	// fails. The token endpoint's answers are bounded by Google's own
	// auth libraries (1 MiB).
	signedIn, err := htransport.NewTransport(ctx, bodylimit.Wrap(http.DefaultTransport), append(opts, endpoint...)...)
	if err != nil {
		if s.creds.JSON == nil {
			return nil, newProblem(ErrNoCredentials, "no Google credentials found: set google_credentials_file in katsudo.yaml (or GOOGLE_APPLICATION_CREDENTIALS) to a service-account key, or run `katsudo login`")
		}
		return nil, fmt.Errorf("sign in to Google with %s: %w", s.creds.Source, err)
	}
	s.client = &http.Client{Transport: signedIn}
	svc, err := sheets.NewService(ctx, append(endpoint, option.WithHTTPClient(s.client))...)
	if err != nil {
		return nil, fmt.Errorf("open Google Sheets: %w", err)
	}
	s.svc = svc
	return s, nil
}

// URL is the address a member opens the spreadsheet at.
func (s *Spreadsheet) URL() string { return config.SheetURL(s.id) }

// tabInfo is one tab of the spreadsheet: its name and its sheetId (the
// #gid= of links to it).
type tabInfo struct {
	Title string
	ID    int64
}

// Tabs lists the spreadsheet's tab names in order, for `katsudo doctor`
// and for error messages that show what is there.
func (s *Spreadsheet) Tabs(ctx context.Context) ([]string, error) {
	infos, err := s.tabInfos(ctx)
	if err != nil {
		return nil, err
	}
	names := make([]string, len(infos))
	for i, t := range infos {
		names[i] = t.Title
	}
	return names, nil
}

// tabInfos lists the tabs, asking Google for the sheet metadata and
// nothing else (a fields mask keeps the answer small). It remembers their
// IDs for Write.
func (s *Spreadsheet) tabInfos(ctx context.Context) ([]tabInfo, error) {
	var got *sheets.Spreadsheet
	err := s.call(ctx, "list the tabs of "+s.URL(), func(ctx context.Context) error {
		var err error
		got, err = s.svc.Spreadsheets.Get(s.id).
			Fields("sheets.properties(sheetId,title)").
			Context(ctx).Do()
		return err
	})
	if err != nil {
		return nil, err
	}
	infos := make([]tabInfo, 0, len(got.Sheets))
	for _, sh := range got.Sheets {
		if sh.Properties == nil {
			continue
		}
		infos = append(infos, tabInfo{Title: sh.Properties.Title, ID: sh.Properties.SheetId})
	}
	s.learn(infos, true)
	return infos, nil
}

// SheetIDs maps each tab's name to its sheetId (the #gid= of links to
// it), with one metadata request.
func (s *Spreadsheet) SheetIDs(ctx context.Context) (map[string]int64, error) {
	infos, err := s.tabInfos(ctx)
	if err != nil {
		return nil, err
	}
	ids := make(map[string]int64, len(infos))
	for _, t := range infos {
		ids[t.Title] = t.ID
	}
	return ids, nil
}

// tabKey is how Google Sheets compares tab names: ignoring case.
func tabKey(title string) string { return strings.ToLower(title) }

// quoteTab is a tab name as an A1 range: '活動ログ', with ' doubled.
func quoteTab(title string) string {
	return "'" + strings.ReplaceAll(title, "'", "''") + "'"
}
