package activity_test

import (
	"errors"
	"math"
	"strings"
	"testing"

	"github.com/katsudo-npo/katsudo/activity"
)

// MustCellError checks that a parser refused a cell the way a member needs
// to read it: a *CellError with the code, and a reason in both languages
// quoting what the member wrote (quoted, already truncated where long).
func MustCellError(tb testing.TB, err error, code activity.Code, quoted string) *activity.CellError {
	tb.Helper()
	var ce *activity.CellError
	if !errors.As(err, &ce) {
		tb.Fatalf("error = %v (%T), want a *activity.CellError", err, err)
	}
	if ce.Code != code {
		tb.Errorf("code = %q, want %q (reason %q)", ce.Code, code, ce.Reason.En)
	}
	if ce.Reason.Ja == "" || ce.Reason.En == "" {
		tb.Fatalf("reason = %+v, want both languages", ce.Reason)
	}
	if !strings.Contains(ce.Reason.Ja, "「"+quoted+"」") {
		tb.Errorf("reason.Ja = %q, want it to quote 「%s」", ce.Reason.Ja, quoted)
	}
	if !strings.Contains(ce.Reason.En, `"`+quoted+`"`) {
		tb.Errorf("reason.En = %q, want it to quote %q", ce.Reason.En, quoted)
	}
	return ce
}

// cellParsers runs every cell parser on one cell, for the properties they
// share.
var cellParsers = map[string]func(activity.Cell) error{
	"ParseDate":          func(c activity.Cell) error { _, err := activity.ParseDate(c); return err },
	"ParseAmount":        func(c activity.Cell) error { _, err := activity.ParseAmount(c); return err },
	"ParseBeneficiaries": func(c activity.Cell) error { _, err := activity.ParseBeneficiaries(c); return err },
	"ParseStaff":         func(c activity.Cell) error { _, err := activity.ParseStaff(c); return err },
	"ParseStatus":        func(c activity.Cell) error { _, err := activity.ParseStatus(c); return err },
}

func TestParsersOnCellKinds(t *testing.T) {
	for name, parse := range cellParsers {
		t.Run(name+"/EmptyIsNoError", func(t *testing.T) {
			for _, c := range []activity.Cell{{}, activity.TextCell(""), activity.TextCell(" 　\n")} {
				if err := parse(c); err != nil {
					t.Errorf("%q: error = %v, want none", c.Text, err)
				}
			}
		})
		t.Run(name+"/FormulaErrorNamesIt", func(t *testing.T) {
			MustCellError(t, parse(activity.ErrorCell("#REF!")), activity.CodeUnparsable, "#REF!")
		})
		t.Run(name+"/InvisibleOnlyIsUnparsable", func(t *testing.T) {
			// Cell.IsBlank keeps a zero-width space; the parser must not
			// return its zero value as if the member had written it.
			MustCellError(t, parse(activity.TextCell("\u200b \ufeff")), activity.CodeUnparsable, "U+200B U+FEFF")
		})
		t.Run(name+"/CheckboxIsUnparsable", func(t *testing.T) {
			MustCellError(t, parse(activity.BoolCell(true)), activity.CodeUnparsable, "TRUE")
		})
		t.Run(name+"/LongInputIsTruncated", func(t *testing.T) {
			long := strings.Repeat("あ", 5000)
			err := parse(activity.TextCell(long))
			if name == "ParseStaff" {
				if err != nil {
					t.Fatalf("a long name: error = %v", err)
				}
				return
			}
			MustCellError(t, err, activity.CodeUnparsable, strings.Repeat("あ", 40)+"…")
		})
		t.Run(name+"/InvalidUTF8NoPanic", func(t *testing.T) {
			for _, s := range []string{"\xff\xfe", "2021/11/\xff14", "約\xe3\x81120名", "山田\x80、鈴木"} {
				_ = parse(activity.TextCell(s))
			}
		})
		t.Run(name+"/NonFiniteNumbersAreUnparsable", func(t *testing.T) {
			if name == "ParseStatus" {
				return // a number is never a status
			}
			for _, f := range []float64{math.NaN(), math.Inf(1), math.Inf(-1)} {
				MustCellError(t, parse(activity.NumberCell(f)), activity.CodeUnparsable, activity.NumberCell(f).String())
			}
		})
	}
}
