package budget

import (
	"cmp"
	"slices"
)

// Error localisation: which written figures are wrong.
//
// In the explanation the figures take values that make every equation
// hold. A node's effective amounts then move by a vector δ from those as
// written (e). For a node n with children, with r(n) the residual of its
// column equations as written (its written source minus the sum of its
// children's, zero for a source it does not write) and D the sum of its
// children's moves, every column equation holds exactly when
// δ(n) = D − r(n) on the sources n writes and δ(n) = D on the others; a
// written source changes when its δ is not zero, and a written total
// changes when it differs from the sum of the moved sources.
//
// The search works bottom-up, once per node, like the check: each node
// offers its parent a few options, each a move δ of its effective amounts
// with the cheapest explanation of its subtree that gives it (best
// first), and the parent combines its children's options. A subtree
// without a failing equation offers only δ = 0 at no cost, but can be
// asked to reach any δ (reach), which puts the move on the cheapest path
// down the tree. The combinations tried are: every child at its best;
// one child at another of its options; and the children at their best
// with one child (or one per source) moving by what is still missing for
// the node's written figures to hold as written. This is exact for one
// slip anywhere, and for several slips that do not share an equation;
// when slips share one, the explanation found still makes every equation
// hold, and has at most the changes of the slips plus those of the
// equations they share.
//
// Ties: when two children would absorb a move at the same cost, the
// explanation is ambiguous there; the finding is then the node's figure,
// with the candidates and no suggestion.

// keepOptions is how many options a node offers its parent.
const keepOptions = 6

// maxSwitches bounds the children whose other options are tried one at a
// time: beyond it, children stay at their best.
const maxSwitches = 64

// maxCandidates bounds the candidates named in an ambiguous finding.
const maxCandidates = 8

// cost of an explanation (see compareCost): its changes, those that are
// not typing slips, how deep in the tree they are (a row's total counting
// as higher than its sources), and its readings.
// A figure read the other way (3.188 as 3188) is not a change: the file
// says it, in a notation YAML does not read, and W105 already reports it.
type cost struct {
	changes, plain, depth, readings int
	// short counts the nodes whose local funds the explanation would put
	// below the counterpart minimum (B205) where the figures as written
	// reach it: an explanation that makes a finding is less likely.
	short int
}

func (a cost) plus(b cost) cost {
	return cost{a.changes + b.changes, a.plain + b.plain, a.depth + b.depth, a.readings + b.readings, a.short + b.short}
}

func (a cost) minus(b cost) cost {
	return cost{a.changes - b.changes, a.plain - b.plain, a.depth - b.depth, a.readings - b.readings, a.short - b.short}
}

func (a cost) weight() int { return a.changes + 2*a.plain + 3*a.short }

// compareCost orders explanations by weight first: a change that is a
// typing slip weighs 1 and any other change 3, the likelihoods of Scholtus'
// correction of typing errors before localisation, and a node put below
// the counterpart minimum 3 more. Without it, a slip in a
// row would be explained with fewer but arbitrary changes that also absorb
// an unrelated rounding difference elsewhere (the reference plan's 622), so
// that the slipped figure would get a value it never had.
func compareCost(a, b cost) int {
	return cmp.Or(cmp.Compare(a.weight(), b.weight()), cmp.Compare(a.changes, b.changes),
		cmp.Compare(a.depth, b.depth), cmp.Compare(a.readings, b.readings))
}

// change is one figure of an explanation and the value it takes.
type change struct {
	node    Place
	field   Field
	fig     Figure
	to      Amount
	reading bool
	rule    Rule
	parts   Kind
	sum     Amount // the parts as written, for PartsSum and PlanSum
	whole   *Place
	row     Amount
	// total is the row's total, for a change of a row's source: where an
	// ambiguity between the row's sources shows.
	total Figure
}

// isReading marks a change that gives a figure its other reading.
func (ch *change) isReading() *change {
	if ch.fig.HasReading && ch.to == ch.fig.Reading {
		ch.reading = true
	}
	return ch
}

