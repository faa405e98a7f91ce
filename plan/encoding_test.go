package plan_test

import (
	"bytes"
	"fmt"
	"strings"
	"testing"
	"unicode/utf16"
	"unicode/utf8"

	gocmp "github.com/google/go-cmp/cmp"
	"golang.org/x/text/unicode/norm"

	"github.com/kehoach/kehoach/plan"
)

// encodingPlan has B201 at line 12, column 22 (the total of project 2).
// encodingPlan is a plan with one finding (B201), so that a test can tell
// that it was read whatever its encoding: its total 200 disagrees with its
// sources 100 and 10, and 100 for 190 and 10 for 100 are equally likely
// slips, so the finding is at the total, with both as related places
// (robustRelated).
const encodingPlan = `kehoach: 1
plan:
  title: Kế hoạch thử
  year: 2023
  issuer: UBND huyện Bảo Yên
  province: Lào Cai
  district: Bảo Yên
projects:
  - project: 2
    name: Đa dạng hóa sinh kế, phát triển mô hình giảm nghèo
    appendix: 3
    funding: {total: 200, central: 100, local: 10}
`

const robustRelated = "12:36 projects[0].funding.central; 12:48 projects[0].funding.local"

func utf16LE(s string) []byte {
	b := []byte{0xff, 0xfe}
	for _, u := range utf16.Encode([]rune(s)) {
		b = append(b, byte(u), byte(u>>8))
	}
	return b
}

func utf16BE(s string) []byte {
	b := []byte{0xfe, 0xff}
	for _, u := range utf16.Encode([]rune(s)) {
		b = append(b, byte(u>>8), byte(u))
	}
	return b
}

func utf32LE(s string, bom bool) []byte {
	var b []byte
	if bom {
		b = append(b, 0xff, 0xfe, 0, 0)
	}
	for _, r := range s {
		b = append(b, byte(r), byte(r>>8), byte(r>>16), 0)
	}
	return b
}

func utf32BE(s string) []byte {
	b := []byte{0, 0, 0xfe, 0xff}
	for _, r := range s {
		b = append(b, 0, byte(r>>16), byte(r>>8), byte(r))
	}
	return b
}

func utf16LENoBOM(s string) []byte {
	var b []byte
	for _, u := range utf16.Encode([]rune(s)) {
		b = append(b, byte(u), byte(u>>8))
	}
	return b
}

