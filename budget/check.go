package budget

import (
	"fmt"
	"math/big"

	"github.com/kehoach/kehoach/diag"
)

var sourceName = [numSources]diag.Text{
	{VI: "NSTW", EN: "central funds"},
	{VI: "NSĐP", EN: "local funds"},
	{VI: "vốn huy động khác", EN: "other funds"},
}

var sourceKey = [numSources]string{"central", "local", "other"}

var totalName = diag.Text{VI: "tổng kinh phí", EN: "total"}

// checker walks a funding tree once, computing effective amounts bottom-up
// and reporting each wrong figure where it is written.
type checker struct {
	rules Rules
	// leaves returns the activities of a node that leaves them out of the
	// tree (CheckLeaves); nil when the tree holds them all.
	leaves func(*Node) []*Node
	out    []diag.Diagnostic
}

// Check runs the funding rules B201–B207 on a plan's funding tree and
// returns the findings, unsorted.
//
// Every node has an effective amount per source, as [Effective] defines it
// (Check computes them in the same walk): the source as the node writes it
// or, where it does not, the sum of its children's effective amounts (zero
// for a node without children). Its effective total is the sum of its
// effective sources; a written total is only an assertion. A wrong figure
// is therefore reported where it is written, never again at the nodes
// above it.
func Check(root *Node, r Rules) []diag.Diagnostic {
	return CheckLeaves(root, r, nil)
}

// CheckLeaves is [Check] on a tree that leaves out the activities: when the
// check reaches a project or sub-project without children, leaves returns
// its activities (nil for none). The check is done with them before it
// calls leaves again, so the caller may build every list into the same
// nodes: a plan of tens of thousands of activities is checked without a
// node for each of them at once.
func CheckLeaves(root *Node, r Rules, leaves func(*Node) []*Node) []diag.Diagnostic {
	c := &checker{rules: r, leaves: leaves}
	c.node(root)
	return c.out
}

// node checks n and its subtree and returns n's effective amounts, as
// [Effective] defines them.
func (c *checker) node(n *Node) Amounts {
	kids := n.Children
	if len(kids) == 0 && c.leaves != nil && n.Kind != Activity {
		kids = c.leaves(n)
	}
	children := zeroAmounts
	for _, ch := range kids {
		children = children.plus(c.node(ch))
	}
	hasChildren := len(kids) > 0
	eff := own(n, children)
	f := &n.Funding
	if hasChildren {
		for s := range numSources {
			fig := f.Sources[s]
			if fig.Written && fig.Valid && children.Known[s] && fig.Value != children.Sources[s] {
				c.mismatch(n, kids, fig, children.Sources[s], sourceName[s])
			}
		}
	}
	if t := f.Total; t.Written && t.Valid {
		sources, sourcesKnown := eff.Total()
		sum, sumKnown := children.Total()
		reported := false
		// On a node with children, whether B201 or B202/B203 applies
		// depends on the children's sum: when that involves a figure with
		// an E finding, neither is reported.
		if sourcesKnown && t.Value != sources && (!hasChildren || sumKnown && t.Value != sum) {
			c.b201(n, t, sources)
			reported = true
		}
		if !reported && hasChildren && sumKnown && t.Value != sum {
			c.mismatch(n, kids, t, sum, totalName)
		}
	}
	if n.Allocated != nil && n.Allocated.Valid && eff.Known[Central] && eff.Sources[Central] > n.Allocated.Value {
		c.b206(n, eff.Sources[Central])
	}
	if (n.Kind == Project && !hasSubprojects(n)) || n.Kind == Subproject {
		if total, ok := eff.Total(); ok && total == 0 {
			c.b207(n)
		}
	}
	if c.rules.HasCounterpartMin {
		// B204 on the plan, B205 where funds are allocated: a sub-project,
		// or a project without sub-projects.
		switch {
		case n.Kind == Plan:
			c.shortfall("B204", n, eff)
		case n.Kind == Subproject, n.Kind == Project && !hasSubprojects(n):
			c.shortfall("B205", n, eff)
		}
	}
	return eff
}

func hasSubprojects(n *Node) bool {
	return len(n.Children) > 0 && n.Children[0].Kind == Subproject
}

func (c *checker) severity(diff Amount) diag.Severity {
	if diff < 0 {
		diff = -diff
	}
	if diff <= c.rules.Tolerance {
		return diag.Warning
	}
	return diag.Error
}

func diffOf(stated, computed Amount) Amount {
	d, ok := stated.Sub(computed)
	if !ok {
		// Both are below 2^63 thousandths in magnitude and non-negative in
		// a valid plan; a difference that overflows cannot be stated.
		return 0
	}
	return d
}

func (c *checker) finding(code string, sev diag.Severity, fig Figure, msg, help diag.Text) *diag.Diagnostic {
	c.out = append(c.out, diag.Diagnostic{
		Code: code, Severity: sev, Message: msg, Help: help,
		Line: fig.Line, Column: fig.Column, Path: fig.Path.String(),
	})
	return &c.out[len(c.out)-1]
}

