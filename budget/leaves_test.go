package budget_test

import (
	"fmt"
	"math/rand/v2"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/kehoach/kehoach/budget"
)

// TestCheckLeaves checks that CheckLeaves on a tree without its
// activities, given them one list at a time in reused nodes, reports
// exactly what Check reports on the whole tree, in the same order.
func TestCheckLeaves(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	figure := func() string {
		switch rng.IntN(8) {
		case 0:
			return ""
		case 1:
			return "?"
		}
		return fmt.Sprint(rng.IntN(40))
	}
	funding := func() amounts {
		if rng.IntN(5) == 0 {
			return amounts{}
		}
		a := amounts{figure(), figure(), figure(), ""}
		if rng.IntN(3) == 0 {
			a.total = figure()
		}
		return a
	}
	rules := []budget.Rules{rulesWith("0"), rulesWith("2"), counterpart("0", "10"), counterpart("1", "15")}
	findings := 0
	for i := range 300 {
		tr := &tree{}
		activities := func() []*budget.Node {
			var acts []*budget.Node
			for k := range rng.IntN(4) {
				acts = append(acts, tr.activity(k, funding()))
			}
			return acts
		}
		var projects []*budget.Node
		for p := range 1 + rng.IntN(3) {
			var children []*budget.Node
			if rng.IntN(2) == 0 {
				for j := range 1 + rng.IntN(3) {
					children = append(children, tr.subproject(j, j+1, funding(), activities()...))
				}
			} else {
				children = activities()
			}
			projects = append(projects, tr.project(p, p+2, funding(), children...))
		}
		root := tr.plan(funding(), projects...)
		r := rules[i%len(rules)]
		want := budget.Check(root, r)
		findings += len(want)

		// The same tree without its activities, which leaves builds into
		// nodes that it reuses from call to call.
		lists := map[*budget.Node][]*budget.Node{}
		var strip func(n *budget.Node)
		strip = func(n *budget.Node) {
			if len(n.Children) > 0 && n.Children[0].Kind == budget.Activity {
				lists[n] = n.Children
				n.Children = nil
			}
			for _, ch := range n.Children {
				strip(ch)
			}
		}
		strip(root)
		var reused [8]budget.Node
		var ptrs [8]*budget.Node
		leaves := func(n *budget.Node) []*budget.Node {
			acts := lists[n]
			for k, a := range acts {
				reused[k] = *a
				ptrs[k] = &reused[k]
			}
			return ptrs[:len(acts)]
		}
		got := budget.CheckLeaves(root, r, leaves)
		if diff := cmp.Diff(want, got); diff != "" {
			t.Fatalf("tree %d: CheckLeaves() mismatch (-want +got):\n%s", i, diff)
		}
	}
	if findings < 300 {
		t.Errorf("the trees gave %d findings in all: too few to compare", findings)
	}
}
