package main

import (
	"flag"
	"fmt"
	"io"
	"strings"

	"github.com/katsudo-npo/katsudo/activity"
	"github.com/katsudo-npo/katsudo/config"
)

// help is what `katsudo <command> --help` says besides the flags: an
// example to copy, and what its exit statuses mean.
type help struct {
	example activity.Text
	exits   activity.Text
}

// helps are the commands' help texts; their one-line descriptions are
// the usage in commands.
var helps = map[string]help{
	"demo": {activity.Text{Ja: "katsudo demo            # サンプル団体の点検結果・メッセージ・報告書を表示し、katsudo-demo.xlsx に書き込みます", En: "katsudo demo            # findings, messages and the report of the sample NPO, into katsudo-demo.xlsx"},
		activity.Text{Ja: "0 完了; 2 使い方の誤り、またはデモのブックを書き込めなかった", En: "0 done; 2 a usage problem, or the demo workbook could not be written"}},
	"check": {activity.Text{Ja: "katsudo check --fy 2021 --workbook 活動ログ.xlsx"},
		activity.Text{Ja: "0 点検結果にエラーなし; 1 エラーがある、必須の見出しがない、または Google が失敗した; 2 使い方・設定・ファイルの問題", En: "0 no error among the findings; 1 an error among them, a required header missing, or Google failed; 2 a usage, config or file problem"}},
	"report": {activity.Text{Ja: "katsudo report --fy 2021 --unit sen"},
		activity.Text{Ja: "0 報告書とチェックのタブを書き込んだ; 1 必須の見出しがない（何も書き込んでいない）、または Google が失敗した; 2 使い方・設定・ファイルの問題", En: "0 the report and findings tabs were written; 1 a required header is missing (nothing was written), or Google failed; 2 a usage, config or file problem"}},
	"remind": {activity.Text{Ja: "katsudo remind --dry-run --now 2022-05-10"},
		activity.Text{Ja: "0 期限の来たものを送った（または何もなかった）; 1 会員かチャンネルに届かなかった、または Google か Slack が失敗した; 2 使い方・設定・ファイルの問題", En: "0 what was due was sent (or nothing was due); 1 a member or the channel could not be reached, or Google or Slack failed; 2 a usage, config or file problem"}},
	"summary": {activity.Text{Ja: "katsudo summary --month 2021-11 --dry-run"},
		activity.Text{Ja: "0 まとめを送った（またはまだ期限前）; 1 チャンネルに届かなかった、または Google か Slack が失敗した; 2 使い方・設定・ファイルの問題", En: "0 the summary was sent (or was not due); 1 the channel could not be reached, or Google or Slack failed; 2 a usage, config or file problem"}},
	"run": {activity.Text{Ja: "katsudo run              # cron や systemd タイマーから 1 時間ごとに\n  katsudo run --dry-run    # いま書き込むもの・送るものを表示", En: "katsudo run              # from cron or a systemd timer, hourly\n  katsudo run --dry-run    # what it would write and send now"},
		activity.Text{Ja: "0 すべて完了、または別の katsudo がロックを持っていてそちらが行う; 1 一部が成功しなかった（理由はログに）; 2 使い方・設定・ファイルの問題", En: "0 all done, or another katsudo holds the lock and does it; 1 the pass did not fully succeed (the log says why); 2 a usage, config or file problem"}},
	"serve": {activity.Text{Ja: "katsudo serve --listen 127.0.0.1:8080"},
		activity.Text{Ja: "0 SIGTERM か Ctrl-C で止まった; 2 使い方・設定の問題、または待ち受けのアドレスが使用中", En: "0 stopped by SIGTERM or Ctrl-C; 2 a usage or config problem, or the listen address is taken"}},
	"init": {activity.Text{Ja: "katsudo init                          # katsudo.yaml を書き、スプレッドシートを整えます\n  katsudo init --workbook 活動ログ.xlsx   # ローカルのブックを使うとき", En: "katsudo init                          # writes katsudo.yaml, then lays out the spreadsheet\n  katsudo init --workbook 活動ログ.xlsx   # a local workbook instead"},
		activity.Text{Ja: "0 設定とタブが整った; 1 必須の見出しがないか名前が変わっている、または Google が失敗した; 2 使い方・設定・ファイルの問題", En: "0 the config and the tabs are in place; 1 a required header is missing or renamed, or Google failed; 2 a usage, config or file problem"}},
	"doctor": {activity.Text{Ja: "katsudo doctor"},
		activity.Text{Ja: "0 問題なし; 1 問題が見つかった（NG の行に直し方があります）; 2 使い方の問題", En: "0 all is well; 1 a problem was found (each NG line says how to fix it); 2 a usage problem"}},
	"login": {activity.Text{Ja: "katsudo login --client client_secret_123.apps.googleusercontent.com.json"},
		activity.Text{Ja: "0 ログインした; 1 Google がログインを拒んだ; 2 使い方・設定・ファイルの問題", En: "0 signed in; 1 Google refused the sign-in; 2 a usage, config or file problem"}},
}

