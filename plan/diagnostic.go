package plan

import (
	"cmp"
	"slices"
)

// Severity says whether a finding fails validation.
type Severity int

const (
	// Error fails validation (exit code 1).
	Error Severity = iota
	// Warning is reported but fails only with --strict.
	Warning
)

// String returns the severity as it appears in JSON, SARIF and the English
// text report: "error" or "warning".
func (s Severity) String() string {
	if s == Warning {
		return "warning"
	}
	return "error"
}

// Lang is the language of messages.
type Lang int

const (
	// VI is Vietnamese, the default.
	VI Lang = iota
	// EN is English.
	EN
)

// ParseLang maps "vi" and "en" to a Lang.
func ParseLang(s string) (Lang, bool) {
	switch s {
	case "vi", "":
		return VI, true
	case "en":
		return EN, true
	}
	return VI, false
}

// Message is a text in both languages. Both are written when a finding is
// made, so that reports in either language come from the same data.
type Message struct {
	VI, EN string
}

// In returns the text in the given language.
func (t Message) In(l Lang) string {
	if l == EN {
		return t.EN
	}
	return t.VI
}

// IsZero reports whether the text is empty in both languages.
func (t Message) IsZero() bool { return t.VI == "" && t.EN == "" }

// Related is another place a finding involves, such as the first occurrence
// of a duplicate key.
type Related struct {
	Pos
	Path    string
	Message Message
}

// Diagnostic is one finding about one place in a plan file.
//
// Line and Column count from 1; Column counts characters (Unicode code
// points). Line 0 means the finding is about the file as a whole. Path is
// the YAML path of the node ("projects[0].funding.local"). Stated, Computed
// and Difference are exact amounts in the plan's unit, set only for number
// mismatches; Suggestion is the value the figure should have, when the
// finding knows it.
type Diagnostic struct {
	Code     Code
	Severity Severity
	Message  Message
	Help     Message
	Pos
	Path       string
	Stated     string
	Computed   string
	Difference string
	// Suggestion is the value the figure should have, an exact amount in
	// the plan's unit like Stated, when the finding knows it.
	Suggestion string
	// EndColumn, when not 0, is the column just past the text the
	// finding is about, on Line: the span a report underlines, and that
	// Suggestion replaces. The producer supplies it (see Validate), so
	// no report lexes YAML.
	EndColumn int
	Related   []Related
}

// Sort orders findings by line, column and code, the order every report
// uses.
func Sort(ds []Diagnostic) {
	slices.SortStableFunc(ds, func(a, b Diagnostic) int {
		return cmp.Or(cmp.Compare(a.Line, b.Line), cmp.Compare(a.Column, b.Column), cmp.Compare(a.Code, b.Code))
	})
}

// Count returns the number of errors and warnings in ds.
func Count(ds []Diagnostic) (errors, warnings int) {
	for _, d := range ds {
		if d.Severity == Error {
			errors++
		} else {
			warnings++
		}
	}
	return errors, warnings
}
