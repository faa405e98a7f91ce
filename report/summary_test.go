package report

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/kehoach/kehoach/plan"
	"github.com/kehoach/kehoach/report/appendix"
)

// loadExample validates an example plan, which must load.
func loadExample(t *testing.T, name string) *plan.Plan {
	t.Helper()
	path := filepath.Join("..", "examples", name+".yaml")
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	res := plan.Validate(path, data)
	if res.Plan == nil {
		t.Fatalf("%s does not load: %v", path, res.Diagnostics)
	}
	return res.Plan
}

// TestPlanSummaryText checks the tables of the text summary: no row is
// wider than its rule, a sub-project and a line that details a target are
// indented under the row above.
func TestPlanSummaryText(t *testing.T) {
	for _, example := range []string{"bao-yen-2022", "bao-yen-2022-xa"} {
		for _, l := range []struct {
			name string
			lang plan.Lang
		}{{"vi", plan.VI}, {"en", plan.EN}} {
			lang := l.lang
			t.Run(example+"/"+l.name, func(t *testing.T) {
				var b strings.Builder
				if err := PlanSummaryText(&b, lang, loadExample(t, example)); err != nil {
					t.Fatal(err)
				}
				out := b.String()
				rule := 0
				for _, l := range strings.Split(out, "\n") {
					switch {
					case strings.HasPrefix(l, "---"):
						rule = textWidth(l)
					case l == "":
						rule = 0
					case rule > 0 && textWidth(l) > rule:
						t.Errorf("line wider than its table (%d > %d): %q", textWidth(l), rule, l)
					}
				}
				for _, want := range []string{"\n1      Tiểu dự án 1: Hỗ trợ phát triển sản xuất trong", "\n       Số hộ nghèo giảm  "} {
					if !strings.Contains(out, want) {
						t.Errorf("no %q in:\n%s", want, out)
					}
				}
			})
		}
	}
}

// TestPlanSummaryJSON checks that the JSON summary has the figures of
// appendix.Summarize, projects with their sub-projects.
func TestPlanSummaryJSON(t *testing.T) {
	p := loadExample(t, "bao-yen-2022")
	var b strings.Builder
	if err := PlanSummaryJSON(&b, "plan.yaml", p); err != nil {
		t.Fatal(err)
	}
	var got struct {
		Version int
		File    string
		Funding struct {
			Total    map[string]string
			Projects []struct {
				Project, Appendix int
				Subprojects       []struct{ Subproject int }
			}
		}
	}
	if err := json.Unmarshal([]byte(b.String()), &got); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, b.String())
	}
	if got.Version != 1 || got.File != "plan.yaml" {
		t.Errorf("version %d, file %q; want 1, plan.yaml", got.Version, got.File)
	}
	g := appendix.Summarize(p).Funding[0]
	want := map[string]string{"total": g.Total.Value.String(), "central": g.Central.Value.String(), "local": g.Local.Value.String(), "other": g.Other.Value.String()}
	if diff := cmp.Diff(want, got.Funding.Total); diff != "" {
		t.Errorf("funding.total (-want +got):\n%s", diff)
	}
	var shape [][]int
	for _, pr := range got.Funding.Projects {
		row := []int{pr.Project, pr.Appendix}
		for _, s := range pr.Subprojects {
			row = append(row, s.Subproject)
		}
		shape = append(shape, row)
	}
	// Project, appendix, then the sub-projects' numbers.
	if diff := cmp.Diff([][]int{{2, 3}, {3, 4, 1}, {4, 5, 1, 3}, {6, 6, 2}, {7, 7, 1, 2}}, shape); diff != "" {
		t.Errorf("projects (-want +got):\n%s", diff)
	}
}

func TestWrapText(t *testing.T) {
	tests := []struct {
		in    string
		width int
		want  []string
	}{
		{"", 10, []string{""}},
		{"Dự án 2: Đa dạng hóa sinh kế", 12, []string{"Dự án 2: Đa", "dạng hóa", "sinh kế"}},
		{"  Tiểu dự án 1: Hỗ trợ", 14, []string{"  Tiểu dự án", "  1: Hỗ trợ"}},
		{"verylongword x", 4, []string{"verylongword", "x"}},
	}
	for _, tt := range tests {
		if diff := cmp.Diff(tt.want, wrapText(tt.in, tt.width)); diff != "" {
			t.Errorf("wrapText(%q, %d) (-want +got):\n%s", tt.in, tt.width, diff)
		}
	}
}
