package plan

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/kehoach/kehoach/budget"
)

// reader is the loader while it reads the tree into the plan.
type reader struct {
	*loader
	// shared counts the anchored nodes the reader is inside: a node inside
	// one can be reached again through an alias.
	shared int
}

// top reads the top-level mapping.
func (l *loader) top(root *yaml.Node) {
	// The unit decides W105, so read it before any amount.
	l.millions = true
	for i := 0; i+1 < len(root.Content); i += 2 {
		if root.Content[i].Value == "plan" {
			if pm := deref(root.Content[i+1]); pm.Kind == yaml.MappingNode {
				for j := 0; j+1 < len(pm.Content); j += 2 {
					if pm.Content[j].Value == "currency_unit" {
						l.millions = pm.Content[j+1].Value == MillionVND
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
		l.notPlan(root.Line, root.Column, Message{VI: "không có khóa `kehoach` ở đầu tệp", EN: "no top-level `kehoach` key"})
		return
	case version.Kind != yaml.ScalarNode:
		// A CI file with a job named kehoach (.gitlab-ci.yml) has the key
		// too, holding a mapping: that is another tool's file, which a
		// folder search leaves alone.
		key := root.Content[slices.IndexFunc(root.Content, func(n *yaml.Node) bool { return n.Value == "kehoach" })]
		l.notPlan(key.Line, key.Column, Message{
			VI: "khóa `kehoach` chứa " + describe(version).VI + ", không phải số phiên bản (có thể là tệp của công cụ khác, như một job CI tên kehoach)",
			EN: "the `kehoach` key holds " + describe(version).EN + ", not the format version (perhaps another tool's file, such as a CI job named kehoach)",
		})
		return
	}
	r := &reader{loader: l}
	readMapping(r, root, root, Path{}, l.p, topFields)
}

var topFields = []field[*Plan]{
	{name: "kehoach", required: true, read: func(r *reader, _ *Plan, _, v *yaml.Node, path Path) { r.version(v, path) }},
	{name: "plan", required: true, read: func(r *reader, _ *Plan, k, v *yaml.Node, path Path) { r.info(k, v, path) }},
	{name: "rules", read: func(r *reader, p *Plan, k, v *yaml.Node, path Path) {
		readMapping(r, k, v, path, &p.Rules, rulesFields)
	}},
	{name: "communes", read: func(r *reader, _ *Plan, _, v *yaml.Node, path Path) { r.communes(v, path) }},
	{name: "targets", read: func(r *reader, _ *Plan, k, v *yaml.Node, path Path) { r.targets(k, v, path) }},
	{name: "projects", required: true, read: func(r *reader, p *Plan, k, v *yaml.Node, path Path) {
		p.ProjectsPos = Pos{k.Line, k.Column}
		r.projects(v, path)
	}},
	{name: "funding", read: func(r *reader, p *Plan, k, v *yaml.Node, path Path) { r.funding(&p.Funding, k, v, path) },
		poison: func(p *Plan, k *yaml.Node, path Path) { p.Funding = unreadableFunding(k, path) }},
	{name: "allocation", read: func(r *reader, _ *Plan, k, v *yaml.Node, path Path) { r.allocation(k, v, path) }},
}

func (l *loader) version(v *yaml.Node, path Path) {
	l.p.Version = Int{Written: true, Pos: Pos{v.Line, v.Column}, Path: path}
	if v.Kind == yaml.ScalarNode && v.Tag == "!!int" {
		if n, err := strconv.Atoi(v.Value); err == nil && slices.Contains(supportedVersions, n) {
			l.p.Version.Value, l.p.Version.Valid = n, true
			return
		}
	}
	msg := Message{
		VI: fmt.Sprintf("phiên bản định dạng `%s` không được hỗ trợ; phiên bản được hỗ trợ: 1", v.Value),
		EN: fmt.Sprintf("format version `%s` is not supported; supported versions: 1", v.Value),
	}
	if v.Kind != yaml.ScalarNode || v.Tag != "!!int" {
		// `kehoach: "1"` or `kehoach:`: not "version 1 is not supported".
		msg = Message{
			VI: "phiên bản định dạng phải là một số nguyên, nhưng gặp " + describe(v).VI + "; phiên bản được hỗ trợ: 1",
			EN: "the format version must be a whole number, found " + describe(v).EN + "; supported versions: 1",
		}
	}
	l.errAt("E109", v, path, msg, Message{
		VI: "Viết `kehoach: 1`, hoặc cập nhật kehoach nếu tệp được viết cho bản mới hơn.",
		EN: "Write `kehoach: 1`, or update kehoach if the file was written for a newer release.",
	})
}

// ParseDate reads a date as plans write it (plan.date): YYYY-MM-DD, or
// YYYY-MM for a draft, in which case d is 0. ok is false for any other
// text. The form is ^(\d{4})-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?$,
// read without a regular expression compiled when the program starts; the
// day is not checked against the month's length (2022-02-30 has the form).
func ParseDate(s string) (y, m, d int, ok bool) {
	num := func(t string) (int, bool) {
		n := 0
		for i := 0; i < len(t); i++ {
			if t[i] < '0' || t[i] > '9' {
				return 0, false
			}
			n = n*10 + int(t[i]-'0')
		}
		return n, true
	}
	if len(s) != 7 && len(s) != 10 || s[4] != '-' {
		return 0, 0, 0, false
	}
	y, yok := num(s[:4])
	m, mok := num(s[5:7])
	if !yok || !mok || m < 1 || m > 12 {
		return 0, 0, 0, false
	}
	if len(s) == 7 {
		return y, m, 0, true
	}
	d, dok := num(s[8:10])
	if s[7] != '-' || !dok || d < 1 || d > 31 {
		return 0, 0, 0, false
	}
	return y, m, d, true
}

func (r *reader) info(k, v *yaml.Node, path Path) {
	in := &r.p.Info
	in.Pos = Pos{k.Line, k.Column}
	readMapping(r, k, v, path, in, infoFields)
	if (in.Level.Value == "" || in.Level.Value == "district") && !in.District.Written && v.Kind == yaml.MappingNode {
		r.errAt("E106", k, path, Message{
			VI: "thiếu khóa `district` trong khối `plan`: kế hoạch cấp huyện phải ghi tên huyện",
			EN: "required key `district` is missing in block `plan`: a district plan names its district",
		}, Message{
			VI: "Thêm `district: …`, hoặc ghi `level: province` / `level: commune` nếu không phải kế hoạch cấp huyện.",
			EN: "Add `district: …`, or write `level: province` / `level: commune` for another level.",
		})
	}
}

var infoFields = []field[*Info]{
	{name: "title", required: true, read: func(r *reader, in *Info, _, v *yaml.Node, path Path) { in.Title = r.text(v, path) }},
	{name: "program", read: func(r *reader, in *Info, _, v *yaml.Node, path Path) { in.Program = r.text(v, path) }},
	{name: "level", read: func(r *reader, in *Info, _, v *yaml.Node, path Path) {
		in.Level = r.oneOf(v, path, "district", "province", "commune")
	}},
	{name: "year", required: true, read: func(r *reader, in *Info, _, v *yaml.Node, path Path) { in.Year = r.integer(v, path, 1900, 2200) }},
	{name: "issuer", required: true, read: func(r *reader, in *Info, _, v *yaml.Node, path Path) { in.Issuer = r.text(v, path) }},
	{name: "parent", read: func(r *reader, in *Info, _, v *yaml.Node, path Path) { in.Parent = r.text(v, path) }},
	{name: "province", required: true, read: func(r *reader, in *Info, _, v *yaml.Node, path Path) { in.Province = r.text(v, path) }},
	{name: "district", read: func(r *reader, in *Info, _, v *yaml.Node, path Path) { in.District = r.text(v, path) },
		// `distrct:` is E102 with district suggested: not also the E106
		// of info.
		poison: func(in *Info, k *yaml.Node, path Path) {
			in.District = Text{Written: true, Pos: Pos{k.Line, k.Column}, Path: path}
		}},
	{name: "number", read: func(r *reader, in *Info, _, v *yaml.Node, path Path) { in.Number = r.text(v, path) }},
	{name: "date", read: func(r *reader, in *Info, _, v *yaml.Node, path Path) {
		in.Date = r.text(v, path)
		if _, _, _, ok := ParseDate(in.Date.Value); in.Date.Written && !ok {
			r.errAt("E103", v, path, Message{
				VI: fmt.Sprintf("ngày `%s` không đúng dạng: cần YYYY-MM hoặc YYYY-MM-DD", in.Date.Value),
				EN: fmt.Sprintf("date `%s` is not in the form YYYY-MM or YYYY-MM-DD", in.Date.Value),
			}, Message{VI: "Ví dụ: 2022-08 hoặc 2022-08-15.", EN: "For example 2022-08 or 2022-08-15."})
			in.Date.Written = false
		}
	}},
	{name: "place", read: func(r *reader, in *Info, _, v *yaml.Node, path Path) { in.Place = r.text(v, path) }},
	{name: "capital", read: func(r *reader, in *Info, _, v *yaml.Node, path Path) {
		in.Capital = r.oneOf(v, path, "recurrent", "investment")
	}},
	{name: "currency_unit", read: func(r *reader, in *Info, _, v *yaml.Node, path Path) {
		in.CurrencyUnit = r.oneOf(v, path, CurrencyUnits()...)
	}},
	{name: "signer", read: func(r *reader, in *Info, k, v *yaml.Node, path Path) {
		readMapping(r, k, v, path, &in.Signer, signerFields)
	}},
	{name: "basis", read: func(r *reader, in *Info, _, v *yaml.Node, path Path) { in.Basis = r.texts(v, path) }},
}

var signerFields = []field[*Signer]{
	{name: "on_behalf", read: func(r *reader, s *Signer, _, v *yaml.Node, path Path) { s.OnBehalf = r.text(v, path) }},
	{name: "authority", read: func(r *reader, s *Signer, _, v *yaml.Node, path Path) { s.Authority = r.text(v, path) }},
	{name: "title", read: func(r *reader, s *Signer, _, v *yaml.Node, path Path) { s.Title = r.text(v, path) }},
	{name: "name", read: func(r *reader, s *Signer, _, v *yaml.Node, path Path) { s.Name = r.text(v, path) }},
}

var rulesFields = []field[*Rules]{
	{name: "tolerance", read: func(r *reader, ru *Rules, _, v *yaml.Node, path Path) {
		var w bool
		ru.Tolerance, w = r.number(v, path, amountNum)
		if w {
			r.w105(ru.Tolerance, Message{})
		}
	}},
	{name: "counterpart_min_percent", read: func(r *reader, ru *Rules, _, v *yaml.Node, path Path) {
		ru.CounterpartMin, _ = r.number(v, path, percentNum)
	}},
}

func (r *reader) communes(v *yaml.Node, path Path) {
	r.list(v, path, func(_ int, item *yaml.Node, path Path) {
		c := &Commune{Pos: Pos{item.Line, item.Column}, Path: path}
		readMapping(r, item, item, path, c, communeFields)
		r.p.Communes = append(r.p.Communes, c)
	})
}

var communeFields = []field[*Commune]{
	{name: "id", required: true, read: func(r *reader, c *Commune, _, v *yaml.Node, path Path) {
		c.ID = r.text(v, path)
		if c.ID.Written && !validCommuneID(c.ID.Value) {
			r.errAt("E103", v, path, Message{
				VI: fmt.Sprintf("mã xã `%s` phải là chữ thường không dấu, số và dấu gạch ngang", c.ID.Value),
				EN: fmt.Sprintf("commune id `%s` must be lowercase ASCII letters, digits and hyphens", c.ID.Value),
			}, Message{VI: "Ví dụ: `pho-rang`, `bao-ha`.", EN: "For example `pho-rang`, `bao-ha`."})
		}
	}},
	{name: "name", required: true, read: func(r *reader, c *Commune, _, v *yaml.Node, path Path) { c.Name = r.text(v, path) }},
	{name: "households", read: func(r *reader, c *Commune, _, v *yaml.Node, path Path) {
		c.Households, _ = r.number(v, path, countNum)
	}},
	{name: "poor", read: func(r *reader, c *Commune, _, v *yaml.Node, path Path) { c.Poor, _ = r.number(v, path, countNum) }},
	{name: "near_poor", read: func(r *reader, c *Commune, _, v *yaml.Node, path Path) {
		c.NearPoor, _ = r.number(v, path, countNum)
	}},
	{name: "tags", read: func(r *reader, c *Commune, _, v *yaml.Node, path Path) { c.Tags = r.texts(v, path) }},
}

// validCommuneID reports whether id is lowercase ASCII letters and digits
// in groups joined by single hyphens, ^[a-z0-9]+(-[a-z0-9]+)*$, without a
// regular expression (a national plan has 10,600 ids).
func validCommuneID(id string) bool {
	if id == "" {
		return false
	}
	hyphen := true // at the start, as after a hyphen: a letter or digit must follow
	for i := 0; i < len(id); i++ {
		switch c := id[i]; {
		case c >= 'a' && c <= 'z', c >= '0' && c <= '9':
			hyphen = false
		case c == '-' && !hyphen:
			hyphen = true
		default:
			return false
		}
	}
	return !hyphen
}

// list calls item for every element of a sequence. Once read, an element
// is dropped from the tree, unless an alias can reach it again: the plan
// takes the place of the tree in memory instead of adding to it.
func (r *reader) list(v *yaml.Node, path Path, item func(i int, n *yaml.Node, path Path)) {
	if v.Kind != yaml.SequenceNode {
		if v.Tag == "!!null" {
			return
		}
		r.typeError(v, path, Message{VI: "một danh sách (các dòng bắt đầu bằng `- `)", EN: "a list (lines starting with `- `)"})
		return
	}
	if v.Anchor != "" {
		r.shared++
		defer func() { r.shared-- }()
	}
	list := path.String()
	for i, c := range v.Content {
		item(i, deref(c), Index(list, i))
		if r.shared == 0 {
			v.Content[i] = nil
		}
	}
}

func (r *reader) targets(k, v *yaml.Node, path Path) {
	t := &Targets{Pos: Pos{k.Line, k.Column}}
	r.p.Targets = t
	readMapping(r, k, v, path, t, targetsFields)
}

var targetsFields = []field[*Targets]{
	{name: "baseline", read: func(r *reader, t *Targets, k, v *yaml.Node, path Path) {
		t.Baseline.Written = true
		readMapping(r, k, v, path, &t.Baseline, baselineFields)
	}},
	{name: "poverty_reduction", read: func(r *reader, t *Targets, k, v *yaml.Node, path Path) {
		r.reduction(&t.PovertyReduction, k, v, path)
	}},
	{name: "near_poverty_reduction", read: func(r *reader, t *Targets, k, v *yaml.Node, path Path) {
		r.reduction(&t.NearPovertyReduction, k, v, path)
	}},
	{name: "job_support_percent", read: func(r *reader, t *Targets, _, v *yaml.Node, path Path) {
		t.JobSupportPercent, _ = r.number(v, path, percentNum)
	}},
	{name: "new_jobs", read: func(r *reader, t *Targets, _, v *yaml.Node, path Path) {
		t.NewJobs, _ = r.number(v, path, countNum)
	}},
	{name: "indicators", read: func(r *reader, t *Targets, _, v *yaml.Node, path Path) {
		r.list(v, path, func(_ int, item *yaml.Node, path Path) {
			in := &Indicator{Pos: Pos{item.Line, item.Column}}
			readMapping(r, item, item, path, in, indicatorFields)
			t.Indicators = append(t.Indicators, in)
		})
	}},
	{name: "by_commune", read: func(r *reader, t *Targets, _, v *yaml.Node, path Path) {
		if v.Kind == yaml.SequenceNode {
			t.ByCommune = make([]*CommuneTarget, 0, len(v.Content))
		}
		r.list(v, path, func(_ int, item *yaml.Node, path Path) {
			ct := &CommuneTarget{Pos: Pos{item.Line, item.Column}, Path: path}
			readMapping(r, item, item, path, ct, communeTargetFields)
			t.ByCommune = append(t.ByCommune, ct)
		})
	}},
}

var baselineFields = []field[*Baseline]{
	{name: "households", read: func(r *reader, b *Baseline, _, v *yaml.Node, path Path) {
		b.Households, _ = r.number(v, path, countNum)
	}},
	{name: "poor", read: func(r *reader, b *Baseline, _, v *yaml.Node, path Path) { b.Poor, _ = r.number(v, path, countNum) }},
	{name: "near_poor", read: func(r *reader, b *Baseline, _, v *yaml.Node, path Path) {
		b.NearPoor, _ = r.number(v, path, countNum)
	}},
}

func (r *reader) reduction(dst *Reduction, k, v *yaml.Node, path Path) {
	dst.Written, dst.Pos = true, Pos{k.Line, k.Column}
	readMapping(r, k, v, path, dst, reductionFields)
}

var reductionFields = []field[*Reduction]{
	{name: "percent", read: func(r *reader, red *Reduction, _, v *yaml.Node, path Path) {
		red.Percent, _ = r.number(v, path, percentNum)
	}},
	{name: "households", read: func(r *reader, red *Reduction, _, v *yaml.Node, path Path) {
		red.Households, _ = r.number(v, path, countNum)
	}},
}

var indicatorFields = []field[*Indicator]{
	{name: "id", read: func(r *reader, in *Indicator, _, v *yaml.Node, path Path) { in.ID = r.text(v, path) }},
	{name: "name", required: true, read: func(r *reader, in *Indicator, _, v *yaml.Node, path Path) { in.Name = r.text(v, path) }},
	{name: "unit", read: func(r *reader, in *Indicator, _, v *yaml.Node, path Path) { in.Unit = r.text(v, path) }},
	{name: "value", required: true, read: func(r *reader, in *Indicator, _, v *yaml.Node, path Path) {
		in.Value, _ = r.number(v, path, quantityNum)
	}},
}

var communeTargetFields = []field[*CommuneTarget]{
	{name: "commune", required: true, read: func(r *reader, ct *CommuneTarget, _, v *yaml.Node, path Path) { ct.Commune = r.text(v, path) }},
	{name: "poverty_reduction", read: func(r *reader, ct *CommuneTarget, k, v *yaml.Node, path Path) {
		readMapping(r, k, v, path, &ct.PovertyReduction, householdsFields)
	}},
	{name: "near_poverty_reduction", read: func(r *reader, ct *CommuneTarget, k, v *yaml.Node, path Path) {
		readMapping(r, k, v, path, &ct.NearPovertyReduction, householdsFields)
	}},
	{name: "new_jobs", read: func(r *reader, ct *CommuneTarget, _, v *yaml.Node, path Path) {
		ct.NewJobs, _ = r.number(v, path, countNum)
	}},
}

// householdsFields is a commune's reduction target: `{households: N}`.
var householdsFields = []field[*Num]{
	{name: "households", read: func(r *reader, n *Num, _, v *yaml.Node, path Path) { *n, _ = r.number(v, path, countNum) }},
}

// projectKeys are the keys of a project that decide between its
// sub-projects and its activities.
type projectKeys struct {
	*Project
	sub, act *yaml.Node
}

func (r *reader) projects(v *yaml.Node, path Path) {
	if (v.Kind == yaml.SequenceNode && len(v.Content) == 0) || (v.Kind == yaml.ScalarNode && v.Tag == "!!null") {
		// `projects: []` or `projects:` with nothing: a plan without a
		// project is no plan, whatever its totals state (a missing key is
		// E106).
		r.errAt("E103", v, path, Message{
			VI: "kế hoạch phải có ít nhất một dự án; danh sách `projects` đang trống",
			EN: "a plan carries at least one project; the list is empty",
		}, Message{
			VI: "Liệt kê các dự án thành phần dưới `projects`, mỗi dự án một mục `- project: …` (`kehoach init` tạo sẵn danh sách này).",
			EN: "List the plan's projects under `projects`, one `- project: …` entry each (`kehoach init` writes the list).",
		})
		return
	}
	if v.Kind == yaml.SequenceNode {
		r.p.Projects = make([]*Project, 0, len(v.Content))
	}
	r.list(v, path, func(_ int, item *yaml.Node, path Path) {
		p := &projectKeys{Project: &Project{Pos: Pos{item.Line, item.Column}, Path: path, Unreadable: !isMapping(item)}}
		readMapping(r, item, item, path, p, projectFields)
		if p.sub != nil && p.act != nil {
			second := p.act
			if p.sub.Line > p.act.Line {
				second = p.sub
			}
			r.errAt("E103", second, path.Key(second.Value), Message{
				VI: "một dự án có tiểu dự án hoặc hoạt động, không có cả hai",
				EN: "a project has sub-projects or activities, not both",
			}, Message{
				VI: "Chuyển các hoạt động vào tiểu dự án của chúng.",
				EN: "Move the activities into their sub-projects.",
			})
			p.Activities = nil
		}
		for _, a := range p.Activities {
			a.owner = p.Project
		}
		r.p.Projects = append(r.p.Projects, p.Project)
	})
	r.duplicateNumbers(len(r.p.Projects), func(i int) *Int { return &r.p.Projects[i].Number },
		Message{VI: "dự án", EN: "project"})
}

var projectFields = []field[*projectKeys]{
	{name: "project", required: true, read: func(r *reader, p *projectKeys, _, v *yaml.Node, path Path) { p.Number = r.integer(v, path, 1, 99) }},
	{name: "name", required: true, read: func(r *reader, p *projectKeys, _, v *yaml.Node, path Path) { p.Name = r.text(v, path) }},
	{name: "appendix", required: true, read: func(r *reader, p *projectKeys, _, v *yaml.Node, path Path) {
		p.Appendix = r.integer(v, path, 1, 99)
	}},
	{name: "lead", read: func(r *reader, p *projectKeys, _, v *yaml.Node, path Path) { p.Lead = r.text(v, path) }},
	{name: "co_leads", read: func(r *reader, p *projectKeys, _, v *yaml.Node, path Path) { p.CoLeads = r.texts(v, path) }},
	{name: "partners", read: func(r *reader, p *projectKeys, _, v *yaml.Node, path Path) { p.Partners = r.texts(v, path) }},
	{name: "capital", read: func(r *reader, p *projectKeys, _, v *yaml.Node, path Path) {
		p.Capital = r.oneOf(v, path, "recurrent", "investment")
	}},
	{name: "funding", read: func(r *reader, p *projectKeys, k, v *yaml.Node, path Path) { r.funding(&p.Funding, k, v, path) },
		poison: func(p *projectKeys, k *yaml.Node, path Path) { p.Funding = unreadableFunding(k, path) }},
	{name: "subprojects", read: func(r *reader, p *projectKeys, k, v *yaml.Node, path Path) {
		p.sub = k
		r.subprojects(p.Project, v, path)
	}},
	{name: "activities", read: func(r *reader, p *projectKeys, k, v *yaml.Node, path Path) {
		p.act = k
		p.Activities = r.activities(v, path)
	}},
	{name: "objective", read: func(r *reader, p *projectKeys, _, v *yaml.Node, path Path) { p.Objective = r.texts(v, path) }},
	{name: "beneficiaries", read: func(r *reader, p *projectKeys, _, v *yaml.Node, path Path) { p.Beneficiaries = r.texts(v, path) }},
	{name: "content", read: func(r *reader, p *projectKeys, _, v *yaml.Node, path Path) { p.Content = r.texts(v, path) }},
}

func (r *reader) subprojects(p *Project, v *yaml.Node, path Path) {
	r.list(v, path, func(_ int, item *yaml.Node, path Path) {
		s := &Subproject{Pos: Pos{item.Line, item.Column}, Path: path, Unreadable: !isMapping(item), project: p}
		readMapping(r, item, item, path, s, subprojectFields)
		for _, a := range s.Activities {
			a.owner = s
		}
		p.Subprojects = append(p.Subprojects, s)
	})
	r.duplicateNumbers(len(p.Subprojects), func(i int) *Int { return &p.Subprojects[i].Number },
		Message{VI: "tiểu dự án", EN: "sub-project"})
}

var subprojectFields = []field[*Subproject]{
	{name: "subproject", required: true, read: func(r *reader, s *Subproject, _, v *yaml.Node, path Path) {
		s.Number = r.integer(v, path, 1, 99)
	}},
	{name: "name", required: true, read: func(r *reader, s *Subproject, _, v *yaml.Node, path Path) { s.Name = r.text(v, path) }},
	{name: "lead", read: func(r *reader, s *Subproject, _, v *yaml.Node, path Path) { s.Lead = r.text(v, path) }},
	{name: "partners", read: func(r *reader, s *Subproject, _, v *yaml.Node, path Path) { s.Partners = r.texts(v, path) }},
	{name: "funding", read: func(r *reader, s *Subproject, k, v *yaml.Node, path Path) { r.funding(&s.Funding, k, v, path) },
		poison: func(s *Subproject, k *yaml.Node, path Path) { s.Funding = unreadableFunding(k, path) }},
	{name: "activities", read: func(r *reader, s *Subproject, _, v *yaml.Node, path Path) { s.Activities = r.activities(v, path) }},
	{name: "objective", read: func(r *reader, s *Subproject, _, v *yaml.Node, path Path) { s.Objective = r.texts(v, path) }},
	{name: "beneficiaries", read: func(r *reader, s *Subproject, _, v *yaml.Node, path Path) { s.Beneficiaries = r.texts(v, path) }},
	{name: "content", read: func(r *reader, s *Subproject, _, v *yaml.Node, path Path) { s.Content = r.texts(v, path) }},
}

func (r *reader) activities(v *yaml.Node, path Path) []*Activity {
	var out []*Activity
	if v.Kind == yaml.SequenceNode {
		out = make([]*Activity, 0, len(v.Content))
	}
	r.list(v, path, func(_ int, item *yaml.Node, path Path) {
		a := &Activity{Pos: Pos{item.Line, item.Column}, Path: path}
		readMapping(r, item, item, path, a, activityFields)
		if !a.Funding.Written {
			// E106 (or E103 for an item that is not a mapping): the row's
			// money is unknown, not zero, and takes part in no sum.
			a.Funding = unreadableFunding(item, path.Key("funding"))
		}
		out = append(out, a)
	})
	return out
}

var activityFields = []field[*Activity]{
	{name: "name", required: true, read: func(r *reader, a *Activity, _, v *yaml.Node, path Path) { a.Name = r.text(v, path) }},
	{name: "commune", read: func(r *reader, a *Activity, _, v *yaml.Node, path Path) { a.Commune = r.text(v, path) }},
	{name: "unit", read: func(r *reader, a *Activity, _, v *yaml.Node, path Path) { a.Unit = r.text(v, path) }},
	{name: "quantity", read: func(r *reader, a *Activity, _, v *yaml.Node, path Path) {
		a.Quantity, _ = r.number(v, path, quantityNum)
	}},
	{name: "lead", read: func(r *reader, a *Activity, _, v *yaml.Node, path Path) { a.Lead = r.text(v, path) }},
	{name: "funding", required: true, read: func(r *reader, a *Activity, k, v *yaml.Node, path Path) { r.funding(&a.Funding, k, v, path) },
		poison: func(a *Activity, k *yaml.Node, path Path) { a.Funding = unreadableFunding(k, path) }},
}

// isMapping reports whether n, through an alias, is a mapping.
func isMapping(n *yaml.Node) bool {
	for n.Kind == yaml.AliasNode && n.Alias != nil {
		n = n.Alias
	}
	return n.Kind == yaml.MappingNode
}

// unreadableFunding stands for a `funding` key that is misspelt: written,
// but no figure in it takes part in any comparison.
func unreadableFunding(k *yaml.Node, path Path) Funding {
	f := Funding{Written: true, Line: k.Line, Column: k.Column, Path: path}
	for i := range f.Sources {
		f.Sources[i] = Figure{Written: true, Line: k.Line, Column: k.Column, Path: path}
	}
	f.Total = Figure{Written: true, Line: k.Line, Column: k.Column, Path: path}
	return f
}

// fundingRead is a `funding` object as it is read: where its figures go,
// and which of them W105 suspects.
type fundingRead struct {
	f       *Funding
	suspect [4]bool
}

// fig returns figure i: the sources in order, then the total.
func (fr *fundingRead) fig(i int) *Figure {
	return fr.f.field(budget.Field(i))
}

func (fr *fundingRead) read(r *reader, i int, v *yaml.Node, path Path) {
	var n Num
	n, fr.suspect[i] = r.number(v, path, amountNum)
	*fr.fig(i) = n.Figure
}

func (fr *fundingRead) poison(i int, k *yaml.Node, path Path) {
	*fr.fig(i) = Figure{Written: true, Line: k.Line, Column: k.Column, Path: path}
}

var fundingFields = []field[*fundingRead]{
	{name: "central",
		read:   func(r *reader, fr *fundingRead, _, v *yaml.Node, path Path) { fr.read(r, 0, v, path) },
		poison: func(fr *fundingRead, k *yaml.Node, path Path) { fr.poison(0, k, path) }},
	{name: "local",
		read:   func(r *reader, fr *fundingRead, _, v *yaml.Node, path Path) { fr.read(r, 1, v, path) },
		poison: func(fr *fundingRead, k *yaml.Node, path Path) { fr.poison(1, k, path) }},
	{name: "other",
		read:   func(r *reader, fr *fundingRead, _, v *yaml.Node, path Path) { fr.read(r, 2, v, path) },
		poison: func(fr *fundingRead, k *yaml.Node, path Path) { fr.poison(2, k, path) }},
	{name: "total",
		read:   func(r *reader, fr *fundingRead, _, v *yaml.Node, path Path) { fr.read(r, 3, v, path) },
		poison: func(fr *fundingRead, k *yaml.Node, path Path) { fr.poison(3, k, path) }},
}

// funding reads a `funding` object into f and reports W105 for its amounts
// with exactly three decimals, saying whether the 1,000-times reading would
// make the row add up.
func (r *reader) funding(f *Funding, k, v *yaml.Node, path Path) {
	if v.Kind != yaml.MappingNode {
		// `funding: 3188`: E103, and the figure meant is unknown, not zero.
		r.typeError(v, path, Message{VI: "một bảng khóa central, local, other, total", EN: "a mapping of central, local, other, total"})
		*f = unreadableFunding(k, path)
		return
	}
	*f = Funding{Written: true, Line: k.Line, Column: k.Column, Path: path}
	fr := &fundingRead{f: f}
	readMapping(r, k, v, path, fr, fundingFields)
	f.Thousands = fr.suspect
	for i, s := range fr.suspect {
		if !s {
			continue
		}
		figs := [4]*Figure{fr.fig(0), fr.fig(1), fr.fig(2), fr.fig(3)}
		r.w105(Num{Figure: *figs[i]}, addsUpAsThousands(figs, i))
	}
}

// addsUpAsThousands says whether reading figure i as 1,000 times its value
// makes total = central + local + other, when all four are written.
func addsUpAsThousands(figs [4]*Figure, i int) Message {
	for _, f := range figs {
		if !f.Written || !f.Valid {
			return Message{}
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
		return Message{}
	}
	if sum == val(3) {
		return Message{
			VI: fmt.Sprintf(" Đọc là %s thì dòng này cộng đúng.", val(i).Format(true)),
			EN: fmt.Sprintf(" Read as %s, this row adds up.", val(i).Format(false)),
		}
	}
	return Message{
		VI: fmt.Sprintf(" Đọc là %s thì dòng này cũng không cộng đúng.", val(i).Format(true)),
		EN: fmt.Sprintf(" Read as %s, this row would not add up either.", val(i).Format(false)),
	}
}

// w105 reports an unquoted amount with exactly three decimals in million
// VND: YAML reads 3.188 as three point one eight eight.
func (l *loader) w105(n Num, note Message) {
	if n.Value > 1<<40 {
		return // far beyond any plan; E103 territory, not a notation slip
	}
	if _, ok := budget.MulDiv(n.Value, 1_000_000, 1, budget.Floor); !ok {
		return
	}
	d := w105Diagnostic(n, note)
	l.add(d.Code, d.Severity, d.Line, d.Column, n.Path, d.Message, d.Help)
}

// w105Diagnostic is the W105 finding for n, with a note on whether the
// 1,000-times reading makes the sums add up.
func w105Diagnostic(n Num, note Message) Diagnostic {
	meant := n.Value * budget.Scale
	dong, _ := budget.MulDiv(n.Value, 1_000_000, 1, budget.Floor)
	// As written: exactly three decimals (`1.200`, not its value 1.2).
	written := fmt.Sprintf("%d.%03d", int64(n.Value/budget.Scale), int64(n.Value%budget.Scale))
	return Diagnostic{Code: "W105", Severity: Warning, Line: n.Line, Column: n.Column, Path: n.Path.String(),
		Message: Message{
			VI: fmt.Sprintf("`%s` được đọc là %s triệu đồng (%s đồng); nếu ý là %s triệu đồng (dấu chấm ngăn cách hàng nghìn) thì viết %s.%s",
				written, n.Value.Format(true), dong.Format(true), meant.Format(true), meant, note.VI),
			EN: fmt.Sprintf("`%s` is read as %s million VND (%s VND); if %s million was meant (a Vietnamese thousands dot), write %s.%s",
				written, n.Value.Format(false), dong.Format(false), meant.Format(false), meant, note.EN),
		}, Help: Message{
			VI: fmt.Sprintf("Viết %s nếu ý là %s triệu; giữ nguyên nếu đúng là %s triệu.", meant, meant.Format(true), n.Value.Format(true)),
			EN: fmt.Sprintf("Write %s if %s million was meant; keep it if %s million is right.", meant, meant.Format(false), n.Value.Format(false)),
		}}
}

func (r *reader) allocation(k, v *yaml.Node, path Path) {
	a := &Allocation{}
	r.p.Allocation = a
	readMapping(r, k, v, path, a, allocationFields)
}

var allocationFields = []field[*Allocation]{
	{name: "source", read: func(r *reader, a *Allocation, _, v *yaml.Node, path Path) { a.Source = r.text(v, path) }},
	{name: "projects", read: func(r *reader, a *Allocation, _, v *yaml.Node, path Path) {
		r.list(v, path, func(_ int, item *yaml.Node, path Path) {
			e := &Allocated{Pos: Pos{item.Line, item.Column}}
			readMapping(r, item, item, path, e, allocatedFields)
			a.Projects = append(a.Projects, e)
		})
		r.duplicateAllocations(a.Projects)
	}},
}

// duplicateAllocations reports E107 at the second row of the allocation
// for one project or sub-project, with the first as a related location.
// The first row is the one used: the second is made invalid, so it takes
// part in no check.
func (l *loader) duplicateAllocations(rows []*Allocated) {
	first := make(map[[2]int]*Allocated, len(rows))
	for _, e := range rows {
		if !e.Project.Valid || (e.Subproject.Written && !e.Subproject.Valid) {
			continue
		}
		key := [2]int{e.Project.Value, e.Subproject.Value}
		f, dup := first[key]
		if !dup {
			first[key] = e
			continue
		}
		// At the number that makes the row the same: the sub-project's
		// when there is one.
		at, fat := e.Project, f.Project
		what := Message{VI: fmt.Sprintf("Dự án %d", key[0]), EN: fmt.Sprintf("project %d", key[0])}
		if e.Subproject.Written {
			at, fat = e.Subproject, f.Subproject
			what = Message{VI: fmt.Sprintf("Tiểu dự án %d (Dự án %d)", key[1], key[0]), EN: fmt.Sprintf("sub-project %d of project %d", key[1], key[0])}
		}
		d := l.add("E107", Error, at.Pos.Line, at.Pos.Column, at.Path, Message{
			VI: fmt.Sprintf("Dự toán của %s bị lặp lại (đã có ở dòng %d); dòng đầu tiên được dùng", what.VI, fat.Pos.Line),
			EN: fmt.Sprintf("duplicate allocation for %s (first at line %d); the first row is used", what.EN, fat.Pos.Line),
		}, Message{
			VI: "Gộp hai dòng lại, hoặc sửa số cho đúng.",
			EN: "Merge the two rows, or correct the number.",
		})
		d.Related = []Related{{Line: fat.Pos.Line, Column: fat.Pos.Column, Path: fat.Path.String(),
			Message: Message{VI: "lần xuất hiện đầu tiên", EN: "first occurrence"}}}
		e.Project.Valid = false
	}
}

var allocatedFields = []field[*Allocated]{
	{name: "project", required: true, read: func(r *reader, e *Allocated, _, v *yaml.Node, path Path) {
		e.Project = r.integer(v, path, 1, 99)
	}},
	{name: "subproject", read: func(r *reader, e *Allocated, _, v *yaml.Node, path Path) {
		e.Subproject = r.integer(v, path, 1, 99)
	}},
	{name: "central", required: true, read: func(r *reader, e *Allocated, _, v *yaml.Node, path Path) {
		var w bool
		e.Central, w = r.number(v, path, amountNum)
		if w {
			r.w105(e.Central, Message{})
		}
	}},
}

// duplicateNumbers reports E107 at the second occurrence of a number in a
// list, with the first as a related location. The first occurrence is the
// one used: the second is made invalid, so it takes part in no check (the
// catalogue's name and sub-projects of that number belong to the first).
func (l *loader) duplicateNumbers(n int, num func(int) *Int, what Message) {
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
		d := l.add("E107", Error, x.Pos.Line, x.Pos.Column, x.Path, Message{
			VI: fmt.Sprintf("%s số %d bị lặp lại (đã có ở dòng %d)", capitalize(what.VI), x.Value, f.Pos.Line),
			EN: fmt.Sprintf("duplicate %s number %d (first at line %d)", what.EN, x.Value, f.Pos.Line),
		}, Message{
			VI: "Gộp hai mục lại, hoặc sửa số cho đúng.",
			EN: "Merge the two entries, or correct the number.",
		})
		d.Related = []Related{{Line: f.Pos.Line, Column: f.Pos.Column, Path: f.Path.String(),
			Message: Message{VI: "lần xuất hiện đầu tiên", EN: "first occurrence"}}}
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
			d := l.add("E107", Error, c.ID.Pos.Line, c.ID.Pos.Column, c.ID.Path, Message{
				VI: fmt.Sprintf("mã xã `%s` bị lặp lại (đã có ở dòng %d)", c.ID.Value, f.ID.Pos.Line),
				EN: fmt.Sprintf("duplicate commune id `%s` (first at line %d)", c.ID.Value, f.ID.Pos.Line),
			}, Message{VI: "Mỗi xã một mã riêng.", EN: "Give each commune its own id."})
			d.Related = []Related{{Line: f.ID.Pos.Line, Column: f.ID.Pos.Column, Path: f.ID.Path.String(),
				Message: Message{VI: "lần xuất hiện đầu tiên", EN: "first occurrence"}}}
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
		msg := Message{
			VI: fmt.Sprintf("mã xã `%s` không có trong danh sách `communes`", t.Value),
			EN: fmt.Sprintf("commune id `%s` is not in `communes`", t.Value),
		}
		help := Message{
			VI: "Thêm xã này vào `communes` (id, name), hoặc sửa mã cho đúng.",
			EN: "Add the commune to `communes` (id, name), or correct the id.",
		}
		if len(names) == 0 {
			msg.VI = fmt.Sprintf("mã xã `%s` được dùng nhưng kế hoạch không có danh sách `communes`", t.Value)
			msg.EN = fmt.Sprintf("commune id `%s` is used but the plan has no `communes` list", t.Value)
		} else if s, ok := closestFolded(t.Value, names); ok {
			msg.VI += fmt.Sprintf("; có phải ý là `%s`?", s)
			msg.EN += fmt.Sprintf("; did you mean `%s`?", s)
			help = Message{VI: fmt.Sprintf("Sửa thành `%s`.", s), EN: fmt.Sprintf("Write `%s`.", s)}
		}
		l.add("E108", Error, t.Pos.Line, t.Pos.Column, t.Path, msg, help)
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
	msg := Message{
		VI: fmt.Sprintf("%d chuỗi văn bản không ở dạng Unicode dựng sẵn (NFC), chuỗi đầu tiên ở đây; kehoach đã chuẩn hóa chúng trước khi so sánh", l.nfcCount),
		EN: fmt.Sprintf("%d strings are not in Unicode NFC (decomposed diacritics), the first here; kehoach normalised them before comparing", l.nfcCount),
	}
	if l.nfcCount == 1 {
		msg = Message{
			VI: "chuỗi văn bản này không ở dạng Unicode dựng sẵn (NFC); kehoach đã chuẩn hóa nó trước khi so sánh",
			EN: "this string is not in Unicode NFC (decomposed diacritics); kehoach normalised it before comparing",
		}
	}
	l.add("W112", Warning, l.nfcAt.Line, l.nfcAt.Column, l.nfcPath, msg, Message{
		VI: "Lưu lại tệp với Unicode dựng sẵn (Unikey: bảng mã Unicode dựng sẵn) để bảng tính và tìm kiếm hiển thị đúng.",
		EN: "Save the file with precomposed Unicode (NFC) so that spreadsheets and searches treat the text alike.",
	})
}
