package budget

import (
	"fmt"
	"math"
	"math/bits"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Amount is an exact decimal: an int64 count of thousandths of the plan's
// unit. Amount(1500) is 1.5 units. Amounts compare with the ordinary
// operators <, == and >.
type Amount int64

// Scale is the number of thousandths in one unit.
const Scale = 1000

// MaxDecimals is the largest number of decimals an amount may be written
// with.
const MaxDecimals = 3

// ErrorKind says why [Parse] rejected a text.
type ErrorKind int

// The kinds of [ParseError], from the most general to the most specific.
const (
	// KindSyntax: not a number at all ("abc", "", "1.2.3", ".5", "5.", "+5").
	KindSyntax ErrorKind = iota
	// KindExponent: exponent notation ("1e3", "1.5E+2").
	KindExponent
	// KindUnderscore: digits grouped with underscores ("1_000").
	KindUnderscore
	// KindHex: a hexadecimal number ("0x1F").
	KindHex
	// KindOctal: an octal number with a 0o prefix ("0o17").
	KindOctal
	// KindDecimals: plain decimal notation with more than MaxDecimals
	// decimals ("1.2345", also "1.5000").
	KindDecimals
	// KindOverflow: a well-formed number that does not fit in an int64 count
	// of thousandths, in plain or in Vietnamese notation.
	KindOverflow
	// KindSpecial: not-a-number or an infinity (".nan", ".inf", "-.Inf",
	// "NaN", "Infinity").
	KindSpecial
	// KindVietnamese: a number in Vietnamese notation that is not also a
	// plain decimal ("3.188,5", "3,188", "3 188", "1.234.567"). For this
	// kind, ParseVietnamese(Text) always succeeds and gives the number the
	// writer most likely meant. "3.188" is a plain decimal and parses.
	KindVietnamese
)

var kindNames = [...]string{
	KindSyntax:     "syntax",
	KindExponent:   "exponent",
	KindUnderscore: "underscore",
	KindHex:        "hex",
	KindOctal:      "octal",
	KindDecimals:   "decimals",
	KindOverflow:   "overflow",
	KindSpecial:    "special",
	KindVietnamese: "vietnamese",
}

// String returns the kind's short lowercase name, such as "decimals".
func (k ErrorKind) String() string {
	if k >= 0 && int(k) < len(kindNames) {
		return kindNames[k]
	}
	return "ErrorKind(" + strconv.Itoa(int(k)) + ")"
}

// ParseError is the error [Parse] returns: the text it was given and why it
// is not an amount.
type ParseError struct {
	Text string    // the text given to Parse, unchanged
	Kind ErrorKind // why it was rejected
}

// Error describes the error in lowercase English, such as
// `amount "1.2345" has more than 3 decimals`.
func (e *ParseError) Error() string {
	var what string
	switch e.Kind {
	case KindSyntax:
		what = "is not a number"
	case KindExponent:
		what = "uses exponent notation"
	case KindUnderscore:
		what = "groups digits with underscores"
	case KindHex:
		what = "is hexadecimal"
	case KindOctal:
		what = "is octal"
	case KindDecimals:
		what = fmt.Sprintf("has more than %d decimals", MaxDecimals)
	case KindOverflow:
		what = "is out of range"
	case KindSpecial:
		what = "is not a finite number"
	case KindVietnamese:
		what = "is written in Vietnamese notation"
	default:
		what = "is invalid (" + e.Kind.String() + ")"
	}
	return fmt.Sprintf("amount %q %s", e.Text, what)
}

// Parse reads an amount from the exact text of a YAML scalar.
//
// Only plain decimal notation is accepted: an optional leading '-', one or
// more ASCII digits (leading zeros are read as decimal: "06" is 6, "007.5"
// is 7.5), and optionally a '.' followed by 1 to 3 digits. Nothing is
// trimmed. The text never goes through float64.
//
// Negative amounts parse ("-5" is -5 units, "-0" is 0); reporting them is
// the caller's business. Anything else gives a *[ParseError] whose Kind says
// what the text looks like instead.
func Parse(s string) (Amount, error) {
	if neg, intDigits, fracDigits, ok := splitPlain(s); ok {
		a, ok := fromDigits(neg, intDigits, fracDigits)
		if !ok {
			return 0, &ParseError{Text: s, Kind: KindOverflow}
		}
		return a, nil
	}
	return 0, &ParseError{Text: s, Kind: classify(s)}
}

// splitPlain splits s if it is in plain decimal notation
// -?[0-9]+(\.[0-9]{1,3})?.
func splitPlain(s string) (neg bool, intDigits, fracDigits string, ok bool) {
	body, neg := strings.CutPrefix(s, "-")
	intDigits, fracDigits, hasDot := strings.Cut(body, ".")
	if !allDigits(intDigits) {
		return false, "", "", false
	}
	if hasDot && (len(fracDigits) > MaxDecimals || !allDigits(fracDigits)) {
		return false, "", "", false
	}
	return neg, intDigits, fracDigits, true
}

// classify says why s, which is not in plain decimal notation, is not an
// amount.
func classify(s string) ErrorKind {
	unsigned := s
	if s != "" && (s[0] == '-' || s[0] == '+') {
		unsigned = s[1:]
	}
	switch strings.ToLower(unsigned) {
	case ".nan", "nan", ".inf", "inf", ".infinity", "infinity":
		return KindSpecial
	}
	if body, _ := strings.CutPrefix(s, "-"); isManyDecimals(body) {
		return KindDecimals
	}
	if len(unsigned) > 2 && unsigned[0] == '0' {
		switch unsigned[1] {
		case 'x', 'X':
			if isPrefixedDigits(unsigned[2:], 16) {
				return KindHex
			}
		case 'o', 'O':
			if isPrefixedDigits(unsigned[2:], 8) {
				return KindOctal
			}
		}
	}
	if strings.Contains(s, "_") && isYAMLNumber(strings.ReplaceAll(s, "_", "")) {
		return KindUnderscore
	}
	if isYAMLNumber(s) && strings.ContainsAny(s, "eE") {
		return KindExponent
	}
	if _, shape, fits := parseVietnamese(s); shape {
		if !fits {
			return KindOverflow
		}
		return KindVietnamese
	}
	return KindSyntax
}

// isManyDecimals reports whether s is [0-9]+\.[0-9]{4,}.
func isManyDecimals(s string) bool {
	i, f, ok := strings.Cut(s, ".")
	return ok && allDigits(i) && len(f) > MaxDecimals && allDigits(f)
}

// isPrefixedDigits reports whether s, the text after a 0x or 0o prefix, is
// digits of the given base, possibly with underscores, with at least one
// digit.
func isPrefixedDigits(s string, base int) bool {
	digits := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '_':
			continue
		case base == 16 && isHexDigit(c), base == 8 && '0' <= c && c <= '7':
			digits++
		default:
			return false
		}
	}
	return digits > 0
}

