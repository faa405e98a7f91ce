package appendix

import "strconv"

// sheetLayout is where the parts of a sheet go: the title block in its
// first rows, then each table (a blank row between two), with every row
// numbered and every value computed.
type sheetLayout struct {
	// title is the title block, in rows 1 to len(title).
	title  []titleLine
	tables []*placed
	// ncols is the sheet's width in columns, lastRow its last row.
	ncols, lastRow int
	// merges are the merged ranges, in order: each title line across the
	// sheet, then each table's caption across the table and its header's
	// group and column labels.
	merges [][2]string
}

// titleLine is a line of the title block, merged across the sheet.
type titleLine struct {
	text  string
	style styleKey
}

// placed is a table with where its parts go in the sheet.
type placed struct {
	t *table
	// captionRow is the caption's row, 0 for none.
	captionRow int
	// headRow is the first header row; depth the number of header rows.
	headRow, depth int
	// head is the labels of the header rows.
	head []headCell
	// numberRow is the column-number row; the body follows it.
	numberRow int
	// colDecimals is the decimals of each amount or count column.
	colDecimals []int
}

// headCell is a label of a table's header: in header row level (from 0),
// over span columns from col, down rows header rows. A group label spans
// the columns under it; a column's own label spans down to the last
// header row.
type headCell struct {
	label                  string
	level, col, span, rows int
}

// layout builds the tables of a sheet, places them below its title block,
// numbers their rows and computes every value.
func layout(s *sheet) *sheetLayout {
	l := &sheetLayout{title: titleBlock(s)}
	row := len(l.title) + 1
	for i, t := range s.build() {
		pt := &placed{t: t}
		l.ncols = max(l.ncols, len(t.cols))
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
		pt.head = headCells(t.cols, pt.depth)
		pt.numberRow = row + pt.depth
		row = pt.numberRow + 1
		for _, r := range t.rows {
			row = numberRows(r, row)
		}
		for _, r := range t.rows {
			compute(t, r)
		}
		pt.colDecimals = columnDecimals(t)
		l.tables = append(l.tables, pt)
	}
	l.lastRow = row - 1

	last := colName(l.ncols)
	for i := range l.title {
		r := strconv.Itoa(i + 1)
		l.merges = append(l.merges, [2]string{"A" + r, last + r})
	}
	for _, pt := range l.tables {
		if pt.captionRow > 0 {
			r := strconv.Itoa(pt.captionRow)
			l.merges = append(l.merges, [2]string{"A" + r, colName(len(pt.t.cols)) + r})
		}
		for _, h := range pt.head {
			if h.span > 1 || h.rows > 1 {
				top := pt.headRow + h.level
				l.merges = append(l.merges, [2]string{cellRef(h.col, top), cellRef(h.col+h.span-1, top+h.rows-1)})
			}
		}
	}
	return l
}

// titleBlock is the lines above the table: "Phụ lục số N", the title, the
// "(Kèm theo …)" line and the unit.
func titleBlock(s *sheet) []titleLine {
	out := []titleLine{
		{"Phụ lục số " + strconv.Itoa(s.number), styleKey{size: titleSize, bold: true, align: "center"}},
		{s.title, styleKey{size: titleSize, bold: true, align: "center", wrap: true}},
		{s.attach, styleKey{size: titleSize, italic: true, align: "center", wrap: true}},
	}
	if s.unit != "" {
		out = append(out, titleLine{s.unit, styleKey{size: tableSize, italic: true, align: "right"}})
	}
	return out
}

// headCells lays out the header of columns in depth rows, row by row and
// left to right.
func headCells(cols []column, depth int) []headCell {
	var out []headCell
	for level := 0; level < depth; level++ {
		for c := 0; c < len(cols); {
			h := cols[c].head
			if level >= len(h) {
				c++
				continue
			}
			if level == len(h)-1 {
				// The column's own label, down to the last header row.
				out = append(out, headCell{label: h[level], level: level, col: c, span: 1, rows: depth - level})
				c++
				continue
			}
			// A group over the following columns with the same path.
			end := c + 1
			for end < len(cols) && len(cols[end].head) > level+1 && samePrefix(cols[end].head, h, level+1) {
				end++
			}
			out = append(out, headCell{label: h[level], level: level, col: c, span: end - c, rows: 1})
			c = end
		}
	}
	return out
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

// numberRows gives r and its children their rows from line on and returns
// the next free row.
func numberRows(r *row, line int) int {
	r.line = line
	line++
	for _, ch := range r.children {
		line = numberRows(ch, line)
	}
	return line
}
