package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/katsudo-npo/katsudo/activity"
	"github.com/katsudo-npo/katsudo/clerk"
	"github.com/katsudo-npo/katsudo/config"
)

// env gives commands what they need from the outside world, so that tests
// call run directly.
type env struct {
	getenv func(string) string
	stdout io.Writer
	stderr io.Writer
	// workdir is where demo writes its workbook; "" is the current folder.
	workdir string
	// scrub blanks secrets in everything written to stderr (and doctor's
	// and init's stdout); parse adds the config's own secrets to it.
	scrub *config.Scrubber
	// flags is the flag set the command made, for its --help.
	flags *seenFlags
	// prog is how the person ran katsudo (progName); "" is "katsudo".
	prog string
	// lang is the language of the command line before a config is
	// loaded: --help, flag errors (cliLang).
	lang activity.Lang
}

// t is text in the command line's language.
func (e env) t(t activity.Text) string { return t.In(e.lang) }

// say is t for a flag's description: Japanese, then English.
func (e env) say(ja, en string) string { return e.t(activity.Text{Ja: ja, En: en}) }

// usagef is a mistake on the command line, said in its language.
func (e env) usagef(ja, en string, args ...any) error { return fmt.Errorf(e.say(ja, en), args...) }

// extra is the error for an argument no command takes.
func (e env) extra(arg string) error {
	return e.usagef("余分な引数 %q があります", "unexpected argument %q", arg)
}

// progName is how to name katsudo in a command the person may type next.
func (e env) progName() string {
	if e.prog == "" {
		return "katsudo"
	}
	return e.prog
}

// envSecrets are the secrets the environment holds, known before any
// config is read.
var envSecrets = []string{"SLACK_BOT_TOKEN", "SLACK_WEBHOOK_URL", "SLACK_APP_TOKEN", "SLACK_SIGNING_SECRET", "KATSUDO_HEARTBEAT_URL"}

type command struct {
	name  string
	usage activity.Text
	run   func(ctx context.Context, e env, args []string) error
}

var commands = []command{
	{"demo", activity.Text{Ja: "埋め込みの2021年度サンプルログで一連の作業を実行します（認証情報は不要）", En: "run the whole job on the embedded FY2021 sample log (no credentials needed)"}, runDemo},
	{"check", activity.Text{Ja: "点検結果を表示します。エラーがあれば終了ステータスは 1", En: "print the findings; exit status 1 when any is an error"}, runCheck},
	{"report", activity.Text{Ja: "事業報告書を作り、報告書とチェックのタブに書き込みます", En: "compile the 事業報告書 and write the report and findings tabs"}, runReport},
	{"remind", activity.Text{Ja: "期限の来た Slack リマインダーを送ります（--dry-run で表示だけ）", En: "send the Slack reminders that are due (--dry-run prints them)"}, runRemind},
	{"summary", activity.Text{Ja: "期限が来たら月次まとめを Slack に投稿します（--dry-run で表示だけ）", En: "post the monthly summary to Slack when due (--dry-run prints it)"}, runSummary},
	{"run", activity.Text{Ja: "いま期限の来たこと（報告書・リマインダー・まとめ）を一度ずつ行って終わります（cron やタイマー用）", En: "do everything that is due — report, reminders, summary — once, and exit (for cron and timers)"}, runRun},
	{"serve", activity.Text{Ja: "katsudo.yaml のスケジュールで動き続けます（/healthz と /metrics 付き）", En: "run on the schedule in katsudo.yaml, with /healthz and /metrics"}, runServe},
	{"init", activity.Text{Ja: "説明付きの katsudo.yaml を書き、スプレッドシートのタブを整えます", En: "write a commented katsudo.yaml and set up the spreadsheet's tabs"}, runInit},
	{"doctor", activity.Text{Ja: "設定・認証情報・スプレッドシート・タブ・Slack を確かめ、問題ごとに直し方を示します", En: "check config, credentials, spreadsheet, tabs and Slack; each problem with its fix"}, runDoctor},
	{"login", activity.Text{Ja: "Google に一度ログインします（サービスアカウントの鍵を使えない団体向け）", En: "sign in to Google once (for organisations that forbid service-account keys)"}, runLogin},
}

// run is katsudo's whole command line: it returns the exit status.
func run(ctx context.Context, args []string, getenv func(string) string, stdout, stderr io.Writer) int {
	return runEnv(ctx, env{getenv: getenv, stdout: stdout, stderr: stderr, prog: progName(os.Args[0])}, args)
}

func runEnv(ctx context.Context, e env, args []string) int {
	if e.scrub == nil {
		e.scrub = config.NewScrubber()
		for _, name := range envSecrets {
			e.scrub.Add(e.getenv(name))
		}
	}
	e.stderr = e.scrub.Writer(e.stderr)
	if len(args) > 0 && (args[0] == "doctor" || args[0] == "init") {
		e.stdout = e.scrub.Writer(e.stdout)
	}
	stdout, stderr := e.stdout, e.stderr
	e.lang = cliLang(args, e.getenv)
	if len(args) > 0 && (args[0] == "--version" || args[0] == "-version" || args[0] == "version") {
		fmt.Fprintln(stdout, version())
		return exitOK
	}
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		printUsage(stdout, e)
		if len(args) == 0 {
			return exitUsage
		}
		return exitOK
	}
	for _, c := range commands {
		if c.name != args[0] {
			continue
		}
		e.flags = &seenFlags{}
		err := c.run(ctx, e, args[1:])
		switch {
		case err == nil:
			return exitOK
		case errors.Is(err, flag.ErrHelp):
			printHelp(stdout, e, c, e.flags.fs)
			return exitOK
		case e.flags.fs != nil && !e.flags.done:
			// The flag package's own error: said once, with where to look.
			fmt.Fprintln(stderr, "katsudo "+c.name+": "+oneLine(err.Error())+e.t(activity.Text{
				Ja: "（katsudo " + c.name + " --help を見てください）", En: "; see katsudo " + c.name + " --help"}))
			return exitUsage
		case found(err):
			return exitFindings
		default:
			fmt.Fprintln(stderr, "katsudo "+c.name+": "+oneLine(err.Error()))
			return exitCode(err)
		}
	}
	fmt.Fprintln(stderr, e.t(activity.Text{Ja: fmt.Sprintf("katsudo: %q というコマンドはありません（katsudo help で一覧を見られます）", args[0]),
		En: fmt.Sprintf("katsudo: unknown command %q; run katsudo help", args[0])}))
	return exitUsage
}

func printUsage(w io.Writer, e env) {
	fmt.Fprintln(w, e.t(activity.Text{Ja: "katsudo — NPO の活動ログを点検し、事業報告書を作ります", En: "katsudo — checks a non-profit's activity log and compiles its 事業報告書"}))
	fmt.Fprintln(w, e.t(activity.Text{Ja: "\n使い方：katsudo <コマンド> [フラグ]\n\nコマンド：", En: "\nUsage: katsudo <command> [flags]\n\nCommands:"}))
	for _, c := range commands {
		fmt.Fprintf(w, "  %-8s %s\n", c.name, e.t(c.usage))
	}
	fmt.Fprintln(w, e.t(activity.Text{Ja: "\nkatsudo <コマンド> --help でそのフラグ・例・終了ステータスを、katsudo --version でこの katsudo の版を表示します。",
		En: "\nRun katsudo <command> --help for its flags, an example and its exit statuses; katsudo --version says which katsudo this is."}))
}

// found reports whether err ends a command whose problems were printed.
func found(err error) bool {
	var ef clerk.ErrorsFound
	return errors.As(err, &ef)
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }
