package report

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/kehoach/kehoach/plan"
)

var update = flag.Bool("update", false, "update golden files")

// testFiles validates the two plans of testdata/plans, which have errors
// and warnings of several kinds (a related location, a stated figure, a
// Markdown pipe in a message, a file name with a space and diacritics), and
// names them as a user in testdata would.
func testFiles(t *testing.T) []File {
	t.Helper()
	var files []File
	for _, name := range []string{"plans/bao-yen.yaml", "plans/bảo hà.yaml"} {
		src, err := os.ReadFile(filepath.Join("testdata", filepath.FromSlash(name)))
		if err != nil {
			t.Fatal(err)
		}
		r := plan.Validate(name, src)
		files = append(files, File{Name: name, Source: src, Diagnostics: r.Diagnostics})
	}
	return files
}

// checkGolden compares got with testdata/name, or writes it with -update.
func checkGolden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if diff := cmp.Diff(string(want), string(got)); diff != "" {
		t.Errorf("%s differs (-want +got):\n%s", name, diff)
	}
}

func fixedWD(dir string) func() (string, error) {
	return func() (string, error) { return dir, nil }
}

// sarifWithoutExplanations replaces the rules' texts that come from
// `kehoach explain` with a mark, after checking that they do, so that the
// golden file does not change with every edit of an explanation.
func sarifWithoutExplanations(t *testing.T, out []byte, lang plan.Lang) []byte {
	t.Helper()
	var doc map[string]any
	if err := json.Unmarshal(out, &doc); err != nil {
		t.Fatalf("not JSON: %v", err)
	}
	driver := doc["runs"].([]any)[0].(map[string]any)["tool"].(map[string]any)["driver"].(map[string]any)
	for _, r := range driver["rules"].([]any) {
		rule := r.(map[string]any)
		code := rule["id"].(string)
		long, ok := plan.Explain(code, lang)
		if !ok {
			continue
		}
		help := rule["help"].(map[string]any)
		if help["text"] == strings.TrimSpace(long) {
			help["text"] = "(kehoach explain " + code + ")"
		}
		full := rule["fullDescription"].(map[string]any)
		if full["text"] == sentence(firstParagraph(long)) {
			full["text"] = "(first paragraph of kehoach explain " + code + ")"
		}
	}
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(doc); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func TestSARIFGolden(t *testing.T) {
	for _, tc := range []struct {
		name   string
		lang   plan.Lang
		golden string
	}{
		{"vi", plan.VI, "sarif_vi.golden"},
		{"en", plan.EN, "sarif_en.golden"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var b bytes.Buffer
			f := &sarif{Options{Lang: tc.lang, ToolVersion: "0.1.0"}, fixedWD("/work/repo")}
			if err := f.Format(&b, testFiles(t)); err != nil {
				t.Fatal(err)
			}
			checkGolden(t, tc.golden, sarifWithoutExplanations(t, b.Bytes(), tc.lang))
		})
	}
}

func TestSARIFRules(t *testing.T) {
	var b bytes.Buffer
	f := &sarif{Options{Lang: plan.EN, ToolVersion: "0.1.0"}, fixedWD("/work/repo")}
	if err := f.Format(&b, nil); err != nil {
		t.Fatal(err)
	}
	var doc sarifLog
	if err := json.Unmarshal(b.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	rules := doc.Runs[0].Tool.Driver.Rules
	if len(rules) != len(plan.AllRules()) {
		t.Fatalf("%d rules described, want %d", len(rules), len(plan.AllRules()))
	}
	for i, r := range plan.AllRules() {
		got := rules[i]
		if got.ID != string(r.Code) || got.DefaultConfiguration.Level != r.Severity.String() {
			t.Errorf("rule %d: id %s level %s, want %s %s", i, got.ID, got.DefaultConfiguration.Level, r.Code, r.Severity)
		}
		if got.Name == "" || got.ShortDescription.Text == "" || got.FullDescription.Text == "" || got.Help.Text == "" {
			t.Errorf("rule %s: empty name or text: %+v", r.Code, got)
		}
		if long, ok := plan.Explain(string(r.Code), plan.EN); ok && got.Help.Text != strings.TrimSpace(long) {
			t.Errorf("rule %s: help is not the text of kehoach explain", r.Code)
		}
	}
}

func TestSARIFURI(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("paths in this table are Unix paths")
	}
	for _, tc := range []struct{ name, want string }{
		{"plans/a.yaml", "plans/a.yaml"},
		{"./plans//a.yaml", "plans/a.yaml"},
		{"plans/../a.yaml", "a.yaml"},
		{"/work/repo/plans/a.yaml", "plans/a.yaml"},
		{"/elsewhere/a.yaml", "file:///elsewhere/a.yaml"},
		{"../other/a.yaml", "file:///work/other/a.yaml"},
		{"plans/bảo hà.yaml", "plans/b%E1%BA%A3o%20h%C3%A0.yaml"},
		{"a:b.yaml", "./a:b.yaml"},
		{"<stdin>", "stdin"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := &sarif{wd: fixedWD("/work/repo")}
			if got, _ := s.uri(tc.name); got != tc.want {
				t.Errorf("uri(%q) = %q, want %q", tc.name, got, tc.want)
			}
		})
	}
}

func TestFileURL(t *testing.T) {
	for _, tc := range []struct{ path, want string }{
		{"/home/an/kế hoạch.yaml", "file:///home/an/k%E1%BA%BF%20ho%E1%BA%A1ch.yaml"},
		{"C:/plans/a.yaml", "file:///C:/plans/a.yaml"},
		{"//server/share/a.yaml", "file://server/share/a.yaml"},
	} {
		t.Run(tc.path, func(t *testing.T) {
			if got := fileURL(tc.path); got != tc.want {
				t.Errorf("fileURL(%q) = %q, want %q", tc.path, got, tc.want)
			}
		})
	}
}

