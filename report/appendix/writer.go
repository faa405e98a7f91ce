package appendix

import (
	"fmt"
	"io"
	"strconv"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/kehoach/kehoach/plan"
)

// writeWorkbook writes the sheets of p as an xlsx workbook to out, with
// excelize: streamed sheets, so that the memory a sheet needs does not
// grow with excelize's per-row cost, zipped by sortedZip in a fixed order
// with the date's time.
func writeWorkbook(out io.Writer, p *plan.Plan, sheets []*sheet, o Options, date time.Time) error {
	f := excelize.NewFile()
	defer f.Close()
	// excelize saves into a buffer of its own and then copies it to out.
	// The zip writer writes straight to out instead and leaves that buffer
	// empty, so the workbook is not copied through memory once more.
	f.SetZipWriter(func(io.Writer) excelize.ZipWriter { return newSortedZip(out, date) })
	wr := &writer{f: f, o: o, styles: map[styleKey]int{}, at: Progress{Sheets: len(sheets)}}
	if err := wr.workbook(p, date); err != nil {
		return err
	}
	for i, s := range sheets {
		if err := wr.sheet(s, i == 0); err != nil {
			return fmt.Errorf("%s: %w", s.name, err)
		}
	}
	wr.at.Saving = true
	wr.report()
	var rest byteCount
	if err := f.Write(&rest); err != nil {
		return err
	}
	if rest > 0 {
		return fmt.Errorf("excelize wrote %d bytes outside its zip writer", rest)
	}
	return nil
}

// byteCount counts the bytes written to it.
type byteCount int64

func (c *byteCount) Write(p []byte) (int, error) {
	*c += byteCount(len(p))
	return len(p), nil
}

