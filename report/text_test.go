package report

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/kehoach/kehoach/plan"
)

// The golden tests of the text and JSON reports share the -update flag of
// this package's tests (declared with the SARIF tests).

// referencePlan reads examples/bao-yen-2022.yaml, named as a user at the
// repository's root names it.
func referencePlan(t *testing.T) (name string, src []byte) {
	t.Helper()
	src, err := os.ReadFile(filepath.Join("..", "examples", "bao-yen-2022.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	return "examples/bao-yen-2022.yaml", src
}

// withTolerance0 is the reference plan with `tolerance: 0`.
func withTolerance0(t *testing.T, src []byte) []byte {
	t.Helper()
	out := bytes.Replace(src, []byte("  tolerance: 1\n"), []byte("  tolerance: 0\n"), 1)
	if bytes.Equal(out, src) {
		t.Fatal("the reference plan has no `tolerance: 1` line")
	}
	return out
}

// manyFindings is a plan with findings of several kinds: a duplicate key
// (with a related location), a quoted amount in Vietnamese notation, a
// misspelt key, a W105 with its note, a mismatch with stated and computed
// figures, a catalogue name, a target warning, and a value after
// Vietnamese letters on its line (the caret counts characters).
const manyFindings = `kehoach: 1
plan:
  title: Kế hoạch thực hiện Chương trình mục tiêu quốc gia Giảm nghèo bền vững huyện Bảo Yên năm 2022
  year: 2022
  issuer: UBND huyện Bảo Yên
  province: Lào Cai
  district: Bảo Yên
  year: 2023
rules:
  tolerance: 1
  counterpart_min_percent: 10
communes:
  - {id: bao-ha, name: Xã Bảo Hà, poor: nhiều}
targets:
  poverty_reduction: {percent: 6.8, households: 1438}
  near_poverty_reduction: {percent: 3.0, households: 700}
projects:
  - project: 2
    name: Đa dạng hóa sinh kế
    appendix: 3
    funding: {total: 3188, central: "2.416", local: 242, other: 530}
  - project: 3
    name: Hỗ trợ phát triển sản xuất, cải thiện dinh dưỡng
    appendix: 4
    funding: {central: 1056.2}
    subprojects:
      - subproject: 1
        name: Hỗ trợ phát triển sản xuất trong lĩnh vực nông nghiệp
        funding: {total: 1380, central: 1045, local: 105, other: 230}
      - subproject: 2
        name: Cải thiện dinh dưỡng
        funding: {total: 11.2, central: 10, local: 1.200}
  - project: 6
    name: Truyền thông và giảm nghèo về thông tin
    appendix: 5
    subprojects:
      - subproject: 2
        name: Truyền thông về giảm nghèo đa chiều
        fundng: {total: 64, central: 58, local: 6}
funding: {total: 4580.4, central: 3472.2, local: 348.2, other: 760}
`

// reportFiles are the report's inputs for each golden case.
func reportFiles(t *testing.T, name string) []File {
	t.Helper()
	validate := func(name string, src []byte) File {
		r := plan.Validate(name, src)
		return File{Name: name, Source: src, Diagnostics: r.Diagnostics}
	}
	ref, src := referencePlan(t)
	switch name {
	case "reference":
		return []File{validate(ref, src)}
	case "tolerance0":
		return []File{validate(ref, withTolerance0(t, src))}
	case "many":
		// A plan without findings, one with many, and one over the size
		// limit, whose finding is about the file as a whole (no line), in
		// the order the command sorts them: by path.
		xa, err := os.ReadFile(filepath.Join("..", "examples", "bao-yen-2022-xa.yaml"))
		if err != nil {
			t.Fatal(err)
		}
		huge := plan.Validate("plans/huge.yaml", bytes.Repeat([]byte("#\n"), plan.MaxFileSize/2+1))
		return []File{
			validate("examples/bao-yen-2022-xa.yaml", xa),
			validate("plans/bảo yên.yaml", []byte(manyFindings)),
			{Name: "plans/huge.yaml", Diagnostics: huge.Diagnostics},
		}
	}
	t.Fatalf("no case %q", name)
	return nil
}

// goldenFile compares got with testdata/name, or writes it with -update.
func goldenFile(t *testing.T, name string, got []byte) {
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

func TestTextGolden(t *testing.T) {
	for _, c := range []string{"reference", "tolerance0", "many"} {
		for _, lang := range []struct {
			name string
			lang plan.Lang
		}{{"vi", plan.VI}, {"en", plan.EN}} {
			t.Run(c+"/"+lang.name, func(t *testing.T) {
				f, err := New("text", Options{Lang: lang.lang})
				if err != nil {
					t.Fatal(err)
				}
				var b bytes.Buffer
				if err := f.Format(&b, reportFiles(t, c)); err != nil {
					t.Fatal(err)
				}
				goldenFile(t, "text_"+c+"_"+lang.name+".golden", b.Bytes())
			})
		}
	}
}

// TestTextColor checks that colour is only what Options.Color asks for:
// the same text with ANSI codes around its parts.
func TestTextColor(t *testing.T) {
	files := reportFiles(t, "reference")
	var plain, color bytes.Buffer
	if err := (&text{Options{Lang: plan.EN}}).Format(&plain, files); err != nil {
		t.Fatal(err)
	}
	if err := (&text{Options{Lang: plan.EN, Color: true}}).Format(&color, files); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(plain.String(), "\x1b[") {
		t.Errorf("colour without Options.Color:\n%q", plain.String())
	}
	for _, want := range []string{ansiYellow + "warning[B203]" + ansiReset, ansiBold + "1 file, 0 errors, 2 warnings" + ansiReset} {
		if !strings.Contains(color.String(), want) {
			t.Errorf("coloured report lacks %q:\n%q", want, color.String())
		}
	}
	if got := stripANSI(color.String()); got != plain.String() {
		t.Errorf("coloured report without its colours differs (-want +got):\n%s", cmp.Diff(plain.String(), got))
	}
}

func stripANSI(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == 0x1b {
			for i < len(s) && s[i] != 'm' {
				i++
			}
			continue
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

func TestCountLine(t *testing.T) {
	tests := []struct {
		s      Summary
		vi, en string
	}{
		{Summary{1, 0, 2}, "1 tệp, 0 lỗi, 2 cảnh báo", "1 file, 0 errors, 2 warnings"},
		{Summary{2, 1, 1}, "2 tệp, 1 lỗi, 1 cảnh báo", "2 files, 1 error, 1 warning"},
		{Summary{0, 0, 0}, "0 tệp, 0 lỗi, 0 cảnh báo", "0 files, 0 errors, 0 warnings"},
	}
	for _, tc := range tests {
		if got := CountLine(tc.s, plan.VI); got != tc.vi {
			t.Errorf("CountLine(%v, VI) = %q, want %q", tc.s, got, tc.vi)
		}
		if got := CountLine(tc.s, plan.EN); got != tc.en {
			t.Errorf("CountLine(%v, EN) = %q, want %q", tc.s, got, tc.en)
		}
	}
}

// TestTextCaretCombiningMarks checks the caret under a value on a line
// with decomposed diacritics (NFD): the column counts the combining marks
// as characters, as the specification says, but a terminal shows none, so
// the caret is drawn where the value is seen.
func TestTextCaretCombiningMarks(t *testing.T) {
	nfd := "plan: {title: \"Ke\u0302\u0301 hoa\u0323ch\", yaer: 2022}\n" // Kế hoạch, decomposed
	files := []File{{Name: "p.yaml", Source: []byte(nfd), Diagnostics: []plan.Diagnostic{
		{Code: "W112", Severity: plan.Warning, Message: plan.Message{EN: "nfd"}, Pos: plan.Pos{Line: 1, Column: 15}, EndColumn: 28},
		{Code: "E102", Severity: plan.Error, Message: plan.Message{EN: "yaer"}, Pos: plan.Pos{Line: 1, Column: 30}, EndColumn: 34},
	}}}
	var b bytes.Buffer
	if err := (&text{Options{Lang: plan.EN}}).Format(&b, files); err != nil {
		t.Fatal(err)
	}
	want := "p.yaml:1:15: warning[W112]: nfd\n" +
		"  |\n" +
		"1 | " + strings.TrimSuffix(nfd, "\n") + "\n" +
		"  |               ^^^^^^^^^^\n" +
		"\n" +
		"p.yaml:1:30: error[E102]: yaer\n" +
		"  |\n" +
		"1 | " + strings.TrimSuffix(nfd, "\n") + "\n" +
		"  |                           ^^^^\n" +
		"\n" +
		"1 file, 1 error, 1 warning\n"
	if diff := cmp.Diff(want, b.String()); diff != "" {
		t.Errorf("text report mismatch (-want +got):\n%s", diff)
	}
}

// TestTextInvisibleCharacters: a file can hold characters that drive a
// terminal (ESC) or break a line in some programs (U+2028, U+0085). The
// report shows them as one replacement character each in the source line,
// so the caret stays under the value, and as escapes in messages, so that
// a file cannot forge lines of the report.
func TestTextInvisibleCharacters(t *testing.T) {
	src := "plan: {title: \"a\x1b[31m\u2028b\", yaer: 2022}\n"
	files := []File{{Name: "p\u2028.yaml", Source: []byte(src), Diagnostics: []plan.Diagnostic{
		{Code: "E102", Severity: plan.Error, Message: plan.Message{EN: "key `ya\u2029er\u0085`\nerror[X]: forged"}, Pos: plan.Pos{Line: 1, Column: 27}, EndColumn: 31},
	}}}
	var b bytes.Buffer
	if err := (&text{Options{Lang: plan.EN}}).Format(&b, files); err != nil {
		t.Fatal(err)
	}
	want := "p\\u2028.yaml:1:27: error[E102]: key `ya\\u2029er\\x85`\\nerror[X]: forged\n" +
		"  |\n" +
		"1 | plan: {title: \"a\uFFFD[31m\uFFFDb\", yaer: 2022}\n" +
		"  |                           ^^^^\n" +
		"\n" +
		"1 file, 1 error, 0 warnings\n"
	if diff := cmp.Diff(want, b.String()); diff != "" {
		t.Errorf("text report mismatch (-want +got):\n%s", diff)
	}
}
