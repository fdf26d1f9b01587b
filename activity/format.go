package activity

import (
	"strconv"
	"strings"
)

// groupDigits prints n with thousands separators: 628644 → 628,644.
func groupDigits(n int64) string {
	s := strconv.FormatInt(n, 10)
	neg := strings.HasPrefix(s, "-")
	if neg {
		s = s[1:]
	}
	var b strings.Builder
	for i, r := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(r)
	}
	if neg {
		return "-" + b.String()
	}
	return b.String()
}

// FormatYen prints an amount the way the report does: 628,644円 (¥628,644 in English).
func FormatYen(n int64, lang Lang) string {
	if lang == English {
		if n < 0 {
			return "-¥" + groupDigits(-n)
		}
		return "¥" + groupDigits(n)
	}
	return groupDigits(n) + "円"
}

// FormatSen prints an amount already in 千円: 629千円 (¥629k in English).
func FormatSen(n int64, lang Lang) string {
	if lang == English {
		return "¥" + groupDigits(n) + "k"
	}
	return groupDigits(n) + "千円"
}

// FormatBeneficiaries prints a program's beneficiaries: 横浜市3施設、中小企業1社、約120名.
func FormatBeneficiaries(bs []BeneficiaryCount, lang Lang) string {
	parts := make([]string, 0, len(bs))
	for _, b := range bs {
		s := b.Label
		if b.Approx {
			approx := "約"
			if lang == English {
				approx = "approx. "
				if s != "" {
					approx = " approx. "
				}
			}
			s += approx
		}
		s += strconv.Itoa(b.Count) + b.Unit
		parts = append(parts, s)
	}
	return strings.Join(parts, Text{Ja: "、", En: ", "}.In(lang))
}

// FormatStaff prints the number of people: 13人 (13 people).
func FormatStaff(n int, lang Lang) string {
	if lang == English {
		if n == 1 {
			return "1 person"
		}
		return strconv.Itoa(n) + " people"
	}
	return strconv.Itoa(n) + "人"
}

// Ordinal is the marker the report puts before a line: (1) for a
// category, ① for a program, (i) for a sub-item.
func Ordinal(p ProgramReport) string {
	parts := strings.Split(p.Code, "-")
	n, _ := strconv.Atoi(parts[len(parts)-1])
	switch p.Level {
	case 1:
		return "(" + strconv.Itoa(n) + ")"
	case 2:
		if n >= 1 && n <= 20 {
			return string(rune('①' + n - 1))
		}
		return strconv.Itoa(n) + "."
	case 3:
		if n >= 1 && n <= 12 {
			return "(" + romans[n-1] + ")"
		}
	}
	return p.Code
}

var romans = []string{"i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii"}

// formatFullDate prints a full date: 2021年4月1日 (1 Apr 2021).
func formatFullDate(d Date, lang Lang) string {
	if lang == English {
		return enDate(d, true)
	}
	return jaDate(d, true)
}