func (ch *change) cost() cost {
	if ch.reading {
		return cost{readings: 1}
	}
	// A total is a sum written by hand: more likely wrong than the
	// sources of its row, as a row is more likely wrong than those below.
	c := cost{changes: 1, depth: 2 * int(ch.node.Kind)}
	if ch.field != TotalField {
		c.depth++
	}
	if !IsSlip(ch.fig.Value, ch.to) {
		c.plain = 1
	}
	return c
}

// ambiguity is a place where equally good explanations disagree.
type ambiguity struct {
	node   Place
	field  Field
	fig    Figure
	rule   Rule
	parts  Kind
	sum    Amount
	cands  []Candidate
	stated Amount
}

// chain is an immutable list of changes and ambiguities, shared between
// the options that contain it.
type chain struct {
	items []change
	ambs  []ambiguity
	parts []*chain
}

func (ch *chain) walk(f func(*change), g func(*ambiguity)) {
	if ch == nil {
		return
	}
	for i := range ch.items {
		f(&ch.items[i])
	}
	for i := range ch.ambs {
		g(&ch.ambs[i])
	}
	for _, p := range ch.parts {
		p.walk(f, g)
	}
}

// first returns the first change of the chain, for naming a candidate.
func (ch *chain) first() *change {
	var out *change
	ch.walk(func(c *change) {
		if out == nil {
			out = c
		}
	}, func(*ambiguity) {})
	return out
}

// option is a move of a node's effective amounts and the cheapest
// explanation found for it.
type option struct {
	delta [numSources]Amount
	cost  cost
	ch    *chain
}

var still = []option{{}}

// context is, per source, the nearest ancestor that writes the source:
// the node whose sum a detail row's figure must add up to.
type context [numSources]*Place

// group is what a node with children knows of them: their effective
// amounts, their options, and their best combination.
type group struct {
	n       *Node
	ctx     context // the children's context
	e       Amounts // n's effective amounts
	kidsSum Amounts // the sum of the children's effective amounts
	col     [numSources]bool
	r       [numSources]Amount
	row     bool
	rho     Amount
	// dirty are the children with options other than standing still, by
	// index, and their options.
	dirty     []int
	dirtyOpts [][]option
	dirtyAt   map[int]int // index in dirty of a child's index
	base      [numSources]Amount
	baseCost  cost
	baseParts []*chain
	ok        bool // the children's best moves add up
}

// locator holds the memo of the localisation.
type locator struct {
	c      *checker
	groups map[*Node]*group
	opts   map[*Node][]option
}

// locate finds the explanation of the failing equations and reports it.
// It returns the values the explanation gives the figures it changes, by
// their Ref.
func (c *checker) locate(root *Node) map[any]Amount {
	l := &locator{c: c, groups: map[*Node]*group{}, opts: map[*Node][]option{}}
	opts := l.options(root, context{})
	if len(opts) == 0 {
		// No explanation was found (a correction would be negative or
		// out of range): every failing equation is reported as it is.
		c.unexplained(root)
		return nil
	}
	best := opts[0]
	var tied []*chain
	for _, o := range opts[1:] {
		if compareCost(o.cost, best.cost) == 0 {
			tied = append(tied, o.ch)
		}
	}
	changes, ambs := untie(best.ch, tied)
	fixes := map[any]Amount{}
	for _, ch := range changes {
		if ch.fig.Ref != nil {
			fixes[ch.fig.Ref] = ch.to
		}
		c.out = append(c.out, Finding{
			Rule: ch.rule, Node: ch.node, Field: ch.field, Figure: ch.fig,
			Stated: ch.fig.Value, Computed: ch.to, HasSuggestion: true, Reading: ch.reading,
			WithinTolerance: c.within(ch.fig.Value, ch.to),
			Parts:           ch.parts, Adjusted: (ch.rule == PartsSum || ch.rule == PlanSum) && ch.whole == nil && ch.to != ch.sum,
			Whole: ch.whole, Row: ch.row,
		})
	}
	for _, a := range ambs {
		c.out = append(c.out, Finding{
			Rule: a.rule, Node: a.node, Field: a.field, Figure: a.fig,
			Stated: a.stated, Computed: a.sum, WithinTolerance: c.within(a.stated, a.sum),
			Parts: a.parts, Candidates: a.cands,
		})
	}
	return fixes
}

