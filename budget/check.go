package budget

import "math/big"

// checker walks a funding tree once, computing effective amounts bottom-up,
// evaluating every equation and reporting the findings that need no
// localisation (B204 to B207).
type checker struct {
	rules Rules
	// leaves returns the activities of a node that leaves them out of the
	// tree (CheckLeaves); nil when the tree holds them all.
	leaves func(*Node) []*Node
	out    []Finding
	// eff holds the effective amounts of the nodes that have children, for
	// the localisation; dirty marks those whose subtree has an equation
	// that fails or a figure with another reading.
	eff   map[*Node]Amounts
	dirty map[*Node]bool
	// fixes, on the walk after the localisation, are the values the
	// explanation gives the figures it changes: B204 to B207 are checked on
	// the plan as corrected, so that one slip gives one finding.
	fixes map[any]Amount
}

// Check runs the funding rules B201–B207 on a plan's funding tree and
// returns the findings, in no particular order.
//
// Every node has an effective amount per source, as [Effective] defines
// it: the source as the node writes it or, where it does not, the sum of
// its children's effective amounts (zero for a node without children). The
// funding of a plan is then a table of balance equations: a written total
// equals the sum of its node's effective sources, and a written source of a
// node with children equals the sum of its children's. When equations
// fail, Check decides which written figures are wrong as statistics
// offices edit survey tables (error localisation, after Fellegi and Holt):
// the explanation that changes the fewest written figures so that every
// equation holds; among those, the one with the most changes that are
// simple typing slips of the value that fits (Scholtus 2009: a digit
// wrong, missing, doubled or two swapped; a Vietnamese thousands dot read
// as a decimal point); then the one whose changes are higher in the tree
// (a total written by hand is more likely wrong than a detail row). Each
// figure of the explanation is one finding, with its suggestion; figures
// the explanation keeps get none. See locate.go.
func Check(root *Node, r Rules) []Finding {
	return CheckLeaves(root, r, nil)
}

// CheckLeaves is [Check] on a tree that leaves out the activities: when the
// check reaches a project or sub-project without children, leaves returns
// its activities (nil for none). The check is done with them before it
// calls leaves again, so the caller may build every list into the same
// nodes: a plan of tens of thousands of activities is checked without a
// node for each of them at once. leaves may be called more than once for
// the same node.
func CheckLeaves(root *Node, r Rules, leaves func(*Node) []*Node) []Finding {
	c := &checker{rules: r, leaves: leaves, eff: map[*Node]Amounts{}, dirty: map[*Node]bool{}}
	c.node(root)
	if !c.dirty[root] {
		return c.out
	}
	fixes := c.locate(root)
	if len(fixes) == 0 {
		return c.out
	}
	// B204 to B207 again, on the corrected figures.
	kept := c.out[:0]
	for _, f := range c.out {
		switch f.Rule {
		case RowSum, PartsSum, PlanSum:
			kept = append(kept, f)
		}
	}
	c.out, c.fixes = kept, fixes
	c.node(root)
	return c.out
}

// fixed returns n with the explanation's values in place of the figures it
// changes, on the walk after the localisation.
func (c *checker) fixed(n *Node) *Node {
	var m *Node
	fix := func(f *Figure) {
		if v, ok := c.fixes[f.Ref]; ok && f.Ref != nil {
			if m == nil {
				cp := *n
				m = &cp
			}
			f = m.Funding.fieldOf(f, &n.Funding)
			f.Value = v
		}
	}
	for i := range n.Funding.Sources {
		fix(&n.Funding.Sources[i])
	}
	fix(&n.Funding.Total)
	if m == nil {
		return n
	}
	return m
}

// fieldOf returns the figure of f that stands where fig stands in of.
func (f *Funding) fieldOf(fig *Figure, of *Funding) *Figure {
	if fig == &of.Total {
		return &f.Total
	}
	for i := range of.Sources {
		if fig == &of.Sources[i] {
			return &f.Sources[i]
		}
	}
	return &f.Total
}

// kids returns n's children: in the tree, or from leaves.
func (c *checker) kids(n *Node) []*Node {
	if len(n.Children) == 0 && c.leaves != nil && n.Kind != Activity {
		return c.leaves(n)
	}
	return n.Children
}

