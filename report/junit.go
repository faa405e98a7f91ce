package report

import (
	"encoding/xml"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/kehoach/kehoach/plan"
)

// junit is JUnit XML as GitLab (artifacts:reports:junit) and Jenkins (the
// junit step) read it: one test suite, one test case per file, named by the
// file's path as the user gave it. A file that fails has a failure element
// listing its errors (and its warnings with --strict), one finding a line
// in the text report's form; the warnings of a file that passes are in its
// system-out, where both tools show them.
type junit struct{ o Options }

type (
	junitSuites struct {
		XMLName  xml.Name     `xml:"testsuites"`
		Name     string       `xml:"name,attr"`
		Tests    int          `xml:"tests,attr"`
		Failures int          `xml:"failures,attr"`
		Errors   int          `xml:"errors,attr"`
		Suites   []junitSuite `xml:"testsuite"`
	}
	junitSuite struct {
		Name     string      `xml:"name,attr"`
		Tests    int         `xml:"tests,attr"`
		Failures int         `xml:"failures,attr"`
		Errors   int         `xml:"errors,attr"`
		Skipped  int         `xml:"skipped,attr"`
		Cases    []junitCase `xml:"testcase"`
	}
	junitCase struct {
		Name      string        `xml:"name,attr"`
		ClassName string        `xml:"classname,attr"`
		File      string        `xml:"file,attr"`
		Failure   *junitFailure `xml:"failure"`
		SystemOut *junitOutput  `xml:"system-out"`
	}
	junitOutput struct {
		Text string `xml:",cdata"`
	}
	junitFailure struct {
		Message string `xml:"message,attr"`
		Type    string `xml:"type,attr"`
		// Text is CDATA, so that the findings keep their line breaks
		// where a person reads the XML.
		Text string `xml:",cdata"`
	}
)

func (j *junit) Format(w io.Writer, files []File) error {
	suite := junitSuite{Name: "kehoach validate", Tests: len(files), Cases: make([]junitCase, 0, len(files))}
	names := make(map[string]int, len(files))
	for _, f := range files {
		// A file named twice on the command line is two test cases; their
		// names must still differ.
		name := f.Name
		names[f.Name]++
		if n := names[f.Name]; n > 1 {
			name = fmt.Sprintf("%s (%d)", f.Name, n)
		}
		c := junitCase{Name: name, ClassName: "kehoach.validate", File: f.Name}
		var failing, other strings.Builder
		for _, d := range f.Diagnostics {
			b := &other
			if d.Severity == plan.Error || j.o.Strict {
				b = &failing
			}
			j.finding(b, f.Name, d)
		}
		if f.Failed(j.o.Strict) {
			e, w := plan.Count(f.Diagnostics)
			c.Failure = &junitFailure{Message: fileCount(e, w, j.o.Lang), Type: "kehoach", Text: xmlText(failing.String())}
			suite.Failures++
		}
		if other.Len() > 0 {
			c.SystemOut = &junitOutput{xmlText(other.String())}
		}
		suite.Cases = append(suite.Cases, c)
	}
	doc := junitSuites{Name: "kehoach", Tests: suite.Tests, Failures: suite.Failures, Suites: []junitSuite{suite}}
	if _, err := io.WriteString(w, xml.Header); err != nil {
		return err
	}
	enc := xml.NewEncoder(w)
	enc.Indent("", "  ")
	if err := enc.Encode(doc); err != nil {
		return err
	}
	_, err := io.WriteString(w, "\n")
	return err
}

// finding writes one finding as the text report's first line, with its
// help below.
func (j *junit) finding(w io.Writer, name string, d plan.Diagnostic) {
	where := name
	if d.Line > 0 {
		where += ":" + strconv.Itoa(d.Line) + ":" + strconv.Itoa(d.Column)
	}
	fmt.Fprintf(w, "%s: %s[%s]: %s\n", where, SeverityWord(d.Severity, j.o.Lang), d.Code, d.Message.In(j.o.Lang))
	if h := strings.TrimSpace(d.Help.In(j.o.Lang)); h != "" {
		fmt.Fprintf(w, "  help: %s\n", h)
	}
}

// fileCount is one file's count: "2 lỗi, 1 cảnh báo".
func fileCount(errors, warnings int, l plan.Lang) string {
	if l == plan.EN {
		return plural(errors, "error") + ", " + plural(warnings, "warning")
	}
	return fmt.Sprintf("%d lỗi, %d cảnh báo", errors, warnings)
}

// xmlText replaces the characters XML 1.0 cannot hold (control characters
// but tab and line breaks), which CDATA does not escape.
func xmlText(s string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case r == '\t' || r == '\n' || r == '\r',
			r >= 0x20 && r <= 0xD7FF, r >= 0xE000 && r <= 0xFFFD, r >= 0x10000 && r <= 0x10FFFF:
			return r
		}
		return '\uFFFD'
	}, s)
}