// untie returns the changes and ambiguities of the best explanation. When
// other explanations are as good (tied) and differ from it only in which
// figure of one row is wrong, that row's total is where they disagree:
// the changes they share are kept, and the others become one ambiguity
// there.
func untie(best *chain, tied []*chain) ([]change, []ambiguity) {
	var changes []change
	var ambs []ambiguity
	best.walk(func(ch *change) { changes = append(changes, *ch) }, func(a *ambiguity) { ambs = append(ambs, *a) })
	if len(tied) == 0 {
		return changes, ambs
	}
	type key struct {
		ref any
		to  Amount
	}
	in := func(ch *chain) map[key]change {
		m := map[key]change{}
		ch.walk(func(c *change) { m[key{c.fig.Ref, c.to}] = *c }, func(*ambiguity) {})
		return m
	}
	sets := []map[key]change{in(best)}
	for _, t := range tied {
		sets = append(sets, in(t))
	}
	// The changes all of them make, and the others.
	var common, differ []change
	for _, ch := range changes {
		k := key{ch.fig.Ref, ch.to}
		all := true
		for _, s := range sets[1:] {
			if _, ok := s[k]; !ok {
				all = false
			}
		}
		if all {
			common = append(common, ch)
		}
	}
	seen := map[key]bool{}
	for _, s := range sets {
		for k, ch := range s {
			shared := true
			for _, t := range sets {
				if _, ok := t[k]; !ok {
					shared = false
				}
			}
			if !shared && !seen[k] {
				seen[k] = true
				differ = append(differ, ch)
			}
		}
	}
	if len(differ) == 0 {
		return changes, ambs
	}
	// Built from maps: ordered so that the report is the same every run.
	slices.SortFunc(differ, func(a, b change) int { return cmp.Or(cmp.Compare(a.field, b.field), cmp.Compare(a.to, b.to)) })
	node := differ[0].node
	var total Figure
	for _, ch := range differ {
		if ch.node != node {
			return changes, ambs
		}
		if ch.field == TotalField {
			total = ch.fig
		} else if ch.total.Written {
			total = ch.total
		}
	}
	if !total.Written {
		return changes, ambs
	}
	a := ambiguity{node: node, field: TotalField, fig: total, rule: RowSum, stated: total.Value}
	for _, ch := range differ {
		if len(a.cands) < maxCandidates {
			a.cands = append(a.cands, Candidate{Node: ch.node, Field: ch.field, Figure: ch.fig, To: ch.to})
		}
	}
	// The row's sources add up to its total less what a source's
	// correction adds (or, when only the total differs, to its value).
	a.sum = differ[0].to
	if d := differ[0]; d.field != TotalField {
		if slip, ok := d.to.Sub(d.fig.Value); ok {
			a.sum, _ = total.Value.Sub(slip)
		}
	}
	return common, append(ambs, a)
}

// effOf returns the effective amounts of a child, as the check compared
// them.
func (l *locator) effOf(n *Node) Amounts {
	if e, ok := l.c.eff[n]; ok {
		return e
	}
	if n.Unreadable || writesNoSource(n) {
		return Amounts{}
	}
	return own(n, zeroAmounts)
}

// isDirty reports whether the subtree of n may offer a move other than
// standing still.
func (l *locator) isDirty(n *Node) bool {
	if n.Kind == Activity && len(n.Children) == 0 {
		return true // computed on the spot: cheap
	}
	return l.c.dirty[n]
}

// options returns n's options, best first.
func (l *locator) options(n *Node, ctx context) []option {
	if n.Unreadable || !l.isDirty(n) {
		return still
	}
	if o, ok := l.opts[n]; ok {
		return o
	}
	kids := l.c.kids(n)
	var out []option
	if len(kids) == 0 {
		out = l.leafOptions(n, ctx)
	} else {
		g := l.group(n, kids, ctx)
		out = l.groupOptions(g)
	}
	if n.Kind != Activity {
		l.opts[n] = out
	}
	return out
}

