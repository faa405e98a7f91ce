// Package report writes what kehoach says about plans, in the formats
// people and CI read.
//
// Validation results: text (with the source line and a caret under the
// offending value), json, sarif, junit and github. Each format is one file
// behind the Formatter interface; New picks one by name. Results are
// data: a File holds one file's findings, already sorted. Whether a run
// fails is decided by the caller from the counts.
//
// A plan's figures (summary.go): PlanSummaryText and PlanSummaryJSON
// write the funding and targets of Phụ lục 1 and 2, as the workbooks of
// package appendix compute them, for `kehoach summary`.
//
// The appendix workbooks themselves are package appendix, below this one.
package report
