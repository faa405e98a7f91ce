package plan

import (
	"regexp"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestSkeleton(t *testing.T) {
	s := compileSchema(t)
	for _, tc := range []struct {
		name      string
		o         SkeletonOptions
		projects  []int // in the file, in order
		subprojs  int   // sub-projects in the file
		wantB207s int
	}{
		{"all projects", SkeletonOptions{Province: "Lào Cai", District: "Bảo Yên", Year: 2024}, []int{1, 2, 3, 4, 5, 6, 7}, 11, 13},
		{"a subset in any order", SkeletonOptions{Province: "Lào Cai", District: "Bảo Yên", Year: 2022, Projects: []int{7, 2, 3, 4, 6, 2}}, []int{2, 3, 4, 6, 7}, 9, 10},
		{"names that need quotes", SkeletonOptions{Province: "Tỉnh: #1", District: "'Bảo' Yên: [x]", Year: 2025, Projects: []int{2}}, []int{2}, 0, 1},
		{"decomposed input", SkeletonOptions{Province: "La\u0300o Cai", District: "Ba\u0309o Ye\u0302n", Year: 2023, Projects: []int{5}}, []int{5}, 0, 1},
	} {
		t.Run(tc.name, func(t *testing.T) {
			src, err := Skeleton(tc.o)
			if err != nil {
				t.Fatal(err)
			}
			r := Validate("skeleton.yaml", src)
			if r.Plan == nil {
				t.Fatalf("the skeleton does not load: %v\n%s", r.Diagnostics, src)
			}
			b207 := 0
			for _, d := range r.Diagnostics {
				if d.Code != "B207" {
					t.Errorf("%s at %d:%d %s: %s", d.Code, d.Line, d.Column, d.Path, d.Message.EN)
					continue
				}
				b207++
			}
			if b207 != tc.wantB207s {
				t.Errorf("%d B207 warnings, want %d", b207, tc.wantB207s)
			}
			var nums []int
			subs := 0
			for i, p := range r.Plan.Projects {
				nums = append(nums, p.Number.Value)
				if p.Appendix.Value != 3+i {
					t.Errorf("project %d: appendix %d, want %d", p.Number.Value, p.Appendix.Value, 3+i)
				}
				subs += len(p.Subprojects)
			}
			if diff := cmp.Diff(tc.projects, nums); diff != "" {
				t.Errorf("projects (-want +got):\n%s", diff)
			}
			if subs != tc.subprojs {
				t.Errorf("%d sub-projects, want %d", subs, tc.subprojs)
			}
			if got, want := r.Plan.Info.District.Value, strings.TrimSpace(tc.o.District); FoldName(got) != FoldName(want) {
				t.Errorf("district %q, want %q", got, want)
			}
			if err := s.Validate(yamlValue(t, src)); err != nil {
				t.Errorf("the skeleton does not pass the schema: %v", err)
			}
		})
	}
}

// exampleLine is a commented example in the skeleton: a key, a list item
// or a flow mapping, as opposed to a comment in words.
var exampleLine = regexp.MustCompile(`^(\s*)# (\s*(?:[a-z_]+:|- ).*)$`)

// TestSkeletonExamples uncomments every example of the skeleton and checks
// that the plan still has no error and passes the schema: the examples
// show what to write.
func TestSkeletonExamples(t *testing.T) {
	src, err := Skeleton(SkeletonOptions{Province: "Lào Cai", District: "Bảo Yên", Year: 2024})
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(string(src), "\n")
	body := false
	n := 0
	for i, l := range lines {
		if l == "kehoach: 1" {
			body = true
		}
		if m := exampleLine.FindStringSubmatch(l); body && m != nil {
			lines[i] = m[1] + m[2]
			n++
		}
	}
	if n < 20 {
		t.Fatalf("only %d example lines found", n)
	}
	full := []byte(strings.Join(lines, "\n"))
	ds := Validate("skeleton.yaml", full).Diagnostics
	if e, _ := Count(ds); e > 0 {
		for _, d := range ds {
			t.Errorf("%s at %d:%d %s: %s", d.Code, d.Line, d.Column, d.Path, d.Message.EN)
		}
		t.Logf("%s", full)
	}
	if err := compileSchema(t).Validate(yamlValue(t, full)); err != nil {
		t.Errorf("the uncommented skeleton does not pass the schema: %v", err)
	}
}

func TestSkeletonErrors(t *testing.T) {
	for _, tc := range []struct {
		name string
		o    SkeletonOptions
		want string
	}{
		{"unknown programme", SkeletonOptions{Programme: "nong-thon-moi", Province: "Lào Cai", District: "Bảo Yên", Year: 2024}, `unknown programme "nong-thon-moi"`},
		{"no province", SkeletonOptions{District: "Bảo Yên", Year: 2024}, "the province is missing"},
		{"no district", SkeletonOptions{Province: "Lào Cai", Year: 2024}, "the district is missing"},
		{"control character", SkeletonOptions{Province: "Lào Cai", District: "Bảo\nYên", Year: 2024}, "control character"},
		{"year before the period", SkeletonOptions{Province: "Lào Cai", District: "Bảo Yên", Year: 2020}, "year 2020 is outside the programme's period 2021–2025"},
		{"unknown project", SkeletonOptions{Province: "Lào Cai", District: "Bảo Yên", Year: 2024, Projects: []int{2, 8}}, "the programme has no project 8 (its projects are 1, 2, 3, 4, 5, 6, 7)"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Skeleton(tc.o)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error %v, want one containing %q", err, tc.want)
			}
		})
	}
}

func TestSkeletonFileName(t *testing.T) {
	for _, tc := range []struct {
		district string
		want     string
	}{
		{"Bảo Yên", "bao-yen-2024.yaml"},
		{"Đồng Văn", "dong-van-2024.yaml"},
		{"Ba\u0309o  Ye\u0302n ", "bao-yen-2024.yaml"},
		{"TP. Lào Cai", "tp-lao-cai-2024.yaml"},
		{"…", "ke-hoach-2024.yaml"},
	} {
		t.Run(tc.district, func(t *testing.T) {
			if got := (SkeletonOptions{District: tc.district, Year: 2024}).FileName(); got != tc.want {
				t.Errorf("FileName() = %q, want %q", got, tc.want)
			}
		})
	}
}
