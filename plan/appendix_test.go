package plan

import (
	"slices"
	"strings"
	"testing"
)

func TestAppendixNumbers(t *testing.T) {
	for _, tc := range []struct {
		written, want []int
	}{
		{nil, []int{}},
		{[]int{3, 4, 5}, []int{3, 4, 5}},
		{[]int{3, 4, 4, 5}, []int{3, 4, 4, 5}},       // sharing is right
		{[]int{3, 5}, []int{3, 4}},                   // a gap
		{[]int{2, 3}, []int{3, 3}},                   // reserved: shares the next
		{[]int{1, 2, 3}, []int{3, 3, 3}},             // both reserved
		{[]int{4, 5, 6, 8, 9}, []int{3, 4, 5, 6, 7}}, // init, Dự án 1 and 5 deleted
		{[]int{3, 4, 6, 7}, []int{3, 4, 5, 6}},       // init, Dự án 3 deleted
		{[]int{3, 5, 4}, []int{3, 4, 4}},             // keep 3 and 4, not 3 and 5
		{[]int{3, 4, 3, 4}, []int{3, 4, 4, 4}},       // a tie: the earlier numbers stay
		{[]int{0, 4}, []int{3, 4}},                   // unreadable: fits anywhere
		{[]int{3, 0, 5}, []int{3, 4, 5}},
		{[]int{9, 9, 9}, []int{3, 4, 5}},
		{[]int{5, 5, 3}, []int{3, 3, 3}},
		{[]int{3, 3, 3, 9, 4}, []int{3, 3, 3, 4, 4}},
	} {
		got := appendixNumbers(tc.written)
		if !slices.Equal(got, tc.want) {
			t.Errorf("appendixNumbers(%v) = %v, want %v", tc.written, got, tc.want)
		}
	}
}

// TestAppendicesAfterDeletingProjects runs the skeleton of `kehoach init`
// with Dự án 1 and 5 deleted, as its comments say to do for projects the
// district does not carry out, and the appendices not renumbered: one
// validate run names every appendix to change, with its number.
func TestAppendicesAfterDeletingProjects(t *testing.T) {
	src, err := Skeleton(SkeletonOptions{Province: "Lào Cai", District: "Bảo Yên", Year: 2024})
	if err != nil {
		t.Fatal(err)
	}
	// Delete the entries of projects 1 and 5: from their `- project:` line
	// to the blank line after them.
	var kept []string
	deleting := false
	for _, line := range strings.Split(string(src), "\n") {
		switch {
		case line == "  - project: 1" || line == "  - project: 5":
			deleting = true
		case deleting && strings.TrimSpace(line) == "":
			deleting = false
		}
		if !deleting {
			kept = append(kept, line)
		}
	}
	r := Validate("bao-yen-2024.yaml", []byte(strings.Join(kept, "\n")))
	if r.Plan == nil {
		t.Fatalf("the plan does not load: %v", r.Diagnostics)
	}
	var projects, appendices []int
	for _, p := range r.Plan.Projects {
		projects = append(projects, p.Number.Value)
		appendices = append(appendices, p.Appendix.Value)
	}
	if !slices.Equal(projects, []int{2, 3, 4, 6, 7}) || !slices.Equal(appendices, []int{4, 5, 6, 8, 9}) {
		t.Fatalf("projects %v in appendices %v, want 2, 3, 4, 6, 7 in 4, 5, 6, 8, 9", projects, appendices)
	}
	var helps []string
	for _, d := range r.Diagnostics {
		switch d.Code {
		case "B207": // no funding yet
		case "C405":
			helps = append(helps, d.Help.EN)
		default:
			t.Errorf("%s at %d:%d %s: %s", d.Code, d.Line, d.Column, d.Path, d.Message.EN)
		}
	}
	want := []string{"Write appendix: 3.", "Write appendix: 4.", "Write appendix: 5.", "Write appendix: 6.", "Write appendix: 7."}
	if !slices.Equal(helps, want) {
		t.Errorf("C405 help %q, want %q", helps, want)
	}
}
