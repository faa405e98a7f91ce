package report

import (
	"fmt"
	"io"
	"os"
	"slices"
	"strings"

	"github.com/kehoach/kehoach/plan"
)

// File is the result of validating one file.
type File struct {
	// Name is the path as given on the command line, or <stdin>.
	Name string
	// Source is the file's content, for showing the offending line; it
	// may be nil.
	Source []byte
	// Diagnostics are sorted by line, column and code.
	Diagnostics []plan.Diagnostic
}

// Valid reports whether the file has no error.
func (f File) Valid() bool {
	e, _ := plan.Count(f.Diagnostics)
	return e == 0
}

// Failed reports whether the file fails validation: an error, or with
// strict a warning.
func (f File) Failed(strict bool) bool {
	e, w := plan.Count(f.Diagnostics)
	return e > 0 || (strict && w > 0)
}

// Summary counts files, errors and warnings.
type Summary struct {
	Files, Errors, Warnings int
}

// Summarize counts the findings of all files.
func Summarize(files []File) Summary {
	s := Summary{Files: len(files)}
	for _, f := range files {
		e, w := plan.Count(f.Diagnostics)
		s.Errors += e
		s.Warnings += w
	}
	return s
}

// Options configure a format.
type Options struct {
	// Lang is the language of messages.
	Lang plan.Lang
	// Color enables ANSI colour in the text report (a terminal, no
	// NO_COLOR).
	Color bool
	// Strict makes warnings fail (JUnit failures, the github summary).
	Strict bool
	// ToolVersion is written into JSON and SARIF.
	ToolVersion string
	// StepSummary, when set, receives the Markdown summary of the github
	// format (the file named by GITHUB_STEP_SUMMARY).
	StepSummary io.Writer
}

// Formatter writes a report of files, in the order given.
type Formatter interface {
	Format(w io.Writer, files []File) error
}

var formats = map[string]func(Options) Formatter{
	"text":   func(o Options) Formatter { return &text{o} },
	"json":   func(o Options) Formatter { return &jsonFormat{o} },
	"sarif":  func(o Options) Formatter { return &sarif{o, os.Getwd} },
	"junit":  func(o Options) Formatter { return &junit{o} },
	"github": func(o Options) Formatter { return &github{o, os.Getwd} },
}

// Formats lists the names New accepts, sorted.
func Formats() []string {
	names := make([]string, 0, len(formats))
	for n := range formats {
		names = append(names, n)
	}
	slices.Sort(names)
	return names
}

// New returns the formatter with the given name.
func New(name string, o Options) (Formatter, error) {
	f, ok := formats[name]
	if !ok {
		return nil, fmt.Errorf("unknown format %q: use one of %s", name, strings.Join(Formats(), ", "))
	}
	return f(o), nil
}
