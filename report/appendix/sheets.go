package appendix

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/kehoach/kehoach/budget"
	"github.com/kehoach/kehoach/plan"
)

// Numbers returns the appendices a plan has, in order: 1 when it has
// targets, 2 always, then each appendix number its projects name.
func Numbers(p *plan.Plan) []int {
	var out []int
	if p.Targets != nil {
		out = append(out, 1)
	}
	out = append(out, 2)
	var named []int
	for _, pr := range p.Projects {
		if pr.Appendix.Valid && pr.Appendix.Value >= 3 && !slices.Contains(named, pr.Appendix.Value) {
			named = append(named, pr.Appendix.Value)
		}
	}
	slices.Sort(named)
	return append(out, named...)
}

// sheetName is the name of appendix n's sheet: "PL2".
func sheetName(n int) string { return "PL" + strconv.Itoa(n) }

// builder builds the sheets of one plan.
type builder struct {
	p *plan.Plan
	// tree is the computed amounts of the plan's funding tree.
	tree computed
	year string
	// communes maps a commune id to the commune.
	communes map[string]*plan.Commune
	// sources are the plan's sources that get a column, as indexes into
	// p.Sources (plan.Plan.Used): central, local and other for the
	// 2021–2025 programme, and any the plan adds.
	sources []int
	// money are the amount columns after the total: each source, and
	// for a source the plan writes by kind of funds its kinds after it.
	money []moneyCol
}

// moneyCol is an amount column: source src (an index into p.Sources) as
// a whole (kind -1), or its part of kind of funds kind.
type moneyCol struct{ src, kind int }

func newBuilder(p *plan.Plan) *builder {
	root, leaves := p.FundingTreeLeaves()
	b := &builder{p: p, tree: computeTree(root, leaves), communes: map[string]*plan.Commune{}, sources: p.Used()}
	for _, s := range b.sources {
		b.money = append(b.money, moneyCol{s, -1})
		if p.SplitSource(s) {
			for k := range p.Kinds {
				b.money = append(b.money, moneyCol{s, k})
			}
		}
	}
	if p.Split() {
		for k := range p.Kinds {
			root, leaves := p.KindTreeLeaves(k)
			addKind(&b.tree, computeTree(root, leaves), k, len(p.Kinds))
		}
	}
	if p.Info.Year.Valid {
		b.year = strconv.Itoa(p.Info.Year.Value)
	}
	for _, c := range p.Communes {
		if _, dup := b.communes[c.ID.Value]; !dup && c.ID.Written {
			b.communes[c.ID.Value] = c
		}
	}
	return b
}

// computed is a node of the funding tree reduced to its amounts as the
// sheets compute them (budget.Computed), with its children's: the builder
// keeps it instead of the tree, whose nodes carry every figure with its
// place in the file (a national plan has 74,200 activities). The plan and
// a project with sub-projects have no amounts of their own here: the
// sheets total their rows with formulas.
type computed struct {
	amounts budget.Amounts
	// kinds are the amounts of each kind of funds, for a plan that
	// writes figures by kind.
	kinds    []budget.Amounts
	children []computed
}

// addKind puts the amounts of kind k, computed over the same tree, into
// the tree.
func addKind(dst *computed, src computed, k, n int) {
	if dst.kinds == nil {
		dst.kinds = make([]budget.Amounts, n)
	}
	dst.kinds[k] = src.amounts
	for i := range dst.children {
		addKind(&dst.children[i], src.children[i], k, n)
	}
}

// computeTree computes the amounts of the tree under n, whose activities
// leaves gives (plan.FundingTreeLeaves).
func computeTree(n *budget.Node, leaves func(*budget.Node) []*budget.Node) computed {
	var c computed
	if len(n.Children) > 0 {
		c.children = make([]computed, len(n.Children))
		for i, ch := range n.Children {
			c.children[i] = computeTree(ch, leaves)
		}
		return c
	}
	// A project without sub-projects, or a sub-project: its activities are
	// its children while its amounts are computed; the next call to leaves
	// reuses them.
	kids := leaves(n)
	n.Children = kids
	c.amounts = budget.Computed(n)
	if len(kids) > 0 {
		c.children = make([]computed, len(kids))
		for i, k := range kids {
			c.children[i] = computed{amounts: budget.Computed(k)}
		}
	}
	n.Children = nil
	return c
}

