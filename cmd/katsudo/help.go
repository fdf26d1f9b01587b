package main

import (
	"flag"
	"fmt"
	"io"
	"strings"
)

// help is what `katsudo <command> --help` says besides the flags: the
// command's one line, an example to copy, and what its exit statuses mean.
type help struct {
	example string
	exits   string
}

// helps are the commands' help texts; their one-line descriptions are
// the usage in commands.
var helps = map[string]help{
	"demo": {"katsudo demo            # findings, messages and the report of the sample NPO, into katsudo-demo.xlsx",
		"0 done; 2 a usage problem, or the demo workbook could not be written"},
	"check": {"katsudo check --fy 2021 --workbook 活動ログ.xlsx",
		"0 no error among the findings; 1 an error among them, a required header missing, or Google failed; 2 a usage, config or file problem"},
	"report": {"katsudo report --fy 2021 --unit sen",
		"0 the report and findings tabs were written; 1 a required header is missing (nothing was written), or Google failed; 2 a usage, config or file problem"},
	"remind": {"katsudo remind --dry-run --now 2022-05-10",
		"0 what was due was sent (or nothing was due); 1 a member or the channel could not be reached, or Google or Slack failed; 2 a usage, config or file problem"},
	"summary": {"katsudo summary --month 2021-11 --dry-run",
		"0 the summary was sent (or was not due); 1 the channel could not be reached, or Google or Slack failed; 2 a usage, config or file problem"},
	"run": {"katsudo run              # from cron or a systemd timer, hourly\n  katsudo run --dry-run    # what it would write and send now",
		"0 all done, or another katsudo holds the lock and does it; 1 the pass did not fully succeed (the log says why); 2 a usage, config or file problem"},
	"serve": {"katsudo serve --listen 127.0.0.1:8080",
		"0 stopped by SIGTERM or Ctrl-C; 2 a usage or config problem, or the listen address is taken"},
	"init": {"katsudo init                          # writes katsudo.yaml, then lays out the spreadsheet\n  katsudo init --workbook 活動ログ.xlsx   # a local workbook instead",
		"0 the config and the tabs are in place; 1 a required header is missing or renamed, or Google failed; 2 a usage, config or file problem"},
	"doctor": {"katsudo doctor",
		"0 all is well; 1 a problem was found (each NG line says how to fix it); 2 a usage problem"},
	"login": {"katsudo login --client client_secret_123.apps.googleusercontent.com.json",
		"0 signed in; 1 Google refused the sign-in; 2 a usage, config or file problem"},
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

// printHelp prints a command's help: what it does, how it is called, an
// example, its own flags and its exit statuses.
func printHelp(w io.Writer, c command, fs *flag.FlagSet) {
	h := helps[c.name]
	fmt.Fprintf(w, "katsudo %s — %s\n\nUsage:\n  katsudo %s [flags]\n", c.name, c.usage, c.name)
	if h.example != "" {
		fmt.Fprintf(w, "\nExample:\n  %s\n", h.example)
	}
	if fs != nil {
		var b strings.Builder
		fs.SetOutput(&b)
		fs.PrintDefaults()
		fs.SetOutput(io.Discard)
		if b.Len() > 0 {
			fmt.Fprintf(w, "\nFlags:\n%s", b.String())
		}
	}
	if h.exits != "" {
		fmt.Fprintf(w, "\nExit status:\n  %s\n", strings.ReplaceAll(h.exits, "; ", "\n  "))
	}
}