// group computes what n knows of its children.
func (l *locator) group(n *Node, kids []*Node, ctx context) *group {
	if g, ok := l.groups[n]; ok {
		return g
	}
	g := &group{n: n, ctx: ctx}
	for s := range numSources {
		if f := n.Funding.Sources[s]; f.Written && f.Valid {
			p := place(n)
			g.ctx[s] = &p
		}
	}
	g.kidsSum = zeroAmounts
	for _, k := range kids {
		g.kidsSum = g.kidsSum.plus(l.effOf(k))
	}
	g.e = own(n, g.kidsSum)
	f := &n.Funding
	for s := range numSources {
		if fig := f.Sources[s]; fig.Written && fig.Valid && g.kidsSum.Known[s] {
			g.col[s], g.r[s] = true, fig.Value-g.kidsSum.Sources[s]
		}
	}
	if t := f.Total; t.Written && t.Valid {
		if sum, ok := g.e.Total(); ok {
			g.row, g.rho = true, t.Value-sum
		}
	}
	g.ok = true
	g.dirtyAt = map[int]int{}
	for i, k := range kids {
		o := l.options(k, g.ctx)
		if len(o) == 1 && o[0].ch == nil {
			continue
		}
		if len(o) == 0 {
			g.ok = false
			continue
		}
		g.dirtyAt[i] = len(g.dirty)
		g.dirty = append(g.dirty, i)
		g.dirtyOpts = append(g.dirtyOpts, o)
		g.baseCost = g.baseCost.plus(o[0].cost)
		g.baseParts = append(g.baseParts, o[0].ch)
		for s := range numSources {
			var ok bool
			if g.base[s], ok = g.base[s].Add(o[0].delta[s]); !ok {
				g.ok = false
			}
		}
	}
	if n.Kind != Activity {
		l.groups[n] = g
	}
	return g
}

// groupOptions combines the children's options into n's: the
// combinations tried, with the children moving towards n's written figures.
func (l *locator) groupOptions(g *group) []option {
	if !g.ok {
		return nil
	}
	var target [numSources]Amount
	var free [numSources]bool
	for s := range numSources {
		target[s], free[s] = g.r[s], !g.col[s]
	}
	var out []option
	l.combinations(g, target, free, func(d [numSources]Amount, c cost, parts []*chain) {
		if o, ok := l.finish(g, d, nil, c, parts); ok {
			out = append(out, o)
		}
	})
	return best(out)
}

// combinations calls try with each combination of the children's moves
// that the search tries: every child at its best; one child at another of
// its options; and the children at their best with one child (or one per
// source) moving further so that their moves add up to target on the
// sources that are not free.
func (l *locator) combinations(g *group, target [numSources]Amount, free [numSources]bool, try func(d [numSources]Amount, c cost, parts []*chain)) {
	try(g.base, g.baseCost, g.baseParts)
	if len(g.dirty) <= maxSwitches {
		for i := range g.dirty {
			opts := g.dirtyOpts[i]
			for _, o := range opts[1:] {
				if d, ok := switchDelta(g.base, opts[0].delta, o.delta); ok {
					try(d, g.baseCost.minus(opts[0].cost).plus(o.cost), replaced(g.baseParts, i, o.ch))
				}
			}
		}
	}
	if d, c, parts, ok := l.absorb(g, target, free); ok {
		try(d, c, parts)
	}
}

// best sorts options by cost and keeps the cheapest for each move.
func best(out []option) []option {
	slices.SortStableFunc(out, func(a, b option) int { return compareCost(a.cost, b.cost) })
	kept := out[:0]
	for _, o := range out {
		dup := false
		for _, k := range kept {
			if k.delta == o.delta {
				dup = true
				break
			}
		}
		if !dup {
			kept = append(kept, o)
		}
		if len(kept) == keepOptions {
			break
		}
	}
	return kept
}

func switchDelta(base, from, to [numSources]Amount) ([numSources]Amount, bool) {
	var d [numSources]Amount
	for s := range numSources {
		x, ok1 := base[s].Sub(from[s])
		y, ok2 := x.Add(to[s])
		if !ok1 || !ok2 {
			return d, false
		}
		d[s] = y
	}
	return d, true
}

