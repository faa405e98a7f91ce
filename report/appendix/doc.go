// Package appendix writes the appendix workbooks of a plan (Phụ lục 1, 2,
// 3, …) in the layout of the specification's appendices.md: the targets
// (PL1), the funding summary (PL2) and the funding plan of each appendix
// the projects name (PL3 onwards); and it reads workbooks back to compare
// them.
//
// A sheet goes from the plan to the file in steps, one file each:
//
//   - table.go is the model, which knows nothing of the file format:
//     sheets of tables, whose columns say what they hold and how they are
//     totalled, and whose rows carry what they stand for (level, project,
//     sub-project, appendix) besides their cells' text and numbers.
//   - sheets.go builds the model of each Phụ lục from the plan: which
//     appendices a plan has (Numbers), their titles, columns and rows.
//   - formula.go holds the formulas: their text in A1 notation (the SUM of
//     a row's children, a+b+c, a-b, a rate) and their values as the
//     spreadsheet computes them.
//   - layout.go places a sheet's parts: the title block, each table's
//     caption, header rows with their merged group labels, column-number
//     row and body rows.
//   - styles.go says how cells look: fonts, alignment, borders, number
//     formats and the decimals each number is shown with.
//   - measure.go measures text with Times New Roman's metrics: column
//     widths and row heights.
//   - writer.go writes the laid-out model with excelize, streaming each
//     sheet (StreamWriter), so that the memory a sheet needs does not grow
//     with excelize's per-row cost; zip.go zips the parts.
//   - workbook.go is the entry point: Write, its Options and Progress, and
//     the document date.
//   - summary.go gives the figures of PL1 and PL2 as data (Summarize), for
//     `kehoach summary`, from the same model as the sheets.
//   - compare.go reads workbooks back: their cells (Cells, SheetNames) and
//     the first difference between two (Compare).
//
// The same plan gives the same bytes: the document dates come from the plan
// (or SOURCE_DATE_EPOCH, or the 1st of January of the plan year), never the
// clock, and the parts of the file are zipped in a fixed order with fixed
// times.
package appendix
