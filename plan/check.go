package plan

import (
	"fmt"
	"math/big"
	"strings"

	"github.com/kehoach/kehoach/budget"
	"github.com/kehoach/kehoach/plan/internal/yamltext"
)

// Result is the outcome of validating one file.
type Result struct {
	// Plan is the plan as read, or nil when a finding stopped the file.
	Plan *Plan
	// Diagnostics are every finding, sorted by line, column and code.
	Diagnostics []Diagnostic
	// NotPlan is true when the file is YAML without the top-level
	// `kehoach` key (or empty): a folder search skips such files, while a
	// file named explicitly is reported (E109).
	NotPlan bool
}

// StdinArg is the argument that stands for standard input, and StdinName
// the name standard input has in findings and reports.
const (
	StdinArg  = "-"
	StdinName = "<stdin>"
)

// InputName is the name of the input an argument stands for, as reports
// give it: StdinName for StdinArg, else the argument itself.
func InputName(arg string) string {
	if arg == StdinArg {
		return StdinName
	}
	return arg
}

// Validate loads a plan file and checks it: every finding of every rule,
// sorted by line, column and code.
func Validate(name string, data []byte) Result {
	l := newLoader(name)
	p, ds := l.load(data)
	if p != nil {
		checked, readings := check(p)
		ds = append(ds, checked...)
		explainReadings(ds, readings)
	}
	Sort(ds)
	setSpans(data, ds)
	return Result{Plan: p, Diagnostics: ds, NotPlan: l.notPlanFile}
}

// setSpans supplies the span of every finding about a place in the file:
// the end of the token it is about (the figure a suggestion replaces, the
// key, the quoted text), so that reports underline it and no report lexes
// YAML. ds are sorted, so each line is read once.
func setSpans(data []byte, ds []Diagnostic) {
	var tokens *yamltext.Tokens
	for i := range ds {
		d := &ds[i]
		if d.EndColumn != 0 || d.Line < 1 || d.Column < 1 {
			continue
		}
		if tokens == nil {
			tokens = yamltext.NewTokens(data)
		}
		if w := tokens.Width(d.Line, d.Column); w > 0 {
			d.EndColumn = d.Column + w
		}
	}
}

// Check runs the funding rules (B2xx), the target rules (T3xx) and the
// catalogue rules (C4xx) on a loaded plan. Values with an E finding take
// part in no comparison.
func Check(p *Plan) []Diagnostic {
	ds, _ := check(p)
	return ds
}

// check is Check, and the funding findings that are another reading of a
// figure W105 already reports (see explainReadings).
func check(p *Plan) ([]Diagnostic, []budget.Finding) {
	c := &checker{p: p}
	readings := c.funding()
	c.catalogue()
	c.allocationRows()
	c.targets()
	return c.out, readings
}

type checker struct {
	p   *Plan
	out []Diagnostic
	// kind is the kind of funds whose equations the findings being
	// worded are about; nil for all kinds together.
	kind *KindDef
}

func (c *checker) add(code Code, sev Severity, pos Pos, path Path, msg, help Message) *Diagnostic {
	c.out = append(c.out, Diagnostic{Code: code, Severity: sev, Message: msg, Help: help,
		Pos: pos, Path: path.String()})
	return &c.out[len(c.out)-1]
}

func (p *Plan) budgetRules() budget.Rules {
	r := budget.Rules{Projects: &p.ProjectsPos}
	if t := p.Rules.Tolerance; t.Valid {
		r.Tolerance = t.Value
	}
	if m := p.Rules.CounterpartMin; m.Valid {
		r.CounterpartMin, r.HasCounterpartMin = m.Value, true
	}
	return r
}

// FundingTreeLeaves returns the plan's funding tree for package budget,
// without its activities: a project or sub-project has no children in it,
// and leaves returns its activities (nil for none), built into nodes that
// the next call reuses. It is the tree for budget.CheckLeaves, and for any
// walk that is done with one node's activities before it asks for the
// next: it holds the nodes of one list of activities at a time, not those
// of all 74,200 of a national plan. Each node's Ref is the plan's *Plan,
// *Project, *Subproject or *Activity, and each figure's Ref the plan's
// *Figure, so that findings can be named and placed.
func (p *Plan) FundingTreeLeaves() (root *budget.Node, leaves func(*budget.Node) []*budget.Node) {
	return p.fundingTreeLeaves(func(f *Funding, _ int) budget.Funding { return f.tree() })
}

