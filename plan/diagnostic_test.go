package plan

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// Every code has a long explanation in both languages, with the four
// sections `kehoach explain` promises, starting with the code.
func TestExplainEveryCode(t *testing.T) {
	sections := map[Lang][]string{
		VI: {"Kiểm tra gì", "Vì sao", "Cách sửa", "Ví dụ"},
		EN: {"What it checks", "Why", "How to fix", "Example"},
	}
	for _, r := range AllRules() {
		for lang, want := range sections {
			text, ok := Explain(string(r.Code), lang)
			if !ok {
				t.Errorf("Explain(%s, %v): no text", r.Code, lang)
				continue
			}
			if !strings.HasPrefix(text, string(r.Code)+": ") {
				t.Errorf("Explain(%s, %v) starts %q, want the code first", r.Code, lang, firstLine(text))
			}
			var got []string
			for _, line := range strings.Split(text, "\n") {
				for _, s := range want {
					if line == s {
						got = append(got, s)
					}
				}
			}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("Explain(%s, %v) sections (-want +got):\n%s", r.Code, lang, diff)
			}
		}
	}
}

func firstLine(s string) string {
	line, _, _ := strings.Cut(s, "\n")
	return line
}

func TestLookup(t *testing.T) {
	tests := []struct {
		in   string
		want string
		ok   bool
	}{
		{"B203", "B203", true},
		{"b203", "B203", true},
		{" w105 ", "W105", true},
		{"E105", "", false}, // the code is W105: a warning keeps its W
		{"", "", false},
	}
	for _, tt := range tests {
		r, ok := LookupRule(tt.in)
		if ok != tt.ok || string(r.Code) != tt.want {
			t.Errorf("LookupRule(%q) = %q, %v, want %q, %v", tt.in, r.Code, ok, tt.want, tt.ok)
		}
	}
}

// The codes are the specification's, and their prefix says their default
// severity where it is fixed: W is always a warning.
func TestRules(t *testing.T) {
	want := []string{
		"E101", "E102", "E103", "E104", "W105", "E106", "E107", "E108", "E109", "E110", "E111", "W112",
		"B201", "B202", "B203", "B204", "B205", "B206", "B207", "B208",
		"T301", "T302", "T303", "T304",
		"C401", "C402", "C403", "C404", "C405",
	}
	var got []string
	for _, r := range AllRules() {
		got = append(got, string(r.Code))
		if strings.HasPrefix(string(r.Code), "W") && r.Severity != Warning {
			t.Errorf("%s is not a warning", r.Code)
		}
		if r.Title.VI == "" || r.Title.EN == "" {
			t.Errorf("%s has no title in both languages", r.Code)
		}
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("AllRules() (-want +got):\n%s", diff)
	}
}

func TestSort(t *testing.T) {
	ds := []Diagnostic{
		{Code: "B203", Pos: Pos{82, 46}},
		{Code: "B203", Pos: Pos{82, 18}},
		{Code: "W105", Pos: Pos{3, 5}},
		{Code: "E102", Pos: Pos{3, 5}},
	}
	Sort(ds)
	var got []string
	for _, d := range ds {
		got = append(got, string(d.Code))
	}
	if diff := cmp.Diff([]string{"E102", "W105", "B203", "B203"}, got); diff != "" {
		t.Errorf("Sort (-want +got):\n%s", diff)
	}
	if ds[2].Column != 18 {
		t.Errorf("Sort put column %d before 46, want 18", ds[2].Column)
	}
}
