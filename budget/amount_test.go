package budget

import (
	"errors"
	"math"
	"math/big"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// parseTests is shared by TestParse and the seeds of FuzzParse. A nil err
// means Parse succeeds with want.
var parseTests = []struct {
	name string
	in   string
	want Amount
	err  *ParseError
}{
	// Plain decimal notation.
	{"zero", "0", 0, nil},
	{"negative zero", "-0", 0, nil},
	{"negative zero with decimals", "-0.000", 0, nil},
	{"integer", "622", 622_000, nil},
	{"leading zero", "06", 6_000, nil},
	{"leading zeros with decimals", "007.5", 7_500, nil},
	{"many leading zeros", "000000000000000000000000000001", 1_000, nil},
	{"one decimal", "1234.5", 1_234_500, nil},
	{"two decimals", "0.25", 250, nil},
	{"three decimals", "3.188", 3_188, nil},
	{"trailing zero decimals", "1.500", 1_500, nil},
	{"thousandth", "0.001", 1, nil},
	{"negative", "-5", -5_000, nil},
	{"negative with decimals", "-1.25", -1_250, nil},
	{"max", "9223372036854775.807", math.MaxInt64, nil},
	{"min", "-9223372036854775.808", math.MinInt64, nil},

	// Overflow.
	{"max plus one thousandth", "9223372036854775.808", 0, &ParseError{"9223372036854775.808", KindOverflow}},
	{"min minus one thousandth", "-9223372036854775.809", 0, &ParseError{"-9223372036854775.809", KindOverflow}},
	{"twenty nines", "99999999999999999999", 0, &ParseError{"99999999999999999999", KindOverflow}},
	{"whole part too large", "9223372036854776", 0, &ParseError{"9223372036854776", KindOverflow}},
	{"huge", "1" + strings.Repeat("0", 40), 0, &ParseError{"1" + strings.Repeat("0", 40), KindOverflow}},
	{"vietnamese too large", "9.223.372.036.854.776", 0, &ParseError{"9.223.372.036.854.776", KindOverflow}},

	// Not a number.
	{"empty", "", 0, &ParseError{"", KindSyntax}},
	{"letters", "abc", 0, &ParseError{"abc", KindSyntax}},
	{"two dots", "1.2.3", 0, &ParseError{"1.2.3", KindSyntax}},
	{"no whole part", ".5", 0, &ParseError{".5", KindSyntax}},
	{"no decimals after dot", "5.", 0, &ParseError{"5.", KindSyntax}},
	{"plus sign", "+5", 0, &ParseError{"+5", KindSyntax}},
	{"minus only", "-", 0, &ParseError{"-", KindSyntax}},
	{"two minus signs", "--5", 0, &ParseError{"--5", KindSyntax}},
	{"two signs before inf", "-+.inf", 0, &ParseError{"-+.inf", KindSyntax}},
	{"leading space", " 5", 0, &ParseError{" 5", KindSyntax}},
	{"trailing space", "5 ", 0, &ParseError{"5 ", KindSyntax}},
	{"unit word", "5 triệu", 0, &ParseError{"5 triệu", KindSyntax}},
	{"unicode minus", "\u22125", 0, &ParseError{"\u22125", KindSyntax}},
	{"arabic-indic digits", "\u0665", 0, &ParseError{"\u0665", KindSyntax}},
	{"english grouping", "1,234.5", 0, &ParseError{"1,234.5", KindSyntax}},
	{"space grouping with dot decimal", "3 188.5", 0, &ParseError{"3 188.5", KindSyntax}},
	{"binary", "0b101", 0, &ParseError{"0b101", KindSyntax}},
	{"hex prefix only", "0x", 0, &ParseError{"0x", KindSyntax}},
	{"bad hex digit", "0xZ", 0, &ParseError{"0xZ", KindSyntax}},
	{"bad octal digit", "0o8", 0, &ParseError{"0o8", KindSyntax}},
	{"exponent without digits", "1e", 0, &ParseError{"1e", KindSyntax}},
	{"exponent only", "e3", 0, &ParseError{"e3", KindSyntax}},
	{"underscore only", "_", 0, &ParseError{"_", KindSyntax}},
	{"true", "true", 0, &ParseError{"true", KindSyntax}},
	{"null", "~", 0, &ParseError{"~", KindSyntax}},

	// Exponent.
	{"exponent", "1e3", 0, &ParseError{"1e3", KindExponent}},
	{"exponent with sign", "1.5E+2", 0, &ParseError{"1.5E+2", KindExponent}},
	{"negative exponent", "-2.5e-3", 0, &ParseError{"-2.5e-3", KindExponent}},
	{"exponent on fraction", ".5e3", 0, &ParseError{".5e3", KindExponent}},

	// Underscore.
	{"underscore", "1_000", 0, &ParseError{"1_000", KindUnderscore}},
	{"underscore with decimals", "1_000.5", 0, &ParseError{"1_000.5", KindUnderscore}},
	{"negative underscore", "-1_000", 0, &ParseError{"-1_000", KindUnderscore}},

	// Hexadecimal and octal.
	{"hex", "0x1F", 0, &ParseError{"0x1F", KindHex}},
	{"hex upper prefix", "0XFF", 0, &ParseError{"0XFF", KindHex}},
	{"negative hex", "-0x10", 0, &ParseError{"-0x10", KindHex}},
	{"hex with underscore", "0x1_F", 0, &ParseError{"0x1_F", KindHex}},
	{"octal", "0o17", 0, &ParseError{"0o17", KindOctal}},

	// More than 3 decimals.
	{"four decimals", "1.2345", 0, &ParseError{"1.2345", KindDecimals}},
	{"four decimals ending in zero", "1.5000", 0, &ParseError{"1.5000", KindDecimals}},
	{"negative four decimals", "-0.0001", 0, &ParseError{"-0.0001", KindDecimals}},
	{"many decimals and too large", "99999999999999999999.1234", 0, &ParseError{"99999999999999999999.1234", KindDecimals}},

	// Not-a-number and infinities.
	{"yaml nan", ".nan", 0, &ParseError{".nan", KindSpecial}},
	{"yaml NaN", ".NaN", 0, &ParseError{".NaN", KindSpecial}},
	{"yaml inf", ".inf", 0, &ParseError{".inf", KindSpecial}},
	{"yaml Inf", ".Inf", 0, &ParseError{".Inf", KindSpecial}},
	{"yaml negative inf", "-.inf", 0, &ParseError{"-.inf", KindSpecial}},
	{"yaml positive INF", "+.INF", 0, &ParseError{"+.INF", KindSpecial}},
	{"NaN", "NaN", 0, &ParseError{"NaN", KindSpecial}},
	{"Infinity", "Infinity", 0, &ParseError{"Infinity", KindSpecial}},
	{"negative Infinity", "-Infinity", 0, &ParseError{"-Infinity", KindSpecial}},

	// Vietnamese notation.
	{"vietnamese decimal comma", "3.188,5", 0, &ParseError{"3.188,5", KindVietnamese}},
	{"vietnamese thousands and decimals", "1.999,5", 0, &ParseError{"1.999,5", KindVietnamese}},
	{"vietnamese comma", "3,188", 0, &ParseError{"3,188", KindVietnamese}},
	{"vietnamese short decimal", "6,8", 0, &ParseError{"6,8", KindVietnamese}},
	{"vietnamese space", "3 188", 0, &ParseError{"3 188", KindVietnamese}},
	{"vietnamese space thousand", "1 000", 0, &ParseError{"1 000", KindVietnamese}},
	{"vietnamese no-break space", "3\u00a0188", 0, &ParseError{"3\u00a0188", KindVietnamese}},
	{"vietnamese narrow no-break space", "3\u202f188", 0, &ParseError{"3\u202f188", KindVietnamese}},
	{"vietnamese two groups", "1.234.567", 0, &ParseError{"1.234.567", KindVietnamese}},
	{"vietnamese negative", "-1.999,5", 0, &ParseError{"-1.999,5", KindVietnamese}},
}

func TestParse(t *testing.T) {
	for _, tt := range parseTests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Parse(tt.in)
			if tt.err == nil {
				if err != nil || got != tt.want {
					t.Errorf("Parse(%q) = %v, %v, want %v, nil", tt.in, got, err, tt.want)
				}
				return
			}
			var pe *ParseError
			if !errors.As(err, &pe) {
				t.Fatalf("Parse(%q) = %v, %v, want error %v", tt.in, got, err, tt.err)
			}
			if diff := cmp.Diff(tt.err, pe); diff != "" {
				t.Errorf("Parse(%q) error mismatch (-want +got):\n%s", tt.in, diff)
			}
			if got != 0 {
				t.Errorf("Parse(%q) = %v with an error, want 0", tt.in, got)
			}
		})
	}
}

