package plan

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/kehoach/kehoach/budget"
	"github.com/kehoach/kehoach/diag"
)

// top reads the top-level mapping.
func (l *loader) top(root *yaml.Node) {
	p := l.p
	// The unit decides W105, so read it before any amount.
	l.millions = true
	for i := 0; i+1 < len(root.Content); i += 2 {
		if root.Content[i].Value == "plan" {
			if pm := deref(root.Content[i+1]); pm.Kind == yaml.MappingNode {
				for j := 0; j+1 < len(pm.Content); j += 2 {
					if pm.Content[j].Value == "currency_unit" {
						l.millions = pm.Content[j+1].Value == "million_vnd"
					}
				}
			}
		}
	}
	var version *yaml.Node
	for i := 0; i+1 < len(root.Content); i += 2 {
		if root.Content[i].Value == "kehoach" {
			version = deref(root.Content[i+1])
			break
		}
	}
	switch {
	case version == nil:
		l.notPlan(root.Line, root.Column, diag.Text{VI: "không có khóa `kehoach` ở đầu tệp", EN: "no top-level `kehoach` key"})
		return
	case version.Kind != yaml.ScalarNode:
		// A CI file with a job named kehoach (.gitlab-ci.yml) has the key
		// too, holding a mapping: that is another tool's file, which a
		// folder search leaves alone.
		key := root.Content[slices.IndexFunc(root.Content, func(n *yaml.Node) bool { return n.Value == "kehoach" })]
		l.notPlan(key.Line, key.Column, diag.Text{
			VI: "khóa `kehoach` chứa " + describe(version).VI + ", không phải số phiên bản (có thể là tệp của công cụ khác, như một job CI tên kehoach)",
			EN: "the `kehoach` key holds " + describe(version).EN + ", not the format version (perhaps another tool's file, such as a CI job named kehoach)",
		})
		return
	}
	l.mapping(root, root, "", []field{
		{name: "kehoach", required: true, read: func(k, v *yaml.Node, path string) { l.version(v, path) }},
		{name: "plan", required: true, read: func(k, v *yaml.Node, path string) { l.info(k, v, path) }},
		{name: "rules", read: func(k, v *yaml.Node, path string) { l.rules(k, v, path) }},
		{name: "communes", read: func(k, v *yaml.Node, path string) { l.communes(v, path) }},
		{name: "targets", read: func(k, v *yaml.Node, path string) { l.targets(k, v, path) }},
		{name: "projects", required: true, read: func(k, v *yaml.Node, path string) {
			p.ProjectsPos = Pos{k.Line, k.Column}
			l.projects(v, path)
		}},
		{name: "funding", read: func(k, v *yaml.Node, path string) { p.Funding = l.funding(k, v, path) },
			poison: func(k *yaml.Node, path string) { p.Funding = unreadableFunding(k, path) }},
		{name: "allocation", read: func(k, v *yaml.Node, path string) { l.allocation(k, v, path) }},
	})
}

func (l *loader) version(v *yaml.Node, path string) {
	l.p.Version = Int{Written: true, Pos: Pos{v.Line, v.Column}, Path: path}
	if v.Kind == yaml.ScalarNode && v.Tag == "!!int" {
		if n, err := strconv.Atoi(v.Value); err == nil && slices.Contains(supportedVersions, n) {
			l.p.Version.Value, l.p.Version.Valid = n, true
			return
		}
	}
	msg := diag.Text{
		VI: fmt.Sprintf("phiên bản định dạng `%s` không được hỗ trợ; phiên bản được hỗ trợ: 1", v.Value),
		EN: fmt.Sprintf("format version `%s` is not supported; supported versions: 1", v.Value),
	}
	if v.Kind != yaml.ScalarNode || v.Tag != "!!int" {
		// `kehoach: "1"` or `kehoach:`: not "version 1 is not supported".
		msg = diag.Text{
			VI: "phiên bản định dạng phải là một số nguyên, nhưng gặp " + describe(v).VI + "; phiên bản được hỗ trợ: 1",
			EN: "the format version must be a whole number, found " + describe(v).EN + "; supported versions: 1",
		}
	}
	l.errAt("E109", v, path, msg, diag.Text{
		VI: "Viết `kehoach: 1`, hoặc cập nhật kehoach nếu tệp được viết cho bản mới hơn.",
		EN: "Write `kehoach: 1`, or update kehoach if the file was written for a newer release.",
	})
}

