package activity

import (
	"fmt"
	"io"
	"strconv"
)

// WriteFindings prints findings as a member reads them on the terminal
// (`katsudo check`, the demo, a run that would write nothing): a count,
// then the findings grouped by severity, errors first, each with the cell
// to open, its code, the member concerned and the message in lang.
func WriteFindings(w io.Writer, fs []Finding, lang Lang) {
	errs, warns := Count(fs)
	if len(fs) == 0 {
		fmt.Fprintln(w, Text{Ja: "問題は見つかりませんでした。", En: "No findings."}.In(lang))
		return
	}
	fmt.Fprintln(w, Text{
		Ja: "エラー " + strconv.Itoa(errs) + "件、注意 " + strconv.Itoa(warns) + "件",
		En: strconv.Itoa(errs) + " errors, " + strconv.Itoa(warns) + " warnings",
	}.In(lang))
	var sev Severity
	for _, f := range fs {
		if f.Severity != sev {
			sev = f.Severity
			fmt.Fprintln(w, "\n["+SeverityText(sev, lang)+"]")
		}
		who := ""
		if f.Member != "" {
			who = " (" + f.Member + ")"
		}
		fmt.Fprintf(w, "  %s %s%s\n    %s\n", f.Ref, f.Code, who, f.Message.In(lang))
	}
}
