package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/kehoach/kehoach/plan"
)

// summaryRun runs summary on an example plan.
func summaryRun(t *testing.T, example, format, lang string) (error, string, string) {
	t.Helper()
	path := filepath.Join("..", "..", "examples", example+".yaml")
	if _, err := os.Stat(path); err != nil {
		t.Fatal(err)
	}
	s, out, errOut := testStreams()
	l, _ := plan.ParseLang(lang)
	err := runSummary(&summaryOptions{io: s, g: &globalOptions{lang: l}, file: path, format: format})
	return err, out.String(), errOut.String()
}

func TestRunSummaryText(t *testing.T) {
	tests := []struct {
		name, example, lang string
		want                []string // lines that must be there, spaces collapsed
	}{
		{"reference", "bao-yen-2022", "vi", []string{
			"KINH PHÍ (triệu đồng)",
			"TỔNG CỘNG 7.604 6.220 623 761",
			"I Dự án 2: Đa dạng hóa sinh kế, phát triển mô hình 3.188 2.416 241 531 3",
			"CHỈ TIÊU NĂM 2022",
			"1 Giảm tỷ lệ hộ nghèo 6,8 %",
			"Số hộ nghèo giảm 1.438 Hộ",
			"2 Giảm tỷ lệ hộ cận nghèo 3,0 %",
		}},
		{"per commune", "bao-yen-2022-xa", "vi", []string{
			"TỔNG CỘNG 7.605 6.220 624 761",
			"CHỈ TIÊU THEO XÃ, THỊ TRẤN (tỷ lệ: % tổng số hộ)",
			"TỔNG CỘNG 20.990 1.708 8,14 592 2,82 1.116 5,32 1.314 6,26 269 1,28 1.045 4,98 1.750",
			"1 Thị trấn Phố Ràng 2.920 36 1,23 12 0,41 24 0,82 55 1,88 8 0,27 47 1,61 300",
		}},
		{"english", "bao-yen-2022", "en", []string{
			"FUNDING (million VND)",
			"TỔNG CỘNG 7,604 6,220 623 761",
			"1 Giảm tỷ lệ hộ nghèo 6.8 %",
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err, out, _ := summaryRun(t, tt.example, "text", tt.lang)
			if err != nil {
				t.Fatalf("runSummary = %v", err)
			}
			var lines []string
			for _, l := range strings.Split(out, "\n") {
				lines = append(lines, strings.Join(strings.Fields(l), " "))
			}
			for _, w := range tt.want {
				found := false
				for _, l := range lines {
					found = found || l == w
				}
				if !found {
					t.Errorf("no line %q in:\n%s", w, out)
				}
			}
		})
	}
}

func TestRunSummaryJSON(t *testing.T) {
	err, out, _ := summaryRun(t, "bao-yen-2022-xa", "json", "vi")
	if err != nil {
		t.Fatalf("runSummary = %v", err)
	}
	var got struct {
		Funding struct {
			Total    map[string]string
			Projects []struct {
				Project     int
				Appendix    int
				Funding     map[string]string
				Subprojects []struct{ Subproject int }
			}
		}
		Targets   []struct{ Name, Unit, Value string }
		ByCommune []map[string]string `json:"by_commune"`
	}
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, out)
	}
	if diff := cmp.Diff(map[string]string{"total": "7605", "central": "6220", "local": "624", "other": "761"}, got.Funding.Total); diff != "" {
		t.Errorf("funding.total (-want +got):\n%s", diff)
	}
	if n := len(got.Funding.Projects); n != 5 || got.Funding.Projects[0].Project != 2 || got.Funding.Projects[0].Appendix != 3 {
		t.Errorf("projects = %+v", got.Funding.Projects)
	}
	if len(got.Targets) == 0 || got.Targets[0].Value != "2.8" || got.Targets[0].Unit != "%" {
		t.Errorf("targets = %+v", got.Targets)
	}
	if len(got.ByCommune) != 18 || got.ByCommune[0]["name"] != "TỔNG CỘNG" || got.ByCommune[0]["poor_end"] != "1116" || got.ByCommune[0]["poor_end_percent"] != "5.32" {
		t.Errorf("by_commune[0] = %v (of %d)", got.ByCommune[0], len(got.ByCommune))
	}
}

func TestRunSummaryErrors(t *testing.T) {
	s, _, _ := testStreams()
	// --format is a choice: cobra refuses xml while parsing, before the
	// command runs, in the language of --lang.
	for _, tt := range []struct{ lang, want string }{
		{"vi", `--format "xml": dùng một trong các giá trị text, json`},
		{"en", `--format "xml": use one of text, json`},
	} {
		fs, _, errOut := testStreams()
		if code := Main([]string{"summary", "--lang", tt.lang, "--format", "xml", "x.yaml"}, fs); code != exitTrouble || !strings.Contains(errOut.String(), tt.want) {
			t.Errorf("summary --lang %s --format xml: exit %d, %q; want 2 and %q", tt.lang, code, errOut.String(), tt.want)
		}
	}
	err := runSummary(&summaryOptions{io: s, g: &globalOptions{lang: plan.VI}, file: filepath.Join(t.TempDir(), "missing.yaml"), format: "text"})
	if err == nil || errors.Is(err, errFindings) {
		t.Errorf("missing file: %v, want trouble (exit 2)", err)
	}
}

func TestSummaryFlags(t *testing.T) {
	type parsed struct{ File, Format string }
	tests := []struct {
		name    string
		args    []string
		want    parsed
		wantErr string
	}{
		{name: "file", args: []string{"a.yaml"}, want: parsed{"a.yaml", "text"}},
		{name: "standard input", args: []string{"-"}, want: parsed{"-", "text"}},
		{name: "json", args: []string{"--format", "json", "a.yaml"}, want: parsed{"a.yaml", "json"}},
		{name: "no file", args: []string{}, wantErr: "accepts 1 arg"},
		{name: "two files", args: []string{"a.yaml", "b.yaml"}, wantErr: "accepts 1 arg"},
		{name: "unknown flag", args: []string{"--fromat", "json", "a.yaml"}, wantErr: "unknown flag: --fromat"},
		{name: "bad format", args: []string{"--format", "xml", "a.yaml"}, wantErr: "dùng một trong các giá trị text, json"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s, _, _ := testStreams()
			var got *summaryOptions
			cmd := newSummaryCmd(s, &globalOptions{lang: plan.VI}, func(o *summaryOptions) error {
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
			if diff := cmp.Diff(tc.want, parsed{got.file, got.format}); diff != "" {
				t.Errorf("Execute(%q) options mismatch (-want +got):\n%s", tc.args, diff)
			}
			if got.io != s {
				t.Errorf("Execute(%q): options without the command's streams", tc.args)
			}
		})
	}
}