// flagSet is a command's flag set. The flag package prints nothing: a bad
// flag comes back as an error that runEnv prints once, and -h or --help
// as flag.ErrHelp, for which runEnv prints printHelp.
func flagSet(name string, e env) *flag.FlagSet {
	fs := flag.NewFlagSet("katsudo "+name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.Usage = func() {}
	if e.flags != nil {
		e.flags.fs = fs
	}
	return fs
}

// seenFlags keeps the flag set a command made, so that runEnv can print
// its help, and whether its flags parsed (an error before then is the flag
// package's own).
type seenFlags struct {
	fs   *flag.FlagSet
	done bool
}

// parseFlags parses a command's arguments and notes that they parsed.
func parseFlags(fs *flag.FlagSet, e env, args []string) error {
	if err := fs.Parse(args); err != nil {
		return err
	}
	if e.flags != nil {
		e.flags.done = true
	}
	return nil
}

// printHelp prints a command's help in the command line's language: what
// it does, how it is called, an example, its own flags and its exit
// statuses.
func printHelp(w io.Writer, e env, c command, fs *flag.FlagSet) {
	h := helps[c.name]
	fmt.Fprintf(w, "katsudo %s — %s\n\n%s\n  katsudo %s %s\n", c.name, e.t(c.usage), e.say("使い方：", "Usage:"), c.name, e.say("[フラグ]", "[flags]"))
	fmt.Fprintf(w, "\n%s\n  %s\n", e.t(activity.Text{Ja: "例：", En: "Example:"}), e.t(h.example))
	if fs != nil {
		var b strings.Builder
		fs.VisitAll(func(f *flag.Flag) { writeFlag(&b, e, f) })
		if b.Len() > 0 {
			fmt.Fprintf(w, "\n%s\n%s", e.t(activity.Text{Ja: "フラグ：", En: "Flags:"}), b.String())
		}
	}
	fmt.Fprintf(w, "\n%s\n  %s\n", e.t(activity.Text{Ja: "終了ステータス：", En: "Exit status:"}), strings.ReplaceAll(e.t(h.exits), "; ", "\n  "))
}

// writeFlag writes one flag as flag.PrintDefaults does, its default said
// in the command line's language.
func writeFlag(b *strings.Builder, e env, f *flag.Flag) {
	kind, usage := flag.UnquoteUsage(f)
	line := "  -" + f.Name
	if kind != "" {
		line += " " + kind
	}
	b.WriteString(line + "\n    \t" + usage)
	switch def := f.DefValue; {
	case def == "" || def == "0" || def == "false" || def == "0s":
	case kind == "string":
		b.WriteString(e.say(fmt.Sprintf("（既定：%q）", def), fmt.Sprintf(" (default %q)", def)))
	default:
		b.WriteString(e.say("（既定："+def+"）", " (default "+def+")"))
	}
	b.WriteString("\n")
}

// cliLang is the language of the command line before a config is loaded
// (config.Language): KATSUDO_LANGUAGE, else the language of the config
// file the arguments name (katsudo.yaml by default), else Japanese.
func cliLang(args []string, getenv func(string) string) activity.Lang {
	path := "katsudo.yaml"
	for i, a := range args {
		switch {
		case (a == "--config" || a == "-config") && i+1 < len(args):
			path = args[i+1]
		case strings.HasPrefix(a, "--config="), strings.HasPrefix(a, "-config="):
			_, path, _ = strings.Cut(a, "=")
		}
	}
	return activity.Lang(config.Language(path, getenv))
}
