package appendix

import (
	"math"
	"strings"

	"github.com/kehoach/kehoach/budget"
)

// The fonts of the forms.
const (
	fontName  = "Times New Roman"
	tableSize = 12.0
	titleSize = 13.0
)

// styleKey is everything a cell style of the appendices varies in; the
// writer turns each into a style of the file.
type styleKey struct {
	size         float64
	bold, italic bool
	// align is "left", "center" or "right".
	align  string
	wrap   bool
	border bool
	numFmt string
}

// The styles of the parts of a table other than its body.
var (
	captionStyle   = styleKey{size: tableSize, bold: true, align: "center", wrap: true}
	headerStyle    = styleKey{size: tableSize, bold: true, align: "center", wrap: true, border: true}
	numberRowStyle = styleKey{size: tableSize, italic: true, align: "center", border: true}
)

// cellStyleKey is what decides the style of a body cell: the row's style,
// the cell's kind, and for a number its decimals and whether it is 10^9 or
// more (which takes the longer Vietnamese format).
type cellStyleKey struct {
	style    style
	kind     kind
	decimals int
	big      bool
}

// bodyStyle is what decides the style of cell c of body row r.
func bodyStyle(pt *placed, r *row, c int) cellStyleKey {
	cl := r.cells[c]
	k := pt.t.cols[c].kindOf(cl)
	key := cellStyleKey{style: r.style, kind: k}
	if !k.numeric() {
		return key
	}
	key.decimals = pt.decimals(c, cl, k)
	switch {
	case cl.isFormula:
		key.big = math.Abs(cl.res.float()) >= 1e9
	case cl.has:
		key.big = math.Abs(cl.num.Float64()) >= 1e9
	}
	return key
}

// styleKey is the style of a body cell: bold in a group or TỔNG CỘNG row,
// text left and wrapped (centred in TỔNG CỘNG), short text centred,
// numbers right-aligned in their format.
func (ck cellStyleKey) styleKey(ns NumberStyle) styleKey {
	k := ck.kind
	key := styleKey{size: tableSize, bold: ck.style != plain, border: true}
	switch {
	case k == text && ck.style == grand:
		key.align, key.wrap = "center", true
	case k == text:
		key.align, key.wrap = "left", true
	case k == centered:
		key.align, key.wrap = "center", true
	default:
		key.align = "right"
	}
	if k.numeric() {
		v := 0.0
		if ck.big {
			v = 1e9
		}
		key.numFmt = numberFormat(ns, k, ck.decimals, v)
	}
	return key
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

// decimals is the decimals a number cell is shown with: a percent's as
// written, a rate's two, an amount's or count's those of its column.
func (pt *placed) decimals(c int, cl cell, k kind) int {
	switch k {
	case percent:
		return cl.decimals
	case rate:
		return 2
	}
	return pt.colDecimals[c]
}

// columnDecimals returns, for each amount and count column, the most
// decimals its numbers have, computed ones included.
func columnDecimals(t *table) []int {
	out := make([]int, len(t.cols))
	var walk func(r *row)
	walk = func(r *row) {
		for c, cl := range r.cells {
			k := t.cols[c].kindOf(cl)
			switch {
			case k != amount && k != count:
			case cl.isFormula && !cl.res.isRatio && !cl.res.empty:
				out[c] = max(out[c], decimalsOf(cl.res.exact))
			case cl.has:
				out[c] = max(out[c], decimalsOf(cl.num))
			}
		}
		for _, ch := range r.children {
			walk(ch)
		}
	}
	for _, r := range t.rows {
		walk(r)
	}
	return out
}

// decimalsOf is the number of decimals a needs: 0 to 3.
func decimalsOf(a budget.Amount) int {
	m := int64(a) % budget.Scale
	if m == 0 {
		return 0
	}
	n := budget.MaxDecimals
	for m%10 == 0 {
		m /= 10
		n--
	}
	return n
}