func TestParseCoversEveryKind(t *testing.T) {
	seen := map[ErrorKind]bool{}
	for _, tt := range parseTests {
		if tt.err != nil {
			seen[tt.err.Kind] = true
		}
	}
	for k := KindSyntax; k <= KindVietnamese; k++ {
		if !seen[k] {
			t.Errorf("parseTests has no case of %v", k)
		}
	}
}

func TestParseVietnameseKindReadsBack(t *testing.T) {
	// For KindVietnamese, ParseVietnamese must give the meant number.
	for _, tt := range parseTests {
		if tt.err == nil || tt.err.Kind != KindVietnamese {
			continue
		}
		if _, ok := ParseVietnamese(tt.in); !ok {
			t.Errorf("ParseVietnamese(%q) failed, but Parse says it is Vietnamese notation", tt.in)
		}
	}
}

func TestExactDecimal(t *testing.T) {
	a, b, c := mustParse(t, "0.1"), mustParse(t, "0.2"), mustParse(t, "0.3")
	if got, ok := a.Add(b); !ok || got != c {
		t.Errorf("0.1 + 0.2 = %v, %v, want %v, true", got, ok, c)
	}
	if got, ok := Sum(a, b); !ok || got != c {
		t.Errorf("Sum(0.1, 0.2) = %v, %v, want %v, true", got, ok, c)
	}
	if got, ok := c.Sub(b); !ok || got != a {
		t.Errorf("0.3 - 0.2 = %v, %v, want %v, true", got, ok, a)
	}
}

