package appendix

import (
	"math"
	"strings"
	"unicode"

	"github.com/xuri/excelize/v2"
)

// The fonts of the forms.
const (
	fontName  = "Times New Roman"
	tableSize = 12.0
	titleSize = 13.0
)

// styleKey is everything a cell style of the appendices varies in.
type styleKey struct {
	size         float64
	bold, italic bool
	// align is "left", "center" or "right".
	align  string
	wrap   bool
	border bool
	numFmt string
}

// style returns the id of the style, creating it on first use.
func (w *writer) style(k styleKey) (int, error) {
	if id, ok := w.styles[k]; ok {
		return id, nil
	}
	s := &excelize.Style{
		Font:      &excelize.Font{Family: fontName, Size: k.size, Bold: k.bold, Italic: k.italic, Color: "000000"},
		Alignment: &excelize.Alignment{Horizontal: k.align, Vertical: "center", WrapText: k.wrap},
	}
	if k.border {
		for _, side := range []string{"left", "right", "top", "bottom"} {
			s.Border = append(s.Border, excelize.Border{Type: side, Color: "000000", Style: 1})
		}
	}
	if k.numFmt != "" {
		f := k.numFmt
		s.CustomNumFmt = &f
	}
	id, err := w.f.NewStyle(s)
	if err != nil {
		return 0, err
	}
	w.styles[k] = id
	return id, nil
}

// Number formats. The Vietnamese ones write the thousands dot as a
// literal, so that 7604 shows as 7.604 in every locale; Excel allows two
// conditions, which cover up to 999.999.999, and amounts beyond get a
// format for up to 999.999.999.999.999.
const (
	viAmount    = `[>=1000000]#"."###"."##0;[>=1000]#"."##0;0`
	viAmountBig = `[>=1000000000000]#"."###"."###"."###"."##0;[>=1000000000]#"."###"."###"."##0;#"."###"."##0`
	localAmount = `#,##0`
	rateFormat  = `0.00`
)

// numberFormat is the format of a number of the given kind with decimals
// decimals; v, the value, picks the Vietnamese format for very large
// numbers.
func numberFormat(style NumberStyle, k kind, decimals int, v float64) string {
	decimals = min(max(decimals, 0), 3)
	frac := ""
	if decimals > 0 {
		frac = "." + strings.Repeat("0", decimals)
	}
	switch k {
	case rate:
		return rateFormat
	case percent:
		return "0" + frac
	}
	if style == Locale {
		return localAmount + frac
	}
	f := viAmount
	if math.Abs(v) >= 1e9 {
		f = viAmountBig
	}
	// Every section ends in 0: give each the decimals.
	parts := strings.Split(f, ";")
	for i := range parts {
		parts[i] += frac
	}
	return strings.Join(parts, ";")
}

// Measures, for column widths and row heights. A column's width counts
// the digits of the workbook's default font (Times New Roman 11 pt, 7
// pixels a digit at 96 dpi); text is measured with Times New Roman's
// advance widths, in em.

const (
	pxPerWidth = 7.0
	cellPadPx  = 6.0
)

// textPx estimates the width in pixels of s in Times New Roman at size
// points, a little generously so that text is not cut.
func textPx(s string, size float64, bold bool) float64 {
	em := 0.0
	for _, r := range s {
		em += runeEm(r)
	}
	if bold {
		em *= 1.07
	}
	return em * size * 96 / 72 * 1.02
}

// lowerEm are the advance widths of Times New Roman's lowercase letters.
var lowerEm = [26]float64{
	.444, .5, .444, .5, .444, .333, .5, .5, .278, .278, .5, .278, .778,
	.5, .5, .5, .5, .333, .389, .278, .5, .5, .722, .5, .5, .444,
}

// upperEm are those of its capitals.
var upperEm = [26]float64{
	.722, .667, .667, .722, .611, .556, .722, .722, .333, .389, .722, .611, .889,
	.722, .722, .556, .722, .667, .556, .611, .722, .722, .944, .722, .722, .611,
}

// runeEm is the advance width of r. Letters with Vietnamese marks are
// measured as a wide letter of their case, which errs on the safe side.
func runeEm(r rune) float64 {
	switch {
	case r >= 'a' && r <= 'z':
		return lowerEm[r-'a']
	case r >= 'A' && r <= 'Z':
		return upperEm[r-'A']
	case r >= '0' && r <= '9':
		return .5
	case r == ' ', r == '.', r == ',', r == ':', r == ';', r == '\'':
		return .25
	case r == '(' || r == ')' || r == '-' || r == '/':
		return .333
	case r == '%':
		return .833
	case r == '=' || r == '+':
		return .564
	case r > unicode.MaxASCII && unicode.IsUpper(r):
		return .722
	}
	return .5
}

// lines is the number of lines text takes wrapped at width pixels.
func lines(text string, widthPx, size float64, bold bool) int {
	if text == "" {
		return 1
	}
	n := 0
	for _, para := range strings.Split(text, "\n") {
		n += wrapCount(para, widthPx, size, bold)
	}
	return n
}

// wrapCount wraps one paragraph greedily at spaces.
func wrapCount(para string, widthPx, size float64, bold bool) int {
	space := textPx(" ", size, bold)
	n, line := 1, 0.0
	for _, word := range strings.Fields(para) {
		w := textPx(word, size, bold)
		switch {
		case line == 0:
			line = w
		case line+space+w <= widthPx:
			line += space + w
		default:
			n++
			line = w
		}
		for line > widthPx { // a word longer than the line breaks inside
			n++
			line -= widthPx
		}
	}
	return n
}

// lineHeight is the height in points of a line of text of size points.
func lineHeight(size float64) float64 { return size * 1.25 }

// colPx is the width in pixels of a column width w.
func colPx(w float64) float64 { return w*pxPerWidth + 5 }
