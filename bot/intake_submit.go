package bot

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"sort"
	"strings"
	"time"

	"github.com/katsudo-npo/katsudo/activity"
	"github.com/slack-go/slack"
)

func parsePreset(v string) preset {
	var p preset
	_ = json.Unmarshal([]byte(v), &p) // a button of an older katsudo: no pre-selection
	return p
}

// openModal opens the form for a member. Before the spreadsheet has ever
// been read, a waiting modal opens at once (the trigger lasts 3 seconds)
// and is replaced when the read is done.
func (in *Intake) openModal(ctx context.Context, trigger, user string, p preset) error {
	in.learn(ctx, user)
	st := in.styleFor(user)
	d := in.o.Desk.Current()
	var viewID string
	if d == nil {
		v, err := in.api.OpenViewContext(ctx, trigger, notice(st, st.t("読み込んでいます…", "Loading…"), st.t("スプレッドシートを読んでいます。少しお待ちください。", "Reading the spreadsheet; just a moment.")))
		if err != nil {
			return err
		}
		viewID = v.ID
		if d, err = in.o.Desk.Reload(ctx); err != nil {
			_, uerr := in.api.UpdateViewContext(ctx, notice(st, st.t("読み込めません", "Cannot read"), unreachable(st)), "", "", viewID)
			return joinErr(err, uerr)
		}
	}
	m := in.member(ctx, d, user, true)
	var view slack.ModalViewRequest
	if m == nil {
		view = notice(st, st.t("会員の登録がありません", "Not on the members tab"), notMember(st))
	} else {
		view = NewForm(d, m, in.o.Now(), in.o.Location, p).View(st)
	}
	if viewID != "" {
		_, err := in.api.UpdateViewContext(ctx, view, "", "", viewID)
		return err
	}
	_, err := in.api.OpenViewContext(ctx, trigger, view)
	return err
}

// notice is a modal that only says something.
func notice(st Style, title, body string) slack.ModalViewRequest {
	return slack.ModalViewRequest{
		Type:   slack.VTModal,
		Title:  slack.NewTextBlockObject(slack.PlainTextType, clip(title, 24), false, false),
		Close:  slack.NewTextBlockObject(slack.PlainTextType, st.t("閉じる", "Close"), false, false),
		Blocks: slack.Blocks{BlockSet: []slack.Block{slack.NewSectionBlock(slack.NewTextBlockObject(slack.MarkdownType, body, false, false), nil, nil)}},
	}
}

func notMember(st Style) string {
	return st.t("あなたの Slack アカウントが会員タブにないため、記録できません。事務局に、会員タブの Slack 欄にあなたの Slack ID かメールアドレスを書いてもらってください。",
		"Your Slack account is not on the members tab, so katsudo cannot log for you. Ask the secretariat to put your Slack ID or e-mail address in the Slack column of the members tab.")
}

func unreachable(st Style) string {
	return st.t("スプレッドシートに届きませんでした。何も書き込んでいません。少し時間をおいて、もう一度お試しください。",
		"The spreadsheet could not be reached. Nothing was written; please try again in a while.")
}

// submission is a modal's content as a submission: the member from the
// Slack user, and the staff picked from Slack named as the members tab
// names them. Problems are Slack users who are not members.
func (in *Intake) submission(d *activity.Dataset, cb slack.InteractionCallback) (activity.Submission, []activity.FieldProblem) {
	fields, users := fieldsOf(cb.View.State)
	sub := activity.Submission{Fields: fields, Member: in.member(context.Background(), d, cb.User.ID, false)}
	if sub.Member == nil {
		// Known by e-mail and not looked up since katsudo started (the
		// modal was opened before a restart): one users.info, bounded
		// well inside Slack's 3 seconds.
		ctx, cancel := context.WithTimeout(context.Background(), time.Second)
		sub.Member = in.member(ctx, d, cb.User.ID, true)
		cancel()
	}
	var names []string
	var probs []activity.FieldProblem
	for _, u := range users {
		if m := in.member(context.Background(), d, u, false); m != nil {
			names = append(names, m.Name)
			continue
		}
		probs = append(probs, activity.FieldProblem{Field: "staff_users", Code: activity.CodeUnknownMember, Message: activity.Text{
			Ja: "選んだ Slack ユーザー（" + u + "）は会員タブにありません。名前を下の欄に書いてください",
			En: "the Slack user you picked (" + u + ") is not on the members tab; write the name in the box below",
		}})
	}
	if s := strings.TrimSpace(fields["staff"]); s != "" {
		names = append(names, s)
	}
	if len(names) > 0 {
		sub.Fields["staff"] = strings.Join(names, "、")
	}
	return sub, probs
}

