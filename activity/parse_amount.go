package activity

import (
	"math"
	"strings"
	"unicode/utf8"
)

// maxYen bounds an amount: 10 trillion yen is beyond any non-profit's
// accounts, and far from overflowing int64.
const maxYen = 1e13

// ParseAmount reads a money cell (支出額, 予算額, 決算額) in yen. It accepts a
// number cell (whole yen) and text: 628,644, ６２８，６４４円, ¥1,000,
// ￥1,000, 1,000円, 69,963千円 (= 69,963,000 yen, Unit 千円), 3.5万円 (=
// 35,000, Unit 万円), 1万2千円 and 1万2,000円 (= 12,000, Unit 円), 0, 0円;
// a negative amount as △1,000, ▲1,000 or -1,000 (a refund); an approximate
// one as 約5,000円, 5,000円程度, 5,000円くらい or 概算5,000円; commas
// anywhere between digits and spaces anywhere, 税込 and a closing 也 or -
// (¥1,000-) ignored.
//
// なし, 無し and a lone dash (-, ー, ―) read as 0 yen: members write them
// in an expense column to say that nothing was spent, and Japanese tables
// use the dash for zero. An empty cell gives the zero Amount and no error;
// the caller tells empty (unknown) from 0 with Cell.IsBlank. Anything else
// — fractions of a yen, more than one number, amounts over 10 trillion yen,
// free text — gives a *CellError with Code CodeUnparsable.
func ParseAmount(c Cell) (Amount, error) {
	switch c.Kind {
	case CellEmpty:
		return Amount{}, nil
	case CellNumber:
		a, err := amountFromNumber(c)
		if err != nil {
			return Amount{}, err
		}
		return a, nil
	case CellText:
	default:
		return Amount{}, kindError(c, "金額", "an amount")
	}
	s := Fold(c.Text)
	if s == "" {
		return Amount{}, invisibleOnly(c, "金額", "amount")
	}
	if isNothing(s) {
		return Amount{}, nil
	}
	a, fail := scanAmount(s)
	if fail != amountOK {
		return Amount{}, amountError(c.Text, fail)
	}
	return a, nil
}

// amountFail says why text did not read as an amount.
type amountFail uint8

const (
	amountOK amountFail = iota
	amountUnreadable
	amountSeveral     // 1,000円+500円
	amountFraction    // 3.5円
	amountDotThousand // 1.000円: a decimal point or a thousands separator?
	amountTooLarge
)