// writer writes sheets into one workbook.
type writer struct {
	f *excelize.File
	o Options
	m measurer
	// styles are the ids of the styles created so far.
	styles map[styleKey]int
	// cellStyles caches the style of a body cell by what decides it, so
	// that a sheet of 74,200 rows builds each style key once.
	cellStyles map[cellStyleKey]int
	// rounded caches round2 of row heights, which take few values.
	rounded map[float64]float64
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
func (w *writer) workbook(p *plan.Plan, date time.Time) error {
	if err := w.f.SetDefaultFont(fontName); err != nil {
		return err
	}
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
	l := layout(s)
	w.at = Progress{Appendix: s.number, Sheet: w.at.Sheet + 1, Sheets: w.at.Sheets, Rows: l.lastRow}
	w.report()
	widths := w.m.columnWidths(l)

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
	single := len(l.tables) == 1
	if single {
		top := "A" + strconv.Itoa(l.tables[0].numberRow+1)
		if err := sw.SetPanes(&excelize.Panes{
			Freeze: true, YSplit: l.tables[0].numberRow, TopLeftCell: top, ActivePane: "bottomLeft",
			Selection: []excelize.Selection{{SQRef: top, ActiveCell: top, Pane: "bottomLeft"}},
		}); err != nil {
			return err
		}
	}

	// The title block.
	px := sheetPx(widths)
	for i, tl := range l.title {
		if err := w.line(sw, i+1, tl.text, tl.style, titleHeight(tl, px)); err != nil {
			return err
		}
	}
	for _, pt := range l.tables {
		if pt.captionRow > 0 {
			if err := w.line(sw, pt.captionRow, pt.t.caption, captionStyle, captionHeight()); err != nil {
				return err
			}
		}
		if err := w.header(sw, pt, widths); err != nil {
			return err
		}
		if err := w.numberRow(sw, pt); err != nil {
			return err
		}
		for _, r := range pt.t.rows {
			if err := w.body(sw, pt, r, widths); err != nil {
				return err
			}
		}
	}
	for _, m := range l.merges {
		if err := sw.MergeCell(m[0], m[1]); err != nil {
			return err
		}
	}
	if err := sw.Flush(); err != nil {
		return err
	}
	w.at.Row = l.lastRow
	w.report()
	if single {
		pt := l.tables[0]
		return w.f.SetDefinedName(&excelize.DefinedName{
			Name:     "_xlnm.Print_Titles",
			RefersTo: fmt.Sprintf("%s!$%d:$%d", s.name, pt.headRow, pt.numberRow),
			Scope:    s.name,
		})
	}
	return nil
}

// line writes a row of one text in its first cell: a line of the title
// block, or a caption (the layout merges it across).
func (w *writer) line(sw *excelize.StreamWriter, r int, text string, st styleKey, height float64) error {
	id, err := w.style(st)
	if err != nil {
		return err
	}
	return sw.SetRow("A"+strconv.Itoa(r), []any{excelize.Cell{StyleID: id, Value: text}}, excelize.RowOpts{Height: w.round(height)})
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

// header writes the header rows of a table.
func (w *writer) header(sw *excelize.StreamWriter, pt *placed, widths []float64) error {
	cols := pt.t.cols
	id, err := w.style(headerStyle)
	if err != nil {
		return err
	}
	rows := make([][]any, pt.depth)
	for i := range rows {
		rows[i] = make([]any, len(cols))
		for c := range cols {
			rows[i][c] = excelize.Cell{StyleID: id}
		}
	}
	for _, h := range pt.head {
		rows[h.level][h.col] = excelize.Cell{StyleID: id, Value: h.label}
	}
	for i, height := range headerHeights(pt, widths) {
		if err := sw.SetRow(cellRef(0, pt.headRow+i), rows[i], excelize.RowOpts{Height: round2(height)}); err != nil {
			return err
		}
	}
	return nil
}

// numberRow writes the row of column labels: A, B, … and 1, 2, ….
func (w *writer) numberRow(sw *excelize.StreamWriter, pt *placed) error {
	id, err := w.style(numberRowStyle)
	if err != nil {
		return err
	}
	values := make([]any, len(pt.t.cols))
	for c, col := range pt.t.cols {
		values[c] = excelize.Cell{StyleID: id, Value: col.label}
	}
	return sw.SetRow(cellRef(0, pt.numberRow), values, excelize.RowOpts{Height: round2(numberRowHeight())})
}

// body writes r and then its children: text as text (never a formula),
// numbers as numbers, and sum and formula cells as their formula with the
// value computed.
func (w *writer) body(sw *excelize.StreamWriter, pt *placed, r *row, widths []float64) error {
	t := pt.t
	if cap(w.values) < len(t.cols) {
		w.values = make([]any, len(t.cols))
	}
	values := w.values[:len(t.cols)]
	clear(values)
	for c := range t.cols {
		cl := r.cells[c]
		key := bodyStyle(pt, r, c)
		id, err := w.cellStyle(key)
		if err != nil {
			return err
		}
		var value any
		switch {
		case !key.kind.numeric():
			if cl.text != "" {
				value = cl.text
			}
		case cl.isFormula:
			cached := any(cl.res.float())
			if cl.res.empty {
				cached = ""
			}
			w.buf = t.appendFormula(w.buf[:0], r, c)
			values[c] = excelize.Cell{StyleID: id, Formula: string(w.buf), Value: cached}
			continue
		case cl.has:
			value = cl.num.Float64()
		}
		values[c] = excelize.Cell{StyleID: id, Value: value}
	}
	if w.o.Progress != nil && r.line%progressRows == 0 {
		w.at.Row = r.line
		w.report()
	}
	if err := sw.SetRow(cellRef(0, r.line), values, excelize.RowOpts{Height: w.round(bodyHeight(t, r, widths))}); err != nil {
		return err
	}
	for _, ch := range r.children {
		if err := w.body(sw, pt, ch, widths); err != nil {
			return err
		}
	}
	return nil
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

// cellStyle returns the id of a body cell's style.
func (w *writer) cellStyle(ck cellStyleKey) (int, error) {
	if id, ok := w.cellStyles[ck]; ok {
		return id, nil
	}
	id, err := w.style(ck.styleKey(w.o.NumberStyle))
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
