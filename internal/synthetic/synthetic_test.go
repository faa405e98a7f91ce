package synthetic

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/kehoach/kehoach/plan"
)

// TestValid checks that synthetic plans of small sizes are valid with no
// findings at all, are marked illustrative, and are the same bytes on
// every call.
func TestValid(t *testing.T) {
	tests := []struct {
		name  string
		write func(*bytes.Buffer) error
	}{
		{"national/1", func(b *bytes.Buffer) error { return National(b, 1) }},
		{"national/17", func(b *bytes.Buffer) error { return National(b, 17) }},
		{"national/250", func(b *bytes.Buffer) error { return National(b, 250) }},
		{"district/1", func(b *bytes.Buffer) error { return District(b, DistrictName(1), 1) }},
		{"district/20", func(b *bytes.Buffer) error { return District(b, DistrictName(2), DistrictCommunes) }},
		{"district/700", func(b *bytes.Buffer) error { return District(b, DistrictName(Districts), DistrictCommunes) }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var a, b bytes.Buffer
			if err := tt.write(&a); err != nil {
				t.Fatal(err)
			}
			if err := tt.write(&b); err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(a.Bytes(), b.Bytes()) {
				t.Error("two calls wrote different bytes")
			}
			r := plan.Validate(tt.name+".yaml", a.Bytes())
			if r.Plan == nil {
				t.Fatal("the plan could not be read")
			}
			for _, d := range r.Diagnostics {
				t.Errorf("%d:%d: %s %s", d.Line, d.Column, d.Code, d.Message.EN)
			}
			if !strings.HasPrefix(a.String(), "# SỐ LIỆU MINH HỌA — ILLUSTRATIVE FIGURES.") {
				t.Error("the header comment does not mark the figures illustrative")
			}
			if !strings.Contains(r.Plan.Info.Title.Value, "(số liệu minh họa)") {
				t.Errorf("title %q does not mark the figures illustrative", r.Plan.Info.Title.Value)
			}
		})
	}
}

// TestShape checks the national plan's rows: one activity per commune in
// each of the seven funded nodes, and one target row per commune.
func TestShape(t *testing.T) {
	const n = 30
	var b bytes.Buffer
	if err := National(&b, n); err != nil {
		t.Fatal(err)
	}
	p := plan.Validate("national.yaml", b.Bytes()).Plan
	if p == nil {
		t.Fatal("the plan could not be read")
	}
	acts, nodes := 0, 0
	for _, pr := range p.Projects {
		if len(pr.Subprojects) == 0 {
			nodes++
			acts += len(pr.Activities)
		}
		for _, s := range pr.Subprojects {
			nodes++
			acts += len(s.Activities)
		}
	}
	if nodes != 7 || acts != 7*n {
		t.Errorf("%d funded nodes with %d activities, want 7 with %d", nodes, acts, 7*n)
	}
	if len(p.Communes) != n || len(p.Targets.ByCommune) != n {
		t.Errorf("%d communes and %d target rows, want %d of each", len(p.Communes), len(p.Targets.ByCommune), n)
	}
}

func TestNoCommunes(t *testing.T) {
	var b bytes.Buffer
	if err := National(&b, 0); err == nil {
		t.Error("National(0) succeeded")
	}
}

// TestWriteRepo: the repository workload is one file per district, named
// and filled as District writes it, and the national file is National's.
func TestWriteRepo(t *testing.T) {
	dir := t.TempDir()
	if err := WriteRepo(filepath.Join(dir, "repo"), 3, 2); err != nil {
		t.Fatal(err)
	}
	names, err := filepath.Glob(filepath.Join(dir, "repo", "*"))
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"huyen-001.yaml", "huyen-002.yaml", "huyen-003.yaml"}; len(names) != len(want) || filepath.Base(names[2]) != want[2] {
		t.Fatalf("files %v, want %v", names, want)
	}
	var want bytes.Buffer
	if err := District(&want, DistrictName(2), 2); err != nil {
		t.Fatal(err)
	}
	if got, err := os.ReadFile(names[1]); err != nil || !bytes.Equal(got, want.Bytes()) {
		t.Errorf("%s differs from District's plan (%v)", names[1], err)
	}

	name := filepath.Join(dir, "national.yaml")
	if err := WriteNational(name, 3); err != nil {
		t.Fatal(err)
	}
	want.Reset()
	if err := National(&want, 3); err != nil {
		t.Fatal(err)
	}
	if got, err := os.ReadFile(name); err != nil || !bytes.Equal(got, want.Bytes()) {
		t.Errorf("national.yaml differs from National's plan (%v)", err)
	}
}