// node checks n and its subtree and returns n's effective amounts, as
// [Effective] defines them, for the purposes of comparison (a row that
// writes a total and no source is unknown, so that its sums are not
// compared with what it does not say), and whether the subtree is dirty:
// it has an equation that fails, or a figure with another reading. Only
// nodes that are not activities are remembered: activities may come in
// reused nodes.
func (c *checker) node(n *Node) (Amounts, bool) {
	kids := c.kids(n)
	if c.fixes != nil {
		n = c.fixed(n)
	}
	children := zeroAmounts
	dirty := false
	for _, ch := range kids {
		a, d := c.node(ch)
		children = children.plus(a)
		dirty = dirty || d
	}
	hasChildren := len(kids) > 0
	eff := own(n, children)
	defer func() {
		if n.Kind != Activity && c.fixes == nil {
			c.dirty[n] = dirty
			if hasChildren {
				c.eff[n] = eff
			}
		}
	}()
	if n.Unreadable {
		return eff, dirty
	}
	f := &n.Funding
	if !hasChildren && writesNoSource(n) && f.Total.Valid {
		if f.Total.Value != 0 && c.fixes == nil {
			c.out = append(c.out, Finding{Rule: RowSum, Node: place(n), Field: TotalField, Figure: f.Total,
				Stated: f.Total.Value, NoSource: true})
		}
		eff = Amounts{}
		return eff, dirty
	}
	for s := range numSources {
		fig := f.Sources[s]
		if hasChildren && fig.Written && fig.Valid && children.Known[s] && fig.Value != children.Sources[s] {
			dirty = true
		}
		dirty = dirty || fig.HasReading && fig.Valid
	}
	if t := f.Total; t.Written && t.Valid {
		if sum, ok := eff.Total(); ok && sum != t.Value {
			dirty = true
		}
		dirty = dirty || t.HasReading
	}
	if n.Allocated != nil && n.Allocated.Valid && eff.Known[Central] && eff.Sources[Central] > n.Allocated.Value {
		c.b206(n, eff.Sources[Central])
	}
	if (n.Kind == Project && !hasSubprojects(n)) || n.Kind == Subproject {
		if total, ok := eff.Total(); ok && total == 0 {
			c.out = append(c.out, Finding{Rule: Unfunded, Node: place(n), Figure: n.Number})
		}
	}
	if c.rules.HasCounterpartMin {
		// B204 on the plan, B205 where funds are allocated: a sub-project,
		// or a project without sub-projects.
		switch {
		case n.Kind == Plan:
			c.shortfall(PlanCounterpart, n, eff)
		case n.Kind == Subproject, n.Kind == Project && !hasSubprojects(n):
			c.shortfall(NodeCounterpart, n, eff)
		}
	}
	return eff, dirty
}

func place(n *Node) Place { return Place{Kind: n.Kind, Ref: n.Ref} }

func hasSubprojects(n *Node) bool {
	return len(n.Children) > 0 && n.Children[0].Kind == Subproject
}

func (c *checker) within(stated, computed Amount) bool {
	d, ok := stated.Sub(computed)
	if !ok {
		return false
	}
	if d < 0 {
		d = -d
	}
	return d <= c.rules.Tolerance
}

func (c *checker) b206(n *Node, central Amount) {
	fig := n.Funding.Sources[Central]
	if !fig.Written {
		fig = c.anchor(n)
	}
	c.out = append(c.out, Finding{Rule: OverAllocation, Node: place(n), Field: CentralField, Figure: fig,
		Stated: central, Computed: n.Allocated.Value})
}

// anchor is where a finding about a node as a whole points: its funding
// key when it has one, else its number.
func (c *checker) anchor(n *Node) Figure {
	if n.Funding.Written {
		return Figure{Ref: n.Funding.Ref}
	}
	if n.Kind == Plan {
		return Figure{Ref: c.rules.Projects}
	}
	return n.Number
}

// short reports whether local funds are below the counterpart minimum of
// central by more than the tolerance, as B204 and B205 compare them.
func (c *checker) short(central, local Amount) bool {
	gap, tol := c.gap(central, local)
	return central > 0 && gap.Cmp(tol) > 0
}

// gap returns how far local funds are below the counterpart minimum of
// central, and the tolerance, both as 100 × 1,000 times an amount in
// thousandths: compared exactly, 100 × local against percent × central.
func (c *checker) gap(central, local Amount) (gap, tol *big.Int) {
	need := new(big.Int).Mul(big.NewInt(int64(c.rules.CounterpartMin)), big.NewInt(int64(central)))
	have := new(big.Int).Mul(big.NewInt(int64(local)), big.NewInt(100*Scale))
	gap = new(big.Int).Sub(need, have)
	tol = new(big.Int).Mul(big.NewInt(int64(c.rules.Tolerance)), big.NewInt(100*Scale))
	return gap, tol
}

func (c *checker) shortfall(rule Rule, n *Node, eff Amounts) {
	if !eff.Known[Central] || !eff.Known[Local] || eff.Sources[Central] <= 0 {
		return
	}
	central, local := eff.Sources[Central], eff.Sources[Local]
	gap, tol := c.gap(central, local)
	if gap.Sign() <= 0 || gap.Cmp(tol) <= 0 {
		return
	}
	// missing, rounded up to three decimals (whole thousandths).
	den := big.NewInt(100 * Scale)
	q, m := new(big.Int).QuoRem(gap, den, new(big.Int))
	if m.Sign() > 0 {
		q.Add(q, big.NewInt(1))
	}
	// percent reached, two decimals, rounded half up: 100 × local / central.
	num := new(big.Int).Mul(big.NewInt(int64(local)), big.NewInt(100*100*2))
	reachedQ := new(big.Int).Quo(num, big.NewInt(int64(central)))
	reachedQ.Add(reachedQ, big.NewInt(1))
	reachedQ.Quo(reachedQ, big.NewInt(2)) // hundredths of a percent

	fig := n.Funding.Sources[Local]
	if !fig.Written {
		fig = c.anchor(n)
	}
	c.out = append(c.out, Finding{Rule: rule, Node: place(n), Field: LocalField, Figure: fig,
		Stated: local, Computed: central, Missing: Amount(q.Int64()), Reached: Amount(reachedQ.Int64() * 10)})
}