var dateRE = regexp.MustCompile(`^(\d{4})-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?$`)

func (l *loader) info(k, v *yaml.Node, path string) {
	in := &l.p.Info
	in.Pos = Pos{k.Line, k.Column}
	str := func(dst *Text) func(k, v *yaml.Node, path string) {
		return func(_, v *yaml.Node, path string) { *dst = l.text(v, path) }
	}
	l.mapping(k, v, path, []field{
		{name: "title", required: true, read: str(&in.Title)},
		{name: "program", read: str(&in.Program)},
		{name: "level", read: func(_, v *yaml.Node, path string) { in.Level = l.oneOf(v, path, "district", "province", "commune") }},
		{name: "year", required: true, read: func(_, v *yaml.Node, path string) { in.Year = l.integer(v, path, 1900, 2200) }},
		{name: "issuer", required: true, read: str(&in.Issuer)},
		{name: "parent", read: str(&in.Parent)},
		{name: "province", required: true, read: str(&in.Province)},
		{name: "district", read: str(&in.District),
			// `distrct:` is E102 with district suggested: not also the E106
			// below.
			poison: func(k *yaml.Node, path string) {
				in.District = Text{Written: true, Pos: Pos{k.Line, k.Column}, Path: path}
			}},
		{name: "number", read: str(&in.Number)},
		{name: "date", read: func(_, v *yaml.Node, path string) {
			in.Date = l.text(v, path)
			if in.Date.Written && !dateRE.MatchString(in.Date.Value) {
				l.errAt("E103", v, path, diag.Text{
					VI: fmt.Sprintf("ngày `%s` không đúng dạng: cần YYYY-MM hoặc YYYY-MM-DD", in.Date.Value),
					EN: fmt.Sprintf("date `%s` is not in the form YYYY-MM or YYYY-MM-DD", in.Date.Value),
				}, diag.Text{VI: "Ví dụ: 2022-08 hoặc 2022-08-15.", EN: "For example 2022-08 or 2022-08-15."})
				in.Date.Written = false
			}
		}},
		{name: "place", read: str(&in.Place)},
		{name: "capital", read: func(_, v *yaml.Node, path string) { in.Capital = l.oneOf(v, path, "recurrent", "investment") }},
		{name: "currency_unit", read: func(_, v *yaml.Node, path string) {
			in.CurrencyUnit = l.oneOf(v, path, "million_vnd", "thousand_vnd", "vnd")
		}},
		{name: "signer", read: func(k, v *yaml.Node, path string) {
			s := &in.Signer
			l.mapping(k, v, path, []field{
				{name: "on_behalf", read: str(&s.OnBehalf)},
				{name: "authority", read: str(&s.Authority)},
				{name: "title", read: str(&s.Title)},
				{name: "name", read: str(&s.Name)},
			})
		}},
		{name: "basis", read: func(_, v *yaml.Node, path string) { in.Basis = l.texts(v, path) }},
	})
	if (in.Level.Value == "" || in.Level.Value == "district") && !in.District.Written && v.Kind == yaml.MappingNode {
		l.errAt("E106", k, path, diag.Text{
			VI: "thiếu khóa `district` trong khối `plan`: kế hoạch cấp huyện phải ghi tên huyện",
			EN: "required key `district` is missing in block `plan`: a district plan names its district",
		}, diag.Text{
			VI: "Thêm `district: …`, hoặc ghi `level: province` / `level: commune` nếu không phải kế hoạch cấp huyện.",
			EN: "Add `district: …`, or write `level: province` / `level: commune` for another level.",
		})
	}
}

