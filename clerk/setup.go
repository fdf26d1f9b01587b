package clerk

import (
	"context"
	"fmt"
	"io"

	"github.com/katsudo-npo/katsudo/activity"
)

// Layout is a book that can lay out katsudo's tabs (`katsudo init`): it
// adds the tabs and headers the template has and the book lacks, with
// their dropdowns and validation, and says each change; it never deletes
// or renames what members wrote. Both adapters are one.
type Layout interface {
	Book
	Setup(ctx context.Context, tabs []activity.TemplateTab) ([]activity.Text, error)
}

// SetUp lays out the book from the template of the organisation's tab
// names, prints each change, then reads the members' three tabs: a
// required header that is not there (a renamed 場所 column, say) is
// printed with its fix and ends with ErrorsFound, since report would
// write nothing. Run twice, it changes nothing the second time.
func (c *Clerk) SetUp(ctx context.Context, w io.Writer, l Layout) error {
	lang := c.Lang()
	t := c.Tabs()
	changes, err := l.Setup(ctx, activity.Template(t))
	if err != nil {
		return err
	}
	for _, ch := range changes {
		fmt.Fprintln(w, "  "+ch.In(lang))
	}
	grids, err := l.Read(ctx, []string{t.Log, t.Programs, t.Members})
	if err != nil {
		return err
	}
	var missing []activity.Finding
	for _, in := range []struct {
		name string
		cols []activity.Column
	}{{t.Log, activity.LogColumns}, {t.Programs, activity.ProgramColumns}, {t.Members, activity.MemberColumns}} {
		_, findings := activity.ReadTable(in.name, grids[in.name], in.cols)
		for _, f := range findings {
			if f.Code == activity.CodeMissingColumn {
				missing = append(missing, f)
			}
		}
	}
	if len(missing) > 0 {
		fmt.Fprintln(w, activity.Text{
			Ja: "見出しが足りないため、このままでは katsudo report は何も書き込みません。列の名前を戻すか、足りない列を追加してください：",
			En: "A required header is missing, so katsudo report would write nothing; rename the column back or add it:",
		}.In(lang))
		for _, f := range missing {
			fmt.Fprintln(w, "  "+f.Ref+" "+f.Message.In(lang))
		}
		return ErrorsFound{N: len(missing)}
	}
	if len(changes) == 0 {
		fmt.Fprintln(w, activity.Text{Ja: "スプレッドシートはすでに整っています。変更はありません。", En: "The spreadsheet is already set up; nothing changed."}.In(lang))
	}
	return nil
}