func isHexDigit(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}

// isYAMLNumber reports whether s is a decimal number as YAML's core schema
// reads one: [-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?.
func isYAMLNumber(s string) bool {
	if s != "" && (s[0] == '-' || s[0] == '+') {
		s = s[1:]
	}
	mant, exp := s, ""
	if i := strings.IndexAny(s, "eE"); i >= 0 {
		mant, exp = s[:i], s[i+1:]
		if exp != "" && (exp[0] == '-' || exp[0] == '+') {
			exp = exp[1:]
		}
		if !allDigits(exp) {
			return false
		}
	}
	i, f, dot := strings.Cut(mant, ".")
	if !dot {
		return allDigits(i)
	}
	return (i == "" || allDigits(i)) && (f == "" || allDigits(f)) && i+f != ""
}

// allDigits reports whether s is one or more ASCII digits.
func allDigits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// fromDigits builds an amount from ASCII digits: the whole part and up to
// MaxDecimals decimals. ok is false when it does not fit.
func fromDigits(neg bool, intDigits, fracDigits string) (Amount, bool) {
	limit := uint64(math.MaxInt64)
	if neg {
		limit++ // |math.MinInt64|
	}
	var mag uint64
	add := func(d uint64) bool {
		if mag > (limit-d)/10 {
			return false
		}
		mag = mag*10 + d
		return true
	}
	for i := 0; i < len(intDigits); i++ {
		if !add(uint64(intDigits[i] - '0')) {
			return 0, false
		}
	}
	for i := 0; i < MaxDecimals; i++ {
		var d uint64
		if i < len(fracDigits) {
			d = uint64(fracDigits[i] - '0')
		}
		if !add(d) {
			return 0, false
		}
	}
	return fromMagnitude(neg, mag), true
}

// fromMagnitude returns -mag or mag; mag must fit.
func fromMagnitude(neg bool, mag uint64) Amount {
	if neg {
		return Amount(-mag) // two's complement: also right for 1<<63
	}
	return Amount(mag)
}

