package appendix

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/kehoach/kehoach/budget"
)

// writer writes sheets into one workbook.
type writer struct {
	f      *excelize.File
	o      Options
	b      *builder
	styles map[styleKey]int
	// cellStyles caches the style of a body cell by what decides it, so
	// that a sheet of 74,200 rows builds each style key once.
	cellStyles map[cellStyleKey]int
	// rounded caches round2 of row heights, which take few values.
	rounded map[float64]float64
	// widths caches the width of numbers by their shape (see numberPx).
	widths map[numberShape]float64
	// values is the row being written, reused from row to row: the
	// stream writer writes a row out before SetRow returns.
	values []any
	// buf is where formulas are written.
	buf []byte
	// at is how far the workbook has got, for Options.Progress.
	at Progress
}

// progressRows is how often, in rows, Options.Progress hears of a sheet.
const progressRows = 1000

// report tells Options.Progress how far the workbook has got.
func (w *writer) report() {
	if w.o.Progress != nil {
		w.o.Progress(w.at)
	}
}

// workbook sets what belongs to the whole workbook: the default font and
// the document properties.
func (w *writer) workbook(date time.Time) error {
	if err := w.f.SetDefaultFont(fontName); err != nil {
		return err
	}
	p := w.b.p
	stamp := date.Format(time.RFC3339)
	if err := w.f.SetDocProps(&excelize.DocProperties{
		Title:          p.Info.Title.Value,
		Subject:        "Phụ lục kèm theo kế hoạch",
		Creator:        p.Info.Issuer.Value,
		LastModifiedBy: p.Info.Issuer.Value,
		Created:        stamp,
		Modified:       stamp,
		Language:       "vi-VN",
	}); err != nil {
		return err
	}
	return w.f.SetAppProps(&excelize.AppProperties{Application: "kehoach", Company: p.Info.Issuer.Value})
}

// placed is a table with where its parts go in the sheet.
type placed struct {
	t *table
	// captionRow is the caption's row, 0 for none.
	captionRow int
	// headRow is the first header row; depth the number of header rows.
	headRow, depth int
	// numberRow is the column-number row; the body follows it.
	numberRow int
	// decimals is the decimals of each amount or count column.
	decimals []int
}

