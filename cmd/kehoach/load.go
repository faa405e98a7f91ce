package main

import (
	"io"

	"github.com/kehoach/kehoach/plan"
	"github.com/kehoach/kehoach/report"
)

// loadPlan reads the plan file arg names ("-" is standard input, read
// from in), validates it, and writes its findings, when it has any, to
// errOut as the text report. It returns the file with its findings and
// the plan, nil when none could be read; whether findings stop the
// command is the caller's to decide. An error is the tool's trouble: the
// file could not be read (told in lang), or the report not written.
func loadPlan(in io.Reader, errOut io.Writer, lang plan.Lang, arg string, strict bool) (report.File, *plan.Plan, error) {
	name := plan.InputName(arg)
	data, err := ReadInput(in)(Input{Name: name, Explicit: true})
	if err != nil {
		return report.File{}, nil, inLanguage(lang, err)
	}
	res := plan.Validate(name, data)
	file := report.File{Name: name, Source: data, Diagnostics: res.Diagnostics}
	if len(res.Diagnostics) > 0 {
		f, err := report.New("text", report.Options{Lang: lang, Strict: strict, ToolVersion: version})
		if err != nil {
			return report.File{}, nil, err
		}
		if err := f.Format(errOut, []report.File{file}); err != nil {
			return report.File{}, nil, err
		}
	}
	return file, res.Plan, nil
}
