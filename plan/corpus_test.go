package plan_test

import (
	"bufio"
	"bytes"
	"cmp"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode/utf16"

	gocmp "github.com/google/go-cmp/cmp"

	"github.com/kehoach/kehoach/plan"
)

// corpusFinding is what a corpus file's `# want:` line states about one finding:
//
//	# want: CODE LINE:COLUMN [PATH] [error|warning] [related LINE:COLUMN PATH]...
//
// The severity is the code's default unless written.
type corpusFinding struct {
	Code     string
	Severity plan.Severity
	Line     int
	Column   int
	Path     string
	Related  string
}

func (f corpusFinding) String() string {
	return fmt.Sprintf("%s %d:%d %s", f.Code, f.Line, f.Column, f.Path)
}

// corpusExpectation is the header of a corpus file: the findings it must give,
// no more, and texts their messages or help must contain (`# en:` and
// `# vi:` lines).
type corpusExpectation struct {
	want   []corpusFinding
	en, vi []string
}

// corpusHeader reads the comment lines at the top of a corpus file. A file saved
// as UTF-16 (to test E111) has its header in UTF-16 too.
func corpusHeader(t *testing.T, data []byte) corpusExpectation {
	t.Helper()
	if bytes.HasPrefix(data, []byte{0xff, 0xfe}) {
		u := make([]uint16, 0, len(data)/2)
		for i := 2; i+1 < len(data); i += 2 {
			u = append(u, uint16(data[i])|uint16(data[i+1])<<8)
		}
		data = []byte(string(utf16.Decode(u)))
	}
	var e corpusExpectation
	sc := bufio.NewScanner(bytes.NewReader(bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))))
	for sc.Scan() {
		line := strings.TrimSuffix(sc.Text(), "\r")
		if !strings.HasPrefix(line, "#") {
			break
		}
		switch {
		case strings.HasPrefix(line, "# want: "):
			e.want = append(e.want, parseCorpusWant(t, strings.TrimPrefix(line, "# want: ")))
		case strings.HasPrefix(line, "# en: "):
			e.en = append(e.en, strings.TrimPrefix(line, "# en: "))
		case strings.HasPrefix(line, "# vi: "):
			e.vi = append(e.vi, strings.TrimPrefix(line, "# vi: "))
		}
	}
	return e
}

func parseCorpusWant(t *testing.T, s string) corpusFinding {
	t.Helper()
	fields := strings.Fields(s)
	if len(fields) < 2 {
		t.Fatalf("bad want line %q", s)
	}
	rule, ok := plan.LookupRule(fields[0])
	if !ok {
		t.Fatalf("want line %q: unknown code", s)
	}
	f := corpusFinding{Code: fields[0], Severity: rule.Severity}
	f.Line, f.Column = parseCorpusPos(t, fields[1])
	for i := 2; i < len(fields); i++ {
		switch fields[i] {
		case "error":
			f.Severity = plan.Error
		case "warning":
			f.Severity = plan.Warning
		case "related":
			if i+2 >= len(fields) {
				t.Fatalf("want line %q: related needs a position and a path", s)
			}
			if f.Related != "" {
				f.Related += "; "
			}
			f.Related += fields[i+1] + " " + fields[i+2]
			i += 2
		default:
			f.Path = fields[i]
		}
	}
	return f
}

func parseCorpusPos(t *testing.T, s string) (int, int) {
	t.Helper()
	l, c, ok := strings.Cut(s, ":")
	line, err1 := strconv.Atoi(l)
	col, err2 := strconv.Atoi(c)
	if !ok || err1 != nil || err2 != nil {
		t.Fatalf("bad position %q", s)
	}
	return line, col
}

func corpusFindings(ds []plan.Diagnostic) []corpusFinding {
	out := make([]corpusFinding, 0, len(ds))
	for _, d := range ds {
		f := corpusFinding{Code: string(d.Code), Severity: d.Severity, Line: d.Line, Column: d.Column, Path: d.Path}
		var rel []string
		for _, r := range d.Related {
			rel = append(rel, fmt.Sprintf("%d:%d %s", r.Line, r.Column, r.Path))
		}
		f.Related = strings.Join(rel, "; ")
		out = append(out, f)
	}
	return out
}

// TestCorpus validates every plan under testdata/invalid: each has one
// deliberate mistake, and its `# want:` lines state exactly the findings
// it must give, in report order.
func TestCorpus(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("testdata", "invalid", "*.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	if len(files) < 40 {
		t.Errorf("the corpus has %d plans, want at least 40", len(files))
	}
	covered := make(map[string]bool)
	for _, name := range files {
		data, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		exp := corpusHeader(t, data)
		for _, w := range exp.want {
			covered[w.Code] = true
		}
		t.Run(strings.TrimSuffix(filepath.Base(name), ".yaml"), func(t *testing.T) {
			if len(exp.want) == 0 {
				t.Fatalf("%s has no `# want:` line", name)
			}
			res := plan.Validate(name, data)
			want := slices.Clone(exp.want)
			slices.SortStableFunc(want, func(a, b corpusFinding) int {
				return cmp.Or(cmp.Compare(a.Line, b.Line), cmp.Compare(a.Column, b.Column), cmp.Compare(a.Code, b.Code))
			})
			if diff := gocmp.Diff(want, corpusFindings(res.Diagnostics)); diff != "" {
				t.Errorf("Validate(%s) findings mismatch (-want +got):\n%s", name, diff)
			}
			for _, d := range res.Diagnostics {
				if d.Message.VI == "" || d.Message.EN == "" || d.Message.VI == d.Message.EN {
					t.Errorf("%s %d:%d: message not in both languages: %+v", d.Code, d.Line, d.Column, d.Message)
				}
				if (d.Help.VI == "") != (d.Help.EN == "") {
					t.Errorf("%s %d:%d: help in one language only: %+v", d.Code, d.Line, d.Column, d.Help)
				}
			}
			texts := func(l plan.Lang) string {
				var b strings.Builder
				for _, d := range res.Diagnostics {
					b.WriteString(d.Message.In(l) + "\n" + d.Help.In(l) + "\n")
				}
				return b.String()
			}
			for _, s := range exp.en {
				if got := texts(plan.EN); !strings.Contains(got, s) {
					t.Errorf("the English messages lack %q:\n%s", s, got)
				}
			}
			for _, s := range exp.vi {
				if got := texts(plan.VI); !strings.Contains(got, s) {
					t.Errorf("the Vietnamese messages lack %q:\n%s", s, got)
				}
			}
		})
	}
	for _, r := range plan.AllRules() {
		if !covered[string(r.Code)] {
			t.Errorf("no corpus plan gives %s (%s)", r.Code, r.Title.EN)
		}
	}
}