// sheet writes one appendix sheet. The order of the calls matters to
// excelize's StreamWriter: the sheet properties (fit to page) are written
// when the stream starts, the column widths and panes with the first row,
// and the page setup and merged cells when it is flushed; whatever is set
// later is lost.
func (w *writer) sheet(s *sheet, first bool) error {
	var err error
	if first {
		err = w.f.SetSheetName(w.f.GetSheetName(0), s.name)
	} else {
		_, err = w.f.NewSheet(s.name)
	}
	if err != nil {
		return err
	}

	// Lay out the rows and compute every value first.
	tables, ncols, rows := layout(s)
	w.at = Progress{Appendix: s.number, Sheet: w.at.Sheet + 1, Sheets: w.at.Sheets, Rows: rows}
	w.report()
	widths := make([]float64, ncols)
	for _, pt := range tables {
		for c := range pt.t.cols {
			widths[c] = max(widths[c], w.measure(pt, c))
		}
	}
	last := colName(ncols)

	// Settings the stream writes when it starts or flushes.
	if err := w.pageSetup(s.name); err != nil {
		return err
	}

	sw, err := w.f.NewStreamWriter(s.name)
	if err != nil {
		return err
	}
	// excelize puts each new width before the ones set already, and the
	// columns must be in order: set them from the last.
	for c := len(widths) - 1; c >= 0; c-- {
		if err := sw.SetColWidth(c+1, c+1, round2(widths[c])); err != nil {
			return err
		}
	}
	// One table: its header stays on screen and on every printed page.
	// PL1 with its second table has no single header to repeat.
	single := len(tables) == 1
	if single {
		top := "A" + strconv.Itoa(tables[0].numberRow+1)
		if err := sw.SetPanes(&excelize.Panes{
			Freeze: true, YSplit: tables[0].numberRow, TopLeftCell: top, ActivePane: "bottomLeft",
			Selection: []excelize.Selection{{SQRef: top, ActiveCell: top, Pane: "bottomLeft"}},
		}); err != nil {
			return err
		}
	}

	var merges [][2]string
	mergeRow := func(r int) { merges = append(merges, [2]string{"A" + strconv.Itoa(r), last + strconv.Itoa(r)}) }
	put := func(r int, values []any, height float64) error {
		return sw.SetRow("A"+strconv.Itoa(r), values, excelize.RowOpts{Height: w.round(height)})
	}
	totalPx := 0.0
	for _, wd := range widths {
		totalPx += colPx(wd)
	}

	// The title block.
	for i, tl := range titleBlock(s, attachLine(w.b.p)) {
		id, err := w.style(tl.style)
		if err != nil {
			return err
		}
		n := lines(tl.text, totalPx-2*cellPadPx, tl.style.size, tl.style.bold)
		if err := put(i+1, []any{excelize.Cell{StyleID: id, Value: tl.text}}, float64(n)*lineHeight(tl.style.size)+4); err != nil {
			return err
		}
		mergeRow(i + 1)
	}

	for _, pt := range tables {
		t := pt.t
		if pt.captionRow > 0 {
			id, err := w.style(styleKey{size: tableSize, bold: true, align: "center", wrap: true})
			if err != nil {
				return err
			}
			if err := put(pt.captionRow, []any{excelize.Cell{StyleID: id, Value: t.caption}}, lineHeight(tableSize)+8); err != nil {
				return err
			}
			merges = append(merges, [2]string{"A" + strconv.Itoa(pt.captionRow), colName(len(t.cols)) + strconv.Itoa(pt.captionRow)})
		}
		hm, err := w.header(sw, pt, widths)
		if err != nil {
			return err
		}
		merges = append(merges, hm...)
		if err := w.numberRow(sw, pt); err != nil {
			return err
		}
		for _, r := range t.rows {
			if err := w.body(sw, pt, r, widths); err != nil {
				return err
			}
		}
	}
	for _, m := range merges {
		if err := sw.MergeCell(m[0], m[1]); err != nil {
			return err
		}
	}
	if err := sw.Flush(); err != nil {
		return err
	}
	w.at.Row = rows
	w.report()
	if single {
		pt := tables[0]
		return w.f.SetDefinedName(&excelize.DefinedName{
			Name:     "_xlnm.Print_Titles",
			RefersTo: fmt.Sprintf("%s!$%d:$%d", s.name, pt.headRow, pt.numberRow),
			Scope:    s.name,
		})
	}
	return nil
}

// layout places the tables of a sheet below its title block, numbers
// their rows and computes every value; it returns the tables, the
// sheet's width in columns and its last row.
func layout(s *sheet) ([]*placed, int, int) {
	ncols := 0
	row := len(titleBlock(s, "")) + 1
	var tables []*placed
	for i, t := range s.build() {
		pt := &placed{t: t}
		ncols = max(ncols, len(t.cols))
		if i > 0 {
			row++ // a blank row between tables
		}
		if t.caption != "" {
			pt.captionRow = row
			row++
		}
		pt.headRow = row
		for _, c := range t.cols {
			pt.depth = max(pt.depth, len(c.head))
		}
		pt.numberRow = row + pt.depth
		row = pt.numberRow + 1
		for _, r := range t.rows {
			row = numberRows(r, row)
		}
		for _, r := range t.rows {
			compute(t, r)
		}
		pt.decimals = columnDecimals(t)
		tables = append(tables, pt)
	}
	return tables, ncols, row - 1
}

// pageSetup sets how a sheet prints: A4 landscape, fit to one page wide
// (fitToPage, which excelize writes when the stream starts), narrow
// margins, the page number in the footer.
func (w *writer) pageSetup(name string) error {
	yes := true
	if err := w.f.SetSheetProps(name, &excelize.SheetPropsOptions{FitToPage: &yes}); err != nil {
		return err
	}
	a4, landscape, one, zero := 9, "landscape", 1, 0
	if err := w.f.SetPageLayout(name, &excelize.PageLayoutOptions{
		Size: &a4, Orientation: &landscape, FitToWidth: &one, FitToHeight: &zero,
	}); err != nil {
		return err
	}
	left, right, top, bottom, hf := 0.5, 0.4, 0.6, 0.6, 0.3
	if err := w.f.SetPageMargins(name, &excelize.PageLayoutMarginsOptions{
		Left: &left, Right: &right, Top: &top, Bottom: &bottom, Header: &hf, Footer: &hf, Horizontally: &yes,
	}); err != nil {
		return err
	}
	if err := w.f.SetHeaderFooter(name, &excelize.HeaderFooterOptions{
		OddFooter: `&C&"` + fontName + `,Regular"&11Trang &P/&N`,
	}); err != nil {
		return err
	}
	return nil
}

