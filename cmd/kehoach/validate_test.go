package main

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/kehoach/kehoach/plan"
	"github.com/rogpeppe/go-internal/txtar"
)

// parsed is what TestNewValidateCmd compares: the options the flags and
// arguments fill in.
type parsed struct {
	Paths  []string
	Format string
	Strict bool
}

func TestNewValidateCmd(t *testing.T) {
	tests := []struct {
		name    string
		args    []string
		want    parsed
		wantErr string
	}{
		{name: "no path is the current folder", args: nil, want: parsed{[]string{"."}, "text", false}},
		{name: "files and folders", args: []string{"b.yaml", "plans/", "a.yml"}, want: parsed{[]string{"b.yaml", "plans/", "a.yml"}, "text", false}},
		{name: "standard input", args: []string{"-"}, want: parsed{[]string{"-"}, "text", false}},
		{name: "format", args: []string{"--format", "json", "a.yaml"}, want: parsed{[]string{"a.yaml"}, "json", false}},
		{name: "format with =", args: []string{"--format=sarif", "a.yaml"}, want: parsed{[]string{"a.yaml"}, "sarif", false}},
		{name: "strict", args: []string{"a.yaml", "--strict"}, want: parsed{[]string{"a.yaml"}, "text", true}},
		{name: "flags after --", args: []string{"--", "--strict"}, want: parsed{[]string{"--strict"}, "text", false}},
		{name: "unknown flag", args: []string{"--strcit", "a.yaml"}, wantErr: "unknown flag: --strcit"},
		{name: "format without value", args: []string{"--format"}, wantErr: "flag needs an argument"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s, _, _ := testStreams()
			var got *validateOptions
			cmd := newValidateCmd(s, &globalOptions{lang: plan.VI}, func(o *validateOptions) error {
				got = o
				return nil
			})
			cmd.SetArgs(tc.args)
			cmd.SetOut(new(bytes.Buffer))
			cmd.SetErr(new(bytes.Buffer))
			cmd.SilenceUsage, cmd.SilenceErrors = true, true
			err := cmd.Execute()
			if tc.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tc.wantErr) {
					t.Fatalf("Execute(%q) = %v, want an error containing %q", tc.args, err, tc.wantErr)
				}
				if got != nil {
					t.Errorf("Execute(%q) ran the command despite the error", tc.args)
				}
				return
			}
			if err != nil {
				t.Fatalf("Execute(%q) = %v", tc.args, err)
			}
			if got == nil {
				t.Fatalf("Execute(%q) did not run the command", tc.args)
			}
			if diff := cmp.Diff(tc.want, parsed{got.paths, got.format, got.strict}); diff != "" {
				t.Errorf("Execute(%q) options mismatch (-want +got):\n%s", tc.args, diff)
			}
			if got.io != s {
				t.Errorf("Execute(%q): options without the command's streams", tc.args)
			}
		})
	}
}

// Small plans for TestRunValidate, each with one finding or none.
const (
	planOK = `kehoach: 1
plan: {title: Kế hoạch 2022, year: 2022, issuer: UBND huyện Bảo Yên, province: Lào Cai, district: Bảo Yên}
projects:
  - {project: 6, name: Truyền thông và giảm nghèo về thông tin, appendix: 3, funding: {total: 64, central: 58, local: 6}}
`
	planError = `kehoach: 1
plan: {title: Kế hoạch 2022, year: 2022, issuer: UBND huyện Bảo Yên, province: Lào Cai, district: Bảo Yên}
projects:
  - {project: 6, name: Truyền thông và giảm nghèo về thông tin, appendix: 3, funding: {total: 65, central: 58, local: 6}}
`
	planWarning = `kehoach: 1
plan: {title: Kế hoạch 2022, year: 2022, issuer: UBND huyện Bảo Yên, province: Lào Cai, district: Bảo Yên}
rules: {tolerance: 1}
projects:
  - {project: 6, name: Truyền thông và giảm nghèo về thông tin, appendix: 3, funding: {total: 65, central: 58, local: 6}}
`
)

const (
	errorReport = `error.yaml:4:95: error[B201]: total of project 6: stated 65, but central + local + other = 64 (difference 1)
  |
4 |   - {project: 6, name: Truyền thông và giảm nghèo về thông tin, appendix: 3, funding: {total: 65, central: 58, local: 6}}
  |                                                                                               ^^
  = help: Write total: 64.

`
	warningReport = `warning.yaml:5:95: warning[B201]: total of project 6: stated 65, but central + local + other = 64 (difference 1)
  |
5 |   - {project: 6, name: Truyền thông và giảm nghèo về thông tin, appendix: 3, funding: {total: 65, central: 58, local: 6}}
  |                                                                                               ^^
  = help: Write total: 64. The difference is within the plan's tolerance of 1, so this is a warning.

`
)

// inFolder writes files into a new temporary folder and makes it the
// current one, so that reports name them as a user would.
func inFolder(t *testing.T, files map[string]string) {
	t.Helper()
	dir := t.TempDir()
	for name, content := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	t.Chdir(dir)
}