// fundingTreeLeaves is FundingTreeLeaves with each node's funding made by
// conv, which is also given the node's kind of funds (kindOf).
func (p *Plan) fundingTreeLeaves(conv func(f *Funding, kind int) budget.Funding) (root *budget.Node, leaves func(*budget.Node) []*budget.Node) {
	planKind := p.kindOf(p.Info.Capital, -1)
	root = &budget.Node{Kind: budget.Plan, Ref: p, Funding: conv(&p.Funding, planKind)}
	alloc := map[[2]int]*Allocated{}
	if p.Allocation != nil {
		for _, a := range p.Allocation.Projects {
			if !a.Project.Valid || (a.Subproject.Written && !a.Subproject.Valid) {
				continue
			}
			key := [2]int{a.Project.Value, a.Subproject.Value}
			if _, dup := alloc[key]; !dup {
				alloc[key] = a
			}
		}
	}
	attach := func(n *budget.Node, project, sub int) {
		a, ok := alloc[[2]int{project, sub}]
		if !ok || !a.Central.Valid {
			return
		}
		f := a.Central.Figure.tree()
		n.Allocated = &f
	}
	// lists are the activities of the nodes that leave them out.
	lists := map[*budget.Node][]*Activity{}
	kinds := map[*budget.Node]int{}
	for _, pr := range p.Projects {
		prKind := p.kindOf(pr.Capital, planKind)
		n := &budget.Node{Kind: budget.Project, Ref: pr, Funding: conv(&pr.Funding, prKind), Unreadable: pr.Unreadable,
			Number: numberFigure(&pr.Number, pr)}
		kinds[n] = prKind
		if pr.Number.Valid {
			attach(n, pr.Number.Value, 0)
		}
		for _, s := range pr.Subprojects {
			sKind := p.kindOf(s.Capital, prKind)
			sn := &budget.Node{Kind: budget.Subproject, Ref: s, Funding: conv(&s.Funding, sKind), Unreadable: s.Unreadable,
				Number: numberFigure(&s.Number, s)}
			kinds[sn] = sKind
			if pr.Number.Valid && s.Number.Valid {
				attach(sn, pr.Number.Value, s.Number.Value)
			}
			if len(s.Activities) > 0 {
				lists[sn] = s.Activities
			}
			n.Children = append(n.Children, sn)
		}
		if len(pr.Subprojects) == 0 && len(pr.Activities) > 0 {
			lists[n] = pr.Activities
		}
		root.Children = append(root.Children, n)
	}
	var nodes []budget.Node
	var ptrs []*budget.Node
	leaves = func(n *budget.Node) []*budget.Node {
		acts, ok := lists[n]
		if !ok {
			return nil
		}
		if len(acts) > len(nodes) {
			nodes, ptrs = make([]budget.Node, len(acts)), make([]*budget.Node, len(acts))
		}
		for i, a := range acts {
			nodes[i] = budget.Node{Kind: budget.Activity, Ref: a, Funding: conv(&a.Funding, kinds[n]), Unreadable: a.Unreadable,
				Number: budget.Figure{Ref: a}}
			ptrs[i] = &nodes[i]
		}
		return ptrs[:len(acts)]
	}
	return root, leaves
}

// KindTreeLeaves is FundingTreeLeaves with the figures of kind of funds k
// (an index into Kinds) only: a figure written by kind gives its part, one
// written as one amount is all of its node's kind (capital) and none of
// the others, or unknown when its node's kind is not known.
func (p *Plan) KindTreeLeaves(k int) (root *budget.Node, leaves func(*budget.Node) []*budget.Node) {
	return p.fundingTreeLeaves(func(f *Funding, capital int) budget.Funding { return f.kindTree(k, capital) })
}

// SplitSource reports whether some figure of source i is written by kind
// of funds.
func (p *Plan) SplitSource(i int) bool {
	split := false
	p.eachFunding(func(f *Funding) {
		if i < len(f.Parts) && f.Parts[i] != nil {
			split = true
		}
	})
	return split
}

// kindOf is the kind of funds that `capital` names (an index into Kinds),
// or inherited when it names none; -1 for none known.
func (p *Plan) kindOf(capital Text, inherited int) int {
	if !capital.Written || capital.Value == "" {
		return inherited
	}
	for i, k := range p.Kinds {
		if k.ID == capital.Value {
			return i
		}
	}
	return -1
}