// sheet builds appendix n; ok is false when the plan has no such appendix.
func (b *builder) sheet(n int) (*sheet, bool) {
	if !slices.Contains(Numbers(b.p), n) {
		return nil, false
	}
	s := &sheet{number: n, name: sheetName(n), attach: attachLine(b.p), unit: unitLine(b.p)}
	switch n {
	case 1:
		s.title = "CHỈ TIÊU THỰC HIỆN " + strings.ToUpper(b.programme()) + b.inYear()
		s.unit = ""
		s.build = func() []*table {
			tables := []*table{b.targets()}
			if len(b.p.Targets.ByCommune) > 0 {
				tables = append(tables, b.targetsByCommune())
			}
			return tables
		}
	case 2:
		s.title = "TỔNG HỢP KINH PHÍ THỰC HIỆN " + strings.ToUpper(b.programme()) + b.inYear()
		s.build = func() []*table { return []*table{b.summary()} }
	default:
		var names []string
		for _, pr := range b.p.Projects {
			if pr.Appendix.Valid && pr.Appendix.Value == n {
				names = append(names, strings.ToUpper(projectName(pr)))
			}
		}
		s.title = "KẾ HOẠCH VỐN THỰC HIỆN " + strings.Join(names, "; ") + b.inYear()
		s.build = func() []*table { return []*table{b.projectPlan(n)} }
	}
	return s, true
}

// programme is the programme's name without its period: "Chương trình mục
// tiêu quốc gia Giảm nghèo bền vững".
func (b *builder) programme() string {
	id := plan.DefaultProgramme
	if pg := b.p.Info.Program; pg.Written && pg.Value != "" {
		id = pg.Value
	}
	prog, ok := plan.LookupProgramme(id)
	if !ok {
		return "Chương trình"
	}
	name, _, _ := strings.Cut(prog.Name, " giai đoạn")
	return name
}

func (b *builder) inYear() string {
	if b.year == "" {
		return ""
	}
	return " NĂM " + b.year
}

// unitLine is the "Đơn vị tính" line of the plan's currency unit.
func unitLine(p *plan.Plan) string {
	name := []rune(p.Info.UnitName().VI)
	return "Đơn vị tính: " + strings.ToUpper(string(name[:1])) + string(name[1:])
}

// attachLine is the "(Kèm theo Kế hoạch số …)" line, with blanks left for
// handwriting where the plan has no number or day yet.
func attachLine(p *plan.Plan) string {
	const blank = "      "
	var sb strings.Builder
	sb.WriteString("(Kèm theo Kế hoạch số ")
	if n := strings.TrimSpace(p.Info.Number.Value); n != "" {
		sb.WriteString(n)
	} else {
		sb.WriteString(blank[1:] + "/KH-UBND")
	}
	y, m, d, ok := planDate(p)
	day, month, year := blank[2:], blank[2:], ""
	if ok {
		if d > 0 {
			day = strconv.Itoa(d)
		}
		month, year = strconv.Itoa(m), strconv.Itoa(y)
	} else if p.Info.Year.Valid {
		year = strconv.Itoa(p.Info.Year.Value)
	}
	fmt.Fprintf(&sb, " ngày %s tháng %s năm %s", day, month, year)
	if is := strings.TrimSpace(p.Info.Issuer.Value); is != "" {
		sb.WriteString(" của " + is)
	}
	sb.WriteString(")")
	return sb.String()
}

// head is a column header path.
func head(path ...string) []string { return path }

// Columns of the funding summary (PL2): these, then a column for each
// source of the plan from sumCentral, then the appendix and the note
// (sumAppendix, sumNote).
const (
	sumSTT = iota
	sumName
	sumLead
	sumTotal
	sumCentral
)

// sumAppendix and sumNote are PL2's columns after the sources.
func (b *builder) sumAppendix() int { return sumCentral + len(b.money) }
func (b *builder) sumNote() int     { return sumCentral + len(b.money) + 1 }

// sourceColumns are the amount columns of the plan, numbered from n (the
// column-number row's labels), and the total's label, "1=2+3+4", and
// formula: the sum of the sources' columns. A source written by kind of
// funds has its kinds after it, "trong đó" (of which).
func (b *builder) sourceColumns(central string, first, n int) ([]column, string, *expr) {
	var cols []column
	var labels []string
	var idx []int
	for j, m := range b.money {
		src := b.p.Sources[m.src]
		label := src.Short
		if m.src == 0 && src.ID == "central" {
			label = central
		}
		num := strconv.Itoa(n + j)
		if m.kind < 0 {
			h := head("Chia ra", label)
			if b.p.SplitSource(m.src) {
				h = head("Chia ra", label, "Tổng số")
			}
			cols = append(cols, column{head: h, label: num, kind: amount, how: sum, minWidth: 11, maxWidth: 18})
			labels = append(labels, num)
			idx = append(idx, first+j)
			continue
		}
		cols = append(cols, column{head: head("Chia ra", label, "Trong đó: "+b.p.Kinds[m.kind].Short), label: num, kind: amount, how: sum, minWidth: 11, maxWidth: 18})
	}
	return cols, strconv.Itoa(n-1) + "=" + strings.Join(labels, "+"), sumOf(idx...)
}