func TestSumOrderIndependent(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	const n = 100_000
	as := make([]Amount, n)
	want := new(big.Int)
	for i := range as {
		// Up to 10^12 units with 3 decimals, some negative.
		as[i] = Amount(r.Int64N(2_000_000_000_000_000) - 1_000_000_000_000_000)
		want.Add(want, big.NewInt(int64(as[i])))
	}
	first, ok := Sum(as...)
	if !ok || big.NewInt(int64(first)).Cmp(want) != 0 {
		t.Fatalf("Sum = %v, %v, want %v, true", first, ok, want)
	}
	for round := range 5 {
		r.Shuffle(n, func(i, j int) { as[i], as[j] = as[j], as[i] })
		got, ok := Sum(as...)
		if !ok || got != first {
			t.Errorf("round %d: Sum of shuffled amounts = %v, %v, want %v, true", round, got, ok, first)
		}
		var acc Amount
		for _, a := range as {
			if acc, ok = acc.Add(a); !ok {
				t.Fatalf("round %d: Add overflowed", round)
			}
		}
		if acc != first {
			t.Errorf("round %d: Add loop over shuffled amounts = %v, want %v", round, acc, first)
		}
	}
	// Parsed from text, the same holds: rows as YAML would hold them.
	texts := make([]Amount, 0, 1000)
	for i := range 1000 {
		texts = append(texts, mustParse(t, as[i].String()))
	}
	if got, _ := Sum(texts...); got != mustSum(t, as[:1000]...) {
		t.Errorf("Sum of reparsed amounts = %v, want %v", got, mustSum(t, as[:1000]...))
	}
}

func TestSum(t *testing.T) {
	tests := []struct {
		name   string
		in     []Amount
		want   Amount
		wantOK bool
	}{
		{"empty", nil, 0, true},
		{"one", []Amount{5}, 5, true},
		{"max", []Amount{math.MaxInt64 - 1, 1}, math.MaxInt64, true},
		{"min", []Amount{math.MinInt64 + 1, -1}, math.MinInt64, true},
		{"over max", []Amount{math.MaxInt64, 1}, 0, false},
		{"under min", []Amount{math.MinInt64, -1}, 0, false},
		{"partial sum overflows, total fits", []Amount{math.MaxInt64, 1, -1}, math.MaxInt64, true},
		{"partial sum underflows, total fits", []Amount{math.MinInt64, math.MinInt64, math.MaxInt64, math.MaxInt64, 2}, 0, true},
		{"two max", []Amount{math.MaxInt64, math.MaxInt64}, 0, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := Sum(tt.in...)
			if got != tt.want || ok != tt.wantOK {
				t.Errorf("Sum(%v) = %v, %v, want %v, %v", tt.in, got, ok, tt.want, tt.wantOK)
			}
		})
	}
}

