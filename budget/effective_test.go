package budget

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

// fig is a written, valid figure of n units.
func fig(n int64) Figure { return Figure{Value: Amount(n * Scale), Written: true, Valid: true} }

// bad is a written figure with an E finding.
var bad = Figure{Written: true}

func node(central, local, other Figure, children ...*Node) *Node {
	return &Node{Funding: Funding{Sources: [numSources]Figure{central, local, other}}, Children: children}
}

func known(c, l, o int64) Amounts {
	return Amounts{Sources: [numSources]Amount{Amount(c * Scale), Amount(l * Scale), Amount(o * Scale)}, Known: knownOf(true, true, true)}
}

func TestEffectiveAndComputed(t *testing.T) {
	var none Figure
	tests := []struct {
		name          string
		n             *Node
		effective     Amounts
		computed      Amounts
		total         Amount
		totalKnown    bool
		computedTotal Amount
	}{
		{
			name:      "leaf as written, unwritten is zero",
			n:         node(fig(58), fig(6), none),
			effective: known(58, 6, 0), computed: known(58, 6, 0),
			total: 64 * Scale, totalKnown: true, computedTotal: 64 * Scale,
		},
		{
			name:      "parent sums what it does not write",
			n:         node(none, none, none, node(fig(1817), fig(182), none), node(fig(226), fig(23), none)),
			effective: known(2043, 205, 0), computed: known(2043, 205, 0),
			total: 2248 * Scale, totalKnown: true, computedTotal: 2248 * Scale,
		},
		{
			// The reference plan states 622 where its projects add up to
			// 623: effective keeps the statement, computed the true sum.
			name:      "stated figure off by one",
			n:         node(fig(6220), fig(622), fig(761), node(fig(6220), fig(623), fig(761))),
			effective: known(6220, 622, 761), computed: known(6220, 623, 761),
			total: 7603 * Scale, totalKnown: true, computedTotal: 7604 * Scale,
		},
		{
			name:      "a figure with an E finding is unknown, and so is its sum",
			n:         node(none, fig(10), none, node(bad, fig(4), none), node(fig(5), fig(6), none)),
			effective: Amounts{Sources: [numSources]Amount{0, 10 * Scale, 0}, Known: knownOf(false, true, true)},
			computed:  Amounts{Sources: [numSources]Amount{0, 10 * Scale, 0}, Known: knownOf(false, true, true)},
		},
		{
			name:      "a parent's written figure hides an unknown child",
			n:         node(fig(9), none, none, node(bad, none, none)),
			effective: known(9, 0, 0),
			computed:  Amounts{Known: knownOf(false, true, true)},
			total:     9 * Scale, totalKnown: true,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if diff := cmp.Diff(tt.effective, Effective(tt.n)); diff != "" {
				t.Errorf("Effective (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tt.computed, Computed(tt.n)); diff != "" {
				t.Errorf("Computed (-want +got):\n%s", diff)
			}
			total, ok := Effective(tt.n).Total()
			if ok != tt.totalKnown || total != tt.total {
				t.Errorf("Effective(n).Total() = %v, %v; want %v, %v", total, ok, tt.total, tt.totalKnown)
			}
			if ct, ok := Computed(tt.n).Total(); ok && ct != tt.computedTotal {
				t.Errorf("Computed(n).Total() = %v, want %v", ct, tt.computedTotal)
			}
		})
	}
}

// TestEffectiveAgreesWithCheck: where Check finds no B201–B203, the
// effective and computed amounts agree at every node.
func TestEffectiveAgreesWithCheck(t *testing.T) {
	var none Figure
	root := node(fig(100), none, none,
		node(none, fig(5), none, node(fig(60), fig(3), none), node(fig(40), fig(2), fig(1))),
		node(fig(0), none, none))
	if ds := Check(root, Rules{}); len(ds) > 0 {
		t.Fatalf("Check found %v", ds)
	}
	var walk func(n *Node)
	walk = func(n *Node) {
		if diff := cmp.Diff(Effective(n), Computed(n)); diff != "" {
			t.Errorf("Effective and Computed differ (-effective +computed):\n%s", diff)
		}
		for _, ch := range n.Children {
			walk(ch)
		}
	}
	walk(root)
}

// known is which of the three sources are known; the sources beyond them,
// which no node writes, are known zeros.
func knownOf(central, local, other bool) [numSources]bool {
	k := [numSources]bool{central, local, other}
	for s := 3; s < numSources; s++ {
		k[s] = true
	}
	return k
}
