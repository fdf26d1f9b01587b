package bot

import (
	"encoding/json"
	"strings"
	"time"

	"github.com/katsudo-npo/katsudo/activity"
	"github.com/slack-go/slack"
)

// The modal's callback ID and the action IDs of the buttons that open it
// or log 活動なし, on the reminder DM and on the App Home.
const (
	modalCallback    = "katsudo_log"
	actionLog        = "katsudo_log_open"
	actionNoActivity = "katsudo_no_activity"
	shortcutCallback = "katsudo_log"
)

// preset is what a button pre-selects in the modal: the program and the
// month owed.
type preset struct {
	Program string `json:"p,omitempty"`
	Month   string `json:"m,omitempty"` // 2022-09
}

// Form is what the modal offers one member: the catalogue with their own
// programs first, today's date in the organisation's zone, and the places
// they logged lately.
type Form struct {
	Programs []*activity.Program
	Own      map[*activity.Program]bool
	Today    activity.Date
	Places   []string
	Has      func(key string) bool // the log tab has this column
	Preset   preset
}

// NewForm builds a member's form from the spreadsheet as last read.
func NewForm(d *activity.Dataset, m *activity.Member, now time.Time, loc *time.Location, p preset) Form {
	f := Form{Own: map[*activity.Program]bool{}, Today: activity.DateOf(now, loc), Preset: p,
		Has: func(key string) bool { return d.Log == nil || d.Log.Col(key) >= 0 }}
	var own, rest []*activity.Program
	for _, prog := range d.Catalog.Programs {
		if len(prog.Children) > 0 {
			continue // a category or a program logged through its sub-items
		}
		mine := false
		for _, o := range prog.Owners {
			if m != nil && d.Roster.Find(o) == m {
				mine = true
			}
		}
		if mine {
			own = append(own, prog)
			f.Own[prog] = true
		} else {
			rest = append(rest, prog)
		}
	}
	f.Programs = append(own, rest...)
	seen := map[string]bool{}
	for i := len(d.Entries) - 1; i >= 0 && len(f.Places) < 5; i-- {
		e := &d.Entries[i]
		if m == nil || e.Member != m.Name {
			continue
		}
		for _, pl := range e.Places {
			if !seen[pl] && len(f.Places) < 5 {
				seen[pl] = true
				f.Places = append(f.Places, pl)
			}
		}
	}
	return f
}