// kindTree returns the figures of f of kind of funds k for package
// budget: a figure written by kind gives its part (zero for a kind it
// does not write); one written as one amount is all of its node's kind
// (capital) and none of the others; when its node's kind is not known,
// its part is unknown and takes part in no sum of this kind.
func (f *Funding) kindTree(k, capital int) budget.Funding {
	out := budget.Funding{Written: f.Written, Ref: f}
	for i := range f.Sources {
		var parts []Figure
		if f.Parts != nil {
			parts = f.Parts[i]
		}
		out.Sources[i] = kindFigure(&f.Sources[i], parts, k, capital)
	}
	out.Total = kindFigure(&f.Total, f.TotalParts, k, capital)
	return out
}

func kindFigure(whole *Figure, parts []Figure, k, capital int) budget.Figure {
	switch {
	case parts != nil && parts[k].Written:
		return parts[k].tree()
	case parts != nil:
		return budget.Figure{Written: true, Valid: whole.Valid, Ref: whole}
	case !whole.Written:
		return budget.Figure{}
	case capital == k:
		return whole.tree()
	case capital >= 0:
		return budget.Figure{Written: true, Valid: whole.Valid, Ref: whole}
	}
	return budget.Figure{Written: true, Ref: whole}
}

// tree returns f for package budget, each figure's Ref pointing back at
// the figure, and the funding's at f.
func (f *Funding) tree() budget.Funding {
	out := budget.Funding{Written: f.Written, Ref: f}
	for i := range f.Sources {
		out.Sources[i] = f.Sources[i].tree()
	}
	out.Total = f.Total.tree()
	return out
}

// tree returns x for package budget; a figure W105 suspects gets its
// reading as 1,000 times larger.
func (x *Figure) tree() budget.Figure {
	b := budget.Figure{Value: x.Value, Written: x.Written, Valid: x.Valid, Ref: x}
	if x.Thousands && x.Valid && x.Value >= 0 && x.Value < 1<<50 {
		b.Reading, b.HasReading = x.Value*budget.Scale, true
	}
	return b
}

// numberFigure is where B207 points for a node: its number when written,
// else the node itself.
func numberFigure(v *Int, node any) budget.Figure {
	if v.Written {
		return budget.Figure{Ref: v}
	}
	return budget.Figure{Ref: node}
}

// unnumbered reports whether a project or sub-project number could not be
// read (missing, or text), so that messages name the node by its path, not
// as "Dự án 0".
func unnumbered(v Int) bool { return !v.Valid && v.Value == 0 }

// catalogue runs C401–C405.
func (c *checker) catalogue() {
	p := c.p
	id := DefaultProgramme
	if p.Info.Program.Written && p.Info.Program.Value != "" {
		id = p.Info.Program.Value
	}
	prog, ok := LookupProgramme(id)
	if !ok {
		c.add("C401", Error, p.Info.Program.Pos, p.Info.Program.Path, Message{
			VI: fmt.Sprintf("chương trình `%s` không có trong danh mục", id),
			EN: fmt.Sprintf("unknown programme `%s`", id),
		}, Message{
			VI: fmt.Sprintf("Các chương trình được hỗ trợ: %s.", strings.Join(ProgrammeIDs(), ", ")),
			EN: fmt.Sprintf("Supported programmes: %s.", strings.Join(ProgrammeIDs(), ", ")),
		})
	} else {
		if y := p.Info.Year; y.Valid && (y.Value < prog.Period.From || y.Value > prog.Period.To) {
			c.add("C402", Error, y.Pos, y.Path, Message{
				VI: fmt.Sprintf("năm %d nằm ngoài giai đoạn %d–%d của chương trình", y.Value, prog.Period.From, prog.Period.To),
				EN: fmt.Sprintf("year %d is outside the programme's period %d–%d", y.Value, prog.Period.From, prog.Period.To),
			}, Message{VI: "Kiểm tra năm kế hoạch.", EN: "Check the plan year."})
		}
		for _, pr := range p.Projects {
			c.project(prog, pr)
		}
	}
	c.appendices()
}

