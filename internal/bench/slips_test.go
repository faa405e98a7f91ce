package bench

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/kehoach/kehoach/budget"
	"github.com/kehoach/kehoach/internal/synthetic"
	"github.com/kehoach/kehoach/plan"
)

// slipsSeed seeds the slips of the benchmarks' plans.
const slipsSeed = 1

// BenchmarkValidateNationalSlips validates the national plan with 10, 100
// and 1,000 typing slips in its funding figures: the error localisation
// (budget/locate.go) runs, and validation should cost about what it costs
// without slips (BenchmarkValidateNational) and grow linearly with the
// slips. The findings are written in the text report, as the command
// does.
func BenchmarkValidateNationalSlips(b *testing.B) {
	for _, n := range []int{10, 100, 1000} {
		b.Run(fmt.Sprintf("slips=%d", n), func(b *testing.B) {
			name := slipsFile(b, synthetic.NationalCommunes, n)
			measure(b, func() error { return validateFindings(name) }, "validate-findings", name)
		})
	}
}

// slipsFile returns a national plan of the given number of communes with
// the given number of slips (seed slipsSeed).
func slipsFile(tb testing.TB, communes, slips int) string {
	return work.path(tb, fmt.Sprintf("national-%d-slips-%d.yaml", communes, slips), func(p string) error {
		_, err := synthetic.WriteNationalWithSlips(p, communes, slips, slipsSeed)
		return err
	})
}

// eqKey names an equation of the funding tree: a row's (its total against
// its sources: field -1) or a column's (a node's source against its
// children's).
type eqKey struct {
	node  *plan.Funding
	field int
}

// fig is a written figure of the funding tree: its node and field.
type fig struct {
	node  *plan.Funding
	field int
}

// fundingTree indexes a plan's funding figures by position, and gives
// each node's parent.
type fundingTree struct {
	at     map[[2]int]fig
	parent map[*plan.Funding]*plan.Funding
	total  map[*plan.Funding]bool // nodes that write a total: they have a row equation
}

func newFundingTree(p *plan.Plan) *fundingTree {
	t := &fundingTree{at: map[[2]int]fig{}, parent: map[*plan.Funding]*plan.Funding{}, total: map[*plan.Funding]bool{}}
	add := func(f, parent *plan.Funding) {
		if parent != nil {
			t.parent[f] = parent
		}
		for i, s := range f.Sources {
			if s.Written {
				t.at[[2]int{s.Line, s.Column}] = fig{f, i}
			}
		}
		if f.Total.Written {
			t.at[[2]int{f.Total.Line, f.Total.Column}] = fig{f, int(budget.TotalField)}
			t.total[f] = true
		}
	}
	add(&p.Funding, nil)
	for _, pr := range p.Projects {
		add(&pr.Funding, &p.Funding)
		for _, a := range pr.Activities {
			add(&a.Funding, &pr.Funding)
		}
		for _, s := range pr.Subprojects {
			add(&s.Funding, &pr.Funding)
			for _, a := range s.Activities {
				add(&a.Funding, &s.Funding)
			}
		}
	}
	return t
}

// TestSlipsLocated validates a plan of 1,000 communes with 100 slips and
// checks the findings against the slips: every funding equation the slips
// break has a finding at one of its figures, and nothing but the funding
// rules reports. Slips of that density share equations (a column of
// 1,000 activities holds several), and the localisation then explains the
// residuals with the fewest changes, which need not be the slips (see
// budget/locate.go): how many of its suggestions are at a slipped figure
// is logged, not checked. TestSlipsLocatedSparse checks them where they
// must be right.
func TestSlipsLocated(t *testing.T) {
	const communes, slips = 1000, 100
	r, tree, slipped := validateSlips(t, communes, slips, slipsSeed)
	broken := brokenEquations(t, tree, slipped)
	covered := map[eqKey]bool{}
	suggested, atSlip, undone := 0, 0, 0
	for _, d := range r.Diagnostics {
		if d.Code != "B201" && d.Code != "B202" && d.Code != "B203" {
			t.Errorf("%d:%d: %s %s: a slip gave a finding that is not B201–B203", d.Line, d.Column, d.Code, d.Message.EN)
			continue
		}
		f, ok := tree.at[[2]int{d.Line, d.Column}]
		if !ok {
			t.Errorf("%d:%d: %s at no funding figure", d.Line, d.Column, d.Code)
			continue
		}
		for _, e := range tree.equations(f) {
			covered[e] = true
		}
		if d.Suggestion != "" {
			suggested++
			if s, ok := slipped[[2]int{d.Line, d.Column}]; ok {
				atSlip++
				if sameAmount(t, s.Was, d.Suggestion) {
					undone++
				}
			}
		}
	}
	var silent []string
	for e := range broken {
		if !covered[e] {
			silent = append(silent, tree.name(e))
		}
	}
	slices.Sort(silent)
	t.Logf("%d slips break %d equations; %d findings, %d with a suggestion, %d of those at a slipped figure, %d undoing the slip",
		slips, len(broken), len(r.Diagnostics), suggested, atSlip, undone)
	if len(silent) > 0 {
		// Every equation that fails has a finding at one of its figures:
		// an ambiguity names each source it leaves open.
		t.Errorf("%d of %d broken equations have no finding at any of their figures: %s",
			len(silent), len(broken), strings.Join(silent, "; "))
	}
}