// View lays the form out as a Slack modal. Every field is an input
// block whose block ID is the log's column key.
func (f Form) View(st Style) slack.ModalViewRequest {
	t := func(ja, en string) *slack.TextBlockObject {
		return slack.NewTextBlockObject(slack.PlainTextType, st.t(ja, en), false, false)
	}
	var blocks []slack.Block
	input := func(key, ja, en string, el slack.BlockElement, optional bool, hint string) {
		if !f.Has(key) {
			return
		}
		b := slack.NewInputBlock(key, t(ja, en), nil, el)
		b.Optional = optional
		if hint != "" {
			b.Hint = slack.NewTextBlockObject(slack.PlainTextType, clip(hint, 150), false, false)
		}
		blocks = append(blocks, b)
	}
	text := func(multiline bool, initial string) *slack.PlainTextInputBlockElement {
		el := slack.NewPlainTextInputBlockElement(nil, "value")
		el.Multiline = multiline
		el.InitialValue = initial
		return el
	}

	var own, other []*slack.OptionBlockObject
	var initial *slack.OptionBlockObject
	for _, p := range f.Programs {
		o := slack.NewOptionBlockObject(p.Code, slack.NewTextBlockObject(slack.PlainTextType, clip(p.Code+" "+p.Name, 75), false, false), nil)
		if p.Code == f.Preset.Program {
			initial = o
		}
		if f.Own[p] {
			own = append(own, o)
		} else {
			other = append(other, o)
		}
	}
	sel := slack.NewOptionsSelectBlockElement(slack.OptTypeStatic, t("事業を選ぶ", "Choose a program"), "value")
	switch {
	case len(own) > 0 && len(other) > 0:
		sel.OptionGroups = []*slack.OptionGroupBlockObject{
			slack.NewOptionGroupBlockElement(t("あなたの担当", "Yours"), own[:min(len(own), 100)]...),
			slack.NewOptionGroupBlockElement(t("そのほか", "Others"), other[:min(len(other), 100-min(len(own), 100))]...),
		}
	default:
		all := append(own, other...)
		sel.Options = all[:min(len(all), 100)]
	}
	sel.InitialOption = initial
	input("program", "事業", "Program", sel, false, "")

	day := f.Today
	if m, err := activity.ParseMonth(f.Preset.Month); err == nil && m.MonthKey() < day.MonthKey() {
		day = lastDay(m)
	}
	dp := slack.NewDatePickerBlockElement("value")
	dp.InitialDate = day.ISO()
	input("date", "日付", "Date", dp, false, "")
	input("description", "内容", "What was done", text(true, ""), true, "")
	places := ""
	if len(f.Places) > 0 {
		places = st.t("最近の場所：", "Recent places: ") + strings.Join(f.Places, st.t("、", ", "))
	}
	input("place", "場所", "Place", text(false, ""), true, places)
	if f.Has("staff") {
		us := slack.NewOptionsMultiSelectBlockElement(slack.MultiOptTypeUser, t("Slack の会員を選ぶ", "Members on Slack"), "value")
		b := slack.NewInputBlock("staff_users", t("従事者", "Staff"), nil, us)
		b.Optional = true
		blocks = append(blocks, b)
	}
	input("staff", "従事者（Slack にいない人・人数）", "Staff not on Slack, or a number", text(false, ""), true, st.t("例：ほか3名、田中", "e.g. ほか3名, 田中"))
	input("beneficiaries", "受益対象", "Beneficiaries", text(false, ""), true, st.t("例：中小企業 1社、約120名", "e.g. 中小企業 1社, 約120名"))
	input("beneficiary", "受益先", "Organisation helped", text(false, ""), true, "")
	input("expense", "支出額", "Expense", text(false, ""), true, st.t("例：1,200　1万2千円　支出がなければ 0", "e.g. 1,200 or 1万2千円; 0 when nothing was spent"))
	status := slack.NewOptionsSelectBlockElement(slack.OptTypeStatic, nil, "value",
		slack.NewOptionBlockObject("実施", t("実施", "Done (実施)"), nil),
		slack.NewOptionBlockObject("中止", t("中止", "Cancelled (中止)"), nil),
		slack.NewOptionBlockObject("活動なし", t("活動なし", "No activity (活動なし)"), nil),
	)
	status.InitialOption = status.Options[0]
	input("status", "状態", "Status", status, false, "")
	input("note", "備考", "Note", text(false, ""), true, "")

	meta, _ := json.Marshal(f.Preset)
	return slack.ModalViewRequest{
		Type:            slack.VTModal,
		CallbackID:      modalCallback,
		Title:           t("活動を記録", "Log an activity"),
		Submit:          t("記録する", "Save"),
		Close:           t("やめる", "Cancel"),
		Blocks:          slack.Blocks{BlockSet: blocks},
		PrivateMetadata: string(meta),
	}
}

// lastDay is the last day of a month.
func lastDay(m activity.Date) activity.Date {
	t := time.Date(m.Year, m.Month+1, 0, 0, 0, 0, 0, time.UTC)
	return activity.Date{Year: t.Year(), Month: t.Month(), Day: t.Day()}
}

// fieldsOf reads a submitted modal's values by column key, and the Slack
// users picked as staff, for the caller to name.
func fieldsOf(state *slack.ViewState) (fields map[string]string, users []string) {
	fields = map[string]string{}
	if state == nil {
		return fields, nil
	}
	for block, actions := range state.Values {
		a, ok := actions["value"]
		if !ok {
			continue
		}
		switch {
		case block == "staff_users":
			users = a.SelectedUsers
		case a.SelectedOption.Value != "":
			fields[block] = a.SelectedOption.Value
		case a.SelectedDate != "":
			fields[block] = a.SelectedDate
		default:
			fields[block] = strings.TrimSpace(a.Value)
		}
	}
	return fields, users
}

// Preset is what a 「記入する」 button pre-selects: a program's code and a
// month (2022-09), either may be "".
func Preset(program, month string) preset { return preset{Program: program, Month: month} }