func (c *checker) project(prog *Programme, pr *Project) {
	if !pr.Number.Valid {
		return
	}
	cp, ok := prog.Project(pr.Number.Value)
	if !ok {
		c.add("C403", Error, pr.Number.Pos, pr.Number.Path, Message{
			VI: fmt.Sprintf("chương trình không có Dự án %d (chỉ có Dự án 1 đến %d)", pr.Number.Value, len(prog.Projects)),
			EN: fmt.Sprintf("the programme has no project %d (it has projects 1 to %d)", pr.Number.Value, len(prog.Projects)),
		}, Message{VI: "Sửa số dự án theo Quyết định 90/QĐ-TTg.", EN: "Use the project numbers of Quyết định 90/QĐ-TTg."})
		return
	}
	c.name(pr.Name, cp.Name, fmt.Sprintf("Dự án %d", cp.Number), fmt.Sprintf("project %d", cp.Number))
	for _, s := range pr.Subprojects {
		if !s.Number.Valid {
			continue
		}
		cs, ok := cp.Subproject(s.Number.Value)
		if !ok {
			have := Message{VI: "không có tiểu dự án nào", EN: "no sub-projects"}
			if n := len(cp.Subprojects); n > 0 {
				have = Message{VI: fmt.Sprintf("chỉ có tiểu dự án 1 đến %d", n), EN: fmt.Sprintf("sub-projects 1 to %d", n)}
			}
			c.add("C403", Error, s.Number.Pos, s.Number.Path, Message{
				VI: fmt.Sprintf("Dự án %d không có Tiểu dự án %d (%s)", cp.Number, s.Number.Value, have.VI),
				EN: fmt.Sprintf("project %d has no sub-project %d (it has %s)", cp.Number, s.Number.Value, have.EN),
			}, Message{VI: "Sửa số tiểu dự án theo Quyết định 90/QĐ-TTg.", EN: "Use the sub-project numbers of Quyết định 90/QĐ-TTg."})
			continue
		}
		c.name(s.Name, cs.Name, fmt.Sprintf("Tiểu dự án %d của Dự án %d", cs.Number, cp.Number),
			fmt.Sprintf("sub-project %d of project %d", cs.Number, cp.Number))
	}
}

// name runs C404: a name that differs from the official one after folding.
func (c *checker) name(t Text, official, vi, en string) {
	if !t.Written || t.Value == official || FoldName(t.Value) == FoldName(official) {
		return
	}
	c.add("C404", Warning, t.Pos, t.Path, Message{
		VI: fmt.Sprintf("tên %s khác tên chính thức: «%s»", vi, official),
		EN: fmt.Sprintf("the name of %s differs from the official name: “%s”", en, official),
	}, Message{
		VI: "Dùng tên chính thức theo Quyết định 90/QĐ-TTg: name: " + official,
		EN: "Use the official name of Quyết định 90/QĐ-TTg: name: " + official,
	})
}

// appendices runs C405: appendix 1 and 2 are reserved, and the projects'
// appendices run 3, 4, 5, … in project order without gaps (consecutive
// projects may share one). One run names every appendix to change, each
// with the number it should have, and changes as few as it can: a plan
// whose first project was deleted gets a finding per project after it,
// not one per round of validate and fix. A project whose appendix has an
// E finding (E103, E106) gets no C405 and holds its place in the run with
// whichever number fits there, so the others are judged as if it were
// right.
func (c *checker) appendices() {
	written := make([]int, len(c.p.Projects))
	for i, pr := range c.p.Projects {
		if pr.Appendix.Valid {
			written[i] = pr.Appendix.Value
		}
	}
	for i, want := range appendixNumbers(written) {
		a := c.p.Projects[i].Appendix
		if !a.Valid || a.Value == want {
			continue
		}
		help := Message{VI: fmt.Sprintf("Ghi appendix: %d.", want), EN: fmt.Sprintf("Write appendix: %d.", want)}
		if a.Value <= 2 {
			c.add("C405", Error, a.Pos, a.Path, Message{
				VI: fmt.Sprintf("Phụ lục %d dành cho %s; phụ lục của dự án bắt đầu từ 3 (ở đây cần %d)", a.Value, map[int]string{1: "chỉ tiêu", 2: "tổng hợp kinh phí"}[a.Value], want),
				EN: fmt.Sprintf("appendix %d is reserved for %s; projects' appendices start at 3 (%d expected here)", a.Value, map[int]string{1: "the targets", 2: "the funding summary"}[a.Value], want),
			}, help)
			continue
		}
		c.add("C405", Error, a.Pos, a.Path, Message{
			VI: fmt.Sprintf("phụ lục %d không đúng thứ tự: các dự án phải ghi phụ lục 3, 4, 5, … theo thứ tự, không bỏ số (ở đây cần %d)", a.Value, want),
			EN: fmt.Sprintf("appendix %d is out of sequence: projects name appendices 3, 4, 5, … in order without gaps (%d expected here)", a.Value, want),
		}, help)
	}
}