func TestRunValidate(t *testing.T) {
	failOpen := func(name string) Open {
		return func(in Input) ([]byte, error) {
			if in.Name == name {
				return nil, fmt.Errorf("%s: %w", name, fs.ErrPermission) // as ReadInput words it
			}
			return os.ReadFile(in.Name)
		}
	}
	tests := []struct {
		name       string
		paths      []string
		format     string
		strict     bool
		lang       string
		stdin      string
		open       Open
		wantExit   exitCode
		wantOut    string
		wantErrOut string
	}{
		{
			name: "no findings", paths: []string{"ok.yaml"},
			wantExit: exitOK, wantOut: "1 file, 0 errors, 0 warnings\n",
		},
		{
			name: "an error", paths: []string{"error.yaml"},
			wantExit: exitFindings, wantOut: errorReport + "1 file, 1 error, 0 warnings\n",
		},
		{
			name: "a warning", paths: []string{"warning.yaml"},
			wantExit: exitOK, wantOut: warningReport + "1 file, 0 errors, 1 warning\n",
		},
		{
			name: "a warning with --strict", paths: []string{"warning.yaml"}, strict: true,
			wantExit: exitFindings, wantOut: warningReport + "1 file, 0 errors, 1 warning\n",
		},
		{
			name: "files sorted by path", paths: []string{"warning.yaml", "ok.yaml", "error.yaml"},
			wantExit: exitFindings, wantOut: errorReport + warningReport + "3 files, 1 error, 1 warning\n",
		},
		{
			name: "a folder", paths: []string{"."},
			wantExit: exitFindings, wantOut: errorReport + warningReport + "3 files, 1 error, 1 warning\n",
		},
		{
			name: "vietnamese", paths: []string{"ok.yaml", "error.yaml"}, lang: "vi",
			wantExit: exitFindings,
			wantOut: `error.yaml:4:95: lỗi[B201]: tổng kinh phí của Dự án 6 ghi 65, nhưng NSTW + NSĐP + vốn huy động khác = 64 (chênh lệch 1)
  |
4 |   - {project: 6, name: Truyền thông và giảm nghèo về thông tin, appendix: 3, funding: {total: 65, central: 58, local: 6}}
  |                                                                                               ^^
  = help: Ghi total: 64.

2 tệp, 1 lỗi, 0 cảnh báo
`,
		},
		{
			name: "standard input", paths: []string{"-"}, stdin: planError,
			wantExit: exitFindings, wantOut: strings.ReplaceAll(errorReport, "error.yaml:", "<stdin>:") + "1 file, 1 error, 0 warnings\n",
		},
		{
			name: "an unreadable file: exit 2, the others still reported", paths: []string{"ok.yaml", "warning.yaml", "error.yaml"},
			open:     failOpen("warning.yaml"),
			wantExit: exitTrouble, wantOut: errorReport + "2 files, 1 error, 0 warnings\n",
			wantErrOut: "kehoach: warning.yaml: permission denied\n",
		},
		{
			name: "a missing path: exit 2, the others still reported", paths: []string{"missing.yaml", "error.yaml"},
			wantExit: exitTrouble, wantOut: errorReport + "1 file, 1 error, 0 warnings\n",
			wantErrOut: "kehoach: missing.yaml: no such file or directory\n",
		},
		{
			name: "a folder without plans", paths: []string{"docs"},
			wantExit: exitTrouble, wantOut: "0 files, 0 errors, 0 warnings\n",
			wantErrOut: "kehoach: no plan file found in docs\n",
		},
		{
			name: "json", paths: []string{"ok.yaml"}, format: "json",
			wantExit: exitOK, wantOut: `{
  "version": 1,
  "tool": {
    "name": "kehoach",
    "version": "0.1.0"
  },
  "files": [
    {
      "file": "ok.yaml",
      "valid": true,
      "diagnostics": []
    }
  ],
  "summary": {
    "files": 1,
    "errors": 0,
    "warnings": 0
  }
}
`,
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			inFolder(t, map[string]string{
				"ok.yaml": planOK, "error.yaml": planError, "warning.yaml": planWarning,
				"docs/mkdocs.yml": "site_name: docs\n",
			})
			s, out, errOut := testStreams()
			s.In = strings.NewReader(tc.stdin)
			o := &validateOptions{io: s, g: &globalOptions{lang: langOf(cmpOr(tc.lang, "en"))}, paths: tc.paths,
				format: cmpOr(tc.format, "text"), strict: tc.strict, open: tc.open}
			if got := exitFor(runValidate(o), s); got != tc.wantExit {
				t.Errorf("exit %d, want %d", got, tc.wantExit)
			}
			if diff := cmp.Diff(tc.wantOut, out.String()); diff != "" {
				t.Errorf("stdout mismatch (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tc.wantErrOut, errOut.String()); diff != "" {
				t.Errorf("stderr mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

func cmpOr(s, def string) string {
	if s == "" {
		return def
	}
	return s
}

// TestRunValidateColor checks that the text report has colour on a
// terminal only, and never with NO_COLOR.
func TestRunValidateColor(t *testing.T) {
	tests := []struct {
		name      string
		tty       bool
		noColor   bool
		wantColor bool
	}{
		{"terminal", true, false, true},
		{"terminal with NO_COLOR", true, true, false},
		{"not a terminal", false, false, false},
		{"not a terminal with NO_COLOR", false, true, false},
	}
	const colored = "\x1b[1merror.yaml:4:95\x1b[0m: \x1b[1;31merror[B201]\x1b[0m\x1b[1m: total of project 6: stated 65, but central + local + other = 64 (difference 1)\x1b[0m\n" +
		"  \x1b[1;34m|\x1b[0m\n" +
		"\x1b[1;34m4\x1b[0m \x1b[1;34m|\x1b[0m   - {project: 6, name: Truyền thông và giảm nghèo về thông tin, appendix: 3, funding: {total: 65, central: 58, local: 6}}\n" +
		"  \x1b[1;34m|\x1b[0m                                                                                               \x1b[1;31m^^\x1b[0m\n" +
		"  \x1b[1;34m=\x1b[0m \x1b[1;36mhelp:\x1b[0m Write total: 64.\n" +
		"\n" +
		"\x1b[1m1 file, 1 error, 0 warnings\x1b[0m\n"
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			inFolder(t, map[string]string{"error.yaml": planError})
			s, out, _ := testStreams()
			s.outTTY, s.noColor = tc.tty, tc.noColor
			o := &validateOptions{io: s, g: &globalOptions{lang: plan.EN}, paths: []string{"error.yaml"}, format: "text"}
			if err := runValidate(o); !errors.Is(err, errFindings) {
				t.Fatalf("runValidate() = %v, want errFindings", err)
			}
			want := errorReport + "1 file, 1 error, 0 warnings\n"
			if tc.wantColor {
				want = colored
			}
			if diff := cmp.Diff(want, out.String()); diff != "" {
				t.Errorf("stdout mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

// TestSystemStreamsNoColor checks that NO_COLOR with any non-empty value
// turns colour off (https://no-color.org).
func TestSystemStreamsNoColor(t *testing.T) {
	t.Setenv("NO_COLOR", "1")
	if s := systemStreams(); !s.noColor || s.colorEnabled() {
		t.Errorf("NO_COLOR=1: noColor %v, colorEnabled %v", s.noColor, s.colorEnabled())
	}
	t.Setenv("NO_COLOR", "")
	if s := systemStreams(); s.noColor {
		t.Error("NO_COLOR empty: colour turned off")
	}
}

// TestMainValidate runs the whole command through Main, as the process
// does: exit codes and streams.
func TestMainValidate(t *testing.T) {
	inFolder(t, map[string]string{"ok.yaml": planOK, "warning.yaml": planWarning})
	for _, tc := range []struct {
		args []string
		want exitCode
	}{
		{[]string{"validate", "ok.yaml"}, exitOK},
		{[]string{"validate", "warning.yaml"}, exitOK},
		{[]string{"validate", "--strict", "warning.yaml"}, exitFindings},
		{[]string{"validate", "--strict", "warning.yaml", "missing.yaml"}, exitTrouble},
		{[]string{"validate", "--format", "xml", "ok.yaml"}, exitTrouble},
		{[]string{"validate", "--nope"}, exitTrouble},
		{[]string{"--lang", "en", "validate"}, exitOK},
	} {
		s, _, errOut := testStreams()
		if got := Main(tc.args, s); got != tc.want {
			t.Errorf("Main(%q) = %d, want %d; stderr: %s", tc.args, got, tc.want, errOut)
		}
	}
}

// TestScriptsHoldNoReferencePlan checks that no script holds a copy of
// the reference plan: the scripts get examples/ from copyExamples, so a
// change to the reference plan reaches every script at once.
func TestScriptsHoldNoReferencePlan(t *testing.T) {
	ref, err := os.ReadFile(filepath.Join("..", "..", "examples", "bao-yen-2022.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	// Its title line, which no smaller plan of a script shares with it
	// together with its last line.
	title := []byte("  title: Kế hoạch thực hiện Chương trình mục tiêu quốc gia Giảm nghèo bền vững huyện Bảo Yên năm 2022\n")
	last := ref[bytes.LastIndexByte(ref[:len(ref)-1], '\n')+1:]
	if !bytes.Contains(ref, title) {
		t.Fatal("the reference plan has no title line")
	}
	scripts, err := filepath.Glob(filepath.Join("testdata", "script", "*.txtar"))
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range scripts {
		ar, err := txtar.ParseFile(name)
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range ar.Files {
			if bytes.Contains(f.Data, title) && bytes.HasSuffix(f.Data, last) {
				t.Errorf("%s: %s is a copy of the reference plan; use examples/bao-yen-2022.yaml, which every script has", name, f.Name)
			}
		}
	}
}
