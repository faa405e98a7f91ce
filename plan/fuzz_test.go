package plan_test

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"

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
		if expansive(data) {
			t.Skip("within the limits, but slow")
		}
		var res plan.Result
		noHang(t, func() { res = plan.Validate("fuzz.yaml", data) })
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

// hangLimit is how long one input may take: inputs are small, so
// anything near it is a loop or a blow-up, not work. Go's fuzzing has no
// time limit of its own for one input.
const hangLimit = 10 * time.Second

// noHang runs f and fails the test when it takes longer than hangLimit,
// or panics (with the panic's stack, which a fuzz worker that dies does
// not report).
func noHang(t *testing.T, f func()) {
	t.Helper()
	done := make(chan any, 1)
	go func() {
		defer func() {
			if r := recover(); r != nil {
				done <- fmt.Sprintf("panic: %v\n%s", r, debug.Stack())
				return
			}
			done <- nil
		}()
		f()
	}()
	select {
	case p := <-done:
		if p != nil {
			t.Fatal(p)
		}
	case <-time.After(hangLimit):
		t.Fatalf("no result after %v: a hang", hangLimit)
	}
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

// expansive reports whether data is YAML whose aliases expand it to more
// than 200,000 nodes but not past plan.MaxNodes: a plan within the limits
// that takes seconds to validate (a few lines can hold a million rows),
// which the fuzzer would take for a hang. The limits have their own tests.
func expansive(data []byte) bool {
	var doc yaml.Node
	if yaml.Unmarshal(data, &doc) != nil {
		return false
	}
	memo := map[*yaml.Node]int{}
	var count func(n *yaml.Node, depth int) int
	count = func(n *yaml.Node, depth int) int {
		if n.Kind == yaml.AliasNode && n.Alias != nil {
			n = n.Alias
		}
		if c, ok := memo[n]; ok {
			return c
		}
		if depth > plan.MaxDepth+2 {
			return 1 // a loop of aliases: E110, refused at once
		}
		c := 1
		for _, ch := range n.Content {
			c = min(c+count(ch, depth+1), plan.MaxNodes+1)
		}
		memo[n] = c
		return c
	}
	n := count(&doc, 0)
	return n > 200_000 && n <= plan.MaxNodes
}