func withTolerance(sev diag.Severity, tol Amount) diag.Text {
	if sev != diag.Warning {
		return diag.Text{}
	}
	return diag.Text{
		VI: fmt.Sprintf(" Chênh lệch nằm trong dung sai %s của kế hoạch nên chỉ là cảnh báo.", tol.Format(true)),
		EN: fmt.Sprintf(" The difference is within the plan's tolerance of %s, so this is a warning.", tol.Format(false)),
	}
}

// mismatch reports a stated figure that differs from the sum of the node's
// children: B203 on the plan, B202 elsewhere.
func (c *checker) mismatch(n *Node, kids []*Node, fig Figure, computed Amount, what diag.Text) {
	diff := diffOf(fig.Value, computed)
	sev := c.severity(diff)
	code, parts := "B202", diag.Text{VI: "các tiểu dự án", EN: "its sub-projects"}
	switch {
	case n.Kind == Plan:
		code, parts = "B203", diag.Text{VI: "các dự án", EN: "the projects"}
	case len(kids) > 0 && kids[0].Kind == Activity:
		parts = diag.Text{VI: "các hoạt động", EN: "its activities"}
	}
	tol := withTolerance(sev, c.rules.Tolerance)
	msg := diag.Text{
		VI: fmt.Sprintf("%s của %s ghi %s, nhưng tổng của %s là %s (chênh lệch %s)",
			what.VI, n.Label.VI, fig.Value.Format(true), parts.VI, computed.Format(true), diff.Format(true)),
		EN: fmt.Sprintf("%s of %s: stated %s, but %s add up to %s (difference %s)",
			what.EN, n.Label.EN, fig.Value.Format(false), parts.EN, computed.Format(false), diff.Format(false)),
	}
	help := diag.Text{
		VI: fmt.Sprintf("Ghi %s (tổng của %s), hoặc sửa số sai ở %s.%s", computed, parts.VI, parts.VI, tol.VI),
		EN: fmt.Sprintf("Write %s (the sum of %s), or correct the wrong figure in %s.%s", computed, parts.EN, parts.EN, tol.EN),
	}
	d := c.finding(code, sev, fig, msg, help)
	d.Stated, d.Computed, d.Difference = fig.Value.String(), computed.String(), diff.String()
}

func (c *checker) b201(n *Node, t Figure, own Amount) {
	diff := diffOf(t.Value, own)
	sev := c.severity(diff)
	tol := withTolerance(sev, c.rules.Tolerance)
	msg := diag.Text{
		VI: fmt.Sprintf("tổng kinh phí của %s ghi %s, nhưng NSTW + NSĐP + vốn huy động khác = %s (chênh lệch %s)",
			n.Label.VI, t.Value.Format(true), own.Format(true), diff.Format(true)),
		EN: fmt.Sprintf("total of %s: stated %s, but central + local + other = %s (difference %s)",
			n.Label.EN, t.Value.Format(false), own.Format(false), diff.Format(false)),
	}
	help := diag.Text{
		VI: fmt.Sprintf("Ghi total: %s, hoặc sửa nguồn vốn bị sai.%s", own, tol.VI),
		EN: fmt.Sprintf("Write total: %s, or correct the source that is wrong.%s", own, tol.EN),
	}
	if !n.Funding.Sources[Central].Written && !n.Funding.Sources[Local].Written && !n.Funding.Sources[Other].Written {
		// Only a total: on a row without children its sources are zero.
		msg = diag.Text{
			VI: fmt.Sprintf("tổng kinh phí của %s ghi %s, nhưng không ghi nguồn vốn nào (central, local, other), nên các nguồn cộng lại bằng %s", n.Label.VI, t.Value.Format(true), own.Format(true)),
			EN: fmt.Sprintf("total of %s: stated %s, but no source (central, local, other) is written, so the sources add up to %s", n.Label.EN, t.Value.Format(false), own.Format(false)),
		}
		help = diag.Text{
			VI: "Ghi các nguồn: funding: {central: …, local: …, other: …}; tổng chỉ là phép kiểm tra.",
			EN: "Write the sources: funding: {central: …, local: …, other: …}; a total is only a check.",
		}
	}
	d := c.finding("B201", sev, t, msg, help)
	d.Stated, d.Computed, d.Difference = t.Value.String(), own.String(), diff.String()
}

