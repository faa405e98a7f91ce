package plan_test

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/kehoach/kehoach/diag"
	"github.com/kehoach/kehoach/plan"
)

// addSeeds seeds a fuzz target with the project's own plans: the examples,
// and the corpus of valid and invalid plans.
func addSeeds(f *testing.F) {
	for _, pattern := range []string{"../examples/*.yaml", "testdata/valid/*.yaml", "testdata/invalid/*.yaml"} {
		names, err := filepath.Glob(pattern)
		if err != nil {
			f.Fatal(err)
		}
		for _, name := range names {
			data, err := os.ReadFile(name)
			if err != nil {
				f.Fatal(err)
			}
			f.Add(data)
		}
	}
}

// FuzzValidate checks the invariants of validation on any input: no panic
// (a panic fails the fuzz run), every finding has a known code and a
// severity, and every finding about the file's content points inside it.
func FuzzValidate(f *testing.F) {
	addSeeds(f)
	codes := map[string]bool{}
	for _, r := range diag.Rules() {
		codes[r.Code] = true
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		res := plan.Validate("fuzz.yaml", data)
		lines := sourceLines(data)
		for _, d := range res.Diagnostics {
			if !codes[d.Code] {
				t.Errorf("finding with unknown code %q: %s", d.Code, d.Message.EN)
			}
			if d.Severity != diag.Error && d.Severity != diag.Warning {
				t.Errorf("%s: severity %d", d.Code, d.Severity)
			}
			if d.Message.VI == "" || d.Message.EN == "" {
				t.Errorf("%s: message missing in a language: %+v", d.Code, d.Message)
			}
			checkPosition(t, d.Code, d.Line, d.Column, lines)
			for _, r := range d.Related {
				checkPosition(t, d.Code+" related", r.Line, r.Column, lines)
			}
		}
		if res.Plan == nil {
			for _, d := range res.Diagnostics {
				if d.Severity == diag.Error {
					return
				}
			}
			t.Errorf("no plan and no error: %+v", res.Diagnostics)
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
