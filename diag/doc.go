// Package diag defines the findings that kehoach reports about a plan file:
// a stable code, a severity, a message in Vietnamese and English, and the
// place in the file it is about. Findings are data, not Go errors: an error
// means the tool could not do its job, a Diagnostic means the plan has a
// problem.
//
// The package also holds the catalogue of codes (their severity and short
// titles) and the long explanations printed by `kehoach explain`.
package diag
