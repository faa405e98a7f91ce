package report_test

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"regexp"
	"runtime"
	"strings"
	"testing"

	"github.com/kehoach/kehoach/internal/fuzzing"
	"github.com/kehoach/kehoach/plan"
	"github.com/kehoach/kehoach/report"
)

// fuzzNames are file names a report must carry whatever they hold: the
// characters that JSON, XML, URIs and GitHub's workflow commands treat
// specially, a line break, and bytes that are not UTF-8 (a name copied
// from an old Windows share).
var fuzzNames = []string{
	"plan.yaml",
	"kế hoạch/2023.yaml",
	"a\n::warning::x.yaml",
	"<&'\"%0A:,>.yaml",
	"k\xe9 ho\xb9ch.yaml",
	"-",
	plan.StdinName,
}

// FuzzReport validates any bytes and writes the report in every format
// and language, strict or not. Invariants: no panic and no hang; JSON and
// SARIF are valid JSON with a code and a severity for every finding; JUnit
// is well-formed XML with one test case per file; the github format's
// workflow commands are exactly its annotations, one per finding (a plan
// or a file name cannot inject a command); the text report ends with its
// count.
func FuzzReport(f *testing.F) {
	for i, data := range fuzzing.Seeds(f, "..") {
		f.Add(data, fuzzNames[i%len(fuzzNames)])
	}
	f.Add([]byte("kehoach: 1\n\"x\\n::warning file=a::pwned\": 1\nplan:\n  \"t\\r\\n::error::t\": 1\n"), "plan.yaml")
	f.Fuzz(func(t *testing.T, data []byte, name string) {
		if fuzzing.Expansive(data, plan.MaxDepth, plan.MaxNodes) {
			t.Skip("within the limits, but slow")
		}
		var res plan.Result
		fuzzing.NoHang(t, func() { res = plan.Validate(name, data) })
		file := report.File{Name: name, Source: data, Diagnostics: res.Diagnostics}
		for _, format := range report.Formats() {
			for _, o := range []report.Options{
				{Lang: plan.VI, ToolVersion: "0.1.0"},
				{Lang: plan.EN, Strict: true, ToolVersion: "0.1.0", StepSummary: io.Discard},
			} {
				fm, err := report.New(format, o)
				if err != nil {
					t.Fatal(err)
				}
				var out bytes.Buffer
				fuzzing.NoHang(t, func() { err = fm.Format(&out, []report.File{file}) })
				if err != nil {
					t.Fatalf("%s: %v", format, err)
				}
				checkReport(t, format, o, out.Bytes(), file)
			}
		}
	})
}