// summaryColumns describes PL2.
func (b *builder) summaryColumns(central string) []column {
	money, totalLabel, expr := b.sourceColumns(central, sumCentral, 2)
	cols := []column{
		sumSTT:   {head: head("STT"), label: "A", kind: centered, minWidth: 5, maxWidth: 6},
		sumName:  {head: head("Dự án, tiểu dự án"), label: "B", kind: text, minWidth: 30, maxWidth: 48},
		sumLead:  {head: head("Đơn vị chủ trì"), label: "C", kind: text, minWidth: 16, maxWidth: 26},
		sumTotal: {head: head("Tổng kinh phí"), label: totalLabel, kind: amount, how: formula, expr: expr, minWidth: 11, maxWidth: 18},
	}
	cols = append(cols, money...)
	return append(cols,
		column{head: head("Phụ lục"), label: "D", kind: centered, minWidth: 9, maxWidth: 13},
		column{head: head("Ghi chú"), label: "E", kind: text, minWidth: 10, maxWidth: 16})
}

// summary builds PL2: every project and sub-project by source.
func (b *builder) summary() *table {
	t := &table{cols: b.summaryColumns(b.centralLabel(b.p.Projects))}
	total := t.newRow(grand, GrandTotal)
	total.cells[sumName] = textCell("TỔNG CỘNG")
	t.rows = append(t.rows, total)
	for i, pr := range b.p.Projects {
		node := b.tree.children[i]
		r := t.newRow(bold, ProjectLevel)
		r.project = pr
		r.cells[sumSTT] = textCell(roman(i + 1))
		r.cells[sumName] = textCell(projectName(pr))
		r.cells[sumLead] = textCell(pr.Lead.Value)
		if pr.Appendix.Valid {
			r.appendix = pr.Appendix.Value
			r.cells[b.sumAppendix()] = textCell("Phụ lục số " + strconv.Itoa(r.appendix))
		}
		if len(pr.Subprojects) == 0 {
			b.setFunding(r, sumCentral, node)
			b.noteNotStated(r, b.sumNote(), &pr.Funding)
		}
		for j, s := range pr.Subprojects {
			sr := t.newRow(plain, SubprojectLevel)
			sr.project, sr.subproject = pr, s
			sr.cells[sumSTT] = textCell(strconv.Itoa(j + 1))
			sr.cells[sumName] = textCell(subprojectName(s))
			sr.cells[sumLead] = textCell(s.Lead.Value)
			b.setFunding(sr, sumCentral, node.children[j])
			b.noteNotStated(sr, b.sumNote(), &s.Funding)
			r.children = append(r.children, sr)
		}
		total.children = append(total.children, r)
	}
	return t
}

// Columns of a project's funding plan (PL3 onwards): these, then a column
// for each source of the plan from detCentral, then the lead unit and the
// note (detLead, detNote).
const (
	detSTT = iota
	detName
	detCommune
	detUnit
	detQuantity
	detTotal
	detCentral
)

// detLead and detNote are a detail sheet's columns after the sources.
func (b *builder) detLead() int { return detCentral + len(b.money) }
func (b *builder) detNote() int { return detCentral + len(b.money) + 1 }

// detailColumns describes PL3 onwards.
func (b *builder) detailColumns(central string) []column {
	money, totalLabel, expr := b.sourceColumns(central, detCentral, 3)
	cols := []column{
		detSTT:      {head: head("STT"), label: "A", kind: centered, minWidth: 5, maxWidth: 7},
		detName:     {head: head("Nội dung"), label: "B", kind: text, minWidth: 30, maxWidth: 46},
		detCommune:  {head: head("Địa bàn thực hiện"), label: "C", kind: text, minWidth: 12, maxWidth: 18},
		detUnit:     {head: head("Đơn vị tính"), label: "D", kind: centered, minWidth: 8, maxWidth: 11},
		detQuantity: {head: head("Số lượng"), label: "1", kind: count, how: own, minWidth: 8, maxWidth: 11},
		detTotal:    {head: head("Tổng kinh phí"), label: totalLabel, kind: amount, how: formula, expr: expr, minWidth: 11, maxWidth: 18},
	}
	cols = append(cols, money...)
	return append(cols,
		column{head: head("Đơn vị thực hiện"), label: "E", kind: text, minWidth: 16, maxWidth: 24},
		column{head: head("Ghi chú"), label: "F", kind: text, minWidth: 8, maxWidth: 14})
}

