package main

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/kehoach/kehoach/plan"
)

// TestInitFlags checks that the flags become the skeleton's options, and
// that bad ones are flag errors.
func TestInitFlags(t *testing.T) {
	for _, tc := range []struct {
		name    string
		args    []string
		want    plan.SkeletonOptions
		wantErr string
	}{
		{"all projects", []string{"--district", "Bảo Yên", "--province", "Lào Cai", "--year", "2024"},
			plan.SkeletonOptions{Programme: plan.DefaultProgramme, Province: "Lào Cai", District: "Bảo Yên", Year: 2024}, ""},
		{"some projects", []string{"--district=Bảo Yên", "--province=Lào Cai", "--year=2022", "--projects=2,3,4,6,7"},
			plan.SkeletonOptions{Programme: plan.DefaultProgramme, Province: "Lào Cai", District: "Bảo Yên", Year: 2022, Projects: []int{2, 3, 4, 6, 7}}, ""},
		{"missing flags", []string{"--province", "Lào Cai"}, plan.SkeletonOptions{}, "thiếu --district, --year"},
		{"bad projects", []string{"--district", "Bảo Yên", "--province", "Lào Cai", "--year", "2024", "--projects", "2;3"}, plan.SkeletonOptions{}, `--projects "2;3"`},
		{"project not in the programme", []string{"--district", "Bảo Yên", "--province", "Lào Cai", "--year", "2024", "--projects", "9"}, plan.SkeletonOptions{}, "không có Dự án 9"},
		{"year outside the period", []string{"--district", "Bảo Yên", "--province", "Lào Cai", "--year", "2026"}, plan.SkeletonOptions{}, "--year 2026"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s, _, _ := testStreams()
			var got plan.SkeletonOptions
			var gotErr error
			cmd := newInitCmdF(s, &globalOptions{lang: plan.VI}, func(o *initOptions) error {
				got, gotErr = o.skeletonOptions(plan.VI)
				return gotErr
			})
			cmd.SetArgs(tc.args)
			cmd.SetOut(s.Out)
			cmd.SetErr(s.ErrOut)
			err := cmd.Execute()
			if tc.wantErr != "" {
				var fe *flagError
				if !errors.As(err, &fe) || !strings.Contains(err.Error(), tc.wantErr) {
					t.Fatalf("error %v, want a flag error containing %q", err, tc.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("options (-want +got):\n%s", diff)
			}
		})
	}
}

// TestInitOverwrite checks that init does not overwrite a file unless
// --force.
func TestInitOverwrite(t *testing.T) {
	t.Chdir(t.TempDir())
	if err := os.WriteFile("plan.yaml", []byte("mine\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	args := []string{"init", "--district", "Bảo Yên", "--province", "Lào Cai", "--year", "2024", "-o", "plan.yaml"}
	s, _, errOut := testStreams()
	if code := Main(args, s); code != exitTrouble || !strings.Contains(errOut.String(), "plan.yaml đã có; dùng --force để ghi đè") {
		t.Errorf("exit %d, stderr %q; want 2 and a refusal", code, errOut)
	}
	if b, _ := os.ReadFile("plan.yaml"); string(b) != "mine\n" {
		t.Errorf("plan.yaml was overwritten: %q", b)
	}
	s, _, errOut = testStreams()
	if code := Main(append(args, "--force"), s); code != exitOK {
		t.Fatalf("exit %d with --force: %s", code, errOut)
	}
	b, err := os.ReadFile(filepath.Join(".", "plan.yaml"))
	if err != nil || !strings.Contains(string(b), "kehoach: 1\n") {
		t.Errorf("plan.yaml is not a skeleton (%v): %q", err, b)
	}
}
