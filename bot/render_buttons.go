package bot

import "github.com/katsudo-npo/katsudo/activity"

// reminderButtons adds to a reminder DM the buttons that log from Slack:
// 「記入する」, which opens the modal on the first program and month
// owed, and 「活動なし」, which (after Slack's confirmation dialog) logs
// 活動なし for every month owed and updates the DM in place. They are
// only shown when katsudo takes requests from Slack (Style.Buttons).
func reminderButtons(d *doc, r *activity.Reminder, st Style) {
	if !st.Buttons {
		return
	}
	var owed []activity.MissingEntry
	for _, mm := range r.Missing {
		for _, mo := range mm.Months {
			owed = append(owed, activity.MissingEntry{Program: mm.Program, Month: mo})
		}
	}
	p := preset{}
	if len(owed) > 0 {
		p = preset{Program: owed[0].Program.Code, Month: owed[0].Month.ISO()}
	}
	d.blocks = append(d.blocks, logButtons(owed, p, st))
}