// replaced returns parts with part i replaced by ch.
func replaced(parts []*chain, i int, ch *chain) []*chain {
	out := slices.Clone(parts)
	out[i] = ch
	return out
}

// finish turns a move D of n's children into n's option: n's own figures
// take the values that make its equations hold. want, when not nil, is the
// move n must make; finish fails when it cannot.
func (l *locator) finish(g *group, d [numSources]Amount, want *[numSources]Amount, kc cost, parts []*chain) (option, bool) {
	n := g.n
	f := &n.Funding
	var o option
	var own []change
	for s := range numSources {
		fig := f.Sources[s]
		switch {
		case g.col[s]:
			delta, ok := d[s].Sub(g.r[s])
			if !ok {
				return o, false
			}
			o.delta[s] = delta
		case fig.Written && fig.Valid:
			// The children's sum is unknown: n's figure stands.
			o.delta[s] = 0
			if want != nil {
				o.delta[s] = want[s]
			}
		default:
			o.delta[s] = d[s]
		}
		if want != nil && o.delta[s] != want[s] && g.e.Known[s] {
			return o, false
		}
		if o.delta[s] != 0 && fig.Written && fig.Valid {
			to, ok := fig.Value.Add(o.delta[s])
			if !ok || to < 0 {
				return o, false
			}
			own = append(own, change{node: place(n), field: Field(s), fig: fig, to: to, rule: partsRule(n),
				parts: kidKind(n), sum: g.kidsSum.Sources[s]})
		}
	}
	if g.row {
		t := f.Total
		var moved [numSources]Amount
		for s := range numSources {
			v, ok := g.e.Sources[s].Add(o.delta[s])
			if !ok {
				return o, false
			}
			moved[s] = v
		}
		to, ok := Sum(moved[:]...)
		if !ok || to < 0 {
			return o, false
		}
		if to != t.Value {
			// The code is that of the equation the total breaks as
			// written: its own sources (B201) first, then its parts.
			ch := change{node: place(n), field: TotalField, fig: t, to: to, rule: RowSum}
			if sum, ok := g.kidsSum.Total(); ok && sum != t.Value && g.rho == 0 {
				ch.rule, ch.parts, ch.sum = partsRule(n), kidKind(n), sum
			}
			own = append(own, ch)
		}
	}
	o.cost = kc.plus(l.shortBy(n, g.e, o.delta))
	for i := range own {
		o.cost = o.cost.plus(own[i].isReading().cost())
	}
	if len(own) > 0 || len(parts) > 0 {
		o.ch = &chain{items: own, parts: parts}
	}
	return o, true
}

// shortBy returns the cost of moving n's effective amounts e by d when that
// puts n's local funds below the counterpart minimum (B205) and e does not.
func (l *locator) shortBy(n *Node, e Amounts, d [numSources]Amount) cost {
	r := l.c.rules
	if !r.HasCounterpartMin || !(n.Kind == Subproject || n.Kind == Project && !hasSubprojects(n)) || d == [numSources]Amount{} {
		return cost{}
	}
	if !e.Known[Central] || !e.Known[Local] {
		return cost{}
	}
	c, ok1 := e.Sources[Central].Add(d[Central])
	lo, ok2 := e.Sources[Local].Add(d[Local])
	if !ok1 || !ok2 || !l.c.short(c, lo) || l.c.short(e.Sources[Central], e.Sources[Local]) {
		return cost{}
	}
	return cost{short: 1}
}

// partsRule is the rule of the equations between n's figures and its
// children's: B203 for the plan, B202 elsewhere.
func partsRule(n *Node) Rule {
	if n.Kind == Plan {
		return PlanSum
	}
	return PartsSum
}

// checksRow reports whether n's row is an equation: its total is written
// and valid and none of its sources has an E finding.
func checksRow(n *Node) bool {
	f := &n.Funding
	if !f.Total.Written || !f.Total.Valid {
		return false
	}
	for _, fig := range f.Sources {
		if fig.Written && !fig.Valid {
			return false
		}
	}
	return true
}

// kidKind is the level of n's children.
func kidKind(n *Node) Kind {
	if len(n.Children) > 0 {
		return n.Children[0].Kind
	}
	return Activity
}