// appendixNumbers returns the appendix numbers that projects with the
// written numbers a should have (0 for a number that could not be read,
// which fits anywhere): a run 3, 4, 5, … in which each number is
// the one before or the next, that keeps as many written numbers as it
// can. The number at position i can stay only if 3 ≤ a[i] ≤ 3+i, and two
// that stay, at i < j, only if 0 ≤ a[j]−a[i] ≤ j−i (which chains: the
// condition between neighbours in the kept set is enough). Among the
// largest sets it keeps the earlier numbers, as a reader fixing from the
// top would. Every other number follows the one before it, without
// passing the next kept number.
func appendixNumbers(a []int) []int {
	n := len(a)
	// longest[i] is the size of the largest set kept from i on that keeps
	// i (0 when a[i] cannot stay), next[i] the position kept after i.
	longest, next := make([]int, n), make([]int, n)
	for i := n - 1; i >= 0; i-- {
		next[i] = -1
		if a[i] < 3 || a[i] > 3+i {
			continue
		}
		longest[i] = 1
		for j := i + 1; j < n; j++ {
			if d := a[j] - a[i]; longest[j] > 0 && d >= 0 && d <= j-i && longest[j]+1 > longest[i] {
				longest[i], next[i] = longest[j]+1, j
			}
		}
	}
	keep := make([]bool, n)
	first := -1
	for i := range n {
		if longest[i] > 0 && (first < 0 || longest[i] > longest[first]) {
			first = i
		}
	}
	for i := first; i >= 0; i = next[i] {
		keep[i] = true
	}
	out := make([]int, n)
	prev, upcoming := 2, first // upcoming: the next kept position, -1 for none
	for i := range n {
		switch {
		case keep[i]:
			out[i], upcoming = a[i], next[i]
		case upcoming >= 0:
			out[i] = min(prev+1, a[upcoming])
		default:
			out[i] = prev + 1
		}
		prev = out[i]
	}
	return out
}

// targets runs T301–T304.
func (c *checker) targets() {
	t := c.p.Targets
	if t == nil {
		return
	}
	base, hasBase := c.baseline()
	reductions := []struct {
		r    *Reduction
		poor Num
		vi   string
		en   string
		key  string
	}{
		{&t.PovertyReduction, t.Baseline.Poor, "hộ nghèo", "poor households", "poor"},
		{&t.NearPovertyReduction, t.Baseline.NearPoor, "hộ cận nghèo", "near-poor households", "near_poor"},
	}
	for _, red := range reductions {
		r := red.r
		if hasBase && r.Percent.Valid && r.Households.Valid {
			if lo, hi, ok := impliedRange(r.Percent, r.Households.Value); ok && (base < lo || base > hi) {
				actual := ratioText(r.Households.Value, base)
				c.add("T301", Warning, Pos{r.Percent.Line, r.Percent.Column}, r.Percent.Path, Message{
					VI: fmt.Sprintf("giảm %s %s trên %s hộ đầu năm là %s %%, không khớp tỷ lệ %s %% đã ghi",
						r.Households.Value.Format(true), red.vi, base.Format(true), actual.VI, r.Percent.Value.Format(true)),
					EN: fmt.Sprintf("%s fewer %s out of %s households at the start of the year is %s %%, not the %s %% stated",
						r.Households.Value.Format(false), red.en, base.Format(false), actual.EN, r.Percent.Value.Format(false)),
				}, Message{
					VI: fmt.Sprintf("Với tỷ lệ %s %%, số hộ giảm phải khiến tổng số hộ nằm trong khoảng %s–%s; sửa tỷ lệ hoặc số hộ.", r.Percent.Value.Format(true), lo.Format(true), hi.Format(true)),
					EN: fmt.Sprintf("At %s %%, the households imply a total between %s and %s; correct the percent or the households.", r.Percent.Value.Format(false), lo.Format(false), hi.Format(false)),
				})
			}
		}
		if red.poor.Valid && r.Households.Valid && r.Households.Value > red.poor.Value {
			c.t304(r.Households.Figure, red.poor.Value, Message{VI: "huyện", EN: "the district"}, red.vi, red.en)
		}
	}
	if !hasBase {
		c.t302()
	}
	c.byCommune()
}

