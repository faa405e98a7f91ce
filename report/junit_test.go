package report

import (
	"bytes"
	"encoding/xml"
	"testing"

	"github.com/kehoach/kehoach/plan"
)

func TestJUnitGolden(t *testing.T) {
	for _, tc := range []struct {
		name   string
		o      Options
		golden string
	}{
		{"vi", Options{Lang: plan.VI}, "junit_vi.golden"},
		{"en strict", Options{Lang: plan.EN, Strict: true}, "junit_en_strict.golden"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var b bytes.Buffer
			if err := (&junit{tc.o}).Format(&b, testFiles(t)); err != nil {
				t.Fatal(err)
			}
			checkGolden(t, tc.golden, b.Bytes())
		})
	}
}

// junitDoc is the part of JUnit XML that GitLab and Jenkins read.
type junitDoc struct {
	XMLName  xml.Name `xml:"testsuites"`
	Tests    int      `xml:"tests,attr"`
	Failures int      `xml:"failures,attr"`
	Suites   []struct {
		Name     string `xml:"name,attr"`
		Tests    int    `xml:"tests,attr"`
		Failures int    `xml:"failures,attr"`
		Cases    []struct {
			Name      string `xml:"name,attr"`
			ClassName string `xml:"classname,attr"`
			File      string `xml:"file,attr"`
			Failure   *struct {
				Message string `xml:"message,attr"`
				Text    string `xml:",chardata"`
			} `xml:"failure"`
			SystemOut string `xml:"system-out"`
		} `xml:"testcase"`
	} `xml:"testsuite"`
}

// TestJUnitParse reads the report back as XML: one test case per file with
// a unique name, failed exactly when the file fails, the counts agreeing.
// It runs everywhere, CI included.
func TestJUnitParse(t *testing.T) {
	files := testFiles(t)
	// The same file named twice, standard input, and a file whose messages
	// hold what XML must escape.
	files = append(files, files[0], File{Name: "<stdin>", Diagnostics: []plan.Diagnostic{{
		Code: "E101", Severity: plan.Error, Pos: plan.Pos{Line: 1, Column: 1},
		Message: plan.Message{VI: `<a> & "b" ]]> ` + "\x01", EN: `<a> & "b" ]]> ` + "\x01"},
	}}}, File{Name: "plans/ok.yaml"})
	for _, strict := range []bool{false, true} {
		var b bytes.Buffer
		if err := (&junit{Options{Strict: strict}}).Format(&b, files); err != nil {
			t.Fatal(err)
		}
		var doc junitDoc
		if err := xml.Unmarshal(b.Bytes(), &doc); err != nil {
			t.Fatalf("strict %v: not XML: %v\n%s", strict, err, b.Bytes())
		}
		if len(doc.Suites) != 1 {
			t.Fatalf("strict %v: %d test suites, want 1", strict, len(doc.Suites))
		}
		s := doc.Suites[0]
		if len(s.Cases) != len(files) || s.Tests != len(files) || doc.Tests != len(files) {
			t.Errorf("strict %v: %d cases, tests=%d/%d, want %d", strict, len(s.Cases), s.Tests, doc.Tests, len(files))
		}
		names := make(map[string]bool)
		failures := 0
		for i, c := range s.Cases {
			if names[c.Name] {
				t.Errorf("strict %v: test case name %q is not unique", strict, c.Name)
			}
			names[c.Name] = true
			if c.File != files[i].Name || c.ClassName == "" {
				t.Errorf("strict %v: case %d: file %q classname %q, want file %q", strict, i, c.File, c.ClassName, files[i].Name)
			}
			if (c.Failure != nil) != files[i].Failed(strict) {
				t.Errorf("strict %v: %s: failure %v, want %v", strict, c.Name, c.Failure != nil, files[i].Failed(strict))
			}
			if c.Failure != nil {
				failures++
				if c.Failure.Text == "" || c.Failure.Message == "" {
					t.Errorf("strict %v: %s: empty failure", strict, c.Name)
				}
			}
		}
		if s.Failures != failures || doc.Failures != failures {
			t.Errorf("strict %v: failures=%d/%d, want %d", strict, s.Failures, doc.Failures, failures)
		}
	}
}
