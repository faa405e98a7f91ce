package main

import (
	"strings"
	"testing"

	"github.com/kehoach/kehoach/plan"
)

// TestExplainEveryCode runs `kehoach explain` for every code in both
// languages: each prints its long text, which starts with the code and its
// title in that language.
func TestExplainEveryCode(t *testing.T) {
	for _, r := range plan.AllRules() {
		for _, lang := range []struct {
			flag string
			lang plan.Lang
		}{{"vi", plan.VI}, {"en", plan.EN}} {
			t.Run(string(r.Code)+"/"+lang.flag, func(t *testing.T) {
				for _, code := range []string{string(r.Code), strings.ToLower(string(r.Code))} {
					s, out, errOut := testStreams()
					if got := Main([]string{"explain", "--lang", lang.flag, code}, s); got != exitOK {
						t.Fatalf("explain %s: exit %d, stderr %q", code, got, errOut)
					}
					if errOut.Len() != 0 {
						t.Errorf("explain %s: stderr %q", code, errOut)
					}
					want := string(r.Code) + ": " + r.Title.In(lang.lang) + "\n"
					if got := out.String(); !strings.HasPrefix(got, want) {
						t.Errorf("explain %s --lang %s starts %q, want %q", code, lang.flag, firstLine(got), want)
					}
					if n := strings.Count(out.String(), "\n"); n < 5 {
						t.Errorf("explain %s --lang %s: %d lines, want a long text", code, lang.flag, n)
					}
				}
			})
		}
	}
}

// TestExplainLanguagesDiffer checks that the Vietnamese and English texts
// are two texts, not one copied.
func TestExplainLanguagesDiffer(t *testing.T) {
	for _, r := range plan.AllRules() {
		vi, _ := plan.Explain(string(r.Code), plan.VI)
		en, _ := plan.Explain(string(r.Code), plan.EN)
		if vi == en {
			t.Errorf("%s: the same text in both languages", r.Code)
		}
	}
}

func TestExplainUnknownCode(t *testing.T) {
	for _, tc := range []struct {
		lang, want string
	}{
		{"vi", `kehoach: không có mã "X999"; các mã là:`},
		{"en", `kehoach: unknown code "X999"; the codes are:`},
	} {
		s, out, errOut := testStreams()
		if got := Main([]string{"explain", "--lang", tc.lang, "X999"}, s); got != exitTrouble {
			t.Errorf("explain X999 --lang %s: exit %d, want %d", tc.lang, got, exitTrouble)
		}
		if out.Len() != 0 {
			t.Errorf("explain X999: stdout %q", out)
		}
		lang, _ := plan.ParseLang(tc.lang)
		if !strings.HasPrefix(errOut.String(), tc.want+"\n") {
			t.Errorf("explain X999 --lang %s: stderr starts %q, want %q", tc.lang, firstLine(errOut.String()), tc.want)
		}
		for _, r := range plan.AllRules() {
			if line := "  " + string(r.Code) + "  " + r.Title.In(lang) + "\n"; !strings.Contains(errOut.String(), line) {
				t.Errorf("explain X999 --lang %s: the list lacks %q", tc.lang, line)
			}
		}
	}
}

func firstLine(s string) string {
	line, _, _ := strings.Cut(s, "\n")
	return line
}