func (l *loader) rules(k, v *yaml.Node, path string) {
	r := &l.p.Rules
	l.mapping(k, v, path, []field{
		{name: "tolerance", read: func(_, v *yaml.Node, path string) {
			var w bool
			r.Tolerance, w = l.number(v, path, amountNum)
			if w {
				l.w105(r.Tolerance, diag.Text{})
			}
		}},
		{name: "counterpart_min_percent", read: func(_, v *yaml.Node, path string) {
			r.CounterpartMin, _ = l.number(v, path, percentNum)
		}},
	})
}

var communeIDRE = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)

func (l *loader) communes(v *yaml.Node, path string) {
	l.list(v, path, func(i int, item *yaml.Node, path string) {
		c := &Commune{Pos: Pos{item.Line, item.Column}, Path: path}
		num := func(dst *Num) func(k, v *yaml.Node, path string) {
			return func(_, v *yaml.Node, path string) { *dst, _ = l.number(v, path, countNum) }
		}
		l.mapping(item, item, path, []field{
			{name: "id", required: true, read: func(_, v *yaml.Node, path string) {
				c.ID = l.text(v, path)
				if c.ID.Written && !communeIDRE.MatchString(c.ID.Value) {
					l.errAt("E103", v, path, diag.Text{
						VI: fmt.Sprintf("mã xã `%s` phải là chữ thường không dấu, số và dấu gạch ngang", c.ID.Value),
						EN: fmt.Sprintf("commune id `%s` must be lowercase ASCII letters, digits and hyphens", c.ID.Value),
					}, diag.Text{VI: "Ví dụ: `pho-rang`, `bao-ha`.", EN: "For example `pho-rang`, `bao-ha`."})
				}
			}},
			{name: "name", required: true, read: func(_, v *yaml.Node, path string) { c.Name = l.text(v, path) }},
			{name: "households", read: num(&c.Households)},
			{name: "poor", read: num(&c.Poor)},
			{name: "near_poor", read: num(&c.NearPoor)},
			{name: "tags", read: func(_, v *yaml.Node, path string) { c.Tags = l.texts(v, path) }},
		})
		l.p.Communes = append(l.p.Communes, c)
	})
}

// list calls item for every element of a sequence.
func (l *loader) list(v *yaml.Node, path string, item func(i int, n *yaml.Node, path string)) {
	if v.Kind != yaml.SequenceNode {
		if v.Tag == "!!null" {
			return
		}
		l.typeError(v, path, diag.Text{VI: "một danh sách (các dòng bắt đầu bằng `- `)", EN: "a list (lines starting with `- `)"})
		return
	}
	for i, c := range v.Content {
		item(i, deref(c), index(path, i))
	}
}