// absorb finds the children's moves that add up to target on the sources
// that are not free: the children at their best, one of them (or one per
// source) moving further by what is missing. It returns the moves' sum,
// their cost and their explanation.
func (l *locator) absorb(g *group, target [numSources]Amount, free [numSources]bool) ([numSources]Amount, cost, []*chain, bool) {
	var miss [numSources]Amount
	any := false
	for s := range numSources {
		if free[s] {
			continue
		}
		m, ok := target[s].Sub(g.base[s])
		if !ok {
			return miss, cost{}, nil, false
		}
		miss[s] = m
		any = any || m != 0
	}
	if !any {
		return g.base, g.baseCost, g.baseParts, false
	}
	sum := g.base
	for s := range numSources {
		if !free[s] {
			sum[s] = target[s]
		}
	}
	// One child moves by all that is missing.
	one, ok1 := l.mover(g, miss)
	// One child per source.
	var split moved
	ok2 := nonzero(miss) > 1
	if ok2 {
		used := map[int]bool{}
		for s := range numSources {
			if miss[s] == 0 {
				continue
			}
			var m [numSources]Amount
			m[s] = miss[s]
			mv, ok := l.mover(g, m)
			// Each source to another child: one child moving in two
			// sources is the single mover above.
			if !ok || mv.kid < 0 || used[mv.kid] {
				ok2 = false
				break
			}
			used[mv.kid] = true
			split.cost = split.cost.plus(mv.cost)
			split.parts = append(split.parts, mv.parts...)
			split.swap = append(split.swap, mv.swap...)
		}
	}
	if ok2 && (!ok1 || compareCost(split.cost, one.cost) < 0) {
		one, ok1 = split, true
	}
	if !ok1 {
		return sum, cost{}, nil, false
	}
	parts := slices.Clone(g.baseParts)
	for _, j := range one.swap {
		parts[j] = nil
	}
	parts = append(parts, one.parts...)
	return sum, g.baseCost.plus(one.cost), parts, true
}

// moved is the extra move of a child: its cost beyond its best, and the
// explanation that replaces its best (swap: its index in group.dirty) or
// adds to the others. kid is the child, -1 for an ambiguity.
type moved struct {
	cost  cost
	parts []*chain
	swap  []int
	kid   int
}

func nonzero(d [numSources]Amount) int {
	k := 0
	for _, v := range d {
		if v != 0 {
			k++
		}
	}
	return k
}

// mover finds the child that moves by m beyond its best at the least
// cost. When two children tie, the move is ambiguous: the result is then
// an ambiguity at n's figure, with the candidates.
func (l *locator) mover(g *group, m [numSources]Amount) (moved, bool) {
	kids := l.c.kids(g.n)
	type cand struct {
		i  int
		o  option
		c  cost
		ch *change
	}
	var bestC []cand
	for i, k := range kids {
		var from option
		j, isDirty := g.dirtyAt[i]
		if isDirty {
			from = g.dirtyOpts[j][0]
		}
		var want [numSources]Amount
		ok := true
		for s := range numSources {
			if want[s], ok = from.delta[s].Add(m[s]); !ok {
				break
			}
		}
		if !ok {
			continue
		}
		o, ok := l.reach(k, want, g.ctx)
		if !ok {
			continue
		}
		c := o.cost.minus(from.cost)
		switch {
		case len(bestC) == 0 || compareCost(c, bestC[0].c) < 0:
			bestC = append(bestC[:0], cand{i, o, c, o.ch.first()})
		case compareCost(c, bestC[0].c) == 0:
			bestC = append(bestC, cand{i, o, c, o.ch.first()})
		}
	}
	if len(bestC) == 0 {
		return moved{}, false
	}
	if len(bestC) == 1 {
		b := bestC[0]
		var swap []int
		if j, ok := g.dirtyAt[b.i]; ok {
			swap = []int{j}
		}
		return moved{cost: b.c, parts: []*chain{b.o.ch}, swap: swap, kid: b.i}, true
	}
	// Equally good: an ambiguity at n's figure of each source moved.
	n := g.n
	rule := partsRule(n)
	var ambs []ambiguity
	for s := range numSources {
		if m[s] == 0 {
			continue
		}
		a := ambiguity{node: place(n), field: Field(s), fig: n.Funding.Sources[s], rule: rule, parts: kidKind(n),
			sum: g.kidsSum.Sources[s], stated: n.Funding.Sources[s].Value}
		if !a.fig.Written {
			a.fig = l.c.anchor(n)
		}
		for _, b := range bestC {
			if b.ch != nil && len(a.cands) < maxCandidates {
				a.cands = append(a.cands, Candidate{Node: b.ch.node, Field: b.ch.field, Figure: b.ch.fig, To: b.ch.to})
			}
		}
		ambs = append(ambs, a)
	}
	// The tied children's own best explanations are kept: only the move
	// they would share is ambiguous.
	return moved{cost: bestC[0].c, parts: []*chain{{ambs: ambs}}, kid: -1}, true
}