// checkReport checks the invariants of one format's output.
func checkReport(t *testing.T, format string, o report.Options, out []byte, file report.File) {
	t.Helper()
	n := len(file.Diagnostics)
	switch format {
	case "json":
		var doc struct {
			Files []struct {
				File        string
				Valid       bool
				Diagnostics []struct {
					Code, Severity, Message string
					Line, Column            int
				}
			}
			Summary struct{ Files, Errors, Warnings int }
		}
		if err := json.Unmarshal(out, &doc); err != nil {
			t.Fatalf("json: not valid JSON: %v\n%s", err, out)
		}
		if len(doc.Files) != 1 || len(doc.Files[0].Diagnostics) != n || doc.Summary.Files != 1 {
			t.Fatalf("json: %d files with %v findings, want 1 with %d", len(doc.Files), doc.Files, n)
		}
		if doc.Files[0].Valid != file.Valid() {
			t.Errorf("json: valid %v, want %v", doc.Files[0].Valid, file.Valid())
		}
		for _, d := range doc.Files[0].Diagnostics {
			if _, ok := plan.LookupRule(d.Code); !ok || (d.Severity != "error" && d.Severity != "warning") || d.Message == "" {
				t.Errorf("json: finding without a code, a severity or a message: %+v", d)
			}
			if d.Line < 1 || d.Column < 1 {
				t.Errorf("json: %s at %d:%d", d.Code, d.Line, d.Column)
			}
		}
	case "sarif":
		var doc struct {
			Version string
			Runs    []struct {
				Results []struct {
					RuleID  string
					Level   string
					Message struct{ Text string }
				}
			}
		}
		if err := json.Unmarshal(out, &doc); err != nil {
			t.Fatalf("sarif: not valid JSON: %v\n%s", err, out)
		}
		if doc.Version != "2.1.0" || len(doc.Runs) != 1 || len(doc.Runs[0].Results) != n {
			t.Fatalf("sarif: version %q, %d runs, want 2.1.0 and one run with %d results", doc.Version, len(doc.Runs), n)
		}
		for _, r := range doc.Runs[0].Results {
			if _, ok := plan.LookupRule(r.RuleID); !ok || (r.Level != "error" && r.Level != "warning") || r.Message.Text == "" {
				t.Errorf("sarif: result without a rule, a level or a message: %+v", r)
			}
		}
	case "junit":
		dec := xml.NewDecoder(bytes.NewReader(out))
		cases := 0
		for {
			tok, err := dec.Token()
			if errors.Is(err, io.EOF) {
				break
			}
			if err != nil {
				t.Fatalf("junit: not well-formed XML: %v\n%s", err, out)
			}
			if se, ok := tok.(xml.StartElement); ok && se.Name.Local == "testcase" {
				cases++
			}
		}
		if cases != 1 {
			t.Errorf("junit: %d test cases, want 1", cases)
		}
	case "github":
		// Outside a block that GitHub stops reading commands in
		// (::stop-commands::TOKEN … ::TOKEN::, whose token the block
		// does not hold), every workflow command is an annotation.
		commands, token := 0, ""
		lines := strings.Split(string(out), "\n")
		for i, line := range lines {
			switch {
			case token != "" && line == "::"+token+"::":
				token = ""
			case token != "":
				if strings.Contains(line, token) {
					t.Errorf("github: line %d holds the stop-commands token %q", i+1, token)
				}
			case strings.HasPrefix(line, "::stop-commands::"):
				token = strings.TrimPrefix(line, "::stop-commands::")
				if len(token) < 16 {
					t.Errorf("github: a guessable stop-commands token %q", token)
				}
			case strings.HasPrefix(line, "::"):
				if !annotationRE.MatchString(line) {
					t.Errorf("github: a workflow command that is not an annotation: %q", line)
				}
				commands++
			}
		}
		if token != "" {
			t.Errorf("github: commands stopped with %q and never resumed", token)
		}
		if commands != n {
			t.Errorf("github: %d workflow commands for %d findings:\n%s", commands, n, out)
		}
	case "text":
		count := report.CountLine(report.Summarize([]report.File{file}), o.Lang) + "\n"
		if !bytes.HasSuffix(out, []byte(count)) {
			t.Errorf("text: does not end with %q:\n%s", count, out)
		}
	}
}

// TestTextReportLongLine: a plan written on one line (JSON is YAML, and
// generators write it so) with a finding every few characters gives a
// report whose size and cost grow with the findings, not with findings ×
// the line: each shows the part of the line around its column. Printed
// whole, 4,000 findings on a line of 43,000 characters would be 170 MB,
// and a national plan written so, hours of output.
func TestTextReportLongLine(t *testing.T) {
	var b strings.Builder
	b.WriteString("kehoach: 1\nplan: {")
	for i := range 4000 {
		fmt.Fprintf(&b, "hh%d: 1, ", i)
	}
	b.WriteString("year: 2023}\n")
	data := []byte(b.String())
	res := plan.Validate("plan.yaml", data)
	if len(res.Diagnostics) < 4000 {
		t.Fatalf("%d findings, want one for each unknown key", len(res.Diagnostics))
	}
	for _, format := range []string{"text", "github"} {
		fm, err := report.New(format, report.Options{Lang: plan.EN})
		if err != nil {
			t.Fatal(err)
		}
		var out bytes.Buffer
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		if err := fm.Format(&out, []report.File{{Name: "plan.yaml", Source: data, Diagnostics: res.Diagnostics}}); err != nil {
			t.Fatal(err)
		}
		runtime.ReadMemStats(&after)
		if limit := 2 << 10 * len(res.Diagnostics); out.Len() > limit {
			t.Errorf("%s: %d bytes for %d findings, more than %d: the long line is printed whole for each", format, out.Len(), len(res.Diagnostics), limit)
		}
		// The work, too, grows with the findings: decoding the whole line
		// for each finding (about 1.7 GB allocated here, minutes for a
		// national plan on one line) is not linear. Allocation is counted
		// rather than time, which a busy machine makes noisy.
		if alloc, limit := after.TotalAlloc-before.TotalAlloc, uint64(64<<10*len(res.Diagnostics)); alloc > limit {
			t.Errorf("%s: %d MiB allocated for %d findings on a line of %d bytes, more than %d MiB: the line is decoded whole for each finding",
				format, alloc>>20, len(res.Diagnostics), len(data), limit>>20)
		}
	}
}

// annotationRE is a GitHub annotation as the github format writes it.
var annotationRE = regexp.MustCompile(`^::(error|warning) (file=[^,:]*,)?line=\d+,col=\d+,title=[A-Z]\d{3}::[^\r\n]*$`)