// submit checks a submitted modal without I/O and answers at once:
// errors on their fields, warnings once (the same values submitted again
// confirm them), or nothing — the modal closes and the row is saved in
// the background.
func (in *Intake) submit(cb slack.InteractionCallback) any {
	st := in.styleFor(cb.User.ID)
	d := in.o.Desk.Current()
	if d == nil {
		in.later("read the spreadsheet", func(ctx context.Context) error {
			_, err := in.o.Desk.Reload(ctx)
			return err
		})
		return fieldErrors(map[string]string{"program": st.t("まだスプレッドシートを読み込めていません。少し待ってもう一度「記録する」を押してください", "The spreadsheet has not been read yet; press Save again in a moment")})
	}
	sub, probs := in.submission(d, cb)
	key := submissionKey(cb.View.ID, sub)
	user := cb.User.ID
	in.mu.Lock()
	again := in.accepted[key]
	in.mu.Unlock()
	if again {
		// The same submission delivered again (Slack missed the ack): it
		// was accepted, and the desk appends its row once.
		in.later("save a row", func(ctx context.Context) error {
			return in.save(ctx, user, []Item{{Key: key, Submission: sub}}, false, "", "")
		})
		return nil
	}
	c := activity.CheckSubmission(d, sub, in.o.FiscalYearStart, in.o.Now(), in.o.Location)
	probs = append(probs, c.Problems...)
	errs := map[string]string{}
	warned := false
	for _, p := range probs {
		if p.Warning {
			continue
		}
		addError(errs, blockFor(p.Field, d), p.Message.In(st.Lang))
	}
	in.mu.Lock()
	seen := in.confirmed[key]
	in.mu.Unlock()
	if len(errs) == 0 && !seen {
		for _, p := range probs {
			if p.Warning {
				warned = true
				addError(errs, blockFor(p.Field, d), st.t("確認：", "Please check: ")+p.Message.In(st.Lang)+st.t("（このままでよければ、もう一度「記録する」を押してください）", " (if it is right, press Save again)"))
			}
		}
	}
	if len(errs) > 0 {
		if warned {
			in.mu.Lock()
			if len(in.confirmed) >= memoryMax {
				in.confirmed = map[string]bool{}
			}
			in.confirmed[key] = true
			in.mu.Unlock()
		}
		return fieldErrors(errs)
	}
	in.mu.Lock()
	if len(in.accepted) >= memoryMax {
		in.accepted = map[string]bool{} // a redelivery comes within minutes, not months
	}
	in.accepted[key] = true
	in.mu.Unlock()
	in.later("save a row", func(ctx context.Context) error {
		return in.save(ctx, user, []Item{{Key: key, Submission: sub}}, false, "", "")
	})
	return nil
}

// memoryMax bounds what a long-running serve remembers of submissions
// (accepted, warnings shown): past it, it starts again. The desk's record
// in 送信履歴 is what keeps a row from going in twice; this memory only
// spares a member a repeated warning or a second DM.
const memoryMax = 10000

func addError(errs map[string]string, block, msg string) {
	if prev, ok := errs[block]; ok {
		msg = prev + " / " + msg
	}
	errs[block] = clip(msg, 1000)
}

// blockFor is the modal block that shows a problem with a field.
func blockFor(field string, d *activity.Dataset) string {
	switch {
	case field == "staff_users":
		return field
	case field == "" || field == "member" || d.Log == nil || d.Log.Col(field) < 0:
		return "program"
	}
	return field
}

func fieldErrors(errs map[string]string) *slack.ViewSubmissionResponse {
	return slack.NewErrorsViewSubmissionResponse(errs)
}

// submissionKey is a submission's idempotency key: the modal it came
// from and every value in it, so that a double click or an envelope
// delivered twice makes one key, and a corrected submission another.
func submissionKey(viewID string, sub activity.Submission) string {
	keys := make([]string, 0, len(sub.Fields))
	for k := range sub.Fields {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	h := sha256.New()
	h.Write([]byte(viewID))
	if sub.Member != nil {
		h.Write([]byte("\x00" + sub.Member.Name))
	}
	for _, k := range keys {
		h.Write([]byte("\x00" + k + "\x00" + sub.Fields[k]))
	}
	return "entry/" + viewID + "/" + hex.EncodeToString(h.Sum(nil))[:16]
}

func joinErr(a, b error) error {
	if a != nil {
		return a
	}
	return b
}
