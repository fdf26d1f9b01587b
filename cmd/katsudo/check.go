package main

import (
	"context"
	"encoding/json"
	"fmt"

	"github.com/katsudo-npo/katsudo/activity"
)

// runCheck prints every finding; the exit status is 1 when any is an error.
func runCheck(ctx context.Context, e env, args []string) error {
	var f flags
	j, err := parse(newFlagSet("check", e, &f), &f, e, args)
	if err != nil {
		return err
	}
	b, err := j.open(ctx, e)
	if err != nil {
		return err
	}
	res, err := j.clerk(b, j.logger(e), nil).Compile(ctx, j.now)
	if err != nil {
		return err
	}
	if hint := res.EmptyYearHint(j.lang); hint != "" {
		fmt.Fprintln(e.stderr, hint)
	}
	if j.json {
		if err := writeJSON(e, activity.FindingsJSON(res.Findings, j.lang)); err != nil {
			return err
		}
	} else {
		printFindings(e.stdout, res.Findings, j.lang)
	}
	if n, _ := activity.Count(res.Findings); n > 0 {
		return findingsError{errors: n}
	}
	return nil
}

func writeJSON(e env, v any) error {
	enc := json.NewEncoder(e.stdout)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}