func (c *checker) b206(n *Node, central Amount) {
	fig := n.Funding.Sources[Central]
	if !fig.Written {
		fig = c.anchor(n)
	}
	over := diffOf(central, n.Allocated.Value)
	src := ""
	if n.AllocationSource != "" {
		src = " (" + n.AllocationSource + ")"
	}
	msg := diag.Text{
		VI: fmt.Sprintf("NSTW của %s là %s, vượt dự toán được giao %s%s là %s",
			n.Label.VI, central.Format(true), n.Allocated.Value.Format(true), src, over.Format(true)),
		EN: fmt.Sprintf("central funds of %s are %s, %s more than the %s assigned%s",
			n.Label.EN, central.Format(false), over.Format(false), n.Allocated.Value.Format(false), src),
	}
	help := diag.Text{
		VI: fmt.Sprintf("Giảm NSTW xuống tối đa %s, hoặc cập nhật allocation nếu dự toán đã được điều chỉnh.", n.Allocated.Value),
		EN: fmt.Sprintf("Plan at most %s of central funds, or update allocation if the budget was changed.", n.Allocated.Value),
	}
	c.finding("B206", diag.Error, fig, msg, help)
}

func (c *checker) b207(n *Node) {
	msg := diag.Text{
		VI: fmt.Sprintf("%s không có kinh phí (tổng bằng 0)", n.Label.VI),
		EN: fmt.Sprintf("%s has no funding (its total is 0)", n.Label.EN),
	}
	help := diag.Text{
		VI: "Ghi funding: {central: …, local: …, other: …}, hoặc bỏ dự án, tiểu dự án này nếu năm nay không thực hiện.",
		EN: "Write funding: {central: …, local: …, other: …}, or remove it if it is not carried out this year.",
	}
	// At its number, as rules.md says, even when it writes a funding of
	// zeros.
	c.finding("B207", diag.Warning, n.Number, msg, help)
}

// anchor is where a finding about a node as a whole points: its funding
// key when it has one, else its number.
func (c *checker) anchor(n *Node) Figure {
	if n.Funding.Written {
		return Figure{Line: n.Funding.Line, Column: n.Funding.Column, Path: n.Funding.Path}
	}
	if n.Kind == Plan {
		return Figure{Line: c.rules.ProjectsLine, Column: c.rules.ProjectsColumn, Path: diag.PathOf("projects")}
	}
	return n.Number
}

func (c *checker) shortfall(code string, n *Node, eff Amounts) {
	if !eff.Known[Central] || !eff.Known[Local] || eff.Sources[Central] <= 0 {
		return
	}
	central, local := eff.Sources[Central], eff.Sources[Local]
	// Compared exactly: 100 × local against percent × central, all in
	// thousandths. missing = percent × central / 100 − local.
	// percent and central are both in thousandths, so percent × central
	// is missing-plus-local in thousandths times 100 × 1000.
	need := new(big.Int).Mul(big.NewInt(int64(c.rules.CounterpartMin)), big.NewInt(int64(central)))
	have := new(big.Int).Mul(big.NewInt(int64(local)), big.NewInt(100*Scale))
	gap := new(big.Int).Sub(need, have) // missing × 100 × 1000, in thousandths
	if gap.Sign() <= 0 {
		return
	}
	tol := new(big.Int).Mul(big.NewInt(int64(c.rules.Tolerance)), big.NewInt(100*Scale))
	if gap.Cmp(tol) <= 0 {
		return
	}
	// missing, rounded up to three decimals (whole thousandths).
	den := big.NewInt(100 * Scale)
	q, m := new(big.Int).QuoRem(gap, den, new(big.Int))
	if m.Sign() > 0 {
		q.Add(q, big.NewInt(1))
	}
	missing := Amount(q.Int64())
	// percent reached, two decimals, rounded half up: 100 × local / central.
	num := new(big.Int).Mul(big.NewInt(int64(local)), big.NewInt(100*100*2))
	reachedQ := new(big.Int).Quo(num, big.NewInt(int64(central)))
	reachedQ.Add(reachedQ, big.NewInt(1))
	reachedQ.Quo(reachedQ, big.NewInt(2)) // hundredths of a percent
	reached := Amount(reachedQ.Int64() * 10)

	fig := n.Funding.Sources[Local]
	if !fig.Written {
		fig = c.anchor(n)
	}
	pctText := c.rules.CounterpartMin
	what := diag.Text{VI: "kế hoạch", EN: "the plan"}
	if n.Kind != Plan {
		what = n.Label
	}
	msg := diag.Text{
		VI: fmt.Sprintf("NSĐP của %s là %s, bằng %s %% NSTW (%s), dưới mức tối thiểu %s %%: thiếu %s",
			what.VI, local.Format(true), reached.FormatFixed(true, 2), central.Format(true), pctText.Format(true), missing.Format(true)),
		EN: fmt.Sprintf("local funds of %s are %s, %s %% of central funds (%s), below the minimum of %s %%: %s short",
			what.EN, local.Format(false), reached.FormatFixed(false, 2), central.Format(false), pctText.Format(false), missing.Format(false)),
	}
	want, _ := local.Add(missing)
	help := diag.Text{
		VI: fmt.Sprintf("Bố trí NSĐP ít nhất %s (rules.counterpart_min_percent: %s).", want, pctText),
		EN: fmt.Sprintf("Plan at least %s of local funds (rules.counterpart_min_percent: %s).", want, pctText),
	}
	c.finding(code, diag.Warning, fig, msg, help)
}
