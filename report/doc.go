// Package report writes validation results in the formats people and CI
// read: text (with the source line and a caret under the offending value),
// json, sarif, junit and github. Each format is one file behind the
// Formatter interface; New picks one by name.
//
// Results are data: a File holds one file's findings, already sorted.
// Whether a run fails is decided by the caller from the counts.
package report
