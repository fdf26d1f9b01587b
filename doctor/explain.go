package doctor

import (
	"errors"
	"io/fs"

	"github.com/katsudo-npo/katsudo/activity"
	"github.com/katsudo-npo/katsudo/sync/sheets"
	"github.com/katsudo-npo/katsudo/sync/xlsx"
)

// where is what doctor knows about the spreadsheet it is checking, for
// its messages.
type where struct {
	workbook string             // the local file, or ""
	id       string             // the Google spreadsheet's ID, or ""
	creds    sheets.Credentials // what katsudo signs in to Google with
}

// explain says a problem with the spreadsheet in the organisation's
// language, with its fix, telling the kinds of error apart by errors.Is
// and errors.As (never by their wording). The English text is the
// adapter's own message, which already says the same for an English
// reader.
func explain(err error, at where) activity.Text {
	t := activity.Text{En: err.Error()}
	who := at.creds.Account()
	if who == "" {
		who = "katsudo がログインする Google アカウント（" + at.creds.Source + "）"
	}
	switch {
	case errors.Is(err, sheets.ErrNoAccess):
		t.Ja = who + " はこのスプレッドシートを開けません。ブラウザでスプレッドシートを開き、「共有」で " + who + " を編集者として追加してください"
	case errors.Is(err, sheets.ErrSpreadsheetNotFound):
		t.Ja = "ID " + at.id + " のスプレッドシートはありません。katsudo.yaml の spreadsheet_id（またはコピー元の URL）が違います。スプレッドシートを開いた状態でアドレスバーの URL をまるごとコピーしてください"
	case errors.Is(err, sheets.ErrSignIn) && at.creds.Kind() == "authorized_user":
		t.Ja = "katsudo login で保存したログインを Google が受け付けません。katsudo login をもう一度実行してください"
	case errors.Is(err, sheets.ErrSignIn):
		t.Ja = "Google が鍵 " + at.creds.Source + " を受け付けません。鍵が削除・無効化されたか、このコンピューターの時計がずれています。Google Cloud コンソールで " + who + " の新しい JSON キーを作成し、置き換えてください"
	case errors.Is(err, sheets.ErrBadKey):
		t.Ja = "サービスアカウントの鍵 " + at.creds.Source + " の秘密鍵が壊れていて読めません。Google Cloud コンソール（IAM と管理 → サービス アカウント → キー）で新しい JSON キーを作成し、置き換えてください"
	case errors.Is(err, sheets.ErrNoCredentials):
		t.Ja = "Google へのログインに使う認証情報" + source(at.creds) + "がありません（または使えません）。katsudo.yaml の google_credentials_file（または GOOGLE_APPLICATION_CREDENTIALS）にサービスアカウントの JSON キーを指定するか、katsudo login を実行してください"
	case errors.Is(err, sheets.ErrAPIDisabled):
		t.Ja = who + " の Google Cloud プロジェクトで Google Sheets API が有効になっていません。https://console.cloud.google.com/apis/library/sheets.googleapis.com で「有効にする」を押してください"
	case errors.Is(err, sheets.ErrUnavailable):
		t.Ja = "Google Sheets が応答しません（しばらく再試行しました）。時間をおいて、もう一度 katsudo doctor を実行してください"
	case errors.Is(err, sheets.ErrRefused):
		t.Ja = "Google Sheets がリクエストを受け付けませんでした。スプレッドシートの ID と共有を確かめてください（Google の説明：" + err.Error() + "）"
	case at.workbook != "" && errors.Is(err, fs.ErrNotExist):
		t.Ja = "ファイル " + at.workbook + " がありません。katsudo.yaml の workbook（または --workbook）を確かめてください。新しく作るなら katsudo init --workbook " + at.workbook
	case errors.Is(err, fs.ErrNotExist):
		t.Ja = "google_credentials_file（または GOOGLE_APPLICATION_CREDENTIALS）に書かれたファイルがありません。サービスアカウントの JSON キーをそこに置くか、正しい場所を書いてください（" + err.Error() + "）"
	case errors.Is(err, xlsx.ErrNotWorkbook):
		t.Ja = "ファイル " + at.workbook + " は Excel ブック（.xlsx）ではありません。Excel で「.xlsx」形式で保存し直してください"
	case errors.Is(err, xlsx.ErrPasswordProtected):
		t.Ja = "ファイル " + at.workbook + " にはパスワードがかかっています。パスワードなしで保存し直してください"
	case errors.Is(err, fs.ErrPermission):
		t.Ja = "ファイルを読む権限がありません。katsudo を動かすユーザーが読めるようにしてください（" + err.Error() + "）"
	default:
		t.Ja = "確認できませんでした（" + err.Error() + "）"
	}
	return t
}

func source(c sheets.Credentials) string {
	if c.Source == "" {
		return ""
	}
	return "（" + c.Source + "）"
}
