// Package appendix writes the appendix workbooks of a plan (Phụ lục 1, 2,
// 3, …) in the layout of the specification's appendices.md: the targets
// (PL1), the funding summary (PL2) and the funding plan of each appendix
// the projects name (PL3 onwards).
//
// Each sheet is described as data (layout.go: its columns, with their
// headers, number formats and how each is totalled, and its rows, built
// from the plan in sheets.go) and written by one writer (writer.go) that
// knows the title block, the headers with their merged group cells, the
// totals as live formulas with their computed values, the styles and the
// print setup. Sheets are streamed with excelize's StreamWriter, so the
// memory a sheet needs does not grow with excelize's per-row cost.
//
// The same plan gives the same bytes: the document dates come from the plan
// (or SOURCE_DATE_EPOCH, or the 1st of January of the plan year), never the
// clock, and the parts of the file are zipped in a fixed order with fixed
// times.
package appendix