func (l *loader) targets(k, v *yaml.Node, path string) {
	t := &Targets{Pos: Pos{k.Line, k.Column}}
	l.p.Targets = t
	count := func(dst *Num) func(k, v *yaml.Node, path string) {
		return func(_, v *yaml.Node, path string) { *dst, _ = l.number(v, path, countNum) }
	}
	reduction := func(dst *Reduction) func(k, v *yaml.Node, path string) {
		return func(k, v *yaml.Node, path string) {
			dst.Written, dst.Pos = true, Pos{k.Line, k.Column}
			l.mapping(k, v, path, []field{
				{name: "percent", read: func(_, v *yaml.Node, path string) { dst.Percent, _ = l.number(v, path, percentNum) }},
				{name: "households", read: count(&dst.Households)},
			})
		}
	}
	l.mapping(k, v, path, []field{
		{name: "baseline", read: func(k, v *yaml.Node, path string) {
			t.Baseline.Written = true
			l.mapping(k, v, path, []field{
				{name: "households", read: count(&t.Baseline.Households)},
				{name: "poor", read: count(&t.Baseline.Poor)},
				{name: "near_poor", read: count(&t.Baseline.NearPoor)},
			})
		}},
		{name: "poverty_reduction", read: reduction(&t.PovertyReduction)},
		{name: "near_poverty_reduction", read: reduction(&t.NearPovertyReduction)},
		{name: "job_support_percent", read: func(_, v *yaml.Node, path string) {
			t.JobSupportPercent, _ = l.number(v, path, percentNum)
		}},
		{name: "new_jobs", read: count(&t.NewJobs)},
		{name: "indicators", read: func(_, v *yaml.Node, path string) {
			l.list(v, path, func(i int, item *yaml.Node, path string) {
				in := &Indicator{Pos: Pos{item.Line, item.Column}}
				l.mapping(item, item, path, []field{
					{name: "id", read: func(_, v *yaml.Node, path string) { in.ID = l.text(v, path) }},
					{name: "name", required: true, read: func(_, v *yaml.Node, path string) { in.Name = l.text(v, path) }},
					{name: "unit", read: func(_, v *yaml.Node, path string) { in.Unit = l.text(v, path) }},
					{name: "value", required: true, read: func(_, v *yaml.Node, path string) { in.Value, _ = l.number(v, path, quantityNum) }},
				})
				t.Indicators = append(t.Indicators, in)
			})
		}},
		{name: "by_commune", read: func(_, v *yaml.Node, path string) {
			l.list(v, path, func(i int, item *yaml.Node, path string) {
				ct := &CommuneTarget{Pos: Pos{item.Line, item.Column}, Path: path}
				households := func(dst *Num) func(k, v *yaml.Node, path string) {
					return func(k, v *yaml.Node, path string) {
						l.mapping(k, v, path, []field{{name: "households", read: count(dst)}})
					}
				}
				l.mapping(item, item, path, []field{
					{name: "commune", required: true, read: func(_, v *yaml.Node, path string) { ct.Commune = l.text(v, path) }},
					{name: "poverty_reduction", read: households(&ct.PovertyReduction)},
					{name: "near_poverty_reduction", read: households(&ct.NearPovertyReduction)},
					{name: "new_jobs", read: count(&ct.NewJobs)},
				})
				t.ByCommune = append(t.ByCommune, ct)
			})
		}},
	})
}

func (l *loader) projects(v *yaml.Node, path string) {
	l.list(v, path, func(i int, item *yaml.Node, path string) {
		p := &Project{Pos: Pos{item.Line, item.Column}, Path: path}
		var subKey *yaml.Node
		var actKey *yaml.Node
		l.mapping(item, item, path, []field{
			{name: "project", required: true, read: func(_, v *yaml.Node, path string) { p.Number = l.integer(v, path, 1, 99) }},
			{name: "name", required: true, read: func(_, v *yaml.Node, path string) { p.Name = l.text(v, path) }},
			{name: "appendix", required: true, read: func(_, v *yaml.Node, path string) { p.Appendix = l.integer(v, path, 1, 99) }},
			{name: "lead", read: func(_, v *yaml.Node, path string) { p.Lead = l.text(v, path) }},
			{name: "co_leads", read: func(_, v *yaml.Node, path string) { p.CoLeads = l.texts(v, path) }},
			{name: "partners", read: func(_, v *yaml.Node, path string) { p.Partners = l.texts(v, path) }},
			{name: "capital", read: func(_, v *yaml.Node, path string) { p.Capital = l.oneOf(v, path, "recurrent", "investment") }},
			{name: "funding", read: func(k, v *yaml.Node, path string) { p.Funding = l.funding(k, v, path) },
				poison: func(k *yaml.Node, path string) { p.Funding = unreadableFunding(k, path) }},
			{name: "subprojects", read: func(k, v *yaml.Node, path string) {
				subKey = k
				l.subprojects(p, v, path)
			}},
			{name: "activities", read: func(k, v *yaml.Node, path string) {
				actKey = k
				p.Activities = l.activities(v, path)
			}},
			{name: "objective", read: func(_, v *yaml.Node, path string) { p.Objective = l.texts(v, path) }},
			{name: "beneficiaries", read: func(_, v *yaml.Node, path string) { p.Beneficiaries = l.texts(v, path) }},
			{name: "content", read: func(_, v *yaml.Node, path string) { p.Content = l.texts(v, path) }},
		})
		if subKey != nil && actKey != nil {
			second := actKey
			if subKey.Line > actKey.Line {
				second = subKey
			}
			l.errAt("E103", second, join(path, second.Value), diag.Text{
				VI: "một dự án có tiểu dự án hoặc hoạt động, không có cả hai",
				EN: "a project has sub-projects or activities, not both",
			}, diag.Text{
				VI: "Chuyển các hoạt động vào tiểu dự án của chúng.",
				EN: "Move the activities into their sub-projects.",
			})
			p.Activities = nil
		}
		l.p.Projects = append(l.p.Projects, p)
	})
	l.duplicateNumbers(len(l.p.Projects), func(i int) *Int { return &l.p.Projects[i].Number },
		diag.Text{VI: "dự án", EN: "project"})
}