// baseline is the district's households at the start of the year: the
// written baseline, else the sum of the communes' when every commune has
// one. A baseline of 0 is no baseline.
func (c *checker) baseline() (budget.Amount, bool) {
	t := c.p.Targets
	if b := t.Baseline.Households; b.Written {
		return b.Value, b.Valid && b.Value > 0
	}
	if len(c.p.Communes) == 0 {
		return 0, false
	}
	var sum budget.Amount
	for _, cm := range c.p.Communes {
		if !cm.Households.Valid {
			return 0, false
		}
		var ok bool
		if sum, ok = sum.Add(cm.Households.Value); !ok {
			return 0, false
		}
	}
	return sum, sum > 0
}

// impliedRange returns the whole numbers N of households in all for which
// 100 × households / N rounds to the percent as written: with P the percent
// in units of its last written decimal d, (2P−1)·N ≤ 200·H·10^d < (2P+1)·N.
func impliedRange(percent Num, households budget.Amount) (lo, hi budget.Amount, ok bool) {
	d := percent.Decimals
	scale := new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(d)), nil)
	// P = percent × 10^d; percent.Value is in thousandths.
	P := new(big.Int).Mul(big.NewInt(int64(percent.Value)), scale)
	P.Quo(P, big.NewInt(budget.Scale))
	if P.Sign() <= 0 {
		return 0, 0, false
	}
	H := big.NewInt(households.Int())
	X := new(big.Int).Mul(big.NewInt(200), H)
	X.Mul(X, scale)
	twoP := new(big.Int).Mul(P, big.NewInt(2))
	up := new(big.Int).Add(twoP, big.NewInt(1))
	down := new(big.Int).Sub(twoP, big.NewInt(1))
	minN := new(big.Int).Quo(X, up)
	minN.Add(minN, big.NewInt(1))
	maxN := new(big.Int).Quo(X, down)
	if !minN.IsInt64() || !maxN.IsInt64() {
		return 0, 0, false
	}
	lo, ok1 := budget.FromInt(minN.Int64())
	hi, ok2 := budget.FromInt(maxN.Int64())
	return lo, hi, ok1 && ok2
}

func ratioText(part, whole budget.Amount) Message {
	q, ok := budget.Ratio(part, whole, 100*100, budget.HalfUp) // hundredths of a percent
	if !ok {
		return Message{VI: "?", EN: "?"}
	}
	a := budget.Amount(q * 10)
	return Message{VI: a.FormatFixed(true, 2), EN: a.FormatFixed(false, 2)}
}

// t302: without a baseline, the ranges of households in all implied by the
// two reduction targets must share a whole number.
func (c *checker) t302() {
	t := c.p.Targets
	pr, nr := t.PovertyReduction, t.NearPovertyReduction
	if !pr.Percent.Valid || !pr.Households.Valid || !nr.Percent.Valid || !nr.Households.Valid {
		return
	}
	lo1, hi1, ok1 := impliedRange(pr.Percent, pr.Households.Value)
	lo2, hi2, ok2 := impliedRange(nr.Percent, nr.Households.Value)
	if !ok1 || !ok2 || max(lo1, lo2) <= min(hi1, hi2) {
		return
	}
	c.add("T302", Warning, Pos{nr.Percent.Line, nr.Percent.Column}, nr.Percent.Path, Message{
		VI: fmt.Sprintf("hai chỉ tiêu ngụ ý tổng số hộ khác nhau: giảm %s hộ nghèo (%s %%) ứng với %s–%s hộ, còn giảm %s hộ cận nghèo (%s %%) ứng với %s–%s hộ",
			pr.Households.Value.Format(true), pr.Percent.Value.Format(true), lo1.Format(true), hi1.Format(true),
			nr.Households.Value.Format(true), nr.Percent.Value.Format(true), lo2.Format(true), hi2.Format(true)),
		EN: fmt.Sprintf("the two targets imply different totals of households: %s fewer poor (%s %%) implies %s–%s households, %s fewer near-poor (%s %%) implies %s–%s",
			pr.Households.Value.Format(false), pr.Percent.Value.Format(false), lo1.Format(false), hi1.Format(false),
			nr.Households.Value.Format(false), nr.Percent.Value.Format(false), lo2.Format(false), hi2.Format(false)),
	}, Message{
		VI: "Kiểm tra một trong hai tỷ lệ hoặc số hộ; ghi targets.baseline.households để kiểm tra chính xác hơn.",
		EN: "Check one of the percents or household counts; write targets.baseline.households for a precise check.",
	})
}