// titleLine is a line of the title block, merged across the table.
type titleLine struct {
	text  string
	style styleKey
}

// titleBlock is the lines above the table: "Phụ lục số N", the title, the
// "(Kèm theo …)" line and the unit.
func titleBlock(s *sheet, attach string) []titleLine {
	out := []titleLine{
		{"Phụ lục số " + strconv.Itoa(s.number), styleKey{size: titleSize, bold: true, align: "center"}},
		{s.title, styleKey{size: titleSize, bold: true, align: "center", wrap: true}},
		{attach, styleKey{size: titleSize, italic: true, align: "center", wrap: true}},
	}
	if s.unit != "" {
		out = append(out, titleLine{s.unit, styleKey{size: tableSize, italic: true, align: "right"}})
	}
	return out
}

// header writes the header rows of a table and returns their merged
// ranges: a group label spans the columns under it, a column's own label
// spans down to the last header row.
func (w *writer) header(sw *excelize.StreamWriter, pt *placed, widths []float64) ([][2]string, error) {
	cols := pt.t.cols
	id, err := w.style(styleKey{size: tableSize, bold: true, align: "center", wrap: true, border: true})
	if err != nil {
		return nil, err
	}
	rows := make([][]any, pt.depth)
	for i := range rows {
		rows[i] = make([]any, len(cols))
		for c := range cols {
			rows[i][c] = excelize.Cell{StyleID: id}
		}
	}
	heights := make([]float64, pt.depth)
	for i := range heights {
		heights[i] = lineHeight(tableSize) + 6
	}
	var merges [][2]string
	type tall struct {
		level, span int
		need        float64
	}
	var talls []tall
	for level := 0; level < pt.depth; level++ {
		for c := 0; c < len(cols); {
			h := cols[c].head
			if level >= len(h) {
				c++
				continue
			}
			label := h[level]
			if level == len(h)-1 {
				// The column's own label, down to the last header row.
				rows[level][c] = excelize.Cell{StyleID: id, Value: label}
				need := float64(lines(label, colPx(widths[c])-cellPadPx, tableSize, true))*lineHeight(tableSize) + 6
				if span := pt.depth - level; span > 1 {
					merges = append(merges, [2]string{cellRef(c, pt.headRow+level), cellRef(c, pt.headRow+pt.depth-1)})
					talls = append(talls, tall{level, span, need})
				} else {
					heights[level] = max(heights[level], need)
				}
				c++
				continue
			}
			// A group over the following columns with the same path.
			end := c + 1
			for end < len(cols) && len(cols[end].head) > level+1 && samePrefix(cols[end].head, h, level+1) {
				end++
			}
			rows[level][c] = excelize.Cell{StyleID: id, Value: label}
			px := 0.0
			for k := c; k < end; k++ {
				px += colPx(widths[k])
			}
			heights[level] = max(heights[level], float64(lines(label, px-cellPadPx, tableSize, true))*lineHeight(tableSize)+6)
			if end-c > 1 {
				merges = append(merges, [2]string{cellRef(c, pt.headRow+level), cellRef(end-1, pt.headRow+level)})
			}
			c = end
		}
	}
	for _, t := range talls {
		have := 0.0
		for i := t.level; i < t.level+t.span; i++ {
			have += heights[i]
		}
		if t.need > have {
			heights[pt.depth-1] += t.need - have
		}
	}
	for i, r := range rows {
		if err := sw.SetRow(cellRef(0, pt.headRow+i), r, excelize.RowOpts{Height: round2(heights[i])}); err != nil {
			return nil, err
		}
	}
	return merges, nil
}