// TestSlipsLocatedSparse validates plans of 1,000 communes with a few
// slips that share no equation, the case the localisation is exact for:
// each slip has a finding, every finding with a suggestion is at a
// slipped figure, and the suggestion undoes the slip. The seeds are the
// first ones whose slips share no equation.
func TestSlipsLocatedSparse(t *testing.T) {
	const communes, slips, plans = 1000, 4, 3
	found := 0
	for seed := uint64(1); found < plans && seed < 200; seed++ {
		r, tree, slipped := validateSlips(t, communes, slips, seed)
		if shareEquation(tree, slipped) {
			continue
		}
		found++
		t.Run(fmt.Sprintf("seed=%d", seed), func(t *testing.T) {
			located := map[[2]int]bool{}
			for _, d := range r.Diagnostics {
				if d.Code != "B201" && d.Code != "B202" && d.Code != "B203" {
					t.Errorf("%d:%d: %s %s: a slip gave a finding that is not B201–B203", d.Line, d.Column, d.Code, d.Message.EN)
					continue
				}
				pos := [2]int{d.Line, d.Column}
				located[pos] = true
				if d.Suggestion == "" {
					continue
				}
				s, ok := slipped[pos]
				switch {
				case !ok:
					t.Errorf("%d:%d: %s suggests %s for %s (%s), which is not a slipped figure", d.Line, d.Column, d.Code, d.Suggestion, d.Stated, d.Path)
				case !sameAmount(t, s.Was, d.Suggestion):
					t.Errorf("%d:%d: %s suggests %s for the slip %s of %s", d.Line, d.Column, d.Code, d.Suggestion, s.Now, s.Was)
				}
			}
			for pos, s := range slipped {
				if located[pos] {
					continue
				}
				// An ambiguous finding is at the node's figure, where
				// the slipped figure is a candidate.
				f := tree.at[pos]
				parent := tree.parent[f.node]
				if parent == nil || !located[figPos(parent, f.field)] {
					t.Errorf("%d:%d: the slip %s of %s has no finding", pos[0], pos[1], s.Now, s.Was)
				}
			}
		})
	}
	if found < plans {
		t.Fatalf("only %d seeds of 200 give %d slips that share no equation", found, slips)
	}
}

// validateSlips writes and validates a national plan with slips, and
// returns the result, its funding tree and the slips by position.
func validateSlips(t *testing.T, communes, slips int, seed uint64) (plan.Result, *fundingTree, map[[2]int]synthetic.Slip) {
	t.Helper()
	var b strings.Builder
	list, err := synthetic.NationalWithSlips(&b, communes, slips, seed)
	if err != nil {
		t.Fatal(err)
	}
	r := plan.Validate("slips.yaml", []byte(b.String()))
	if r.Plan == nil {
		t.Fatal("the plan could not be read")
	}
	tree := newFundingTree(r.Plan)
	slipped := map[[2]int]synthetic.Slip{}
	for _, s := range list {
		pos := [2]int{s.Line, s.Column}
		if _, ok := tree.at[pos]; !ok {
			t.Fatalf("%d:%d: the slip %s of %s is at no funding figure", s.Line, s.Column, s.Now, s.Was)
		}
		slipped[pos] = s
	}
	return r, tree, slipped
}

// equations returns the equations a figure takes part in: its row's, when
// the row writes a total; its parent's column of the figure's source; and
// its own column, when it has children (every node but an activity).
func (t *fundingTree) equations(f fig) []eqKey {
	var out []eqKey
	if t.total[f.node] {
		out = append(out, eqKey{f.node, -1})
	}
	if f.field == int(budget.TotalField) {
		return out
	}
	if p := t.parent[f.node]; p != nil {
		out = append(out, eqKey{p, f.field})
	}
	if t.total[f.node] { // a project, a sub-project or the plan
		out = append(out, eqKey{f.node, f.field})
	}
	return out
}

// brokenEquations returns the equations that the slips break: those whose
// sides no longer agree once the slips' differences are summed.
func brokenEquations(t *testing.T, tree *fundingTree, slipped map[[2]int]synthetic.Slip) map[eqKey]bool {
	residual := map[eqKey]budget.Amount{}
	for pos, s := range slipped {
		f := tree.at[pos]
		d := amount(t, s.Now) - amount(t, s.Was)
		for _, e := range tree.equations(f) {
			// A row: the total minus the sources. A column: the node's
			// figure minus its children's.
			if (e.field == -1) == (f.field == int(budget.TotalField)) && (e.field == -1 || e.node == f.node) {
				residual[e] += d
			} else {
				residual[e] -= d
			}
		}
	}
	out := map[eqKey]bool{}
	for e, r := range residual {
		if r != 0 {
			out[e] = true
		}
	}
	return out
}

// shareEquation reports whether two slips take part in the same equation.
func shareEquation(tree *fundingTree, slipped map[[2]int]synthetic.Slip) bool {
	seen := map[eqKey]bool{}
	for pos := range slipped {
		for _, e := range tree.equations(tree.at[pos]) {
			if seen[e] {
				return true
			}
			seen[e] = true
		}
	}
	return false
}

func (t *fundingTree) name(e eqKey) string {
	f := e.node
	if e.field == -1 {
		return fmt.Sprintf("the row at %s", f.Path)
	}
	return fmt.Sprintf("%s against its parts", f.Sources[e.field].Path)
}

func figPos(f *plan.Funding, field int) [2]int {
	if field == int(budget.TotalField) {
		return [2]int{f.Total.Line, f.Total.Column}
	}
	return [2]int{f.Sources[field].Line, f.Sources[field].Column}
}

func amount(t *testing.T, s string) budget.Amount {
	t.Helper()
	a, err := budget.Parse(s)
	if err != nil {
		t.Fatalf("amount %q: %v", s, err)
	}
	return a
}

func sameAmount(t *testing.T, a, b string) bool { return amount(t, a) == amount(t, b) }
