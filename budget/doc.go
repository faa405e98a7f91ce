// Package budget provides exact amounts for plan files, and the funding rules
// that compare them.
//
// An [Amount] is an exact decimal with at most three decimals, held as an
// int64 count of thousandths of the plan's currency unit. Amounts are read
// from the exact text of a YAML scalar with [Parse], never through float64,
// so 0.1 + 0.2 is exactly 0.3 and a sum does not depend on the order of its
// terms. [ParseVietnamese] reads text written in Vietnamese notation (dots
// group thousands, the comma is the decimal mark), which is how plan
// documents are usually typed, so that a slip can be reported with the
// number the writer meant.
package budget