// projectPlan builds the funding plan of the projects that name appendix
// n, down to their activities.
func (b *builder) projectPlan(n int) *table {
	var projects []*plan.Project
	var nodes []computed
	for i, pr := range b.p.Projects {
		if pr.Appendix.Valid && pr.Appendix.Value == n {
			projects = append(projects, pr)
			nodes = append(nodes, b.tree.children[i])
		}
	}
	t := &table{cols: b.detailColumns(b.centralLabel(projects))}
	total := t.newRow(grand, GrandTotal)
	total.cells[detName] = textCell("TỔNG CỘNG")
	t.rows = append(t.rows, total)
	for i, pr := range projects {
		node := nodes[i]
		r := t.newRow(bold, ProjectLevel)
		r.project, r.appendix = pr, n
		r.cells[detSTT] = textCell(roman(i + 1))
		r.cells[detName] = textCell(projectName(pr))
		r.cells[b.detLead()] = textCell(pr.Lead.Value)
		total.children = append(total.children, r)
		if len(pr.Subprojects) == 0 {
			b.activities(t, r, node, &pr.Funding, pr.Activities, "")
			continue
		}
		for j, s := range pr.Subprojects {
			sr := t.newRow(bold, SubprojectLevel)
			sr.project, sr.subproject = pr, s
			stt := strconv.Itoa(j + 1)
			sr.cells[detSTT] = textCell(stt)
			sr.cells[detName] = textCell(subprojectName(s))
			sr.cells[b.detLead()] = textCell(s.Lead.Value)
			b.activities(t, sr, node.children[j], &s.Funding, s.Activities, stt+".")
			r.children = append(r.children, sr)
		}
	}
	return t
}

// activities adds the activities of a project or sub-project as children
// of its row r, numbered prefix+1, prefix+2, …; without activities, r
// carries the node's own figures.
func (b *builder) activities(t *table, r *row, node computed, f *plan.Funding, acts []*plan.Activity, prefix string) {
	if len(acts) == 0 {
		b.setFunding(r, detCentral, node)
		b.noteNotStated(r, b.detNote(), f)
		return
	}
	for k, a := range acts {
		ar := t.newRow(plain, ActivityLevel)
		ar.project, ar.subproject = r.project, r.subproject
		ar.cells[detSTT] = textCell(prefix + strconv.Itoa(k+1))
		ar.cells[detName] = textCell(a.Name.Value)
		ar.cells[detCommune] = textCell(b.communeName(a.Commune))
		ar.cells[detUnit] = textCell(a.Unit.Value)
		ar.cells[detQuantity] = numberCell(a.Quantity, count)
		ar.cells[b.detLead()] = textCell(a.Lead.Value)
		b.setFunding(ar, detCentral, node.children[k])
		b.noteNotStated(ar, b.detNote(), &a.Funding)
		r.children = append(r.children, ar)
	}
}

// communeName is the name of the commune with the given id, or the id as
// written when no commune has it.
func (b *builder) communeName(id plan.Text) string {
	if c, ok := b.communes[id.Value]; ok && c.Name.Value != "" {
		return c.Name.Value
	}
	return id.Value
}

// noteNotStated writes in the note column of r which sources the document
// does not state for it (`not_stated`), whose cells are empty.
func (b *builder) noteNotStated(r *row, col int, f *plan.Funding) {
	var names []string
	for _, s := range b.sources {
		if f.Source(s).NotStated {
			names = append(names, b.p.Sources[s].Short)
		}
	}
	if len(names) > 0 {
		r.cells[col] = textCell("Văn bản không nêu " + strings.Join(names, ", "))
	}
}

// setFunding puts amounts into the source cells from column first: a
// source the document does not state (or that has an E finding) is left
// empty.
func (b *builder) setFunding(r *row, first int, node computed) {
	for j, m := range b.money {
		a := node.amounts
		if m.kind >= 0 {
			a = node.kinds[m.kind]
		}
		r.cells[first+j] = numCell(a.Sources[m.src], a.Known[m.src])
	}
}

