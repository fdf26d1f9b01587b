package main

import (
	"context"
	"time"

	"github.com/katsudo-npo/katsudo/activity"
	"github.com/katsudo-npo/katsudo/config"
	"github.com/katsudo-npo/katsudo/demo"
)

// runDemo runs the whole job on the embedded FY2021 sample log (demo.Run).
// It needs no config and no credentials.
func runDemo(ctx context.Context, e env, args []string) error {
	fs := flagSet("demo", e)
	now := fs.String("now", demo.Now().Format(time.RFC3339), e.say("この時刻として動きます：RFC 3339 か、2022-05-10 のような日付", "act as if it were this moment: RFC 3339, or a date like 2022-05-10"))
	lang := fs.String("lang", "ja", e.say("点検結果と報告書の言語：ja か en", "language of the findings and the report: ja or en"))
	format := fs.String("format", "text", e.say("出力形式：text か json", "output format: text or json"))
	unit := fs.String("unit", "yen", e.say("金額の単位：yen か sen（千円）", "report money in yen or sen (千円)"))
	if err := parseFlags(fs, e, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return e.extra(fs.Arg(0))
	}
	o := demo.Options{Dir: e.workdir, Prog: e.progName(), Lang: activity.Lang(*lang), Unit: *unit}
	var err error
	if o.Now, err = parseNow(e, *now, config.Default().Location); err != nil {
		return err
	}
	switch *lang {
	case "ja", "en":
	default:
		return e.usagef("--lang %q：ja か en を指定してください", "--lang %q: use ja or en", *lang)
	}
	switch *format {
	case "text":
	case "json":
		o.JSON = true
	default:
		return e.usagef("--format %q：text か json を指定してください", "--format %q: use text or json", *format)
	}
	switch *unit {
	case "yen", "sen":
	default:
		return e.usagef("--unit %q：yen か sen を指定してください", "--unit %q: use yen or sen", *unit)
	}
	o.Log = (&settings{}).logger(e)
	return demo.Run(ctx, e.stdout, o)
}