func TestAddSub(t *testing.T) {
	tests := []struct {
		name   string
		a, b   Amount
		sum    Amount
		sumOK  bool
		diff   Amount
		diffOK bool
	}{
		{"small", 1500, 250, 1750, true, 1250, true},
		{"negative", -1500, 250, -1250, true, -1750, true},
		{"max plus one", math.MaxInt64, 1, 0, false, math.MaxInt64 - 1, true},
		{"min minus one", math.MinInt64, -1, 0, false, math.MinInt64 + 1, true},
		{"max minus negative", math.MaxInt64, -1, math.MaxInt64 - 1, true, 0, false},
		{"zero minus min", 0, math.MinInt64, math.MinInt64, true, 0, false},
		{"minus one minus min", -1, math.MinInt64, 0, false, math.MaxInt64, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got, ok := tt.a.Add(tt.b); got != tt.sum || ok != tt.sumOK {
				t.Errorf("%d.Add(%d) = %d, %v, want %d, %v", tt.a, tt.b, got, ok, tt.sum, tt.sumOK)
			}
			if got, ok := tt.a.Sub(tt.b); got != tt.diff || ok != tt.diffOK {
				t.Errorf("%d.Sub(%d) = %d, %v, want %d, %v", tt.a, tt.b, got, ok, tt.diff, tt.diffOK)
			}
		})
	}
}

func TestParseVietnamese(t *testing.T) {
	tests := []struct {
		name   string
		in     string
		want   Amount
		wantOK bool
	}{
		{"dot groups thousands", "3.188", 3_188_000, true},
		{"thousands and decimal", "1.999,5", 1_999_500, true},
		{"comma is decimal mark", "3,188", 3_188, true},
		{"space", "3 188", 3_188_000, true},
		{"no-break space", "3\u00a0188", 3_188_000, true},
		{"narrow no-break space", "3\u202f188", 3_188_000, true},
		{"space with decimals", "1 234 567,25", 1_234_567_250, true},
		{"two groups", "1.234.567", 1_234_567_000, true},
		{"short decimal", "6,8", 6_800, true},
		{"zero and decimal", "0,6", 600, true},
		{"plain integer", "12", 12_000, true},
		{"ungrouped integer with decimal", "1234,5", 1_234_500, true},
		{"leading zero without groups", "06", 6_000, true},
		{"zero", "0", 0, true},
		{"negative", "-1.234,5", -1_234_500, true},
		{"three-digit first group", "100.000", 100_000_000, true},
		{"max", "9.223.372.036.854.775,807", math.MaxInt64, true},
		{"min", "-9.223.372.036.854.775,808", math.MinInt64, true},

		{"short group", "3.18", 0, false},
		{"long group", "1.2345,6", 0, false},
		{"four decimals", "3,1888", 0, false},
		{"letters", "abc", 0, false},
		{"empty group", "3..188", 0, false},
		{"empty", "", 0, false},
		{"minus only", "-", 0, false},
		{"comma only", ",", 0, false},
		{"no whole part", ",5", 0, false},
		{"no decimals after comma", "3,", 0, false},
		{"two commas", "1,2,3", 0, false},
		{"trailing separator", "3.188.", 0, false},
		{"leading separator", ".188", 0, false},
		{"long first group", "1234.567", 0, false},
		{"first group starts with zero", "0.188", 0, false},
		{"mixed separators", "1.234 567", 0, false},
		{"english notation", "1,234.5", 0, false},
		{"dot decimal after space group", "3 188.5", 0, false},
		{"leading space", " 3.188", 0, false},
		{"unit word", "3.188 triệu", 0, false},
		{"tab separator", "3\t188", 0, false},
		{"too large", "9.223.372.036.854.775,808", 0, false},
		{"plus sign", "+3.188", 0, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := ParseVietnamese(tt.in)
			if got != tt.want || ok != tt.wantOK {
				t.Errorf("ParseVietnamese(%q) = %v, %v, want %v, %v", tt.in, got, ok, tt.want, tt.wantOK)
			}
		})
	}
}

