package synthetic

import (
	"bytes"
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