func (l *loader) subprojects(p *Project, v *yaml.Node, path string) {
	l.list(v, path, func(i int, item *yaml.Node, path string) {
		s := &Subproject{Pos: Pos{item.Line, item.Column}, Path: path}
		l.mapping(item, item, path, []field{
			{name: "subproject", required: true, read: func(_, v *yaml.Node, path string) { s.Number = l.integer(v, path, 1, 99) }},
			{name: "name", required: true, read: func(_, v *yaml.Node, path string) { s.Name = l.text(v, path) }},
			{name: "lead", read: func(_, v *yaml.Node, path string) { s.Lead = l.text(v, path) }},
			{name: "partners", read: func(_, v *yaml.Node, path string) { s.Partners = l.texts(v, path) }},
			{name: "funding", read: func(k, v *yaml.Node, path string) { s.Funding = l.funding(k, v, path) },
				poison: func(k *yaml.Node, path string) { s.Funding = unreadableFunding(k, path) }},
			{name: "activities", read: func(_, v *yaml.Node, path string) { s.Activities = l.activities(v, path) }},
			{name: "objective", read: func(_, v *yaml.Node, path string) { s.Objective = l.texts(v, path) }},
			{name: "beneficiaries", read: func(_, v *yaml.Node, path string) { s.Beneficiaries = l.texts(v, path) }},
			{name: "content", read: func(_, v *yaml.Node, path string) { s.Content = l.texts(v, path) }},
		})
		p.Subprojects = append(p.Subprojects, s)
	})
	l.duplicateNumbers(len(p.Subprojects), func(i int) *Int { return &p.Subprojects[i].Number },
		diag.Text{VI: "tiểu dự án", EN: "sub-project"})
}

func (l *loader) activities(v *yaml.Node, path string) []*Activity {
	var out []*Activity
	if v.Kind == yaml.SequenceNode {
		out = make([]*Activity, 0, len(v.Content))
	}
	l.list(v, path, func(i int, item *yaml.Node, path string) {
		a := &Activity{Pos: Pos{item.Line, item.Column}, Path: path}
		l.mapping(item, item, path, []field{
			{name: "name", required: true, read: func(_, v *yaml.Node, path string) { a.Name = l.text(v, path) }},
			{name: "commune", read: func(_, v *yaml.Node, path string) { a.Commune = l.text(v, path) }},
			{name: "unit", read: func(_, v *yaml.Node, path string) { a.Unit = l.text(v, path) }},
			{name: "quantity", read: func(_, v *yaml.Node, path string) { a.Quantity, _ = l.number(v, path, quantityNum) }},
			{name: "lead", read: func(_, v *yaml.Node, path string) { a.Lead = l.text(v, path) }},
			{name: "funding", required: true, read: func(k, v *yaml.Node, path string) { a.Funding = l.funding(k, v, path) },
				poison: func(k *yaml.Node, path string) { a.Funding = unreadableFunding(k, path) }},
		})
		if !a.Funding.Written {
			// E106 (or E103 for an item that is not a mapping): the row's
			// money is unknown, not zero, and takes part in no sum.
			a.Funding = unreadableFunding(item, join(path, "funding"))
		}
		out = append(out, a)
	})
	return out
}

