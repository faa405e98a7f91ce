package appendix_test

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/kehoach/kehoach/plan"
	"github.com/kehoach/kehoach/report/appendix"
)

// TestSummarizeRows checks what Summarize says each row stands for: the
// level, the project's or sub-project's number and the appendix of the
// reference plan's PL2, and the levels of PL1's targets.
func TestSummarizeRows(t *testing.T) {
	s := appendix.Summarize(loadExample(t, "bao-yen-2022"))
	type funding struct {
		Level            appendix.Level
		STT              string
		Number, Appendix int
	}
	var got []funding
	for _, r := range s.Funding {
		got = append(got, funding{r.Level, r.STT, r.Number, r.Appendix})
	}
	g, p, sp := appendix.GrandTotal, appendix.ProjectLevel, appendix.SubprojectLevel
	want := []funding{
		{g, "", 0, 0},
		{p, "I", 2, 3},
		{p, "II", 3, 4}, {sp, "1", 1, 0},
		{p, "III", 4, 5}, {sp, "1", 1, 0}, {sp, "2", 3, 0},
		{p, "IV", 6, 6}, {sp, "1", 2, 0},
		{p, "V", 7, 7}, {sp, "1", 1, 0}, {sp, "2", 2, 0},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("funding rows (-want +got):\n%s", diff)
	}

	type target struct {
		Level     appendix.Level
		STT, Name string
	}
	var targets []target
	for _, r := range s.Targets {
		targets = append(targets, target{r.Level, r.STT, r.Name})
	}
	tl, dl := appendix.TargetLevel, appendix.TargetDetailLevel
	wantTargets := []target{
		{tl, "1", "Giảm tỷ lệ hộ nghèo"}, {dl, "", "Số hộ nghèo giảm"},
		{tl, "2", "Giảm tỷ lệ hộ cận nghèo"}, {dl, "", "Số hộ cận nghèo giảm"},
		{tl, "3", "Tư vấn, hỗ trợ đào tạo nghề, giới thiệu việc làm cho lao động thuộc hộ nghèo, hộ cận nghèo có nhu cầu"},
		{tl, "4", "Tạo việc làm mới"},
	}
	if diff := cmp.Diff(wantTargets, targets); diff != "" {
		t.Errorf("targets (-want +got):\n%s", diff)
	}
}

// TestSummarizeLoneHouseholds: a households line without its percent is
// a target of its own, numbered, not a line under another.
func TestSummarizeLoneHouseholds(t *testing.T) {
	src := strings.Replace(minimalPlan, "projects:", "targets:\n  poverty_reduction: {households: 40}\nprojects:", 1)
	res := plan.Validate("plan.yaml", []byte(src))
	if res.Plan == nil {
		t.Fatalf("plan not loaded: %v", res.Diagnostics)
	}
	s := appendix.Summarize(res.Plan)
	if len(s.Targets) != 1 || s.Targets[0].Level != appendix.TargetLevel || s.Targets[0].STT != "1" {
		t.Errorf("targets = %+v, want one numbered target", s.Targets)
	}
}
