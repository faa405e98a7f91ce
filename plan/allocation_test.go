package plan

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestAllocationRows checks what an `allocation` row that matches no
// project of the plan gives: C403 for a number the programme does not
// have, B208 for one the plan does not carry, E107 for a second row, and
// nothing more where the plan's own numbers cannot be read.
func TestAllocationRows(t *testing.T) {
	base, err := os.ReadFile(filepath.Join("testdata", "valid", "bao-yen-trimmed.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name     string
		edit     [2]string // replaced in the plan, once
		rows     string
		want     []string // code and path of each finding
		contains string   // in the English message of the first finding
	}{
		{name: "rows that match", rows: "{project: 2, central: 2416}, {project: 3, central: 1045}, {project: 3, subproject: 1, central: 1045}"},
		{name: "a project the plan does not have", rows: "{project: 4, central: 200}",
			want: []string{"B208 allocation.projects[0].project"}, contains: "assigns 200 of central funds to project 4"},
		{name: "a sub-project of a project the plan does not have", rows: "{project: 4, subproject: 3, central: 200}",
			want: []string{"B208 allocation.projects[0].project"}, contains: "to project 4, which"},
		{name: "a sub-project the plan's project does not have", rows: "{project: 3, subproject: 2, central: 50}",
			want: []string{"B208 allocation.projects[0].subproject"}, contains: "sub-project 2 of project 3"},
		{name: "a sub-project of a project without any", rows: "{project: 2, subproject: 1, central: 50}",
			want: []string{"C403 allocation.projects[0].subproject"}, contains: "project 2 has no sub-project 1 (it has no sub-projects)"},
		{name: "a project the programme does not have", rows: "{project: 12, subproject: 1, central: 50}",
			want: []string{"C403 allocation.projects[0].project"}, contains: "no project 12"},
		{name: "central unreadable", rows: `{project: 4, central: "2.416"}`,
			want: []string{"B208 allocation.projects[0].project", "E104 allocation.projects[0].central"}, contains: "assigns central funds to project 4"},
		{name: "a number that cannot be read", rows: "{project: 0, central: 50}",
			want: []string{"E103 allocation.projects[0].project"}},
		{name: "a plan's project number that cannot be read", edit: [2]string{"- project: 3", "- project: tres"}, rows: "{project: 4, central: 50}",
			want: []string{"E103 projects[1].project"}},
		{name: "a plan's sub-project number that cannot be read", edit: [2]string{"- subproject: 1", "- subproject: one"}, rows: "{project: 3, subproject: 2, central: 50}",
			want: []string{"E103 projects[1].subprojects[0].subproject"}},
		{name: "a duplicate project number in the plan", edit: [2]string{"- project: 3", "- project: 2"}, rows: "{project: 3, central: 50}",
			want: []string{"E107 projects[1].project"}},
		{name: "two rows for one project", rows: "{project: 2, central: 2416}, {project: 2, central: 2000}",
			want: []string{"E107 allocation.projects[1].project"}, contains: "duplicate allocation for project 2 (first at line 30)"},
		{name: "two rows for a project that the plan does not have", rows: "{project: 5, central: 1}, {project: 5, central: 2}",
			want: []string{"B208 allocation.projects[0].project", "E107 allocation.projects[1].project"}},
		{name: "a plan without projects", edit: [2]string{"projects:\n", "projects: []\nx-old:\n"}, rows: "{project: 2, central: 2416}",
			want: []string{"E103 projects"}},
		{name: "an unknown programme", edit: [2]string{"  year: 2022", "  program: khac\n  year: 2022"}, rows: "{project: 12, central: 50}",
			want: []string{"C401 plan.program", "B208 allocation.projects[0].project"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			src := string(base)
			if tc.edit[0] != "" {
				if !strings.Contains(src, tc.edit[0]) {
					t.Fatalf("the plan has no %q", tc.edit[0])
				}
				src = strings.Replace(src, tc.edit[0], tc.edit[1], 1)
			}
			src += "allocation:\n  source: Quyết định số 1394/QĐ-UBND\n  projects: [" + tc.rows + "]\n"
			r := Validate("plan.yaml", []byte(src))
			got := []string{}
			for _, d := range r.Diagnostics {
				got = append(got, string(d.Code)+" "+d.Path)
			}
			if tc.want == nil {
				tc.want = []string{}
			}
			if diff := cmp.Diff(tc.want, got); diff != "" {
				for _, d := range r.Diagnostics {
					t.Logf("%s %d:%d %s: %s", d.Code, d.Line, d.Column, d.Path, d.Message.EN)
				}
				t.Errorf("findings (-want +got):\n%s", diff)
			}
			if tc.contains != "" && len(r.Diagnostics) > 0 {
				if msg := r.Diagnostics[0].Message.EN; !strings.Contains(msg, tc.contains) {
					t.Errorf("message %q lacks %q", msg, tc.contains)
				}
			}
		})
	}
}