// unreadableFunding stands for a `funding` key that is misspelt: written,
// but no figure in it takes part in any comparison.
func unreadableFunding(k *yaml.Node, path string) budget.Funding {
	f := budget.Funding{Written: true, Line: k.Line, Column: k.Column, Path: path}
	for i := range f.Sources {
		f.Sources[i] = budget.Figure{Written: true, Line: k.Line, Column: k.Column, Path: path}
	}
	f.Total = budget.Figure{Written: true, Line: k.Line, Column: k.Column, Path: path}
	return f
}

// funding reads a `funding` object and reports W105 for its amounts with
// exactly three decimals, saying whether the 1,000-times reading would make
// the row add up.
func (l *loader) funding(k, v *yaml.Node, path string) budget.Funding {
	f := budget.Funding{Written: true, Line: k.Line, Column: k.Column, Path: path}
	if v.Kind != yaml.MappingNode {
		// `funding: 3188`: E103, and the figure meant is unknown, not zero.
		l.typeError(v, path, diag.Text{VI: "một bảng khóa central, local, other, total", EN: "a mapping of central, local, other, total"})
		return unreadableFunding(k, path)
	}
	var suspect [4]bool
	figs := [4]*budget.Figure{&f.Sources[budget.Central], &f.Sources[budget.Local], &f.Sources[budget.Other], &f.Total}
	read := func(i int) func(k, v *yaml.Node, path string) {
		return func(_, v *yaml.Node, path string) {
			var n Num
			n, suspect[i] = l.number(v, path, amountNum)
			*figs[i] = n.Figure
		}
	}
	poison := func(i int) func(k *yaml.Node, path string) {
		return func(k *yaml.Node, path string) {
			*figs[i] = budget.Figure{Written: true, Line: k.Line, Column: k.Column, Path: path}
		}
	}
	l.mapping(k, v, path, []field{
		{name: "central", read: read(0), poison: poison(0)},
		{name: "local", read: read(1), poison: poison(1)},
		{name: "other", read: read(2), poison: poison(2)},
		{name: "total", read: read(3), poison: poison(3)},
	})
	for i, s := range suspect {
		if !s {
			continue
		}
		l.w105(Num{Figure: *figs[i]}, addsUpAsThousands(figs, i))
	}
	return f
}

// addsUpAsThousands says whether reading figure i as 1,000 times its value
// makes total = central + local + other, when all four are written.
func addsUpAsThousands(figs [4]*budget.Figure, i int) diag.Text {
	for _, f := range figs {
		if !f.Written || !f.Valid {
			return diag.Text{}
		}
	}
	val := func(j int) budget.Amount {
		if j == i {
			return figs[j].Value * budget.Scale
		}
		return figs[j].Value
	}
	sum, ok := budget.Sum(val(0), val(1), val(2))
	if !ok {
		return diag.Text{}
	}
	if sum == val(3) {
		return diag.Text{
			VI: fmt.Sprintf(" Đọc là %s thì dòng này cộng đúng.", val(i).Format(true)),
			EN: fmt.Sprintf(" Read as %s, this row adds up.", val(i).Format(false)),
		}
	}
	return diag.Text{
		VI: fmt.Sprintf(" Đọc là %s thì dòng này cũng không cộng đúng.", val(i).Format(true)),
		EN: fmt.Sprintf(" Read as %s, this row would not add up either.", val(i).Format(false)),
	}
}

// w105 reports an unquoted amount with exactly three decimals in million
// VND: YAML reads 3.188 as three point one eight eight.
func (l *loader) w105(n Num, note diag.Text) {
	meant := n.Value * budget.Scale
	dong, ok := budget.MulDiv(n.Value, 1_000_000, 1, budget.Floor)
	if !ok || n.Value > 1<<40 {
		return // far beyond any plan; E103 territory, not a notation slip
	}
	// As written: exactly three decimals (`1.200`, not its value 1.2).
	written := fmt.Sprintf("%d.%03d", int64(n.Value/budget.Scale), int64(n.Value%budget.Scale))
	l.add("W105", diag.Warning, n.Line, n.Column, n.Path, diag.Text{
		VI: fmt.Sprintf("`%s` được đọc là %s triệu đồng (%s đồng); nếu ý là %s triệu đồng (dấu chấm ngăn cách hàng nghìn) thì viết %s.%s",
			written, n.Value.Format(true), dong.Format(true), meant.Format(true), meant, note.VI),
		EN: fmt.Sprintf("`%s` is read as %s million VND (%s VND); if %s million was meant (a Vietnamese thousands dot), write %s.%s",
			written, n.Value.Format(false), dong.Format(false), meant.Format(false), meant, note.EN),
	}, diag.Text{
		VI: fmt.Sprintf("Viết %s nếu ý là %s triệu; giữ nguyên nếu đúng là %s triệu.", meant, meant.Format(true), n.Value.Format(true)),
		EN: fmt.Sprintf("Write %s if %s million was meant; keep it if %s million is right.", meant, meant.Format(false), n.Value.Format(false)),
	})
}

