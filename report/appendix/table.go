package appendix

import (
	"github.com/kehoach/kehoach/budget"
	"github.com/kehoach/kehoach/plan"
)

// kind is what a column or a cell holds, which fixes its alignment and
// number format.
type kind uint8

const (
	// inherit, on a cell, takes the column's kind.
	inherit kind = iota
	// text is left-aligned, wrapped text: names, agencies, communes.
	text
	// centered is short centred text: STT, units, appendix numbers.
	centered
	// amount is money in the plan's currency unit.
	amount
	// count is a number of households, workers or units.
	count
	// percent is a percent as the plan writes it (6,8), with the decimals
	// written.
	percent
	// rate is a percent a formula computes, with two decimals.
	rate
)

// numeric reports whether cells of the kind are numbers.
func (k kind) numeric() bool { return k >= amount }

// how says how a column's cell is computed on a row.
type how int

const (
	// own is the row's own value, never totalled: a quantity, a target.
	own how = iota
	// sum is, on a row with children, the SUM of its children's cells; on
	// a row without, its own value.
	sum
	// formula is a formula over other cells of the same row (column.expr).
	formula
)

// column describes one column of a table: its header, its column-number
// label, what it holds and how it is computed, and its width.
type column struct {
	// head is the header from the outer group to the column's own label:
	// {"Chia ra", "NSTW"} puts "Chia ra" over the source columns.
	head []string
	// label is the column-number row's label: "A" for a text column, "1"
	// for a figure, "1=2+3+4" for a total.
	label string
	kind  kind
	how   how
	// expr is the formula of a formula column.
	expr *expr
	// minWidth and maxWidth bound the column's width, in characters; text
	// longer than maxWidth wraps.
	minWidth, maxWidth float64
}

// kindOf is the kind of a cell of the column: its own, or the column's.
func (col *column) kindOf(cl cell) kind {
	if cl.kind == inherit {
		return col.kind
	}
	return cl.kind
}

// style is how a body row is set: the TỔNG CỘNG row, a group (a project,
// a sub-project with activities) in bold, or a plain row.
type style uint8

const (
	plain style = iota
	bold
	grand
)

// Level is what a body row stands for.
type Level int

// The levels of the rows of the appendices.
const (
	// GrandTotal is a TỔNG CỘNG row.
	GrandTotal Level = iota
	// ProjectLevel is a project's row.
	ProjectLevel
	// SubprojectLevel is a sub-project's row.
	SubprojectLevel
	// ActivityLevel is an activity's row (PL3 onwards).
	ActivityLevel
	// TargetLevel is a target of PL1's first table.
	TargetLevel
	// TargetDetailLevel is a line of PL1's first table that details the
	// target above it, without a number of its own: "Số hộ nghèo giảm"
	// under "Giảm tỷ lệ hộ nghèo".
	TargetDetailLevel
	// CommuneLevel is a commune's row of PL1's second table.
	CommuneLevel
)

// cell is one cell of a body row as the sheet builders fill it: text, or a
// number. compute fills the cells of sum and formula columns.
type cell struct {
	text string
	// num is the cell's number when has is true; a blank cell otherwise.
	num budget.Amount
	has bool
	// kind overrides the column's kind (PL1's values are percents and
	// counts in one column).
	kind kind
	// decimals is the number of decimals a percent or count is written
	// with.
	decimals int

	// Filled by compute for sum and formula columns.
	res result
	// isFormula marks a cell that holds a formula.
	isFormula bool
}

// result is the value of a formula: an exact amount, a computed ratio, or
// the empty text of an IF that has nothing to show.
type result struct {
	exact budget.Amount
	ratio float64
	// isRatio selects ratio over exact.
	isRatio bool
	// empty is the empty text "".
	empty bool
}

// float is the value as the cell caches it.
func (r result) float() float64 {
	if r.isRatio {
		return r.ratio
	}
	return r.exact.Float64()
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

// row is a body row and the rows it totals, which follow it in the sheet.
type row struct {
	cells    []cell
	style    style
	children []*row
	// line is the row's number in the sheet, set by the layout.
	line int

	// What the row stands for, as data, so that readers of the tables
	// (Summarize) never read it back out of the cells' text: its level,
	// the project and sub-project it belongs to (nil above them), and, on
	// a project's row, the appendix that details the project (0 when it
	// names none).
	level      Level
	project    *plan.Project
	subproject *plan.Subproject
	appendix   int
}

// table is one table of a sheet: an optional caption above it, its
// columns, and its rows in order (each row followed by its children).
type table struct {
	caption string
	cols    []column
	rows    []*row
}

// sheet is one appendix: its sheet name, the title block and its tables.
type sheet struct {
	number int
	name   string
	title  string
	// attach is the "(Kèm theo Kế hoạch số …)" line.
	attach string
	// unit is the "Đơn vị tính: …" line, or "" for none.
	unit string
	// build builds the sheet's tables. The layout calls it when the sheet
	// is written, so that the rows of one sheet at a time are in memory.
	build func() []*table
}

// newRow returns a row of the given level with one empty cell per column
// of t.
func (t *table) newRow(s style, l Level) *row {
	return &row{cells: make([]cell, len(t.cols)), style: s, level: l}
}

// textCell returns a text cell.
func textCell(s string) cell { return cell{text: s} }

// numCell returns a number cell, blank when ok is false.
func numCell(a budget.Amount, ok bool) cell { return cell{num: a, has: ok} }

// numberCell is a cell of a count or percent as the plan writes it.
func numberCell(n plan.Num, k kind) cell {
	return cell{num: n.Value, has: n.Valid, kind: k, decimals: n.Decimals}
}