// Columns of the district targets (PL1, first table).
const (
	tgtSTT = iota
	tgtName
	tgtUnit
	tgtValue
	tgtNote
)

func targetColumns(year string) []column {
	value := "Kế hoạch"
	if year != "" {
		value += " năm " + year
	}
	return []column{
		tgtSTT:   {head: head("STT"), label: "A", kind: centered, minWidth: 5, maxWidth: 6},
		tgtName:  {head: head("Chỉ tiêu"), label: "B", kind: text, minWidth: 30, maxWidth: 60},
		tgtUnit:  {head: head("Đơn vị tính"), label: "C", kind: centered, minWidth: 9, maxWidth: 12},
		tgtValue: {head: head(value), label: "1", kind: count, how: own, minWidth: 12, maxWidth: 16},
		tgtNote:  {head: head("Ghi chú"), label: "D", kind: text, minWidth: 12, maxWidth: 20},
	}
}

// targets builds PL1's first table: the district's indicators.
func (b *builder) targets() *table {
	tg := b.p.Targets
	t := &table{cols: targetColumns(b.year)}
	stt := 0
	// A target is numbered; a line that details the one above is not.
	add := func(l Level, name, unit string, v plan.Num, k kind) {
		r := t.newRow(plain, l)
		if l == TargetLevel {
			stt++
			r.cells[tgtSTT] = textCell(strconv.Itoa(stt))
		}
		r.cells[tgtName] = textCell(name)
		r.cells[tgtUnit] = textCell(unit)
		r.cells[tgtValue] = numberCell(v, k)
		t.rows = append(t.rows, r)
	}
	reductions := []struct {
		r        plan.Reduction
		pct, hhs string
	}{
		{tg.PovertyReduction, "Giảm tỷ lệ hộ nghèo", "Số hộ nghèo giảm"},
		{tg.NearPovertyReduction, "Giảm tỷ lệ hộ cận nghèo", "Số hộ cận nghèo giảm"},
	}
	for _, red := range reductions {
		if red.r.Percent.Written {
			add(TargetLevel, red.pct, "%", red.r.Percent, percent)
		}
		if red.r.Households.Written {
			l := TargetLevel
			if red.r.Percent.Written {
				l = TargetDetailLevel
			}
			add(l, red.hhs, "Hộ", red.r.Households, count)
		}
	}
	if tg.JobSupportPercent.Written {
		add(TargetLevel, "Tư vấn, hỗ trợ đào tạo nghề, giới thiệu việc làm cho lao động thuộc hộ nghèo, hộ cận nghèo có nhu cầu", "%", tg.JobSupportPercent, percent)
	}
	if tg.NewJobs.Written {
		add(TargetLevel, "Tạo việc làm mới", "Lao động", tg.NewJobs, count)
	}
	for _, in := range tg.Indicators {
		k := count
		if strings.TrimSpace(in.Unit.Value) == "%" {
			k = percent
		}
		add(TargetLevel, in.Name.Value, in.Unit.Value, in.Value, k)
	}
	return t
}

// Columns of the targets by commune (PL1, second table).
const (
	comSTT = iota
	comName
	comHouseholds
	comPoor
	comPoorRate
	comPoorCut
	comPoorCutRate
	comPoorEnd
	comPoorEndRate
	comNear
	comNearRate
	comNearCut
	comNearCutRate
	comNearEnd
	comNearEndRate
	comJobs
)

func communeColumns() []column {
	c := func(h []string, label string, k kind, hw how, e *expr) column {
		return column{head: h, label: label, kind: k, how: hw, expr: e, minWidth: 7, maxWidth: 10}
	}
	cols := []column{
		comSTT:        {head: head("STT"), label: "A", kind: centered, minWidth: 5, maxWidth: 6},
		comName:       {head: head("Xã, thị trấn"), label: "B", kind: text, minWidth: 16, maxWidth: 24},
		comHouseholds: c(head("Tổng số hộ"), "1", count, sum, nil),
	}
	for _, g := range []struct {
		name  string
		first int
		label int
	}{{"Hộ nghèo", comPoor, 2}, {"Hộ cận nghèo", comNear, 8}} {
		l := func(d int) string { return strconv.Itoa(g.label + d) }
		cols = append(cols,
			c(head(g.name, "Đầu năm", "Số hộ"), l(0), count, sum, nil),
			c(head(g.name, "Đầu năm", "Tỷ lệ (%)"), l(1), rate, formula, rateOf(g.first, comHouseholds)),
			c(head(g.name, "Kế hoạch giảm", "Số hộ"), l(2), count, sum, nil),
			c(head(g.name, "Kế hoạch giảm", "Tỷ lệ (%)"), l(3), rate, formula, rateOf(g.first+2, comHouseholds)),
			c(head(g.name, "Dự kiến cuối năm", "Số hộ"), l(4)+"="+l(0)+"-"+l(2), count, formula, difference(g.first, g.first+2)),
			c(head(g.name, "Dự kiến cuối năm", "Tỷ lệ (%)"), l(5), rate, formula, rateOf(g.first+4, comHouseholds)),
		)
	}
	return append(cols, c(head("Tạo việc làm mới (lao động)"), "14", count, sum, nil))
}