// scanAmount reads folded text: prefixes (約, △, ¥), one figure with
// optional 万 and 千 groups, 円 or 千円 or 万円, then suffixes (程度).
func scanAmount(s string) (Amount, amountFail) {
	var a Amount
	i, neg, yen := 0, false, false
	for {
		i = skipSpaces(s, i)
		if j, ok := hasPrefixAt(s, i, "約", "概算", "およそ", "凡そ", "概ね", "大体", "だいたい", "〜", "~"); ok {
			a.Approx, i = true, j
			continue
		}
		if j, ok := hasPrefixAt(s, i, "税込み", "税込"); ok {
			i = j
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if !neg && (r == '△' || r == '▲' || isDash(r)) {
			neg, i = true, i+n
			continue
		}
		if !yen && (r == '¥' || r == '\\') {
			yen, i = true, i+n
			continue
		}
		break
	}

	// The figure: 1,000 or 69,963千 or 3.5万 or 1万2千 or 1万2,000.
	var total uint64
	groups, lastMult := 0, uint64(0)
	for {
		i = skipSpaces(s, i)
		d, ok := scanDecimal(s, i)
		if !ok {
			break
		}
		if d.overflow {
			return Amount{}, amountTooLarge
		}
		i = skipSpaces(s, d.end)
		mult := uint64(1)
		if j, ok := hasPrefixAt(s, i, "万"); ok {
			mult, i = 1e4, j
		} else if j, ok := hasPrefixAt(s, i, "千"); ok {
			mult, i = 1e3, j
		}
		if lastMult != 0 && mult >= lastMult {
			return Amount{}, amountSeveral // 1万2万, 1千500万
		}
		if float64(d.mantissa)*float64(mult)/pow10[d.frac] > maxYen {
			return Amount{}, amountTooLarge
		}
		v := d.mantissa * mult
		if d.tail || v%uint64(pow10[d.frac]) != 0 {
			return Amount{}, amountFraction
		}
		if mult == 1 && d.frac == 3 {
			return Amount{}, amountDotThousand
		}
		total += v / uint64(pow10[d.frac])
		groups++
		lastMult = mult
		if mult == 1 {
			break
		}
	}
	if groups == 0 {
		return Amount{}, amountUnreadable
	}
	if total > maxYen {
		return Amount{}, amountTooLarge
	}
	i = skipSpaces(s, i)
	if j, ok := hasPrefixAt(s, i, "円"); ok {
		yen, i = true, j
	}
	switch {
	case groups == 1 && lastMult == 1e3:
		a.Unit = "千円"
	case groups == 1 && lastMult == 1e4:
		a.Unit = "万円"
	case yen || groups > 1:
		a.Unit = "円"
	}
	for {
		i = skipSpaces(s, i)
		if j, ok := hasPrefixAt(s, i, "程度", "くらい", "ぐらい", "位", "前後", "ほど", "余り", "強", "弱", "見込み", "見込", "(概算)", "概算", "(見込)", "(見込み)"); ok {
			a.Approx, i = true, j
			continue
		}
		if j, ok := hasPrefixAt(s, i, "也", "(税込)", "(税込み)", "税込み", "税込"); ok {
			i = j
			continue
		}
		// ¥1,000- and ¥1,000.-: the receipt style that closes the figure.
		if j, ok := hasPrefixAt(s, i, ".-", "-", "ー", "―", "—"); ok && j == len(s) {
			i = j
		}
		break
	}
	if i != len(s) {
		if strings.IndexAny(s[i:], "0123456789") >= 0 {
			return Amount{}, amountSeveral
		}
		return Amount{}, amountUnreadable
	}
	a.Yen = int64(total)
	if neg {
		a.Yen = -a.Yen
	}
	return a, amountOK
}

// pow10 are the powers of ten a fraction can be scaled by.
var pow10 = [...]float64{1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6}

// decimal is a number as written: its digits without the point, how many
// of them follow the point, and where it ends in the text.
type decimal struct {
	mantissa uint64
	frac     int  // digits after the point, at most 6
	tail     bool // non-zero digits beyond the 6th after the point
	overflow bool // more digits than any amount has
	end      int
}

// scanDecimal reads digits at s[i:] with commas anywhere between them
// (1,000 and 1,00,0 alike) and an optional decimal point.
func scanDecimal(s string, i int) (decimal, bool) {
	var d decimal
	if i >= len(s) || !isDigit(s[i]) {
		return d, false
	}
	point := false
	for i < len(s) {
		c := s[i]
		switch {
		case isDigit(c):
			if point && d.frac == len(pow10)-1 {
				d.tail = d.tail || c != '0'
				break
			}
			if d.mantissa > 1e17 {
				d.overflow = true
				break
			}
			d.mantissa = d.mantissa*10 + uint64(c-'0')
			if point {
				d.frac++
			}
		case c == ',' && !point:
			// A comma continues the number only when a digit follows it,
			// possibly after a space (1, 000).
			if j := skipSpaces(s, i+1); j < len(s) && isDigit(s[j]) {
				i = j
				continue
			}
			d.end = i
			return d, true
		case c == '.' && !point && i+1 < len(s) && isDigit(s[i+1]):
			point = true
		default:
			d.end = i
			return d, true
		}
		i++
	}
	d.end = i
	return d, true
}

// amountFromNumber reads a number cell: whole yen, to within a millionth.
func amountFromNumber(c Cell) (Amount, *CellError) {
	f := c.Num
	switch {
	case math.IsNaN(f) || math.IsInf(f, 0):
		return Amount{}, amountError(c.String(), amountUnreadable)
	case math.Abs(f) > maxYen:
		return Amount{}, amountError(c.String(), amountTooLarge)
	case math.Abs(f-math.Round(f)) > 1e-6:
		return Amount{}, amountError(c.String(), amountFraction)
	}
	return Amount{Yen: int64(math.Round(f))}, nil
}

// amountError is the reason an amount could not be read.
func amountError(in string, fail amountFail) *CellError {
	q := quote(in)
	switch fail {
	case amountSeveral:
		return unparsable(
			"「"+q+"」に数が2つ以上あります。金額は合計を1つだけ書いてください（内訳は備考へ）",
			"\""+q+"\" holds more than one number; write the total as one amount (the breakdown can go in 備考)")
	case amountFraction:
		return unparsable(
			"「"+q+"」に1円未満の端数があります。円単位で書いてください",
			"\""+q+"\" has a fraction of a yen; write whole yen")
	case amountDotThousand:
		return unparsable(
			"「"+q+"」の「.」が小数点か桁区切りか分かりません。桁区切りは 1,000 のようにカンマで書いてください",
			"\""+q+"\": is the \".\" a decimal point or a thousands separator? Separate thousands with commas, like 1,000")
	case amountTooLarge:
		return unparsable(
			"「"+q+"」は金額として大きすぎます（10兆円を超えています）。桁を確かめてください",
			"\""+q+"\" is too large for an amount (over 10 trillion yen); check the digits")
	}
	return unparsable(
		"「"+q+"」を金額として読めません。628,644、628,644円、¥1,000、69,963千円、3.5万円 のように書いてください（支出がなければ 0）",
		"cannot read \""+q+"\" as an amount; write it like 628,644, 628,644円, ¥1,000, 69,963千円 or 3.5万円 (0 when nothing was spent)")
}
