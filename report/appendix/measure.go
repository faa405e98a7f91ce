package appendix

import (
	"strconv"
	"strings"
	"unicode"

	"github.com/kehoach/kehoach/budget"
)

// Measures, for column widths and row heights. A column's width counts
// the digits of the workbook's default font (Times New Roman 11 pt, 7
// pixels a digit at 96 dpi); text is measured with Times New Roman's
// advance widths, in em. Heights are in points.

const (
	pxPerWidth = 7.0
	cellPadPx  = 6.0
)

// measurer measures the cells of sheets. It remembers the width of
// numbers by their shape (see cellPx), across the sheets of a workbook.
type measurer struct {
	widths map[numberShape]float64
}

// columnWidths is the width each column of a sheet needs: the widest of
// what its tables need there.
func (m *measurer) columnWidths(l *sheetLayout) []float64 {
	widths := make([]float64, l.ncols)
	for _, pt := range l.tables {
		for c := range pt.t.cols {
			widths[c] = max(widths[c], m.columnWidth(pt, c))
		}
	}
	return widths
}

// columnWidth is the width column c of a table needs: its longest text
// (or the longest word of its header), within the column's bounds.
func (m *measurer) columnWidth(pt *placed, c int) float64 {
	t := pt.t
	col := &t.cols[c]
	px := textPx(col.label, tableSize, false)
	for _, word := range strings.Fields(col.head[len(col.head)-1]) {
		px = max(px, textPx(word, tableSize, true))
	}
	var walk func(r *row)
	walk = func(r *row) {
		cl := r.cells[c]
		k := col.kindOf(cl)
		px = max(px, m.cellPx(cl, k, pt.decimals(c, cl, k), r.style != plain))
		for _, ch := range r.children {
			walk(ch)
		}
	}
	for _, r := range t.rows {
		walk(r)
	}
	width := (px + cellPadPx) / pxPerWidth
	return min(max(width, col.minWidth), col.maxWidth)
}

// cellPx is the width in pixels of a cell as it shows, 0 when it is blank.
// Numbers are measured by their shape, not written out one by one: every
// digit is as wide as every other, so numbers of one shape have one
// width, the same as textPx of any of them.
func (m *measurer) cellPx(cl cell, k kind, decimals int, bold bool) float64 {
	var a budget.Amount
	switch {
	case !k.numeric():
		if cl.text == "" {
			return 0
		}
		return textPx(cl.text, tableSize, bold)
	case cl.isFormula && cl.res.empty:
		return 0
	case cl.isFormula && cl.res.isRatio:
		s := display(cl, k, decimals)
		return textPx(s, tableSize, bold)
	case cl.isFormula:
		a = cl.res.exact
	case cl.has:
		a = cl.num
	default:
		return 0
	}
	shape := shapeOf(a, decimals, bold)
	if px, ok := m.widths[shape]; ok {
		return px
	}
	if m.widths == nil {
		m.widths = map[numberShape]float64{}
	}
	px := textPx(display(cl, k, decimals), tableSize, bold)
	m.widths[shape] = px
	return px
}

// numberShape is what the width of a number as the sheets show it
// (Amount.FormatFixed in Vietnamese notation) depends on: its sign, its
// whole digits and its decimals; and whether it is bold.
type numberShape struct {
	negative bool
	digits   int
	decimals int
	bold     bool
}

// shapeOf returns the shape of a as FormatFixed(true, decimals) writes it.
func shapeOf(a budget.Amount, decimals int, bold bool) numberShape {
	decimals = max(decimals, 0)
	mag := uint64(a)
	if a < 0 {
		mag = -mag
	}
	if decimals < budget.MaxDecimals {
		unit := uint64(1)
		for range budget.MaxDecimals - decimals {
			unit *= 10
		}
		mag = (mag + unit/2) / unit * unit
	}
	digits := 1
	for whole := mag / budget.Scale; whole >= 10; whole /= 10 {
		digits++
	}
	return numberShape{negative: a < 0 && mag != 0, digits: digits, decimals: decimals, bold: bold}
}

// display is a cell as it shows, for measuring.
func display(cl cell, k kind, decimals int) string {
	switch {
	case !k.numeric():
		return cl.text
	case cl.isFormula && cl.res.empty:
		return ""
	case cl.isFormula && cl.res.isRatio:
		return strconv.FormatFloat(cl.res.ratio, 'f', decimals, 64)
	case cl.isFormula:
		return cl.res.exact.FormatFixed(true, decimals)
	case cl.has:
		return cl.num.FormatFixed(true, decimals)
	}
	return ""
}

// sheetPx is the width in pixels of columns of the given widths.
func sheetPx(widths []float64) float64 {
	px := 0.0
	for _, w := range widths {
		px += colPx(w)
	}
	return px
}

// titleHeight is the height of a line of the title block, wrapped across
// a sheet of sheetPx pixels.
func titleHeight(tl titleLine, sheetPx float64) float64 {
	n := lines(tl.text, sheetPx-2*cellPadPx, tl.style.size, tl.style.bold)
	return float64(n)*lineHeight(tl.style.size) + 4
}

// captionHeight is the height of a table's caption row.
func captionHeight() float64 { return lineHeight(tableSize) + 8 }

// numberRowHeight is the height of a table's column-number row.
func numberRowHeight() float64 { return lineHeight(tableSize) + 4 }

// headerHeights is the height of each header row of a table whose columns
// have the given widths: each row as tall as its tallest label, and the
// last taller when a label that spans down needs more than the rows it
// spans.
func headerHeights(pt *placed, widths []float64) []float64 {
	heights := make([]float64, pt.depth)
	for i := range heights {
		heights[i] = lineHeight(tableSize) + 6
	}
	var talls []headCell
	for _, h := range pt.head {
		if h.rows > 1 {
			talls = append(talls, h)
			continue
		}
		heights[h.level] = max(heights[h.level], headerNeed(h, widths))
	}
	for _, h := range talls {
		have := 0.0
		for i := h.level; i < h.level+h.rows; i++ {
			have += heights[i]
		}
		if need := headerNeed(h, widths); need > have {
			heights[pt.depth-1] += need - have
		}
	}
	return heights
}

// headerNeed is the height a header label needs, wrapped across the
// columns it spans.
func headerNeed(h headCell, widths []float64) float64 {
	px := 0.0
	for k := h.col; k < h.col+h.span; k++ {
		px += colPx(widths[k])
	}
	return float64(lines(h.label, px-cellPadPx, tableSize, true))*lineHeight(tableSize) + 6
}

// bodyHeight is the height of body row r of t, whose columns have the
// given widths: one line, or as many as its longest wrapped text.
func bodyHeight(t *table, r *row, widths []float64) float64 {
	height := lineHeight(tableSize) + 4
	for c := range t.cols {
		cl := r.cells[c]
		if t.cols[c].kindOf(cl).numeric() || cl.text == "" {
			continue
		}
		n := lines(cl.text, colPx(widths[c])-cellPadPx, tableSize, r.style != plain)
		height = max(height, float64(n)*lineHeight(tableSize)+4)
	}
	return height
}

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