func TestFormat(t *testing.T) {
	tests := []struct {
		name   string
		in     Amount
		str    string // String()
		vi, en string // Format(true), Format(false)
		vi2    string // FormatFixed(true, 2)
		en0    string // FormatFixed(false, 0)
		vi4    string // FormatFixed(true, 4)
	}{
		{"zero", 0, "0", "0", "0", "0,00", "0", "0,0000"},
		{"whole", 622_000, "622", "622", "622", "622,00", "622", "622,0000"},
		{"thousands", 7_604_000, "7604", "7.604", "7,604", "7.604,00", "7,604", "7.604,0000"},
		{"one decimal", 1_234_500, "1234.5", "1.234,5", "1,234.5", "1.234,50", "1,235", "1.234,5000"},
		{"fraction", 250, "0.25", "0,25", "0.25", "0,25", "0", "0,2500"},
		{"six tenths", 600, "0.6", "0,6", "0.6", "0,60", "1", "0,6000"},
		{"thousandth", 1, "0.001", "0,001", "0.001", "0,00", "0", "0,0010"},
		{"half rounds up", 9_975, "9.975", "9,975", "9.975", "9,98", "10", "9,9750"},
		{"below half rounds down", 9_974, "9.974", "9,974", "9.974", "9,97", "10", "9,9740"},
		{"millions", 1_234_567_890, "1234567.89", "1.234.567,89", "1,234,567.89", "1.234.567,89", "1,234,568", "1.234.567,8900"},
		{"negative one", -1_000, "-1", "-1", "-1", "-1,00", "-1", "-1,0000"},
		{"negative fraction", -1_234_500, "-1234.5", "-1.234,5", "-1,234.5", "-1.234,50", "-1,235", "-1.234,5000"},
		{"negative half rounds away from zero", -9_975, "-9.975", "-9,975", "-9.975", "-9,98", "-10", "-9,9750"},
		{"negative rounds to zero", -4, "-0.004", "-0,004", "-0.004", "0,00", "0", "-0,0040"},
		{"negative thousand", -100_000_000, "-100000", "-100.000", "-100,000", "-100.000,00", "-100,000", "-100.000,0000"},
		{"max", math.MaxInt64, "9223372036854775.807", "9.223.372.036.854.775,807", "9,223,372,036,854,775.807",
			"9.223.372.036.854.775,81", "9,223,372,036,854,776", "9.223.372.036.854.775,8070"},
		{"min", math.MinInt64, "-9223372036854775.808", "-9.223.372.036.854.775,808", "-9,223,372,036,854,775.808",
			"-9.223.372.036.854.775,81", "-9,223,372,036,854,776", "-9.223.372.036.854.775,8080"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.in.String(); got != tt.str {
				t.Errorf("Amount(%d).String() = %q, want %q", int64(tt.in), got, tt.str)
			}
			if got := tt.in.Format(true); got != tt.vi {
				t.Errorf("Amount(%d).Format(true) = %q, want %q", int64(tt.in), got, tt.vi)
			}
			if got := tt.in.Format(false); got != tt.en {
				t.Errorf("Amount(%d).Format(false) = %q, want %q", int64(tt.in), got, tt.en)
			}
			if got := tt.in.FormatFixed(true, 2); got != tt.vi2 {
				t.Errorf("Amount(%d).FormatFixed(true, 2) = %q, want %q", int64(tt.in), got, tt.vi2)
			}
			if got := tt.in.FormatFixed(false, 0); got != tt.en0 {
				t.Errorf("Amount(%d).FormatFixed(false, 0) = %q, want %q", int64(tt.in), got, tt.en0)
			}
			if got := tt.in.FormatFixed(true, 4); got != tt.vi4 {
				t.Errorf("Amount(%d).FormatFixed(true, 4) = %q, want %q", int64(tt.in), got, tt.vi4)
			}
			if got, err := Parse(tt.str); err != nil || got != tt.in {
				t.Errorf("Parse(%q) = %v, %v, want %v, nil", tt.str, got, err, tt.in)
			}
			if got, ok := ParseVietnamese(tt.vi); !ok || got != tt.in {
				t.Errorf("ParseVietnamese(%q) = %v, %v, want %v, true", tt.vi, got, ok, tt.in)
			}
		})
	}
}

func TestFormatFixedDecimals(t *testing.T) {
	tests := []struct {
		name     string
		in       Amount
		decimals int
		want     string // Vietnamese
	}{
		{"one decimal up", 6_750, 1, "6,8"},
		{"one decimal down", 6_749, 1, "6,7"},
		{"three decimals", 6_800, 3, "6,800"},
		{"negative decimals as zero", 6_500, -1, "7"},
		{"carry into thousands", 999_999_500, 0, "1.000.000"},
		{"carry from decimals", 9_999, 2, "10,00"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.in.FormatFixed(true, tt.decimals); got != tt.want {
				t.Errorf("Amount(%d).FormatFixed(true, %d) = %q, want %q", int64(tt.in), tt.decimals, got, tt.want)
			}
		})
	}
}

func TestWholeAndInt(t *testing.T) {
	tests := []struct {
		in      Amount
		whole   bool
		integer int64
	}{
		{0, true, 0},
		{5_000, true, 5},
		{5_500, false, 5},
		{-5_500, false, -5},
		{-5_000, true, -5},
		{999, false, 0},
		{-999, false, 0},
		{math.MaxInt64, false, 9_223_372_036_854_775},
		{math.MinInt64, false, -9_223_372_036_854_775},
	}
	for _, tt := range tests {
		t.Run(tt.in.String(), func(t *testing.T) {
			if got := tt.in.IsWhole(); got != tt.whole {
				t.Errorf("Amount(%d).IsWhole() = %v, want %v", int64(tt.in), got, tt.whole)
			}
			if got := tt.in.Int(); got != tt.integer {
				t.Errorf("Amount(%d).Int() = %d, want %d", int64(tt.in), got, tt.integer)
			}
		})
	}
}