// TestEncodings: a file in any encoding a district office may have gives
// the findings of its content at the lines and columns an editor shows,
// or E111 naming the encoding and how to save the file as UTF-8. The
// corpus (testdata/invalid) holds the same cases where a file can carry
// its own `# want:` header.
func TestEncodings(t *testing.T) {
	crlf := strings.ReplaceAll(encodingPlan, "\n", "\r\n")
	cr := strings.ReplaceAll(encodingPlan, "\n", "\r")
	nfd := strings.Replace(encodingPlan, "title: Kế hoạch thử", "title: "+norm.NFD.String("Kế hoạch thử"), 1)
	tests := []struct {
		name string
		data []byte
		want []corpusFinding
		// en are texts the English messages and help must contain.
		en []string
	}{
		{"UTF-8", []byte(encodingPlan), []corpusFinding{{Code: "B201", Severity: plan.Error, Line: 12, Column: 22, Path: "projects[0].funding.total", Related: robustRelated}}, nil},
		{"UTF-8 with a byte order mark", append([]byte("\xef\xbb\xbf"), encodingPlan...), []corpusFinding{{Code: "B201", Severity: plan.Error, Line: 12, Column: 22, Path: "projects[0].funding.total", Related: robustRelated}}, nil},
		{"CRLF", []byte(crlf), []corpusFinding{{Code: "B201", Severity: plan.Error, Line: 12, Column: 22, Path: "projects[0].funding.total", Related: robustRelated}}, nil},
		{"CR alone (old Mac)", []byte(cr), []corpusFinding{{Code: "B201", Severity: plan.Error, Line: 12, Column: 22, Path: "projects[0].funding.total", Related: robustRelated}}, nil},
		{"byte order mark and CRLF", append([]byte("\xef\xbb\xbf"), crlf...), []corpusFinding{{Code: "B201", Severity: plan.Error, Line: 12, Column: 22, Path: "projects[0].funding.total", Related: robustRelated}}, nil},
		{"decomposed Vietnamese (NFD)", []byte(nfd), []corpusFinding{
			{Code: "W112", Severity: plan.Warning, Line: 3, Column: 10, Path: "plan.title"},
			{Code: "B201", Severity: plan.Error, Line: 12, Column: 22, Path: "projects[0].funding.total", Related: robustRelated},
		}, []string{"this string is not in Unicode NFC"}},
		{"UTF-16 little-endian with a byte order mark (Notepad)", utf16LE(encodingPlan), []corpusFinding{{Code: "E111", Severity: plan.Error, Line: 1, Column: 1}},
			[]string{"UTF-16 (Notepad's \"Unicode\")", "Save As, Encoding: UTF-8"}},
		{"UTF-16 big-endian", utf16BE(encodingPlan), []corpusFinding{{Code: "E111", Severity: plan.Error, Line: 1, Column: 1}}, []string{"UTF-16", "Encoding: UTF-8"}},
		{"UTF-16 without a byte order mark", utf16LENoBOM(encodingPlan), []corpusFinding{{Code: "E111", Severity: plan.Error, Line: 1, Column: 1}}, []string{"UTF-16", "Encoding: UTF-8"}},
		{"UTF-32 little-endian", utf32LE(encodingPlan, true), []corpusFinding{{Code: "E111", Severity: plan.Error, Line: 1, Column: 1}}, []string{"saved as UTF-32", "Encoding: UTF-8"}},
		{"UTF-32 without a byte order mark", utf32LE(encodingPlan, false), []corpusFinding{{Code: "E111", Severity: plan.Error, Line: 1, Column: 1}}, []string{"saved as UTF-32"}},
		{"UTF-32 big-endian", utf32BE(encodingPlan), []corpusFinding{{Code: "E111", Severity: plan.Error, Line: 1, Column: 1}}, []string{"saved as UTF-32"}},
		{"TCVN3 with CRLF", []byte(strings.ReplaceAll("kehoach: 1\nplan:\n  title: K\xd5 ho\xb9ch\n", "\n", "\r\n")),
			[]corpusFinding{{Code: "E111", Severity: plan.Error, Line: 3, Column: 11}}, []string{"byte offset 29", "TCVN3", "Unikey"}},
		{"Windows-1258 with CR alone", []byte("kehoach: 1\rplan:\r  title: K\xea\xec ho\xf2ach\r"),
			[]corpusFinding{{Code: "E111", Severity: plan.Error, Line: 3, Column: 11}}, []string{"byte offset 27", "Windows-1258"}},
		{"VNI", []byte("kehoach: 1\nplan:\n  title: Ke\xe1 hoa\xefch th\xf6\xefc hie\xe4n\n  issuer: UBND huye\xe4n Ba\xfbo Ye\xe2n\n"),
			[]corpusFinding{{Code: "E111", Severity: plan.Error, Line: 3, Column: 12}}, []string{"byte offset 28", "VNI-Windows"}},
		{"a byte order mark counts in the offset", []byte("\xef\xbb\xbfkehoach: 1\nx: K\xd5\n"),
			[]corpusFinding{{Code: "E111", Severity: plan.Error, Line: 2, Column: 5}}, []string{"byte offset 18"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			res := plan.Validate("plan.yaml", tc.data)
			if diff := gocmp.Diff(tc.want, corpusFindings(res.Diagnostics)); diff != "" {
				t.Errorf("findings mismatch (-want +got):\n%s", diff)
			}
			var en strings.Builder
			for _, d := range res.Diagnostics {
				en.WriteString(d.Message.EN + "\n" + d.Help.EN + "\n")
			}
			for _, s := range tc.en {
				if !strings.Contains(en.String(), s) {
					t.Errorf("the messages lack %q:\n%s", s, en.String())
				}
			}
		})
	}
}