// reach returns the cheapest explanation of n's subtree in which n moves
// by exactly d.
func (l *locator) reach(n *Node, d [numSources]Amount, ctx context) (option, bool) {
	if n.Unreadable {
		return option{}, d == [numSources]Amount{}
	}
	kids := l.c.kids(n)
	if len(kids) == 0 {
		return l.reachLeaf(n, d, ctx)
	}
	g := l.group(n, kids, ctx)
	if !g.ok {
		return option{}, false
	}
	// The children must move by D = d + r on the sources n compares with
	// them, and by d on those it does not write.
	var target [numSources]Amount
	var free [numSources]bool
	f := &n.Funding
	for s := range numSources {
		fig := f.Sources[s]
		switch {
		case g.col[s]:
			v, ok := d[s].Add(g.r[s])
			if !ok {
				return option{}, false
			}
			target[s] = v
		case fig.Written && fig.Valid, !g.e.Known[s]:
			free[s] = true
		default:
			target[s] = d[s]
		}
	}
	// finish refuses the combinations in which n does not move by d.
	var opts []option
	l.combinations(g, target, free, func(x [numSources]Amount, c cost, parts []*chain) {
		if o, ok := l.finish(g, x, &d, c, parts); ok {
			opts = append(opts, o)
		}
	})
	if len(opts) == 0 {
		return option{}, false
	}
	return best(opts)[0], true
}

// leafOptions returns the options of a node without children: its row's
// figures as written, or with another reading, or with one figure
// corrected so that the row adds up.
func (l *locator) leafOptions(n *Node, ctx context) []option {
	if writesNoSource(n) {
		return still
	}
	f := &n.Funding
	var readings []Field
	for fl := CentralField; fl <= TotalField; fl++ {
		if fig := f.Field(fl); fig.Written && fig.Valid && fig.HasReading {
			readings = append(readings, fl)
		}
	}
	row := checksRow(n)
	if len(readings) == 0 {
		if !row {
			return still
		}
		if sum, ok := own(n, zeroAmounts).Total(); ok && sum == f.Total.Value {
			return still
		}
	}
	var out []option
	for mask := 0; mask < 1<<len(readings); mask++ {
		var vals [numSources + 1]Amount
		for fl := CentralField; fl <= TotalField; fl++ {
			if fig := f.Field(fl); fig.Written && fig.Valid {
				vals[fl] = fig.Value
			}
		}
		var read []change
		inA := [numSources + 1]bool{}
		for i, fl := range readings {
			if mask&(1<<i) != 0 {
				fig := *f.Field(fl)
				vals[fl] = fig.Reading
				inA[fl] = true
				read = append(read, change{node: place(n), field: fl, fig: fig, to: fig.Reading, reading: true, rule: RowSum})
			}
		}
		var base [numSources]Amount
		for s := range numSources {
			base[s] = vals[s] - f.Sources[s].Value
			if !f.Sources[s].Written {
				base[s] = 0
			}
		}
		opt := func(d [numSources]Amount, extra ...change) {
			items := append(slices.Clone(read), extra...)
			o := option{delta: d, cost: l.shortBy(n, own(n, zeroAmounts), d)}
			for i := range items {
				o.cost = o.cost.plus(items[i].isReading().cost())
			}
			if len(items) > 0 {
				o.ch = &chain{items: items}
			}
			out = append(out, o)
		}
		if !row {
			opt(base)
			continue
		}
		sum, ok := Sum(vals[0], vals[1], vals[2])
		if !ok {
			continue
		}
		rho := vals[TotalField] - sum
		if rho == 0 {
			opt(base)
			continue
		}
		if !inA[TotalField] {
			opt(base, change{node: place(n), field: TotalField, fig: f.Total, to: sum, rule: RowSum})
		}
		for s := range numSources {
			fig := f.Sources[s]
			if !fig.Written || !fig.Valid || inA[s] {
				continue
			}
			to, ok := vals[s].Add(rho)
			if !ok || to < 0 {
				continue
			}
			d := base
			d[s] = to - fig.Value
			opt(d, change{node: place(n), field: Field(s), fig: fig, to: to, rule: RowSum, row: vals[TotalField], total: f.Total})
		}
	}
	return best(out)
}