// TestValidCorpus validates the plans under testdata/valid, which must
// give no finding at all: the trimmed plan the corpus starts from, and
// spellings that must not warn.
func TestValidCorpus(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("testdata", "valid", "*.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	if len(files) == 0 {
		t.Fatal("no plans under testdata/valid")
	}
	for _, name := range files {
		t.Run(strings.TrimSuffix(filepath.Base(name), ".yaml"), func(t *testing.T) {
			data, err := os.ReadFile(name)
			if err != nil {
				t.Fatal(err)
			}
			res := plan.Validate(name, data)
			if diff := gocmp.Diff([]corpusFinding{}, corpusFindings(res.Diagnostics)); diff != "" {
				t.Errorf("Validate(%s) findings mismatch (-want +got):\n%s", name, diff)
			}
			if res.Plan == nil {
				t.Errorf("Validate(%s) returned no plan", name)
			}
		})
	}
}

// TestOversizedFile checks the 64 MiB limit without a 64 MiB file in the
// repository: the file is refused before it is parsed.
func TestOversizedFile(t *testing.T) {
	data := bytes.Repeat([]byte("# padding\n"), plan.MaxFileSize/10+1)
	copy(data, "kehoach: 1\n")
	res := plan.Validate("big.yaml", data)
	want := []corpusFinding{{Code: "E110", Severity: plan.Error, Line: 1, Column: 1}}
	if diff := gocmp.Diff(want, corpusFindings(res.Diagnostics)); diff != "" {
		t.Errorf("Validate(%d bytes) findings mismatch (-want +got):\n%s", len(data), diff)
	}
	if msg := res.Diagnostics[0].Message.EN; !strings.Contains(msg, "64 MiB") {
		t.Errorf("E110 message %q does not give the limit", msg)
	}
	if res.Plan != nil {
		t.Error("Validate returned a plan for a file that stops")
	}
}

// TestExamples validates every plan in examples/: no errors. The reference
// plan has exactly the two B203 warnings of rules.md; the per-commune
// example adds up exactly and has none.
func TestExamples(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("..", "examples", "*.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	if len(files) == 0 {
		t.Fatal("no examples found")
	}
	wantWarnings := map[string][]corpusFinding{
		"bao-yen-2022.yaml": {
			{Code: "B203", Severity: plan.Warning, Line: 82, Column: 18, Path: "funding.total"},
			{Code: "B203", Severity: plan.Warning, Line: 82, Column: 46, Path: "funding.local"},
		},
	}
	for _, name := range files {
		base := filepath.Base(name)
		t.Run(base, func(t *testing.T) {
			data, err := os.ReadFile(name)
			if err != nil {
				t.Fatal(err)
			}
			res := plan.Validate(name, data)
			for _, d := range res.Diagnostics {
				if d.Severity == plan.Error {
					t.Errorf("%s:%d:%d: error %s: %s", name, d.Line, d.Column, d.Code, d.Message.EN)
				}
			}
			want := wantWarnings[base]
			if want == nil {
				want = []corpusFinding{}
			}
			if diff := gocmp.Diff(want, corpusFindings(res.Diagnostics)); diff != "" {
				t.Errorf("Validate(%s) findings mismatch (-want +got):\n%s", name, diff)
			}
		})
	}
}

// TestLibraryDepthLimit checks that the YAML library's own nesting limit
// (10,000 levels, reached before the tree exists) is reported as E110 too,
// not as invalid YAML.
func TestLibraryDepthLimit(t *testing.T) {
	data := []byte("kehoach: 1\nx-deep: " + strings.Repeat("[", 10_001) + strings.Repeat("]", 10_001) + "\n")
	res := plan.Validate("deep.yaml", data)
	got := corpusFindings(res.Diagnostics)
	if len(got) != 1 || got[0].Code != "E110" {
		t.Fatalf("Validate(10,001 levels) = %v, want one E110", got)
	}
	if msg := res.Diagnostics[0].Message.EN; !strings.Contains(msg, "64 levels") {
		t.Errorf("E110 message %q does not give the limit", msg)
	}
}

// TestTrailingDocumentMarker shows a question for the lead: a file that
// ends in a `---` line with nothing after it (some tools write one) holds
// an empty second document, and gives E109 "more than one YAML document",
// which stops the file. No second plan is there.
func TestTrailingDocumentMarker(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("testdata", "valid", "bao-yen-trimmed.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	res := plan.Validate("trailing.yaml", append(data, "---\n"...))
	if diff := gocmp.Diff([]corpusFinding{}, corpusFindings(res.Diagnostics)); diff != "" {
		t.Errorf("Validate(plan + `---`) findings mismatch (-want +got):\n%s", diff)
	}
}