// TestSecondDocument: a second YAML document is E109 at the line where it
// starts, however the first one is marked and whatever the line endings.
func TestSecondDocument(t *testing.T) {
	plan1 := "kehoach: 1\nplan: {title: T}\n" // 2 lines
	tests := []struct {
		name string
		text string
		line int
	}{
		{"after ---", plan1 + "---\nkehoach: 1\n", 3},
		{"after ... without ---", plan1 + "...\n# next\nkehoach: 1\n", 5},
		{"the first document opened with --- after a comment", "# plan\n---\n" + plan1 + "---\nkehoach: 1\n", 5},
		{"a directive before the second", plan1 + "...\n%YAML 1.2\n---\nkehoach: 1\n", 5},
		{"content on the --- line", plan1 + "--- {kehoach: 1}\n", 3},
		{"an empty document, then one with content", plan1 + "---\n---\nkehoach: 1\n", 4},
		{"CRLF", strings.ReplaceAll(plan1+"\n---\nkehoach: 1\n", "\n", "\r\n"), 4},
		{"CR alone", strings.ReplaceAll(plan1+"\n---\nkehoach: 1\n", "\n", "\r"), 4},
		{"a second document that is not YAML", plan1 + "---\nkehoach: [1\n", 3},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			res := plan.Validate("plan.yaml", []byte(tc.text))
			want := []corpusFinding{{Code: "E109", Severity: plan.Error, Line: tc.line, Column: 1}}
			if diff := gocmp.Diff(want, corpusFindings(res.Diagnostics)); diff != "" {
				t.Errorf("findings mismatch (-want +got):\n%s", diff)
			}
		})
	}
	// A trailing `---` (or `...`) with nothing after it is not a second
	// document.
	for _, tail := range []string{"---\n", "...\n", "---\n# end\n", "...\n---\n"} {
		res := plan.Validate("plan.yaml", []byte(plan1+tail))
		for _, d := range res.Diagnostics {
			if d.Code == "E109" {
				t.Errorf("plan + %q: E109 at %d:%d", tail, d.Line, d.Column)
			}
		}
	}
}

// TestTabIndentation: a tab in the indentation is E101 at its line, with
// the hint to use spaces, wherever the tab is.
func TestTabIndentation(t *testing.T) {
	for _, tc := range []struct {
		name string
		text string
		line int
	}{
		{"a top-level block", "kehoach: 1\nplan:\n\ttitle: T\n", 3},
		{"after spaces", "kehoach: 1\nplan:\n  title: T\n  \tyear: 2023\n", 4},
		{"in a list", "kehoach: 1\nprojects:\n  - project: 2\n\t  name: X\n", 4},
		{"CRLF", "kehoach: 1\r\nplan:\r\n\ttitle: T\r\n", 3},
	} {
		t.Run(tc.name, func(t *testing.T) {
			res := plan.Validate("plan.yaml", []byte(tc.text))
			if len(res.Diagnostics) != 1 {
				t.Fatalf("findings %v, want one E101", corpusFindings(res.Diagnostics))
			}
			d := res.Diagnostics[0]
			if d.Code != "E101" || d.Line != tc.line {
				t.Errorf("%s at line %d, want E101 at line %d", d.Code, d.Line, tc.line)
			}
			if !strings.Contains(d.Message.EN, "indented with a tab") || !strings.Contains(d.Help.EN, "replace the tab with spaces") {
				t.Errorf("E101 does not explain the tab: %q / %q", d.Message.EN, d.Help.EN)
			}
		})
	}
}

// TestNFDValues: decomposed text is one W112 for the file, and compares
// equal to its composed form (the catalogue's names, commune ids).
func TestNFDValues(t *testing.T) {
	text := strings.Replace(encodingPlan, "name: Đa dạng hóa sinh kế, phát triển mô hình giảm nghèo",
		"name: "+norm.NFD.String("Đa dạng hóa sinh kế, phát triển mô hình giảm nghèo"), 1)
	text = strings.Replace(text, "issuer: UBND huyện Bảo Yên", "issuer: "+norm.NFD.String("UBND huyện Bảo Yên"), 1)
	res := plan.Validate("plan.yaml", []byte(text))
	want := []corpusFinding{
		{Code: "W112", Severity: plan.Warning, Line: 5, Column: 11, Path: "plan.issuer"},
		{Code: "B201", Severity: plan.Error, Line: 12, Column: 22, Path: "projects[0].funding.total", Related: robustRelated},
	}
	if diff := gocmp.Diff(want, corpusFindings(res.Diagnostics)); diff != "" {
		t.Errorf("findings mismatch (-want +got):\n%s", diff)
	}
	if !strings.Contains(res.Diagnostics[0].Message.EN, "2 strings") {
		t.Errorf("W112 %q does not count the 2 strings", res.Diagnostics[0].Message.EN)
	}
	if res.Plan == nil || !bytes.Equal([]byte(res.Plan.Projects[0].Name.Value), []byte(norm.NFC.String(res.Plan.Projects[0].Name.Value))) {
		t.Error("the plan's text is not normalised to NFC")
	}
}