func TestFromInt(t *testing.T) {
	tests := []struct {
		name   string
		in     int64
		want   Amount
		wantOK bool
	}{
		{"zero", 0, 0, true},
		{"positive", 64, 64_000, true},
		{"negative", -3, -3_000, true},
		{"largest", 9_223_372_036_854_775, 9_223_372_036_854_775_000, true},
		{"smallest", -9_223_372_036_854_775, -9_223_372_036_854_775_000, true},
		{"too large", 9_223_372_036_854_776, 0, false},
		{"too small", -9_223_372_036_854_776, 0, false},
		{"max int64", math.MaxInt64, 0, false},
		{"min int64", math.MinInt64, 0, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := FromInt(tt.in)
			if got != tt.want || ok != tt.wantOK {
				t.Errorf("FromInt(%d) = %v, %v, want %v, %v", tt.in, got, ok, tt.want, tt.wantOK)
			}
		})
	}
}

func TestFloat64(t *testing.T) {
	tests := []struct {
		in   Amount
		want float64
	}{
		{0, 0},
		{100, 0.1},
		{300, 0.3},
		{-1_234_500, -1234.5},
		{3_188, 3.188},
		{math.MaxInt64, 9223372036854775.807},
		{math.MinInt64, -9223372036854775.808},
		{1 << 53, 9007199254740.992},
		{1<<53 + 1, 9007199254740.993},
	}
	for _, tt := range tests {
		t.Run(tt.in.String(), func(t *testing.T) {
			if got := tt.in.Float64(); got != tt.want {
				t.Errorf("Amount(%d).Float64() = %v, want %v", int64(tt.in), got, tt.want)
			}
		})
	}
}

func TestMulDiv(t *testing.T) {
	// 6148914691236517205 × 3 = 2^64 - 1, so × 3 / 2 is MaxInt64 + 0.5.
	const third = 6_148_914_691_236_517_205
	tests := []struct {
		name     string
		a        Amount
		num, den int64
		r        Rounding
		want     Amount
		wantOK   bool
	}{
		{"exact", 1_000, 7, 100, Floor, 70, true},
		{"third floor", 1_000, 1, 3, Floor, 333, true},
		{"third ceil", 1_000, 1, 3, Ceil, 334, true},
		{"third half up", 1_000, 1, 3, HalfUp, 333, true},
		{"two thirds floor", 2_000, 1, 3, Floor, 666, true},
		{"two thirds ceil", 2_000, 1, 3, Ceil, 667, true},
		{"two thirds half up", 2_000, 1, 3, HalfUp, 667, true},
		{"half floor", 5, 1, 2, Floor, 2, true},
		{"half ceil", 5, 1, 2, Ceil, 3, true},
		{"half half up", 5, 1, 2, HalfUp, 3, true},
		{"negative third floor", -1_000, 1, 3, Floor, -334, true},
		{"negative third ceil", -1_000, 1, 3, Ceil, -333, true},
		{"negative third half up", -1_000, 1, 3, HalfUp, -333, true},
		{"negative two thirds floor", -2_000, 1, 3, Floor, -667, true},
		{"negative two thirds ceil", -2_000, 1, 3, Ceil, -666, true},
		{"negative two thirds half up", -2_000, 1, 3, HalfUp, -667, true},
		{"negative half floor", -5, 1, 2, Floor, -3, true},
		{"negative half ceil", -5, 1, 2, Ceil, -2, true},
		{"negative half half up", -5, 1, 2, HalfUp, -3, true},
		{"negative numerator", 5, -1, 2, HalfUp, -3, true},
		{"negative denominator", 5, 1, -2, Floor, -3, true},
		{"negative numerator and denominator", 5, -1, -2, Floor, 2, true},
		{"small negative rounds to zero", -1, 1, 3, Ceil, 0, true},
		{"zero", 0, 5, 7, Ceil, 0, true},
		{"zero denominator", 1_000, 1, 0, Floor, 0, false},
		{"product overflows, result fits", math.MaxInt64, 1_000, 1_000, Floor, math.MaxInt64, true},
		{"product overflows, ratio below one", math.MaxInt64, 3, 4, Floor, 6_917_529_027_641_081_855, true},
		{"product overflows, ratio below one, ceil", math.MaxInt64, 3, 4, Ceil, 6_917_529_027_641_081_856, true},
		{"huge product", math.MaxInt64, math.MaxInt64, math.MaxInt64, HalfUp, math.MaxInt64, true},
		{"min times one", math.MinInt64, 1, 1, Floor, math.MinInt64, true},
		{"min negated", math.MinInt64, -1, 1, Floor, 0, false},
		{"result too large", math.MaxInt64, 2, 1, Floor, 0, false},
		{"quotient beyond 64 bits", math.MaxInt64, math.MaxInt64, 1, Floor, 0, false},
		// 253921 × 145295143558111 = 2^65 - 1, so / 2 is 2^64 - 0.5.
		{"quotient just below 2^64 floor", 253_921, 145_295_143_558_111, 2, Floor, 0, false},
		{"quotient just below 2^64 ceil", 253_921, 145_295_143_558_111, 2, Ceil, 0, false},
		{"max plus half floor", third, 3, 2, Floor, math.MaxInt64, true},
		{"max plus half ceil", third, 3, 2, Ceil, 0, false},
		{"max plus half half up", third, 3, 2, HalfUp, 0, false},
		{"min minus half floor", -third, 3, 2, Floor, math.MinInt64, true},
		{"min minus half ceil", -third, 3, 2, Ceil, -math.MaxInt64, true},
		{"min minus half half up", -third, 3, 2, HalfUp, math.MinInt64, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := MulDiv(tt.a, tt.num, tt.den, tt.r)
			if got != tt.want || ok != tt.wantOK {
				t.Errorf("MulDiv(%d, %d, %d, %d) = %d, %v, want %d, %v", tt.a, tt.num, tt.den, tt.r, got, ok, tt.want, tt.wantOK)
			}
		})
	}
}

