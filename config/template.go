package config

// Template is the commented katsudo.yaml that `katsudo init` writes: every
// key with its default and what it means, in English and Japanese. Loaded
// as it is, it gives exactly Default().
const Template = `# katsudo.yaml — settings for katsudo
# katsudo の設定ファイル
#
# katsudo reads the activity log (活動ログ) from Google Sheets or a local .xlsx,
# checks it, writes the business report (事業報告書), and sends Slack reminders.
# 活動ログを読み、チェックし、事業報告書を作成し、Slack でリマインドします。
#
# Every key can also be set in the environment: KATSUDO_ and the key in upper
# case, dots as underscores (spreadsheet_id → KATSUDO_SPREADSHEET_ID,
# tabs.log → KATSUDO_TABS_LOG). The environment wins over this file.
# どの項目も環境変数で設定できます（例: spreadsheet_id → KATSUDO_SPREADSHEET_ID、
# tabs.log → KATSUDO_TABS_LOG）。環境変数がこのファイルより優先されます。
#
# An empty value ("") means the default. Keep the quotes around values that
# start with # or *.
# 空欄（""）は既定値になります。# や * で始まる値は引用符で囲んでください。
#
# Secrets never go in this file; set them in the environment:
# トークンなどの秘密情報はこのファイルに書かず、環境変数で設定してください:
#   SLACK_BOT_TOKEN    the Slack app's Bot User OAuth Token (xoxb-…), for DMs
#                      Slack アプリの Bot トークン（DM に必要）
#   SLACK_WEBHOOK_URL  an incoming webhook, enough for the channel summary alone
#                      Incoming Webhook の URL（チャンネルへの月次まとめだけならこれで足ります）
#   SLACK_APP_TOKEN    an app-level token (xapp-…): members log activities from
#                      Slack over Socket Mode (katsudo serve; no public URL needed)
#                      アプリレベルトークン（Slack から活動を記録。公開 URL 不要）
#   SLACK_SIGNING_SECRET  the app's signing secret: the same over HTTP, on listen
#                      署名シークレット（HTTP で受ける場合。公開 URL が必要）
#   GOOGLE_APPLICATION_CREDENTIALS  the service-account JSON, when
#                      google_credentials_file below is empty
#                      サービスアカウントの JSON（下の google_credentials_file が空のとき）

# The organisation's name, printed on the report.
# 法人名（事業報告書に記載されます）
organization: ""

# The Google spreadsheet: its ID, or its whole URL copied from the browser
# (https://docs.google.com/spreadsheets/d/…/edit).
# Google スプレッドシートの ID、またはブラウザのアドレスバーの URL をそのまま。
spreadsheet_id: ""

# A local Excel file (.xlsx) to use instead of Google Sheets. A relative path
# starts from this file's folder.
# Google スプレッドシートの代わりに使うローカルの Excel ファイル（.xlsx）。
# 相対パスはこの設定ファイルのあるフォルダーから。
workbook: ""

# The service-account JSON katsudo signs in to Google with. Empty: the
# GOOGLE_APPLICATION_CREDENTIALS variable, then Application Default Credentials.
# Google へのログインに使うサービスアカウントの JSON ファイル。空欄なら環境変数
# GOOGLE_APPLICATION_CREDENTIALS、次に Application Default Credentials を使います。
google_credentials_file: ""

# The Slack channel for the monthly summary, escalations and filing reminders:
# a channel ID (C0123ABCD) or a name in quotes ("#katsudo").
# 月次まとめ・督促・提出期限のお知らせを送る Slack チャンネル。
# チャンネル ID（C0123ABCD）か、引用符で囲んだ名前（"#katsudo"）。
slack_channel: ""

# On the deadline day, mention (@) the members still outstanding instead of
# only naming them.
# 締切日の督促で、未記入の会員の名前だけでなくメンション（@）を付けるか。
slack_mentions: false

# The time zone of every schedule, month boundary and deadline.
# スケジュール・月の区切り・締切のタイムゾーン。
timezone: Asia/Tokyo

# The first month of the fiscal year (1–12).
# 事業年度の開始月（1〜12）。
fiscal_year_start_month: 4

# The day of the next month by which a month's entries are due (1–28);
# reminders repeat on business days until then.
# 各月の記入締切日（翌月の何日まで、1〜28）。それまで営業日ごとにリマインドします。
deadline_day: 5

# How many days before the filing deadline of the 事業報告書 (3 months after
# the fiscal year ends) the channel starts being reminded (0–90).
# 所轄庁への事業報告書の提出期限（事業年度終了後3か月以内）の何日前から、
# チャンネルでお知らせするか（0〜90）。
filing_reminder_days: 30

# The language of Slack messages, findings, the report's labels and katsudo's
# own messages (--help, mistakes in this file): ja or en.
# Slack のメッセージ、チェック結果、katsudo 自身の表示（--help、このファイルの誤り）の言語:
# ja（日本語）または en（英語）。
language: ja

# How the report prints amounts: yen (円) or sen (千円, the official template's unit).
# 事業報告書の金額の単位: yen（円）または sen（千円、所轄庁の様式の単位）。
unit: yen

# How the report counts 従事者: distinct (実人員, each person once) or total (延べ).
# 従事者の人数の数え方: distinct（実人員）または total（延べ人数）。
staff_basis: distinct

# The spreadsheet's tab names. katsudo reads the first three and writes only
# the last three.
# シートのタブ名。最初の3つを読み、最後の3つにだけ書き込みます。
tabs:
  log: 活動ログ        # the activity log, one row per activity / 活動の記録
  programs: 事業       # the programs catalogue / 事業の一覧
  members: 会員        # members and their Slack accounts / 会員と Slack アカウント
  report: 事業報告書   # the compiled report (written by katsudo) / 事業報告書（katsudo が作成）
  findings: チェック   # every problem found (written by katsudo) / チェック結果（katsudo が作成）
  sent: 送信履歴       # every Slack message sent (written by katsudo) / 送信履歴（katsudo が作成）

# When katsudo serve runs each job: cron specs "minute hour day month weekday",
# in the time zone above. Keep the quotes.
# katsudo serve が各処理を実行する時刻（cron 形式「分 時 日 月 曜日」、上のタイムゾーン）。
# 引用符は残してください。
schedule:
  remind: "0 10 * * *"    # reminders, daily at 10:00 / リマインド（毎日 10:00）
  summary: "0 9 1 * *"    # monthly summary, on the 1st at 09:00 / 月次まとめ（毎月1日 9:00）
  report: "0 3 * * *"     # report and findings tabs, nightly at 03:00 / 事業報告書とチェック（毎日 3:00）

# Where katsudo serve answers /healthz and /metrics (host:port; ":8080" for
# every interface).
# katsudo serve が /healthz と /metrics に応答するアドレス（host:port）。
listen: 127.0.0.1:8080

# A URL pinged after each successful run (healthchecks.io and the like), so that
# a silent stop is noticed. Empty: none.
# 実行が成功するたびにアクセスする URL（死活監視用、healthchecks.io など）。空欄なら使いません。
heartbeat_url: ""

# How katsudo run and serve write their logs: text (one line per event) or json
# (one JSON object per line, for Cloud Logging, Loki and the like).
# katsudo run / serve のログ形式: text（1行ずつの文章）または json。
log_format: text

# The file katsudo run and serve lock so that two katsudo on this machine never
# work on the spreadsheet at the same time. Empty: one in the user's cache
# folder (~/.cache/katsudo/), named after the spreadsheet or workbook.
# 同じマシンで2つの katsudo が同時に動かないようにするためのロックファイル。
# 空欄ならユーザーのキャッシュフォルダー（~/.cache/katsudo/）に作ります。
lock_file: ""
`
