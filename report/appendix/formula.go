package appendix

import (
	"strconv"

	"github.com/kehoach/kehoach/budget"
)

// expr is a formula over the cells of one row.
type expr struct {
	// formula appends the formula's text in the given sheet row to b.
	formula func(b []byte, row int) []byte
	// eval computes the formula's value as the spreadsheet does, from the
	// row's cells (blank cells count as zero).
	eval func(cells []cell) result
}

// sumOf is the formula a+b+c… over columns of the row.
func sumOf(cols ...int) *expr {
	return &expr{
		formula: func(b []byte, row int) []byte {
			for i, c := range cols {
				if i > 0 {
					b = append(b, '+')
				}
				b = appendRef(b, c, row)
			}
			return b
		},
		eval: func(cells []cell) result {
			var buf [8]budget.Amount
			terms := buf[:0]
			for _, c := range cols {
				terms = append(terms, cells[c].value())
			}
			return sumResult(terms)
		},
	}
}

// difference is the formula a-b.
func difference(a, b int) *expr {
	return &expr{
		formula: func(buf []byte, row int) []byte {
			buf = appendRef(buf, a, row)
			buf = append(buf, '-')
			return appendRef(buf, b, row)
		},
		eval: func(cells []cell) result {
			va, vb := cells[a].value(), cells[b].value()
			d, ok := va.Sub(vb)
			if !ok {
				return result{ratio: va.Float64() - vb.Float64(), isRatio: true}
			}
			return result{exact: d}
		},
	}
}

// rateOf is part as a percent of whole, empty when whole is zero or blank:
// IF(whole=0,"",part/whole*100).
func rateOf(part, whole int) *expr {
	return &expr{
		formula: func(b []byte, row int) []byte {
			b = append(b, "IF("...)
			b = appendRef(b, whole, row)
			b = append(b, `=0,"",`...)
			b = appendRef(b, part, row)
			b = append(b, '/')
			b = appendRef(b, whole, row)
			return append(b, "*100)"...)
		},
		eval: func(cells []cell) result {
			w := cells[whole].value()
			if w == 0 {
				return result{empty: true}
			}
			return result{ratio: cells[part].value().Float64() / w.Float64() * 100, isRatio: true}
		},
	}
}

// sumResult is the sum of terms as the spreadsheet computes it: exact while
// the sum fits an Amount, a sum of floats beyond.
func sumResult(terms []budget.Amount) result {
	s, ok := budget.Sum(terms...)
	if !ok {
		f := 0.0
		for _, a := range terms {
			f += a.Float64()
		}
		return result{ratio: f, isRatio: true}
	}
	return result{exact: s}
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
			r.cells[c].res, r.cells[c].isFormula = sumResult(terms), true
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

// appendFormula appends the formula of the sum or formula cell c of r,
// in the row the layout gave it, to b: the column's formula, or the SUM of
// the children's cells as ranges (SUM(E9:E11,E14)).
func (t *table) appendFormula(b []byte, r *row, c int) []byte {
	if col := t.cols[c]; col.how == formula {
		return col.expr.formula(b, r.line)
	}
	b = append(b, "SUM("...)
	kids := r.children
	for i := 0; i < len(kids); {
		j := i
		for j+1 < len(kids) && kids[j+1].line == kids[j].line+1 {
			j++
		}
		if i > 0 {
			b = append(b, ',')
		}
		b = appendRef(b, c, kids[i].line)
		if j > i {
			b = append(b, ':')
			b = appendRef(b, c, kids[j].line)
		}
		i = j + 1
	}
	return append(b, ')')
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
