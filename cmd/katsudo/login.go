package main

import (
	"context"
	"fmt"
	"strconv"

	"github.com/katsudo-npo/katsudo/activity"
	"github.com/katsudo-npo/katsudo/sync/sheets"
)

// runLogin signs a member in to Google once (sheets.Login), for
// organisations whose policy forbids service-account keys. The refresh
// token is kept in a file only the user can read; katsudo signs in with
// it from then on unless google_credentials_file or
// GOOGLE_APPLICATION_CREDENTIALS names a key.
func runLogin(ctx context.Context, e env, args []string) error {
	fs := flagSet("login", e)
	client := fs.String("client", "", e.say("デスクトップアプリの OAuth クライアントファイル（Cloud コンソールの client_secret_….json）", "the OAuth client file of a Desktop app (client_secret_….json from the Cloud console)"))
	port := fs.Int("port", 0, e.say("ブラウザーが戻ってくるローカルのポート（既定：空いているもの。SSH で転送するなら固定してください）", "the local port the browser returns to (default: any free one; fix it to forward it over SSH)"))
	cfgPath := fs.String("config", "", e.say("設定ファイル（既定：あれば katsudo.yaml）", "config file (default katsudo.yaml when it exists)"))
	if err := parseFlags(fs, e, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return e.extra(fs.Arg(0))
	}
	if *client == "" {
		return e.usagef("--client を指定してください：Google Cloud コンソール（API とサービス → 認証情報）で種類が「デスクトップ アプリ」の OAuth クライアントを作り、その JSON をダウンロードして --client FILE で渡します", "--client is required: create an OAuth client of type \"Desktop app\" in the Google Cloud console (APIs & Services → Credentials), download its JSON and pass it with --client FILE")
	}
	cfg, err := loadConfig(e, *cfgPath, *cfgPath != "")
	if err != nil {
		return err
	}
	j := &settings{cfg: cfg, lang: activity.Lang(cfg.Language)}
	say := func(t activity.Text) { fmt.Fprintln(e.stdout, t.In(j.lang)) }
	keep := sheets.LoginFile(e.getenv)
	if keep == "" {
		return e.usagef("ログインを保存する場所がわかりません：HOME（または XDG_CONFIG_HOME）を設定してください", "cannot tell where to keep the sign-in: set HOME (or XDG_CONFIG_HOME)")
	}
	l, err := sheets.StartLogin(*client, *port)
	if err != nil {
		return err
	}
	back, p := l.RedirectURL(), strconv.Itoa(l.Port())
	say(activity.Text{
		Ja: "ブラウザーで次の URL を開き、スプレッドシートを編集できる Google アカウントでログインしてください（" + back + " に戻ってきます。別のコンピューターのブラウザーを使うなら ssh -L " + p + ":127.0.0.1:" + p + " で転送してください）：",
		En: "Open this URL in a browser and sign in with the Google account that can edit the spreadsheet (it returns to " + back + "; from another computer's browser, forward the port with ssh -L " + p + ":127.0.0.1:" + p + "):",
	})
	fmt.Fprintln(e.stdout, "\n  "+l.URL()+"\n")
	u, err := l.Finish(ctx)
	if err != nil {
		return err
	}
	if err := sheets.SaveUserCredentials(keep, u); err != nil {
		return err
	}
	say(activity.Text{Ja: "ログインしました。" + keep + " に保存しました（本人だけが読めます）。", En: "Signed in; kept in " + keep + " (readable by you only)."})
	if cfg.GoogleCredentialsFile != "" {
		say(activity.Text{
			Ja: "ただし google_credentials_file（または GOOGLE_APPLICATION_CREDENTIALS）が " + cfg.GoogleCredentialsFile + " を指しているあいだは、そちらが使われます。",
			En: "While google_credentials_file (or GOOGLE_APPLICATION_CREDENTIALS) names " + cfg.GoogleCredentialsFile + ", that key is used instead.",
		})
		return nil
	}
	if cfg.SpreadsheetID == "" {
		return nil
	}
	s, err := openSpreadsheet(ctx, j, e)
	if err == nil {
		_, err = s.Tabs(ctx)
	}
	if err != nil {
		return err
	}
	say(activity.Text{Ja: "スプレッドシート " + s.URL() + " を開けました。", En: "Opened the spreadsheet " + s.URL() + "."})
	return nil
}