func TestSARIFFingerprints(t *testing.T) {
	files := testFiles(t)
	format := func(files []File) []sarifResult {
		var b bytes.Buffer
		if err := (&sarif{Options{ToolVersion: "0.1.0"}, fixedWD("/work/repo")}).Format(&b, files); err != nil {
			t.Fatal(err)
		}
		var doc sarifLog
		if err := json.Unmarshal(b.Bytes(), &doc); err != nil {
			t.Fatal(err)
		}
		return doc.Runs[0].Results
	}
	before := format(files)
	// Lines added above every finding move them, but do not change what
	// they are about.
	moved := make([]File, len(files))
	for i, f := range files {
		moved[i] = f
		moved[i].Diagnostics = nil
		for _, d := range f.Diagnostics {
			d.Line += 10
			moved[i].Diagnostics = append(moved[i].Diagnostics, d)
		}
	}
	after := format(moved)
	seen := make(map[string]bool)
	for i := range before {
		fp := before[i].PartialFingerprints[fingerprintKey]
		if fp == "" || fp != after[i].PartialFingerprints[fingerprintKey] {
			t.Errorf("result %d: fingerprint %q changed to %q when lines moved", i, fp, after[i].PartialFingerprints[fingerprintKey])
		}
		if seen[fp] {
			t.Errorf("result %d: fingerprint %q is not unique", i, fp)
		}
		seen[fp] = true
	}
}

// multitool finds Microsoft's SARIF Multitool: the executable named by
// KEHOACH_SARIF_MULTITOOL, or sarif-multitool on PATH (npm's
// @microsoft/sarif-multitool). It skips the test when there is none, except
// in CI, where the check must run.
func multitool(t *testing.T) string {
	t.Helper()
	if p := os.Getenv("KEHOACH_SARIF_MULTITOOL"); p != "" {
		return p
	}
	for _, name := range []string{"sarif-multitool", "Sarif.Multitool"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	if os.Getenv("CI") == "true" {
		t.Fatal("SARIF Multitool not found: set KEHOACH_SARIF_MULTITOOL (see .ci/run)")
	}
	t.Skip("SARIF Multitool not found (set KEHOACH_SARIF_MULTITOOL or put sarif-multitool on PATH)")
	return ""
}

// TestSARIFMultitool validates kehoach's SARIF with Microsoft's SARIF
// Multitool: the SARIF 2.1.0 schema and rules (Sarif) and GitHub's
// ingestion rules (Gh, Ghas). Any result of the validator fails the test.
func TestSARIFMultitool(t *testing.T) {
	tool := multitool(t)
	dir := t.TempDir()
	files := testFiles(t)
	// Standard input, a file outside the current folder and a finding
	// about the whole file (line 0) have locations of their own kind.
	files = append(files,
		File{Name: "<stdin>", Diagnostics: []plan.Diagnostic{{Code: "E110", Severity: plan.Error, Message: plan.Message{VI: "quá lớn", EN: "too large"}}}},
		File{Name: "/elsewhere/kế hoạch.yaml", Diagnostics: files[0].Diagnostics})
	var logs []string
	for _, lang := range []plan.Lang{plan.VI, plan.EN} {
		var b bytes.Buffer
		if err := (&sarif{Options{Lang: lang, ToolVersion: "0.1.0"}, fixedWD("/work/repo")}).Format(&b, files); err != nil {
			t.Fatal(err)
		}
		p := filepath.Join(dir, fmt.Sprintf("kehoach-%d.sarif", lang))
		if err := os.WriteFile(p, b.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		logs = append(logs, p)
	}
	// One rule kind a run: the npm wrapper passes its arguments through a
	// shell, where "Sarif;Gh" would be two commands.
	for _, kind := range []string{"Sarif", "Gh", "Ghas"} {
		out := filepath.Join(dir, "validation-"+kind+".sarif")
		// The files first: --log and --rule-kind take lists, which would
		// swallow them.
		args := append(append([]string{"validate"}, logs...), "--rule-kind", kind, "--log", "ForceOverwrite", "--output", out)
		cmd := exec.Command(tool, args...)
		if b, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("%s %s: %v\n%s", tool, strings.Join(args, " "), err, b)
		}
		b, err := os.ReadFile(out)
		if err != nil {
			t.Fatal(err)
		}
		var v struct {
			Runs []struct {
				Invocations []struct {
					ExecutionSuccessful bool `json:"executionSuccessful"`
				} `json:"invocations"`
				Results []struct {
					RuleID  string `json:"ruleId"`
					Level   string `json:"level"`
					Message struct {
						ID        string   `json:"id"`
						Arguments []string `json:"arguments"`
					} `json:"message"`
				} `json:"results"`
			} `json:"runs"`
		}
		if err := json.Unmarshal(b, &v); err != nil {
			t.Fatalf("validator output: %v", err)
		}
		if len(v.Runs) == 0 {
			t.Fatalf("validator output has no run:\n%s", b)
		}
		for _, run := range v.Runs {
			for _, inv := range run.Invocations {
				if !inv.ExecutionSuccessful {
					t.Errorf("rule kind %s: the validator did not run successfully:\n%s", kind, b)
				}
			}
			for _, r := range run.Results {
				t.Errorf("rule kind %s: %s (%s) %s %v", kind, r.RuleID, r.Level, r.Message.ID, r.Message.Arguments)
			}
		}
	}
}
