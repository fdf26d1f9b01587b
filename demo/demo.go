// Package demo is katsudo's sample organisation: the FY2021 activity log of
// 特定非営利活動法人 産業クラスター研究会, as its members would have kept
// it through the year, from which `katsudo demo` rebuilds the real
// 事業報告書 in shared/seed and points at that report's own mistakes.
//
// The log is messy the way members' logs are — 和暦, full-width digits,
// month-only dates, 約, 中止, 活動なし, names in lists, a moved column —
// and carries the seed's mistakes plus a few everyday ones, each on purpose
// and listed in MISTAKES.md.
//
// The data lives twice: as Go literals (data.go), which reviewers read and
// tests use, and as the workbook a user opens (katsudo-demo-input.xlsx),
// generated from the literals by gen.go. demo_test.go fails when the two
// drift apart; `go generate ./demo` brings the workbook back in line.
package demo

//go:generate go run gen.go

import (
	_ "embed"
	"time"

	"github.com/katsudo-npo/katsudo/activity"
)

// Input is the demo workbook (.xlsx) with the three input tabs, as a member
// would download it: what `katsudo demo` reads and writes its report beside.
//
//go:embed katsudo-demo-input.xlsx
var Input []byte

// Organization is the organisation the demo report is for.
const Organization = "特定非営利活動法人 産業クラスター研究会"

// Tabs are the demo workbook's tab names: the template's defaults.
func Tabs() activity.Tabs { return activity.DefaultTabs }

// Grids are the three input tabs as cell grids, exactly as Input holds
// them. Each call returns a fresh copy.
func Grids() activity.Input {
	return activity.Input{Tabs: Tabs(), Log: logTab(), Programs: programTab(), Members: memberTab()}
}

// FiscalYear is the year the demo log covers: FY2021, April 2021 to March
// 2022.
func FiscalYear() activity.FiscalYear {
	return activity.FiscalYear{Year: 2021, StartMonth: time.April}
}

// Now is the moment the demo pretends it is: mid-April 2022, when every
// month of FY2021 has closed and the report is being prepared for filing.
func Now() time.Time {
	return time.Date(2022, time.April, 15, 10, 0, 0, 0, time.FixedZone("JST", 9*60*60))
}