// TestYAMLOnlyLineBreaks: the YAML library also ends lines at NEL
// (U+0085), LINE SEPARATOR (U+2028) and PARAGRAPH SEPARATOR (U+2029),
// which text pasted from word processors (or a mis-converted "…") puts in
// a file; editors do not. Findings point where an editor shows them, and
// inside the file; where the break ends a plain text too early, E101 says
// so and points at it.
func TestYAMLOnlyLineBreaks(t *testing.T) {
	for _, sep := range []string{"\u0085", "\u2028", "\u2029"} {
		t.Run(fmt.Sprintf("U+%04X", []rune(sep)[0]), func(t *testing.T) {
			// In quotes and in a flow mapping the text goes on past it
			// (NEL is read as a space, the separators are kept); the
			// findings after it are where an editor shows them.
			text := strings.Replace(encodingPlan, "title: Kế hoạch thử", `title: "Kế hoạch`+sep+`thử"`, 1)
			text = strings.Replace(text, "local: 10}", "local: 10,"+sep+" centrl: 1}", 1)
			line := strings.Split(text, "\n")[11]
			col := utf8.RuneCountInString(line[:strings.Index(line, "centrl")]) + 1
			res := plan.Validate("plan.yaml", []byte(text))
			want := []corpusFinding{
				{Code: "B201", Severity: plan.Error, Line: 12, Column: 22, Path: "projects[0].funding.total", Related: robustRelated},
				{Code: "E102", Severity: plan.Error, Line: 12, Column: col, Path: "projects[0].funding.centrl"},
			}
			if diff := gocmp.Diff(want, corpusFindings(res.Diagnostics)); diff != "" {
				t.Errorf("findings mismatch (-want +got):\n%s", diff)
			}

			// In a plain text of a block, it ends the text: E101 at it.
			text = strings.Replace(encodingPlan, "title: Kế hoạch thử", "title: Kế hoạch"+sep+"thử", 1)
			res = plan.Validate("plan.yaml", []byte(text))
			want = []corpusFinding{{Code: "E101", Severity: plan.Error, Line: 3, Column: 18}}
			if diff := gocmp.Diff(want, corpusFindings(res.Diagnostics)); diff != "" {
				t.Errorf("findings mismatch (-want +got):\n%s", diff)
			}
			if msg := res.Diagnostics[0].Message.EN; !strings.Contains(msg, fmt.Sprintf("invisible line break, U+%04X", []rune(sep)[0])) {
				t.Errorf("E101 %q does not name the invisible line break", msg)
			}

			// A line that holds one in quotes and breaks YAML for
			// another reason gets that reason.
			for _, tc := range []struct{ line, want string }{
				{`  title: "Kế hoạch` + sep + `thử" x`, "does not line up"},
				{`  title: "Kế hoạch` + sep + `thử"` + "\n\tyear: 2023", "indented with a tab"},
			} {
				text = strings.Replace(encodingPlan, "  title: Kế hoạch thử", tc.line, 1)
				res = plan.Validate("plan.yaml", []byte(text))
				if len(res.Diagnostics) != 1 || res.Diagnostics[0].Code != "E101" || !strings.Contains(res.Diagnostics[0].Message.EN, tc.want) {
					t.Errorf("%q: findings %+v, want one E101 saying %q", tc.line, res.Diagnostics, tc.want)
				}
			}
		})
	}
}