func (l *loader) allocation(k, v *yaml.Node, path string) {
	a := &Allocation{}
	l.p.Allocation = a
	l.mapping(k, v, path, []field{
		{name: "source", read: func(_, v *yaml.Node, path string) { a.Source = l.text(v, path) }},
		{name: "projects", read: func(_, v *yaml.Node, path string) {
			l.list(v, path, func(i int, item *yaml.Node, path string) {
				e := &Allocated{Pos: Pos{item.Line, item.Column}}
				l.mapping(item, item, path, []field{
					{name: "project", required: true, read: func(_, v *yaml.Node, path string) { e.Project = l.integer(v, path, 1, 99) }},
					{name: "subproject", read: func(_, v *yaml.Node, path string) { e.Subproject = l.integer(v, path, 1, 99) }},
					{name: "central", required: true, read: func(_, v *yaml.Node, path string) {
						var w bool
						e.Central, w = l.number(v, path, amountNum)
						if w {
							l.w105(e.Central, diag.Text{})
						}
					}},
				})
				a.Projects = append(a.Projects, e)
			})
		}},
	})
}

// duplicateNumbers reports E107 at the second occurrence of a number in a
// list, with the first as a related location. The first occurrence is the
// one used: the second is made invalid, so it takes part in no check (the
// catalogue's name and sub-projects of that number belong to the first).
func (l *loader) duplicateNumbers(n int, num func(int) *Int, what diag.Text) {
	first := make(map[int]Int)
	for i := range n {
		xp := num(i)
		x := *xp
		if !x.Valid {
			continue
		}
		f, dup := first[x.Value]
		if !dup {
			first[x.Value] = x
			continue
		}
		d := l.add("E107", diag.Error, x.Pos.Line, x.Pos.Column, x.Path, diag.Text{
			VI: fmt.Sprintf("%s số %d bị lặp lại (đã có ở dòng %d)", capitalize(what.VI), x.Value, f.Pos.Line),
			EN: fmt.Sprintf("duplicate %s number %d (first at line %d)", what.EN, x.Value, f.Pos.Line),
		}, diag.Text{
			VI: "Gộp hai mục lại, hoặc sửa số cho đúng.",
			EN: "Merge the two entries, or correct the number.",
		})
		d.Related = []diag.Related{{Line: f.Pos.Line, Column: f.Pos.Column, Path: f.Path,
			Message: diag.Text{VI: "lần xuất hiện đầu tiên", EN: "first occurrence"}}}
		xp.Valid = false
	}
}

