package report

import (
	"bytes"
	"strings"
	"testing"

	"github.com/kehoach/kehoach/plan"
)

func TestGitHubGolden(t *testing.T) {
	for _, tc := range []struct {
		name   string
		o      Options
		golden string
	}{
		{"vi", Options{Lang: plan.VI}, "github_vi"},
		{"en strict", Options{Lang: plan.EN, Strict: true}, "github_en_strict"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var out, summary bytes.Buffer
			tc.o.StepSummary = &summary
			if err := (&github{tc.o, fixedWD("/work/repo")}).Format(&out, testFiles(t)); err != nil {
				t.Fatal(err)
			}
			checkGolden(t, tc.golden+".golden", out.Bytes())
			checkGolden(t, tc.golden+".summary.golden", summary.Bytes())
		})
	}
}

func TestGitHubNoSummary(t *testing.T) {
	var out bytes.Buffer
	if err := (&github{Options{}, fixedWD("/work/repo")}).Format(&out, testFiles(t)); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), "::error ") {
		t.Errorf("no annotations:\n%s", out.String())
	}
}

func TestGitHubAnnotation(t *testing.T) {
	d := plan.Diagnostic{Code: "B203", Severity: plan.Warning, Pos: plan.Pos{Line: 82, Column: 46},
		Message: plan.Message{EN: "100% of 7,603: no"}, Help: plan.Message{EN: "Write 7604.\nOr not."}}
	for _, tc := range []struct {
		file string
		d    plan.Diagnostic
		want string
	}{
		{"plans/a,b.yaml", d, "::warning file=plans/a%2Cb.yaml,line=82,col=46,title=B203::100%25 of 7,603: no%0AWrite 7604.%0AOr not.\n"},
		{"/work/repo/./plans/a.yaml", d, "::warning file=plans/a.yaml,line=82,col=46,title=B203::100%25 of 7,603: no%0AWrite 7604.%0AOr not.\n"},
		{"<stdin>", plan.Diagnostic{Code: "E110", Message: plan.Message{EN: "too large"}}, "::error title=E110::too large\n"},
	} {
		t.Run(tc.file, func(t *testing.T) {
			var b bytes.Buffer
			(&github{Options{Lang: plan.EN}, fixedWD("/work/repo")}).annotation(&b, located{tc.file, tc.d})
			if b.String() != tc.want {
				t.Errorf("got  %q\nwant %q", b.String(), tc.want)
			}
		})
	}
}