// ParseVietnamese reads text written in Vietnamese notation, where '.'
// groups thousands and ',' is the decimal mark: "3.188" is 3188, "1.999,5"
// is 1999.5, "3,188" is 3.188, "1.234.567" is 1234567, "6,8" is 6.8 and
// "12" is 12. A space, a no-break space (U+00A0) or a narrow no-break space
// (U+202F) may group thousands instead of '.': "3 188" is 3188.
//
// An optional leading '-' is accepted, so that ParseVietnamese reads back
// what [Amount.Format] writes with vietnamese set. Digits without separators
// may have leading zeros ("06" is 6); with separators the first group has 1
// to 3 digits and does not start with 0, every later group has exactly 3
// digits, and one number uses one kind of separator. At most 3 decimals may
// follow the ','. Nothing is trimmed and trailing unit words are not
// handled.
//
// ok is false when the text is not a well-formed Vietnamese-notation number
// or the number does not fit in an Amount.
func ParseVietnamese(s string) (a Amount, ok bool) {
	a, shape, fits := parseVietnamese(s)
	return a, shape && fits
}

// parseVietnamese is ParseVietnamese, telling apart text that is not
// Vietnamese notation (shape false) from a number that does not fit (fits
// false).
func parseVietnamese(s string) (a Amount, shape, fits bool) {
	body, neg := strings.CutPrefix(s, "-")
	intText, fracDigits, hasComma := strings.Cut(body, ",")
	if hasComma && (len(fracDigits) > MaxDecimals || !allDigits(fracDigits)) {
		return 0, false, false
	}
	intDigits := intText
	if i := strings.IndexFunc(intText, func(r rune) bool { return r < '0' || r > '9' }); i >= 0 {
		sep, _ := utf8.DecodeRuneInString(intText[i:])
		switch sep {
		case '.', ' ', '\u00a0', '\u202f':
		default:
			return 0, false, false
		}
		groups := strings.Split(intText, string(sep))
		first := groups[0]
		if len(first) > 3 || !allDigits(first) || first[0] == '0' {
			return 0, false, false
		}
		for _, g := range groups[1:] {
			if len(g) != 3 || !allDigits(g) {
				return 0, false, false
			}
		}
		intDigits = strings.Join(groups, "")
	} else if intText == "" {
		return 0, false, false
	}
	a, fits = fromDigits(neg, intDigits, fracDigits)
	return a, true, fits
}

// magnitude returns |a|, which always fits in a uint64.
func (a Amount) magnitude() uint64 {
	if a < 0 {
		return -uint64(a)
	}
	return uint64(a)
}

// String returns the shortest exact form of a, with '.' as the decimal mark
// and no grouping: "622", "1234.5", "0.25", "-1", "0". [Parse] reads it back
// to a.
func (a Amount) String() string {
	return a.format("", ".", -1)
}

// Format returns a grouped for people to read, with as many decimals as it
// needs. In Vietnamese notation '.' groups thousands and ',' is the decimal
// mark ("7.604", "1.234,5", "0,6", "-1"); in English notation ',' groups
// thousands and '.' is the decimal mark ("7,604", "1,234.5", "0.6").
func (a Amount) Format(vietnamese bool) string {
	group, mark := ",", "."
	if vietnamese {
		group, mark = ".", ","
	}
	return a.format(group, mark, -1)
}

// FormatFixed is like [Amount.Format] but always writes exactly decimals
// decimals, rounding half away from zero: FormatFixed(true, 2) of 9.975 is
// "9,98", as in "6,80 %". A negative decimals is taken as 0; beyond
// MaxDecimals the extra decimals are zeros. A negative amount that rounds to
// zero is written without a sign.
func (a Amount) FormatFixed(vietnamese bool, decimals int) string {
	group, mark := ",", "."
	if vietnamese {
		group, mark = ".", ","
	}
	return a.format(group, mark, max(decimals, 0))
}

var pow10 = [...]uint64{1, 10, 100, 1000}

// format writes a with the given group separator ("" for none) and decimal
// mark, with exactly decimals decimals, or as few as needed when decimals
// is negative.
func (a Amount) format(group, mark string, decimals int) string {
	mag := a.magnitude()
	if decimals >= 0 && decimals < MaxDecimals {
		unit := pow10[MaxDecimals-decimals]
		mag = (mag + unit/2) / unit * unit // at most 1<<63 + 500: no overflow
	}
	whole := strconv.FormatUint(mag/Scale, 10)
	frac := fmt.Sprintf("%03d", mag%Scale)
	switch {
	case decimals < 0:
		frac = strings.TrimRight(frac, "0")
	case decimals <= MaxDecimals:
		frac = frac[:decimals]
	default:
		frac += strings.Repeat("0", decimals-MaxDecimals)
	}

	var b strings.Builder
	if a < 0 && mag != 0 {
		b.WriteByte('-')
	}
	for i := 0; i < len(whole); i++ {
		if group != "" && i > 0 && (len(whole)-i)%3 == 0 {
			b.WriteString(group)
		}
		b.WriteByte(whole[i])
	}
	if frac != "" {
		b.WriteString(mark)
		b.WriteString(frac)
	}
	return b.String()
}

