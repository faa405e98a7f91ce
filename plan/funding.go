package plan

import (
	"fmt"
	"strings"

	"github.com/kehoach/kehoach/budget"
)

// This file turns the findings of package budget, which are data, into
// diagnostics: their code, position and words in both languages.

// ruleCode is the diagnostic code of each funding rule.
var ruleCode = map[budget.Rule]Code{
	budget.RowSum:          "B201",
	budget.PartsSum:        "B202",
	budget.PlanSum:         "B203",
	budget.PlanCounterpart: "B204",
	budget.NodeCounterpart: "B205",
	budget.OverAllocation:  "B206",
	budget.Unfunded:        "B207",
}

// funding runs the funding rules B201–B207 and reports their findings. It
// returns the findings that are another reading of a figure W105 reports,
// which are not findings of their own.
func (c *checker) funding() []budget.Finding {
	p := c.p
	if len(p.Projects) == 0 {
		// No project list, or an empty one (E106, E103): there is nothing
		// to compare the plan's figures with.
		return nil
	}
	root, leaves := p.FundingTreeLeaves()
	var readings []budget.Finding
	sums := false
	for _, f := range budget.CheckLeaves(root, p.budgetRules(), leaves) {
		if f.Reading {
			readings = append(readings, f)
			continue
		}
		sums = sums || f.Rule == budget.RowSum || f.Rule == budget.PartsSum || f.Rule == budget.PlanSum
		c.fundingFinding(f)
	}
	if p.Split() && !sums {
		c.kindFindings()
	}
	return readings
}

// kindFindings checks the equations of each kind of funds, for the plans
// that write figures by kind and whose sums of all kinds together hold: a
// project's investment funds against its sub-projects', and so on (a
// project of 150 = 100 investment + 50 recurrent over sub-projects of 90
// and 60). Its findings are those at a figure's part of one kind. When a
// sum of all kinds fails, its findings (above) are the ones reported: the
// two would name different figures for one slip, and only those of all
// kinds see the rows' totals.
func (c *checker) kindFindings() {
	p := c.p
	parts := map[*Figure]bool{}
	p.eachFunding(func(f *Funding) {
		for _, ps := range append(f.Parts, f.TotalParts) {
			for i := range ps {
				parts[&ps[i]] = true
			}
		}
	})
	rules := p.budgetRules()
	rules.HasCounterpartMin = false // a rule of all kinds together
	for k := range p.Kinds {
		root, leaves := p.KindTreeLeaves(k)
		for _, f := range budget.CheckLeaves(root, rules, leaves) {
			fig, ok := f.Figure.Ref.(*Figure)
			if f.Reading || !ok || !parts[fig] {
				continue
			}
			switch f.Rule {
			case budget.RowSum, budget.PartsSum, budget.PlanSum:
				c.kind = &p.Kinds[k]
				c.fundingFinding(f)
				c.kind = nil
			}
		}
	}
}

// where returns the position and path of a Ref that FundingTreeLeaves
// gave package budget.
func where(ref any) (Pos, Path) {
	switch x := ref.(type) {
	case *Figure:
		return Pos{x.Line, x.Column}, x.Path
	case *Funding:
		return Pos{x.Line, x.Column}, x.Path
	case *Int:
		return x.Pos, x.Path
	case *Pos:
		return *x, PathOf("projects")
	case *Project:
		return x.Pos, x.Path
	case *Subproject:
		return x.Pos, x.Path
	case *Activity:
		return x.Pos, x.Path
	}
	return Pos{}, Path{}
}

// label names a node of the funding tree in messages: "Dự án 2",
// "Tiểu dự án 1 (Dự án 3)", an activity by its name.
func label(ref any) Message {
	switch x := ref.(type) {
	case *Plan:
		return Message{VI: "kế hoạch", EN: "the plan"}
	case *Project:
		return projectLabel(x)
	case *Subproject:
		return subprojectLabel(x)
	case *Activity:
		parent := label(x.owner)
		return Message{
			VI: "hoạt động «" + x.Name.Value + "» (" + parent.VI + ")",
			EN: "activity “" + x.Name.Value + "” (" + parent.EN + ")",
		}
	}
	return Message{VI: "?", EN: "?"}
}

func projectLabel(pr *Project) Message {
	if unnumbered(pr.Number) {
		return Message{VI: "dự án ở " + pr.Path.String(), EN: "the project at " + pr.Path.String()}
	}
	return Message{VI: fmt.Sprintf("Dự án %d", pr.Number.Value), EN: fmt.Sprintf("project %d", pr.Number.Value)}
}