// references checks what refers to what once everything is read: commune
// ids (E107 for duplicates, E108 for unknown references).
func (l *loader) references() {
	p := l.p
	ids := make(map[string]*Commune, len(p.Communes))
	names := make([]string, 0, len(p.Communes))
	for _, c := range p.Communes {
		if !c.ID.Written || c.ID.Value == "" {
			continue
		}
		if f, dup := ids[c.ID.Value]; dup {
			d := l.add("E107", diag.Error, c.ID.Pos.Line, c.ID.Pos.Column, c.ID.Path, diag.Text{
				VI: fmt.Sprintf("mã xã `%s` bị lặp lại (đã có ở dòng %d)", c.ID.Value, f.ID.Pos.Line),
				EN: fmt.Sprintf("duplicate commune id `%s` (first at line %d)", c.ID.Value, f.ID.Pos.Line),
			}, diag.Text{VI: "Mỗi xã một mã riêng.", EN: "Give each commune its own id."})
			d.Related = []diag.Related{{Line: f.ID.Pos.Line, Column: f.ID.Pos.Column, Path: f.ID.Path,
				Message: diag.Text{VI: "lần xuất hiện đầu tiên", EN: "first occurrence"}}}
			continue
		}
		ids[c.ID.Value] = c
		names = append(names, c.ID.Value)
	}
	check := func(t Text) {
		if !t.Written || t.Value == "" {
			return
		}
		if _, ok := ids[t.Value]; ok {
			return
		}
		msg := diag.Text{
			VI: fmt.Sprintf("mã xã `%s` không có trong danh sách `communes`", t.Value),
			EN: fmt.Sprintf("commune id `%s` is not in `communes`", t.Value),
		}
		help := diag.Text{
			VI: "Thêm xã này vào `communes` (id, name), hoặc sửa mã cho đúng.",
			EN: "Add the commune to `communes` (id, name), or correct the id.",
		}
		if len(names) == 0 {
			msg.VI = fmt.Sprintf("mã xã `%s` được dùng nhưng kế hoạch không có danh sách `communes`", t.Value)
			msg.EN = fmt.Sprintf("commune id `%s` is used but the plan has no `communes` list", t.Value)
		} else if s, ok := closestFolded(t.Value, names); ok {
			msg.VI += fmt.Sprintf("; có phải ý là `%s`?", s)
			msg.EN += fmt.Sprintf("; did you mean `%s`?", s)
			help = diag.Text{VI: fmt.Sprintf("Sửa thành `%s`.", s), EN: fmt.Sprintf("Write `%s`.", s)}
		}
		l.add("E108", diag.Error, t.Pos.Line, t.Pos.Column, t.Path, msg, help)
	}
	walkActivities(p, func(a *Activity) { check(a.Commune) })
	if p.Targets != nil {
		for _, ct := range p.Targets.ByCommune {
			check(ct.Commune)
		}
	}
}

// closestFolded is closest for ids that may have been typed with
// diacritics or in capitals ("Bảo-Hà" for bao-ha).
func closestFolded(s string, ids []string) (string, bool) {
	f := strings.ReplaceAll(strings.ToLower(stripMarks(s)), " ", "-")
	if slices.Contains(ids, f) {
		return f, true
	}
	return closest(f, ids)
}

func walkActivities(p *Plan, f func(*Activity)) {
	for _, pr := range p.Projects {
		for _, a := range pr.Activities {
			f(a)
		}
		for _, s := range pr.Subprojects {
			for _, a := range s.Activities {
				f(a)
			}
		}
	}
}

// nfcFinding reports W112 once per file.
func (l *loader) nfcFinding() {
	if l.nfcCount == 0 {
		return
	}
	msg := diag.Text{
		VI: fmt.Sprintf("%d chuỗi văn bản không ở dạng Unicode dựng sẵn (NFC), chuỗi đầu tiên ở đây; kehoach đã chuẩn hóa chúng trước khi so sánh", l.nfcCount),
		EN: fmt.Sprintf("%d strings are not in Unicode NFC (decomposed diacritics), the first here; kehoach normalised them before comparing", l.nfcCount),
	}
	if l.nfcCount == 1 {
		msg = diag.Text{
			VI: "chuỗi văn bản này không ở dạng Unicode dựng sẵn (NFC); kehoach đã chuẩn hóa nó trước khi so sánh",
			EN: "this string is not in Unicode NFC (decomposed diacritics); kehoach normalised it before comparing",
		}
	}
	l.add("W112", diag.Warning, l.nfcAt.Line, l.nfcAt.Column, l.nfcPath, msg, diag.Text{
		VI: "Lưu lại tệp với Unicode dựng sẵn (Unikey: bảng mã Unicode dựng sẵn) để bảng tính và tìm kiếm hiển thị đúng.",
		EN: "Save the file with precomposed Unicode (NFC) so that spreadsheets and searches treat the text alike.",
	})
}