// samePrefix reports whether a and b agree on their first n labels.
func samePrefix(a, b []string, n int) bool {
	for i := range n {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// numberRow writes the row of column labels: A, B, … and 1, 2, ….
func (w *writer) numberRow(sw *excelize.StreamWriter, pt *placed) error {
	id, err := w.style(styleKey{size: tableSize, italic: true, align: "center", border: true})
	if err != nil {
		return err
	}
	values := make([]any, len(pt.t.cols))
	for c, col := range pt.t.cols {
		values[c] = excelize.Cell{StyleID: id, Value: col.label}
	}
	return sw.SetRow(cellRef(0, pt.numberRow), values, excelize.RowOpts{Height: round2(lineHeight(tableSize) + 4)})
}

// body writes r and then its children.
func (w *writer) body(sw *excelize.StreamWriter, pt *placed, r *row, widths []float64) error {
	t := pt.t
	if cap(w.values) < len(t.cols) {
		w.values = make([]any, len(t.cols))
	}
	values := w.values[:len(t.cols)]
	clear(values)
	height := lineHeight(tableSize) + 4
	for c, col := range t.cols {
		cl := r.cells[c]
		k := cl.kind
		if k == inherit {
			k = col.kind
		}
		key := cellStyleKey{style: r.style, kind: k}
		var value any
		switch {
		case !k.numeric():
			if cl.text != "" {
				value = cl.text
				n := lines(cl.text, colPx(widths[c])-cellPadPx, tableSize, r.style != plain)
				height = max(height, float64(n)*lineHeight(tableSize)+4)
			}
		case cl.isFormula:
			v := cl.res.float()
			key.decimals, key.big = w.decimals(pt, c, cl, k), math.Abs(v) >= 1e9
			cached := any(v)
			if cl.res.empty {
				cached = ""
			}
			id, err := w.cellStyle(key)
			if err != nil {
				return err
			}
			values[c] = excelize.Cell{StyleID: id, Formula: w.formula(t, r, c), Value: cached}
			continue
		case cl.has:
			v := cl.num.Float64()
			key.decimals, key.big = w.decimals(pt, c, cl, k), math.Abs(v) >= 1e9
			value = v
		default:
			key.decimals = w.decimals(pt, c, cl, k)
		}
		id, err := w.cellStyle(key)
		if err != nil {
			return err
		}
		values[c] = excelize.Cell{StyleID: id, Value: value}
	}
	if w.o.Progress != nil && r.line%progressRows == 0 {
		w.at.Row = r.line
		w.report()
	}
	if err := sw.SetRow(cellRef(0, r.line), values, excelize.RowOpts{Height: w.round(height)}); err != nil {
		return err
	}
	for _, ch := range r.children {
		if err := w.body(sw, pt, ch, widths); err != nil {
			return err
		}
	}
	return nil
}

// cellStyleKey is what decides the style of a body cell: the row's style,
// the cell's kind, and for a number its decimals and whether it is 10^9 or
// more (which takes the longer Vietnamese format).
type cellStyleKey struct {
	style    style
	kind     kind
	decimals int
	big      bool
}

// cellStyle returns the id of a body cell's style.
func (w *writer) cellStyle(ck cellStyleKey) (int, error) {
	if id, ok := w.cellStyles[ck]; ok {
		return id, nil
	}
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
		key.numFmt = numberFormat(w.o.NumberStyle, k, ck.decimals, v)
	}
	id, err := w.style(key)
	if err != nil {
		return 0, err
	}
	if w.cellStyles == nil {
		w.cellStyles = map[cellStyleKey]int{}
	}
	w.cellStyles[ck] = id
	return id, nil
}

// round is round2, remembered: a sheet's rows have few heights.
func (w *writer) round(f float64) float64 {
	if v, ok := w.rounded[f]; ok {
		return v
	}
	if w.rounded == nil {
		w.rounded = map[float64]float64{}
	}
	v := round2(f)
	w.rounded[f] = v
	return v
}

// decimals is the decimals a number cell is shown with: a percent's as
// written, a rate's two, an amount's or count's those of its column.
func (w *writer) decimals(pt *placed, c int, cl cell, k kind) int {
	switch k {
	case percent:
		return cl.decimals
	case rate:
		return 2
	}
	return pt.decimals[c]
}

// formula is the formula of a sum or formula cell.
func (w *writer) formula(t *table, r *row, c int) string {
	col := t.cols[c]
	if col.how == formula {
		w.buf = col.expr.formula(w.buf[:0], r.line)
		return string(w.buf)
	}
	lines := make([]int, len(r.children))
	for i, ch := range r.children {
		lines[i] = ch.line
	}
	return "SUM(" + ranges(colName(c+1), lines) + ")"
}

// ranges writes ascending row numbers of one column as ranges: E9:E11,E14.
func ranges(col string, rows []int) string {
	var parts []string
	for i := 0; i < len(rows); {
		j := i
		for j+1 < len(rows) && rows[j+1] == rows[j]+1 {
			j++
		}
		if j > i {
			parts = append(parts, col+strconv.Itoa(rows[i])+":"+col+strconv.Itoa(rows[j]))
		} else {
			parts = append(parts, col+strconv.Itoa(rows[i]))
		}
		i = j + 1
	}
	return strings.Join(parts, ",")
}

// measure is the width column c of a table needs: its longest text (or
// the longest word of its header), within the column's bounds.
func (w *writer) measure(pt *placed, c int) float64 {
	t := pt.t
	col := t.cols[c]
	px := textPx(col.label, tableSize, false)
	for _, word := range strings.Fields(col.head[len(col.head)-1]) {
		px = max(px, textPx(word, tableSize, true))
	}
	var walk func(r *row)
	walk = func(r *row) {
		cl := r.cells[c]
		k := cl.kind
		if k == inherit {
			k = col.kind
		}
		px = max(px, w.cellPx(cl, k, w.decimals(pt, c, cl, k), r.style != plain))
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
func (w *writer) cellPx(cl cell, k kind, decimals int, bold bool) float64 {
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
	if px, ok := w.widths[shape]; ok {
		return px
	}
	if w.widths == nil {
		w.widths = map[numberShape]float64{}
	}
	px := textPx(display(cl, k, decimals), tableSize, bold)
	w.widths[shape] = px
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

// float is the value as the cell caches it.
func (r result) float() float64 {
	if r.isRatio {
		return r.ratio
	}
	return r.exact.Float64()
}

// numberRows gives r and its children their rows from line on and returns the
// next free row.
func numberRows(r *row, line int) int {
	r.line = line
	line++
	for _, ch := range r.children {
		line = numberRows(ch, line)
	}
	return line
}

// compute fills the sum and formula cells of r and its children, as the
// spreadsheet computes them: a sum over the children's cells (blank ones
// count as zero), then the row's formulas in column order.
func compute(t *table, r *row) {
	for _, ch := range r.children {
		compute(t, ch)
	}
	if len(r.children) > 0 {
		for c, col := range t.cols {
			if col.how != sum {
				continue
			}
			terms := make([]budget.Amount, len(r.children))
			for i, ch := range r.children {
				terms[i] = ch.cells[c].value()
			}
			s, ok := budget.Sum(terms...)
			res := result{exact: s}
			if !ok {
				f := 0.0
				for _, a := range terms {
					f += a.Float64()
				}
				res = result{ratio: f, isRatio: true}
			}
			r.cells[c].res, r.cells[c].isFormula = res, true
		}
	}
	for c, col := range t.cols {
		if col.how != formula {
			continue
		}
		r.cells[c].res = col.expr.eval(r.cells)
		r.cells[c].isFormula = true
	}
}

// value is the cell's number as a formula over it sees it: blank is zero.
func (cl cell) value() budget.Amount {
	switch {
	case cl.isFormula && !cl.res.isRatio && !cl.res.empty:
		return cl.res.exact
	case cl.isFormula:
		return 0
	case cl.has:
		return cl.num
	}
	return 0
}

// columnDecimals returns, for each amount and count column, the most
// decimals its numbers have, computed ones included.
func columnDecimals(t *table) []int {
	out := make([]int, len(t.cols))
	var walk func(r *row)
	walk = func(r *row) {
		for c, cl := range r.cells {
			k := cl.kind
			if k == inherit {
				k = t.cols[c].kind
			}
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

// colName is the letters of column n, from 1: 1 is A, 27 is AA.
func colName(n int) string {
	const letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
	if 1 <= n && n <= len(letters) {
		return letters[n-1 : n]
	}
	s := ""
	for n > 0 {
		n--
		s = string(rune('A'+n%26)) + s
		n /= 26
	}
	return s
}

// cellRef is the reference of column c (from 0) in row r: "E8".
func cellRef(c, r int) string { return colName(c+1) + strconv.Itoa(r) }

// appendRef appends the reference of column c (from 0) in row r to b.
func appendRef(b []byte, c, r int) []byte {
	return strconv.AppendInt(append(b, colName(c+1)...), int64(r), 10)
}

// round2 rounds a width or height to two decimals, so that the file does
// not carry float noise.
func round2(f float64) float64 {
	// Excel's tallest row is 409 points (excelize refuses more): a cell
	// with more text than that shows its first lines and wraps the rest,
	// as a hand-typed form would.
	f = min(f, excelize.MaxRowHeight)
	v, _ := strconv.ParseFloat(strconv.FormatFloat(f, 'f', 2, 64), 64)
	return v
}