// Add returns a + b; ok is false when the sum does not fit.
func (a Amount) Add(b Amount) (Amount, bool) {
	s := a + b
	if (b > 0 && s < a) || (b < 0 && s > a) {
		return 0, false
	}
	return s, true
}

// Sub returns a - b; ok is false when the difference does not fit.
func (a Amount) Sub(b Amount) (Amount, bool) {
	d := a - b
	if (b > 0 && d > a) || (b < 0 && d < a) {
		return 0, false
	}
	return d, true
}

// IsWhole reports whether a has no fractional part.
func (a Amount) IsWhole() bool {
	return a%Scale == 0
}

// Int returns the whole units of a, truncated toward zero.
func (a Amount) Int() int64 {
	return int64(a) / Scale
}

// Float64 returns the float64 nearest to a, for writing spreadsheet cells
// and other output only. It must not be used for arithmetic or comparison:
// that is what Amount is for.
func (a Amount) Float64() float64 {
	const exact = 1 << 53 // int64 values below this convert to float64 exactly
	if -exact < a && a < exact {
		return float64(a) / Scale // one correctly rounded division
	}
	f, _ := strconv.ParseFloat(a.String(), 64)
	return f
}

// FromInt returns n units; ok is false when that does not fit.
func FromInt(n int64) (Amount, bool) {
	if n > math.MaxInt64/Scale || n < math.MinInt64/Scale {
		return 0, false
	}
	return Amount(n * Scale), true
}

// Sum returns the sum of as; ok is false when the sum does not fit. The
// result does not depend on the order of the terms, even when a partial sum
// would not fit: the terms are added in 128 bits.
func Sum(as ...Amount) (Amount, bool) {
	var hi int64 // the sum is hi<<64 + lo, in two's complement
	var lo uint64
	for _, a := range as {
		var carry uint64
		lo, carry = bits.Add64(lo, uint64(a), 0)
		hi += int64(a)>>63 + int64(carry)
	}
	if hi != int64(lo)>>63 {
		return 0, false
	}
	return Amount(lo), true
}

// Rounding says how [MulDiv] and [Ratio] round a result that is not exact.
type Rounding int

// The rounding modes.
const (
	// Floor rounds toward negative infinity.
	Floor Rounding = iota
	// Ceil rounds toward positive infinity.
	Ceil
	// HalfUp rounds to the nearest, halves away from zero.
	HalfUp
)

// MulDiv returns a × num / den rounded per r. The product is computed in
// 128 bits, so it may exceed int64 as long as the result fits. ok is false
// when den is 0 or the result does not fit. MulDiv panics on an unknown
// Rounding.
//
// For example MulDiv(a, 7, 100, HalfUp) is 7 % of a, to the thousandth.
func MulDiv(a Amount, num, den int64, r Rounding) (Amount, bool) {
	q, ok := mulDiv(int64(a), num, den, r)
	return Amount(q), ok
}

// Ratio returns a / b × scale rounded per r, as an integer: with scale
// 10000 it is the percentage to two decimals, so Ratio(241, 2416, 10000,
// HalfUp) is 998, that is 9.98 %. ok is false when b is 0 or the result does
// not fit. Ratio panics on an unknown Rounding.
func Ratio(a, b Amount, scale int64, r Rounding) (int64, bool) {
	return mulDiv(int64(a), scale, int64(b), r)
}

// mulDiv returns x × y / d rounded per r, computing in 128 bits.
func mulDiv(x, y, d int64, r Rounding) (int64, bool) {
	if r < Floor || r > HalfUp {
		panic("budget: unknown Rounding " + strconv.Itoa(int(r)))
	}
	if d == 0 {
		return 0, false
	}
	neg := (x < 0) != (y < 0) != (d < 0)
	hi, lo := bits.Mul64(Amount(x).magnitude(), Amount(y).magnitude())
	dm := Amount(d).magnitude()
	if hi >= dm {
		return 0, false // the quotient needs more than 64 bits
	}
	q, rem := bits.Div64(hi, lo, dm)
	if rem != 0 {
		var up bool // whether to round the magnitude up
		switch r {
		case Floor:
			up = neg
		case Ceil:
			up = !neg
		case HalfUp:
			up = rem >= dm-rem
		}
		if up {
			if q == math.MaxUint64 {
				return 0, false
			}
			q++
		}
	}
	if q > math.MaxInt64 && !(neg && q == 1<<63) {
		return 0, false
	}
	return int64(fromMagnitude(neg, q)), true
}
