package plan

import (
	"os"
	"strings"
	"testing"
)

// TestSources checks the funding keys resolved against the plan's sources:
// the programme's, those of `sources:`, kinds of funds and not_stated.
func TestSources(t *testing.T) {
	base, err := os.ReadFile("testdata/sources/credit-kinds-not-stated.yaml")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, old, new string
		want           []string // code path, and a piece of the English message
	}{
		{"valid", "", "", nil},
		{"misspelt added source", "local: 28, credit: 34}", "local: 28, credti: 34}",
			[]string{"E102 projects[0].funding.credti did you mean `credit`?"}},
		{"misspelt kind of funds", "recurrent: 30", "recurent: 30",
			[]string{"E102 projects[1].subprojects[0].funding.central.recurent did you mean `recurrent`?"}},
		{"not_stated names no source", "not_stated: [local]", "not_stated: [locl]",
			[]string{"E102 projects[1].subprojects[1].funding.not_stated.0 did you mean `local`?"}},
		{"a figure and not_stated", "central: 64, not_stated: [local]", "central: 64, local: 9, not_stated: [local]",
			[]string{"E103 projects[1].subprojects[1].funding.not_stated[0] has a figure and is also in `not_stated`"}},
		{"an added source the programme has", "{id: credit,", "{id: local,",
			[]string{"E107 sources[0].id exists already", "E102 projects[0].funding.credit unknown key `credit`", "E102 funding.credit unknown key `credit`"}},
		{"minus zero", "local: 28,", "local: -0,",
			[]string{"E103 projects[0].funding.local negative number `-0`"}},
		{"a kind that does not add up", "recurrent: 30", "recurrent: 31",
			[]string{"B201 projects[1].subprojects[0].funding.central its central funds must be 90"}},
		// The sums of all kinds hold; those of each kind do not.
		{"kinds that do not match the activities'", "recurrent: 30}, local: 10}\n",
			"recurrent: 30}, local: 10}\n        activities:\n          - {name: Đào tạo nghề, funding: {central: {investment: 50, recurrent: 40}, local: 10}}\n",
			[]string{"B202 projects[1].subprojects[0].funding.central.investment investment central funds of sub-project 1 of project 4: stated 60, but its activities add up to 50",
				"B202 projects[1].subprojects[0].funding.central.recurrent recurrent central funds of sub-project 1 of project 4: stated 30, but its activities add up to 40"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := string(base)
			if tt.old != "" {
				if !strings.Contains(src, tt.old) {
					t.Fatalf("the plan has no %q", tt.old)
				}
				src = strings.Replace(src, tt.old, tt.new, 1)
			}
			ds := Validate("p.yaml", []byte(src)).Diagnostics
			if len(ds) != len(tt.want) {
				var got []string
				for _, d := range ds {
					got = append(got, string(d.Code)+" "+d.Path+" "+d.Message.EN)
				}
				t.Fatalf("%d findings, want %d:\n%s", len(ds), len(tt.want), strings.Join(got, "\n"))
			}
			for i, w := range tt.want {
				code, rest, _ := strings.Cut(w, " ")
				path, msg, _ := strings.Cut(rest, " ")
				d := ds[i]
				if string(d.Code) != code || d.Path != path || !strings.Contains(d.Message.EN, msg) {
					t.Errorf("finding %d: %s %s %q, want %s %s containing %q", i, d.Code, d.Path, d.Message.EN, code, path, msg)
				}
				if d.Message.VI == "" || d.Message.VI == d.Message.EN {
					t.Errorf("finding %d has no Vietnamese message", i)
				}
			}
		})
	}
}
