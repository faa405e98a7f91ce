package plan_test

import (
	"bytes"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/kehoach/kehoach/internal/fuzzing"
	"github.com/kehoach/kehoach/plan"
)

// addSeeds seeds a fuzz target with the project's own plans.
func addSeeds(f *testing.F) {
	for _, data := range fuzzing.Seeds(f, "..") {
		f.Add(data)
	}
}

// FuzzValidate checks the invariants of validation on any input: no panic
// (a panic fails the fuzz run), every finding has a known code and a
// severity, and every finding about the file's content points inside it.
func FuzzValidate(f *testing.F) {
	addSeeds(f)
	codes := map[string]bool{}
	for _, r := range plan.AllRules() {
		codes[string(r.Code)] = true
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		if fuzzing.Expansive(data, plan.MaxDepth, plan.MaxNodes) {
			t.Skip("within the limits, but slow")
		}
		var res plan.Result
		fuzzing.NoHang(t, func() { res = plan.Validate("fuzz.yaml", data) })
		lines := sourceLines(data)
		for _, d := range res.Diagnostics {
			if !codes[string(d.Code)] {
				t.Errorf("finding with unknown code %q: %s", d.Code, d.Message.EN)
			}
			if d.Severity != plan.Error && d.Severity != plan.Warning {
				t.Errorf("%s: severity %d", d.Code, d.Severity)
			}
			if d.Message.VI == "" || d.Message.EN == "" {
				t.Errorf("%s: message missing in a language: %+v", d.Code, d.Message)
			}
			checkPosition(t, string(d.Code), d.Line, d.Column, lines)
			for _, r := range d.Related {
				checkPosition(t, string(d.Code)+" related", r.Line, r.Column, lines)
			}
		}
		stopped := false
		for _, d := range res.Diagnostics {
			switch d.Code {
			case "E101", "E109", "E110", "E111":
				stopped = true
			}
		}
		if (res.Plan == nil) != stopped {
			t.Errorf("plan %v, but findings that stop the file: %v (%+v)", res.Plan != nil, stopped, res.Diagnostics)
		}
	})
}

// sourceLines splits the file as the YAML library counts lines (LF, CRLF
// or a lone CR end a line); for text that is not UTF-8 it returns nil.
func sourceLines(data []byte) []string {
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	if !utf8.Valid(data) {
		return nil
	}
	s := strings.ReplaceAll(string(data), "\r\n", "\n")
	s = strings.ReplaceAll(s, "\r", "\n")
	return strings.Split(s, "\n")
}

func checkPosition(t *testing.T, what string, line, col int, lines []string) {
	t.Helper()
	if line < 1 || col < 1 {
		t.Errorf("%s at %d:%d: lines and columns count from 1", what, line, col)
		return
	}
	if lines == nil {
		return
	}
	if line > len(lines) {
		t.Errorf("%s at line %d: the file has %d lines", what, line, len(lines))
		return
	}
	if n := utf8.RuneCountInString(lines[line-1]); col > n+1 {
		t.Errorf("%s at %d:%d: line %d has %d characters: %q", what, line, col, line, n, lines[line-1])
	}
}
