package plan_test

import (
	"testing"

	"github.com/kehoach/kehoach/plan"
)

func TestPath(t *testing.T) {
	var top plan.Path
	projects := top.Key("projects")
	item := projects.Index(3)
	funding := item.Key("funding")
	local := funding.Key("local")
	basis := plan.PathOf("plan.basis")
	funds := funding.Mapping()
	total, central := funds.Key("total"), funds.Key("central")
	tests := []struct {
		p    plan.Path
		want string
	}{
		{top, ""},
		{projects, "projects"},
		{item, "projects[3]"},
		{funding, "projects[3].funding"},
		{local, "projects[3].funding.local"},
		{total, "projects[3].funding.total"},
		{central, "projects[3].funding.central"},
		{basis.Index(0), "plan.basis[0]"},
		{item.Key(""), "projects[3]."}, // an empty key, written `"": 1`
		{plan.Index("communes", 12), "communes[12]"},
	}
	for _, tc := range tests {
		if got := tc.p.String(); got != tc.want {
			t.Errorf("path = %q, want %q", got, tc.want)
		}
	}
	if !local.Equal(plan.PathOf("projects[3].funding.local")) || local.Equal(funding) {
		t.Error("Equal does not compare the paths as spelt")
	}
	if !top.IsZero() || local.IsZero() {
		t.Errorf("IsZero: top %v, local %v", top.IsZero(), local.IsZero())
	}
}