func subprojectLabel(s *Subproject) Message {
	if unnumbered(s.Number) || s.project == nil || unnumbered(s.project.Number) {
		return Message{VI: "tiểu dự án ở " + s.Path.String(), EN: "the sub-project at " + s.Path.String()}
	}
	return Message{
		VI: fmt.Sprintf("Tiểu dự án %d (Dự án %d)", s.Number.Value, s.project.Number.Value),
		EN: fmt.Sprintf("sub-project %d of project %d", s.Number.Value, s.project.Number.Value),
	}
}

// fundingOf returns the funding of a node of the funding tree.
func fundingOf(ref any) *Funding {
	switch x := ref.(type) {
	case *Plan:
		return &x.Funding
	case *Project:
		return &x.Funding
	case *Subproject:
		return &x.Funding
	case *Activity:
		return &x.Funding
	}
	return &Funding{}
}

// fieldName is how a message names a figure of a funding: the source's
// words, or the total.
func (c *checker) fieldName(fl budget.Field) Message {
	m := Message{VI: "tổng kinh phí", EN: "total"}
	if fl != budget.TotalField && int(fl) < len(c.p.Sources) {
		s := c.p.Sources[fl]
		m = Message{VI: cmpOr(s.Says, s.Short, s.ID), EN: cmpOr(s.EN, s.ID)}
	}
	if k := c.kind; k != nil {
		// The figure's part of one kind of funds.
		m.VI += " (" + strings.ToLower(k.Name) + ")"
		m.EN = k.ID + " " + m.EN
	}
	return m
}

// sourcesSum names the sum of the plan's sources: "NSTW + NSĐP + vốn huy
// động khác", "central + local + other".
func (c *checker) sourcesSum() Message {
	var vi, en []string
	for _, i := range c.p.Used() {
		vi = append(vi, c.fieldName(budget.Field(i)).VI)
		en = append(en, c.p.Sources[i].ID)
	}
	return Message{VI: strings.Join(vi, " + "), EN: strings.Join(en, " + ")}
}

// fieldKey is the key of a figure of a funding: central, or its kind,
// central.investment.
func (c *checker) fieldKey(fl budget.Field) string {
	key := "total"
	if fl != budget.TotalField && int(fl) < len(c.p.Sources) {
		key = c.p.Sources[fl].ID
	}
	if c.kind != nil {
		key += "." + c.kind.ID
	}
	return key
}

// figureAt is the figure of field fl of f.
func figureAt(f *Funding, fl budget.Field) Figure {
	if fl == budget.TotalField {
		return f.Total
	}
	return f.Source(int(fl))
}

// partsName names the rows a figure is compared with.
func partsName(k budget.Kind) Message {
	switch k {
	case budget.Project:
		return Message{VI: "các dự án", EN: "the projects"}
	case budget.Activity:
		return Message{VI: "các hoạt động", EN: "its activities"}
	}
	return Message{VI: "các tiểu dự án", EN: "its sub-projects"}
}

// rowsName names the rows of a level, as parts of a sum.
func rowsName(k budget.Kind) Message {
	switch k {
	case budget.Project:
		return Message{VI: "các dự án", EN: "the projects"}
	case budget.Subproject:
		return Message{VI: "các tiểu dự án", EN: "the sub-projects"}
	}
	return Message{VI: "các hoạt động", EN: "the activities"}
}

func (c *checker) tolerance() budget.Amount {
	if t := c.p.Rules.Tolerance; t.Valid {
		return t.Value
	}
	return 0
}

// withTolerance is the sentence that says why a finding is a warning.
func (c *checker) withTolerance(within bool) Message {
	if !within {
		return Message{}
	}
	tol := c.tolerance()
	return Message{
		VI: fmt.Sprintf(" Chênh lệch nằm trong dung sai %s của kế hoạch nên chỉ là cảnh báo.", tol.Format(true)),
		EN: fmt.Sprintf(" The difference is within the plan's tolerance of %s, so this is a warning.", tol.Format(false)),
	}
}

func diffOf(stated, computed budget.Amount) budget.Amount {
	d, ok := stated.Sub(computed)
	if !ok {
		return 0
	}
	return d
}