// reachLeaf returns the explanation of a row without children that moves
// it by exactly d: its sources move, and its total follows.
func (l *locator) reachLeaf(n *Node, d [numSources]Amount, ctx context) (option, bool) {
	if writesNoSource(n) {
		return option{}, d == [numSources]Amount{}
	}
	f := &n.Funding
	row := checksRow(n)
	var items []change
	var moved [numSources]Amount
	for s := range numSources {
		fig := f.Sources[s]
		if fig.Written && fig.Valid {
			moved[s] = fig.Value
		}
		if d[s] == 0 {
			continue
		}
		if !fig.Written || !fig.Valid {
			return option{}, false
		}
		to, ok := fig.Value.Add(d[s])
		if !ok || to < 0 {
			return option{}, false
		}
		moved[s] = to
		ch := change{node: place(n), field: Field(s), fig: fig, to: to, rule: RowSum, row: f.Total.Value, total: f.Total}
		if !row {
			ch.rule, ch.whole = PartsSum, ctx[s]
			if ctx[s] != nil && ctx[s].Kind == Plan {
				ch.rule = PlanSum
			}
		}
		items = append(items, ch)
	}
	if row {
		to, ok := Sum(moved[:]...)
		if !ok {
			return option{}, false
		}
		if to != f.Total.Value {
			items = append(items, change{node: place(n), field: TotalField, fig: f.Total, to: to, rule: RowSum})
		}
		for i := range items {
			if items[i].field != TotalField {
				items[i].row = to
			}
		}
	}
	o := option{delta: d, cost: l.shortBy(n, own(n, zeroAmounts), d)}
	for i := range items {
		o.cost = o.cost.plus(items[i].isReading().cost())
	}
	if len(items) > 0 {
		o.ch = &chain{items: items}
	}
	return o, true
}

// unexplained reports every equation that fails, at its stated figure,
// with the sum it was compared with and no suggestion: what is left when
// no explanation can be found.
func (c *checker) unexplained(n *Node) Amounts {
	kids := c.kids(n)
	sum := zeroAmounts
	for _, k := range kids {
		sum = sum.plus(c.unexplained(k))
	}
	if n.Unreadable {
		return Amounts{}
	}
	if len(kids) == 0 && writesNoSource(n) {
		return Amounts{}
	}
	eff := own(n, sum)
	f := &n.Funding
	rule := partsRule(n)
	if len(kids) > 0 {
		for s := range numSources {
			if fig := f.Sources[s]; fig.Written && fig.Valid && sum.Known[s] && fig.Value != sum.Sources[s] {
				c.out = append(c.out, Finding{Rule: rule, Node: place(n), Field: Field(s), Figure: fig,
					Stated: fig.Value, Computed: sum.Sources[s], WithinTolerance: c.within(fig.Value, sum.Sources[s]),
					Parts: kidKind(n)})
			}
		}
	}
	if t := f.Total; t.Written && t.Valid {
		if total, ok := eff.Total(); ok && total != t.Value {
			c.out = append(c.out, Finding{Rule: RowSum, Node: place(n), Field: TotalField, Figure: t,
				Stated: t.Value, Computed: total, WithinTolerance: c.within(t.Value, total)})
		}
	}
	return eff
}