func TestMulDivMatchesBig(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	pick := func() int64 {
		switch r.IntN(4) {
		case 0:
			return r.Int64N(2001) - 1000
		case 1:
			return int64(r.Uint64())
		default:
			return r.Int64N(2_000_000_000_001) - 1_000_000_000_000
		}
	}
	for range 20_000 {
		a, num, den := pick(), pick(), pick()
		if den == 0 {
			continue
		}
		for _, mode := range []Rounding{Floor, Ceil, HalfUp} {
			want, wantOK := bigMulDiv(a, num, den, mode)
			got, ok := MulDiv(Amount(a), num, den, mode)
			if ok != wantOK || (ok && int64(got) != want) {
				t.Fatalf("MulDiv(%d, %d, %d, %d) = %d, %v, want %d, %v", a, num, den, mode, got, ok, want, wantOK)
			}
		}
	}
}

// bigMulDiv is MulDiv done with math/big, as a reference.
func bigMulDiv(a, num, den int64, mode Rounding) (int64, bool) {
	p := new(big.Int).Mul(big.NewInt(a), big.NewInt(num))
	d := big.NewInt(den)
	if d.Sign() < 0 {
		p.Neg(p)
		d.Neg(d)
	}
	// Floor division: big.Int.Div rounds toward -inf for positive d.
	q, m := new(big.Int).DivMod(p, d, new(big.Int))
	if m.Sign() != 0 {
		switch mode {
		case Ceil:
			q.Add(q, big.NewInt(1))
		case HalfUp:
			twice := new(big.Int).Lsh(m, 1)
			c := twice.Cmp(d)
			if c > 0 || (c == 0 && p.Sign() > 0) {
				q.Add(q, big.NewInt(1))
			}
		}
	}
	if !q.IsInt64() {
		return 0, false
	}
	return q.Int64(), true
}

func TestRatio(t *testing.T) {
	tests := []struct {
		name   string
		a, b   Amount
		scale  int64
		r      Rounding
		want   int64
		wantOK bool
	}{
		{"percent half up", 241, 2416, 10000, HalfUp, 998, true},
		{"percent floor", 241, 2416, 10000, Floor, 997, true},
		{"percent ceil", 241, 2416, 10000, Ceil, 998, true},
		{"exact", 6_800, 100_000, 10000, Floor, 680, true},
		{"whole percent", 1_000, 4_000, 100, HalfUp, 25, true},
		{"negative", -241, 2416, 10000, HalfUp, -998, true},
		{"negative floor", -241, 2416, 10000, Floor, -998, true},
		{"negative ceil", -241, 2416, 10000, Ceil, -997, true},
		{"zero divisor", 241, 0, 10000, HalfUp, 0, false},
		{"too large", math.MaxInt64, 1, 10000, HalfUp, 0, false},
		{"large amounts", math.MaxInt64, math.MaxInt64, 10000, HalfUp, 10000, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := Ratio(tt.a, tt.b, tt.scale, tt.r)
			if got != tt.want || ok != tt.wantOK {
				t.Errorf("Ratio(%d, %d, %d, %d) = %d, %v, want %d, %v", tt.a, tt.b, tt.scale, tt.r, got, ok, tt.want, tt.wantOK)
			}
		})
	}
}