// fundingFinding reports one finding of package budget.
func (c *checker) fundingFinding(f budget.Finding) {
	code := ruleCode[f.Rule]
	pos, path := where(f.Figure.Ref)
	who := label(f.Node.Ref)
	switch f.Rule {
	case budget.RowSum, budget.PartsSum, budget.PlanSum:
		c.sumFinding(code, pos, path, who, f)
	case budget.PlanCounterpart, budget.NodeCounterpart:
		c.shortfall(code, pos, path, who, f)
	case budget.OverAllocation:
		src := ""
		if a := c.p.Allocation; a != nil && a.Source.Value != "" {
			src = " (" + a.Source.Value + ")"
		}
		over := diffOf(f.Stated, f.Computed)
		c.add(code, Error, pos, path, Message{
			VI: fmt.Sprintf("NSTW của %s là %s, vượt dự toán được giao %s%s là %s",
				who.VI, f.Stated.Format(true), f.Computed.Format(true), src, over.Format(true)),
			EN: fmt.Sprintf("central funds of %s are %s, %s more than the %s assigned%s",
				who.EN, f.Stated.Format(false), over.Format(false), f.Computed.Format(false), src),
		}, Message{
			VI: fmt.Sprintf("Giảm NSTW xuống tối đa %s, hoặc cập nhật allocation nếu dự toán đã được điều chỉnh.", f.Computed),
			EN: fmt.Sprintf("Plan at most %s of central funds, or update allocation if the budget was changed.", f.Computed),
		})
	case budget.Unfunded:
		c.add(code, Warning, pos, path, Message{
			VI: fmt.Sprintf("%s không có kinh phí (tổng bằng 0)", who.VI),
			EN: fmt.Sprintf("%s has no funding (its total is 0)", who.EN),
		}, Message{
			VI: "Ghi funding: {central: …, local: …, other: …}, hoặc bỏ dự án, tiểu dự án này nếu năm nay không thực hiện.",
			EN: "Write funding: {central: …, local: …, other: …}, or remove it if it is not carried out this year.",
		})
	}
}