// targetsByCommune builds PL1's second table: one row per commune of
// targets.by_commune and a TỔNG CỘNG row of sums.
func (b *builder) targetsByCommune() *table {
	t := &table{caption: "CHỈ TIÊU GIẢM NGHÈO THEO XÃ, THỊ TRẤN", cols: communeColumns()}
	total := t.newRow(grand, GrandTotal)
	total.cells[comName] = textCell("TỔNG CỘNG")
	t.rows = append(t.rows, total)
	for i, ct := range b.p.Targets.ByCommune {
		r := t.newRow(plain, CommuneLevel)
		r.cells[comSTT] = textCell(strconv.Itoa(i + 1))
		r.cells[comName] = textCell(b.communeName(ct.Commune))
		if c, ok := b.communes[ct.Commune.Value]; ok {
			r.cells[comHouseholds] = numberCell(c.Households, count)
			r.cells[comPoor] = numberCell(c.Poor, count)
			r.cells[comNear] = numberCell(c.NearPoor, count)
		}
		r.cells[comPoorCut] = numberCell(ct.PovertyReduction, count)
		r.cells[comNearCut] = numberCell(ct.NearPovertyReduction, count)
		r.cells[comJobs] = numberCell(ct.NewJobs, count)
		total.children = append(total.children, r)
	}
	return t
}

// centralLabel names the central-funds column after the kind of funds of
// the projects shown, when they all have the same.
func (b *builder) centralLabel(projects []*plan.Project) string {
	if b.p.Split() {
		// Some figure is written by kind of funds: `capital` does not
		// say the kind of the column.
		return "NSTW"
	}
	kinds := map[string]bool{}
	base := "recurrent"
	if c := b.p.Info.Capital; c.Written && c.Value != "" {
		base = c.Value
	}
	for _, pr := range projects {
		k := base
		if pr.Capital.Written && pr.Capital.Value != "" {
			k = pr.Capital.Value
		}
		if len(pr.Subprojects) == 0 {
			kinds[k] = true
		}
		for _, s := range pr.Subprojects {
			sk := k
			if s.Capital.Written && s.Capital.Value != "" {
				sk = s.Capital.Value
			}
			kinds[sk] = true
		}
	}
	if len(kinds) == 1 {
		switch {
		case kinds["recurrent"]:
			return "Vốn sự nghiệp NSTW"
		case kinds["investment"]:
			return "Vốn đầu tư phát triển NSTW"
		}
	}
	return "NSTW"
}

// projectName is "Dự án 2: Đa dạng hóa sinh kế, …".
func projectName(pr *plan.Project) string {
	if !pr.Number.Valid {
		return pr.Name.Value
	}
	return fmt.Sprintf("Dự án %d: %s", pr.Number.Value, pr.Name.Value)
}

// subprojectName is "Tiểu dự án 1: …".
func subprojectName(s *plan.Subproject) string {
	if !s.Number.Valid {
		return s.Name.Value
	}
	return fmt.Sprintf("Tiểu dự án %d: %s", s.Number.Value, s.Name.Value)
}

// roman returns n in Roman numerals: 1 is I, 4 is IV, 14 is XIV.
func roman(n int) string {
	if n <= 0 || n >= 4000 {
		return strconv.Itoa(n)
	}
	var sb strings.Builder
	for _, d := range []struct {
		v int
		s string
	}{{1000, "M"}, {900, "CM"}, {500, "D"}, {400, "CD"}, {100, "C"}, {90, "XC"}, {50, "L"}, {40, "XL"}, {10, "X"}, {9, "IX"}, {5, "V"}, {4, "IV"}, {1, "I"}} {
		for n >= d.v {
			sb.WriteString(d.s)
			n -= d.v
		}
	}
	return sb.String()
}