func TestUnknownRoundingPanics(t *testing.T) {
	defer func() {
		if recover() == nil {
			t.Errorf("MulDiv with Rounding(7) did not panic")
		}
	}()
	MulDiv(1, 1, 3, Rounding(7))
}

func TestParseErrorMessage(t *testing.T) {
	tests := []struct {
		err  ParseError
		want string
	}{
		{ParseError{"abc", KindSyntax}, `amount "abc" is not a number`},
		{ParseError{"1e3", KindExponent}, `amount "1e3" uses exponent notation`},
		{ParseError{"1_000", KindUnderscore}, `amount "1_000" groups digits with underscores`},
		{ParseError{"0x1F", KindHex}, `amount "0x1F" is hexadecimal`},
		{ParseError{"0o17", KindOctal}, `amount "0o17" is octal`},
		{ParseError{"1.2345", KindDecimals}, `amount "1.2345" has more than 3 decimals`},
		{ParseError{"99999999999999999999", KindOverflow}, `amount "99999999999999999999" is out of range`},
		{ParseError{".nan", KindSpecial}, `amount ".nan" is not a finite number`},
		{ParseError{"3.188,5", KindVietnamese}, `amount "3.188,5" is written in Vietnamese notation`},
		{ParseError{"3\u00a0188", KindVietnamese}, `amount "3\u00a0188" is written in Vietnamese notation`},
		{ParseError{"x", ErrorKind(42)}, `amount "x" is invalid (ErrorKind(42))`},
	}
	for _, tt := range tests {
		t.Run(tt.err.Kind.String(), func(t *testing.T) {
			if got := tt.err.Error(); got != tt.want {
				t.Errorf("(%#v).Error() = %q, want %q", tt.err, got, tt.want)
			}
		})
	}
}

func FuzzParse(f *testing.F) {
	for _, tt := range parseTests {
		f.Add(tt.in)
	}
	for _, s := range []string{"3.18", "1.2345,6", "3,1888", "3..188", "1 234 567,25", "-1.234,5", "0.188"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		a, err := Parse(s)
		v, vok := ParseVietnamese(s)
		if err != nil {
			var pe *ParseError
			if !errors.As(err, &pe) {
				t.Fatalf("Parse(%q) error %v is not a *ParseError", s, err)
			}
			if pe.Text != s {
				t.Errorf("Parse(%q) error Text = %q", s, pe.Text)
			}
			if (pe.Kind == KindVietnamese) != vok {
				t.Errorf("Parse(%q) kind %v, but ParseVietnamese ok = %v", s, pe.Kind, vok)
			}
			return
		}
		str := a.String()
		if b, err := Parse(str); err != nil || b != a {
			t.Errorf("Parse(%q) = %v; Parse(%q) = %v, %v, want %v, nil", s, a, str, b, err, a)
		}
		if vok && !strings.Contains(s, ".") && v != a {
			// Without a dot the two notations agree.
			t.Errorf("Parse(%q) = %v but ParseVietnamese = %v", s, a, v)
		}
		vi := a.Format(true)
		if b, ok := ParseVietnamese(vi); !ok || b != a {
			t.Errorf("ParseVietnamese(%q) = %v, %v, want %v, true", vi, b, ok, a)
		}
		// As the workbooks and summary show it, with every decimal.
		fixed := a.FormatFixed(true, MaxDecimals)
		if b, ok := ParseVietnamese(fixed); !ok || b != a {
			t.Errorf("ParseVietnamese(%q) = %v, %v, want %v, true", fixed, b, ok, a)
		}
		if a != 0 && a.Float64() == 0 {
			t.Errorf("Amount(%d).Float64() = 0", int64(a))
		}
	})
}

func mustParse(t *testing.T, s string) Amount {
	t.Helper()
	a, err := Parse(s)
	if err != nil {
		t.Fatal(err)
	}
	return a
}

func mustSum(t *testing.T, as ...Amount) Amount {
	t.Helper()
	s, ok := Sum(as...)
	if !ok {
		t.Fatal("Sum overflowed")
	}
	return s
}