// sumFinding reports a figure of the explanation (B201–B203): what it
// states, what it should be, and why.
func (c *checker) sumFinding(code Code, pos Pos, path Path, who Message, f budget.Finding) {
	sev := Error
	if f.WithinTolerance {
		sev = Warning
	}
	tol := c.withTolerance(f.WithinTolerance)
	what := c.fieldName(f.Field)
	stated, computed := f.Stated, f.Computed
	diff := diffOf(stated, computed)
	var msg, help Message
	switch {
	case f.NoSource:
		msg = Message{
			VI: fmt.Sprintf("tổng kinh phí của %s ghi %s, nhưng không ghi nguồn vốn nào (central, local, other), nên các nguồn cộng lại bằng 0", who.VI, stated.Format(true)),
			EN: fmt.Sprintf("total of %s: stated %s, but no source (central, local, other) is written, so the sources add up to 0", who.EN, stated.Format(false)),
		}
		help = Message{
			VI: "Ghi các nguồn: funding: {central: …, local: …, other: …}; tổng chỉ là phép kiểm tra.",
			EN: "Write the sources: funding: {central: …, local: …, other: …}; a total is only a check.",
		}
		d := c.add(code, Error, pos, path, msg, help)
		d.Stated, d.Computed, d.Difference = stated.String(), "0", stated.String()
		return
	case len(f.Candidates) > 0:
		c.ambiguous(code, sev, pos, path, who, f, tol)
		return
	case f.Rule == budget.RowSum && f.Field == budget.TotalField:
		after := Message{}
		if rowSum(fundingOf(f.Node.Ref)) != computed {
			after = Message{VI: " sau khi sửa các nguồn", EN: " once its sources are corrected"}
		}
		msg = Message{
			VI: fmt.Sprintf("tổng kinh phí của %s ghi %s, nhưng %s = %s%s (chênh lệch %s)",
				who.VI, stated.Format(true), c.sourcesSum().VI, computed.Format(true), after.VI, diff.Format(true)),
			EN: fmt.Sprintf("total of %s: stated %s, but %s = %s%s (difference %s)",
				who.EN, stated.Format(false), c.sourcesSum().EN, computed.Format(false), after.EN, diff.Format(false)),
		}
		help = Message{VI: fmt.Sprintf("Ghi total: %s.%s", computed, tol.VI), EN: fmt.Sprintf("Write total: %s.%s", computed, tol.EN)}
	case f.Rule == budget.RowSum:
		msg = Message{
			VI: fmt.Sprintf("%s của %s ghi %s, nhưng dòng này có tổng kinh phí %s, nên %s phải là %s (chênh lệch %s)",
				what.VI, who.VI, stated.Format(true), f.Row.Format(true), what.VI, computed.Format(true), diff.Format(true)),
			EN: fmt.Sprintf("%s of %s: stated %s, but the row's total is %s, so its %s must be %s (difference %s)",
				what.EN, who.EN, stated.Format(false), f.Row.Format(false), what.EN, computed.Format(false), diff.Format(false)),
		}
		help = Message{
			VI: fmt.Sprintf("Ghi %s: %s.%s", c.fieldKey(f.Field), computed, tol.VI),
			EN: fmt.Sprintf("Write %s: %s.%s", c.fieldKey(f.Field), computed, tol.EN),
		}
	case f.Whole != nil:
		whole := label(f.Whole.Ref)
		of := figureAt(fundingOf(f.Whole.Ref), f.Field).Value
		rows := rowsName(f.Node.Kind)
		msg = Message{
			VI: fmt.Sprintf("%s của %s ghi %s; để %s cộng lại bằng %s %s của %s, số này phải là %s (chênh lệch %s)",
				what.VI, who.VI, stated.Format(true), rows.VI, what.VI, of.Format(true), whole.VI, computed.Format(true), diff.Format(true)),
			EN: fmt.Sprintf("%s of %s: stated %s; for %s to add up to the %s %s of %s, it must be %s (difference %s)",
				what.EN, who.EN, stated.Format(false), rows.EN, what.EN, of.Format(false), whole.EN, computed.Format(false), diff.Format(false)),
		}
		help = Message{
			VI: fmt.Sprintf("Ghi %s: %s.%s", c.fieldKey(f.Field), computed, tol.VI),
			EN: fmt.Sprintf("Write %s: %s.%s", c.fieldKey(f.Field), computed, tol.EN),
		}
	default:
		parts := partsName(f.Parts)
		after := Message{}
		if f.Adjusted {
			after = Message{VI: " sau khi sửa các số sai bên dưới", EN: " once the wrong figures below are corrected"}
		}
		msg = Message{
			VI: fmt.Sprintf("%s của %s ghi %s, nhưng tổng của %s là %s%s (chênh lệch %s)",
				what.VI, who.VI, stated.Format(true), parts.VI, computed.Format(true), after.VI, diff.Format(true)),
			EN: fmt.Sprintf("%s of %s: stated %s, but %s add up to %s%s (difference %s)",
				what.EN, who.EN, stated.Format(false), parts.EN, computed.Format(false), after.EN, diff.Format(false)),
		}
		help = Message{
			VI: fmt.Sprintf("Ghi %s (tổng của %s).%s", computed, parts.VI, tol.VI),
			EN: fmt.Sprintf("Write %s (the sum of %s).%s", computed, parts.EN, tol.EN),
		}
	}
	if fig, ok := f.Figure.Ref.(*Figure); ok && fig.Split {
		// A figure written by kind of funds has no one text to replace:
		// the planner corrects one of its kinds.
		help = Message{
			VI: fmt.Sprintf("Sửa các loại vốn của %s cho cộng lại bằng %s.%s", what.VI, computed, tol.VI),
			EN: fmt.Sprintf("Correct its kinds of funds so that they add up to %s.%s", computed, tol.EN),
		}
		d := c.add(code, sev, pos, path, msg, help)
		d.Stated, d.Computed, d.Difference = stated.String(), computed.String(), diff.String()
		return
	}
	d := c.add(code, sev, pos, path, msg, help)
	d.Stated, d.Computed, d.Difference = stated.String(), computed.String(), diff.String()
	d.Suggestion = computed.String()
}

// rowSum is the sum of the sources a funding writes, as written.
func rowSum(f *Funding) budget.Amount {
	var sum budget.Amount
	for _, s := range f.Sources {
		if s.Written && s.Valid {
			sum, _ = sum.Add(s.Value)
		}
	}
	return sum
}