func (c *checker) t304(fig Figure, poor budget.Amount, where Message, vi, en string) {
	d := c.add("T304", Error, Pos{fig.Line, fig.Column}, fig.Path, Message{
		VI: fmt.Sprintf("số %s giảm (%s) vượt số %s đầu năm của %s (%s)", vi, fig.Value.Format(true), vi, where.VI, poor.Format(true)),
		EN: fmt.Sprintf("the reduction of %s (%s) exceeds %s's %s at the start of the year (%s)", en, fig.Value.Format(false), where.EN, en, poor.Format(false)),
	}, Message{
		VI: "Số hộ giảm không thể lớn hơn số hộ đầu năm; kiểm tra cả hai số.",
		EN: "A reduction cannot exceed the households at the start; check both figures.",
	})
	diff, _ := fig.Value.Sub(poor)
	d.Stated, d.Computed, d.Difference = fig.Value.String(), poor.String(), diff.String()
}

// byCommune runs T303 (sums against the district's targets) and the
// per-commune T304.
func (c *checker) byCommune() {
	t := c.p.Targets
	if len(t.ByCommune) == 0 {
		return
	}
	communes := make(map[string]*Commune)
	for _, cm := range c.p.Communes {
		if _, dup := communes[cm.ID.Value]; !dup {
			communes[cm.ID.Value] = cm
		}
	}
	measures := []struct {
		district Num
		get      func(*CommuneTarget) Num
		vi, en   string
		poor     func(*Commune) Num
		pvi, pen string
	}{
		{t.PovertyReduction.Households, func(x *CommuneTarget) Num { return x.PovertyReduction }, "số hộ nghèo giảm", "poor households lifted out",
			func(cm *Commune) Num { return cm.Poor }, "hộ nghèo", "poor households"},
		{t.NearPovertyReduction.Households, func(x *CommuneTarget) Num { return x.NearPovertyReduction }, "số hộ cận nghèo giảm", "near-poor households reduced",
			func(cm *Commune) Num { return cm.NearPoor }, "hộ cận nghèo", "near-poor households"},
		{t.NewJobs, func(x *CommuneTarget) Num { return x.NewJobs }, "số lao động có việc làm mới", "new jobs", nil, "", ""},
	}
	for _, m := range measures {
		var sum budget.Amount
		known, any := true, false
		for _, ct := range t.ByCommune {
			v := m.get(ct)
			if !v.Written {
				continue
			}
			any = true
			if !v.Valid {
				known = false
				continue
			}
			var ok bool
			if sum, ok = sum.Add(v.Value); !ok {
				known = false
			}
			if m.poor != nil {
				if cm, ok := communes[ct.Commune.Value]; ok {
					if p := m.poor(cm); p.Valid && v.Value > p.Value {
						c.t304(v.Figure, p.Value, Message{VI: cm.Name.Value, EN: cm.Name.Value}, m.pvi, m.pen)
					}
				}
			}
		}
		if !any || !known || !m.district.Valid || sum == m.district.Value {
			continue
		}
		diff, _ := m.district.Value.Sub(sum)
		d := c.add("T303", Error, Pos{m.district.Line, m.district.Column}, m.district.Path, Message{
			VI: fmt.Sprintf("%s của huyện ghi %s, nhưng tổng theo xã (by_commune) là %s (chênh lệch %s)", capitalize(m.vi), m.district.Value.Format(true), sum.Format(true), diff.Format(true)),
			EN: fmt.Sprintf("the district's %s states %s, but by_commune adds up to %s (difference %s)", m.en, m.district.Value.Format(false), sum.Format(false), diff.Format(false)),
		}, Message{
			VI: fmt.Sprintf("Ghi %s, hoặc sửa số của xã bị sai.", sum),
			EN: fmt.Sprintf("Write %s, or correct the commune figure that is wrong.", sum),
		})
		d.Stated, d.Computed, d.Difference = m.district.Value.String(), sum.String(), diff.String()
	}
}