// ambiguous reports where equally good explanations disagree: the figure
// that does not agree with its parts, the candidates, and no suggestion.
func (c *checker) ambiguous(code Code, sev Severity, pos Pos, path Path, who Message, f budget.Finding, tol Message) {
	what := c.fieldName(f.Field)
	parts := partsName(f.Parts)
	diff := diffOf(f.Stated, f.Computed)
	var names []Message
	var related []Related
	for _, cand := range f.Candidates {
		cw := label(cand.Node.Ref)
		cf := c.fieldName(cand.Field)
		names = append(names, Message{
			VI: fmt.Sprintf("%s của %s (%s)", cf.VI, cw.VI, cand.Figure.Value.Format(true)),
			EN: fmt.Sprintf("the %s of %s (%s)", cf.EN, cw.EN, cand.Figure.Value.Format(false)),
		})
		cpos, cpath := where(cand.Figure.Ref)
		related = append(related, Related{Pos: cpos, Path: cpath.String(), Message: Message{
			VI: fmt.Sprintf("có thể là số sai: %s của %s; nếu đúng vậy, ghi %s", cf.VI, cw.VI, cand.To),
			EN: fmt.Sprintf("may be the wrong figure: the %s of %s; if so, write %s", cf.EN, cw.EN, cand.To),
		}})
	}
	list := func(l Lang, or string) string {
		var s []string
		for _, n := range names {
			s = append(s, n.In(l))
		}
		if len(s) < 2 {
			return strings.Join(s, "")
		}
		return strings.Join(s[:len(s)-1], ", ") + " " + or + " " + s[len(s)-1]
	}
	sum := Message{VI: "tổng của " + parts.VI + " là", EN: parts.EN + " add up to"}
	if f.Rule == budget.RowSum {
		sum = Message{VI: c.sourcesSum().VI + " =", EN: c.sourcesSum().EN + " ="}
	}
	msg := Message{
		VI: fmt.Sprintf("%s của %s ghi %s, nhưng %s %s (chênh lệch %s); số sai có thể là %s, và kế hoạch không cho biết số nào",
			what.VI, who.VI, f.Stated.Format(true), sum.VI, f.Computed.Format(true), diff.Format(true), list(VI, "hoặc")),
		EN: fmt.Sprintf("%s of %s: stated %s, but %s %s (difference %s); the wrong figure may be %s, and the plan does not say which",
			what.EN, who.EN, f.Stated.Format(false), sum.EN, f.Computed.Format(false), diff.Format(false), list(EN, "or")),
	}
	help := Message{
		VI: "Đối chiếu các số này với hồ sơ gốc và sửa số sai; cũng có thể chính số này sai." + tol.VI,
		EN: "Check these figures against the source documents and correct the wrong one; this figure may be the wrong one too." + tol.EN,
	}
	d := c.add(code, sev, pos, path, msg, help)
	d.Stated, d.Computed, d.Difference = f.Stated.String(), f.Computed.String(), diff.String()
	d.Related = related
}

func (c *checker) shortfall(code Code, pos Pos, path Path, who Message, f budget.Finding) {
	local, central := f.Stated, f.Computed
	pctText := c.p.Rules.CounterpartMin.Value
	if f.Rule == budget.PlanCounterpart {
		who = Message{VI: "kế hoạch", EN: "the plan"}
	}
	msg := Message{
		VI: fmt.Sprintf("NSĐP của %s là %s, bằng %s %% NSTW (%s), dưới mức tối thiểu %s %%: thiếu %s",
			who.VI, local.Format(true), f.Reached.FormatFixed(true, 2), central.Format(true), pctText.Format(true), f.Missing.Format(true)),
		EN: fmt.Sprintf("local funds of %s are %s, %s %% of central funds (%s), below the minimum of %s %%: %s short",
			who.EN, local.Format(false), f.Reached.FormatFixed(false, 2), central.Format(false), pctText.Format(false), f.Missing.Format(false)),
	}
	want, _ := local.Add(f.Missing)
	help := Message{
		VI: fmt.Sprintf("Bố trí NSĐP ít nhất %s (rules.counterpart_min_percent: %s).", want, pctText),
		EN: fmt.Sprintf("Plan at least %s of local funds (rules.counterpart_min_percent: %s).", want, pctText),
	}
	c.add(code, Warning, pos, path, msg, help)
}

// explainReadings amends the W105 findings whose other reading is part of
// the explanation: read 1,000 times larger, the figure makes every sum it
// is part of add up, so W105 is the finding, with that reading as its
// suggestion.
func explainReadings(ds []Diagnostic, readings []budget.Finding) {
	for _, f := range readings {
		fig, ok := f.Figure.Ref.(*Figure)
		if !ok {
			continue
		}
		for i := range ds {
			d := &ds[i]
			if d.Code != "W105" || d.Line != fig.Line || d.Column != fig.Column {
				continue
			}
			*d = w105Diagnostic(Num{Figure: *fig}, Message{
				VI: fmt.Sprintf(" Đọc là %s thì số này khớp với các tổng chứa nó.", f.Computed.Format(true)),
				EN: fmt.Sprintf(" Read as %s, it fits the sums it is part of.", f.Computed.Format(false)),
			})
			d.Suggestion = f.Computed.String()
		}
	}
}
