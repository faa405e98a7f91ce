package plan

import (
	"fmt"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/kehoach/kehoach/budget"
)

// The funding sources of a plan are its programme's and those it adds
// (`sources:`); the keys of its `funding` mappings are their ids. A
// mapping is read before the whole file is, so its keys are kept as
// written (Funding.entries) and resolved here, once the programme and the
// added sources are known.

// planSources returns the sources of a plan under prog: the programme's,
// the one that counts as central first and the one that counts as local
// second (package budget compares them), then the others in the
// programme's order, then the plan's own.
func planSources(prog *Programme, added []SourceDef) []SourceDef {
	var central, local, rest []SourceDef
	for _, s := range prog.Sources {
		switch {
		case s.Counts == "central" && central == nil:
			central = append(central, s)
		case s.Counts == "local" && local == nil:
			local = append(local, s)
		default:
			rest = append(rest, s)
		}
	}
	out := append(append(append([]SourceDef{}, central...), local...), rest...)
	return append(out, added...)
}

// resolveSources settles the plan's sources and kinds of funds and
// resolves the keys of every `funding` mapping against them.
func (l *loader) resolveSources() {
	p := l.p
	id := DefaultProgramme
	if p.Info.Program.Written && p.Info.Program.Value != "" {
		id = p.Info.Program.Value
	}
	prog, ok := LookupProgramme(id)
	if !ok {
		// C401 says so; the keys are read as the default programme's.
		prog, _ = LookupProgramme(DefaultProgramme)
	}
	var added []SourceDef
	known := make(map[string]bool)
	for _, s := range prog.Sources {
		known[s.ID] = true
	}
	for _, a := range p.Added {
		if !a.ID.Written || a.ID.Value == "" {
			continue
		}
		if known[a.ID.Value] || a.ID.Value == "total" || a.ID.Value == "not_stated" {
			l.add("E107", Error, a.ID.Pos.Line, a.ID.Pos.Column, a.ID.Path, Message{
				VI: fmt.Sprintf("nguồn `%s` đã có (trong chương trình hoặc ở trên)", a.ID.Value),
				EN: fmt.Sprintf("source `%s` exists already (in the programme or above)", a.ID.Value),
			}, Message{VI: "Mỗi nguồn một mã riêng.", EN: "Give each source its own id."})
			continue
		}
		if len(prog.Sources)+len(added) == budget.MaxSources {
			l.add("E110", Error, a.ID.Pos.Line, a.ID.Pos.Column, a.ID.Path, Message{
				VI: fmt.Sprintf("kế hoạch có quá %d nguồn vốn", budget.MaxSources),
				EN: fmt.Sprintf("the plan has more than %d funding sources", budget.MaxSources),
			}, Message{VI: "Gộp các nguồn nhỏ vào `other`.", EN: "Merge the small sources into `other`."})
			continue
		}
		known[a.ID.Value] = true
		short := cmpOr(a.Short.Value, a.Name.Value, a.ID.Value)
		added = append(added, SourceDef{ID: a.ID.Value, Name: a.Name.Value, Short: short, Says: short, EN: cmpOr(a.EN.Value, a.Name.Value, a.ID.Value)})
	}
	p.Sources = planSources(prog, added)
	p.Kinds = prog.Kinds
	ids := make([]string, 0, len(p.Sources)+1)
	for _, s := range p.Sources {
		ids = append(ids, s.ID)
	}
	ids = append(ids, "total", "not_stated")
	p.eachFunding(func(f *Funding) { l.resolve(f, ids) })
	p.used = make([]bool, len(p.Sources))
	p.eachFunding(func(f *Funding) {
		for i, fig := range f.Sources {
			if fig.Written {
				p.used[i] = true
			}
		}
		if f.Parts != nil || f.TotalParts != nil {
			p.split = true
		}
	})
}

// Used lists the sources of the plan that some funding writes (or names
// in `not_stated`), as indexes into Sources: the columns of the
// appendices. The sources of the 2021–2025 programme are always used, so
// that its appendices keep their columns.
func (p *Plan) Used() []int {
	var out []int
	for i := range p.Sources {
		if i < len(p.used) && p.used[i] || i < 3 && p.Sources[i].builtin2021() {
			out = append(out, i)
		}
	}
	return out
}

// builtin2021 is whether s is one of the three sources of the 2021–2025
// programme, whose appendix forms always have their three columns.
func (s SourceDef) builtin2021() bool {
	return s.ID == "central" || s.ID == "local" || s.ID == "other"
}

// Split reports whether some figure of the plan is written by kind of
// funds.
func (p *Plan) Split() bool { return p.split }

func cmpOr(ss ...string) string {
	for _, s := range ss {
		if s != "" {
			return s
		}
	}
	return ""
}

// eachFunding calls fn with every `funding` of the plan.
func (p *Plan) eachFunding(fn func(*Funding)) {
	fn(&p.Funding)
	for _, pr := range p.Projects {
		fn(&pr.Funding)
		for _, a := range pr.Activities {
			fn(&a.Funding)
		}
		for _, s := range pr.Subprojects {
			fn(&s.Funding)
			for _, a := range s.Activities {
				fn(&a.Funding)
			}
		}
	}
}

// resolve turns f's entries into its figures by source; ids are the plan's
// source ids, then "total" and "not_stated" (the keys of a funding).
func (l *loader) resolve(f *Funding, ids []string) {
	n := len(ids) - 2
	entries := f.entries
	f.entries = nil
	if !f.Written && len(entries) == 0 {
		return
	}
	f.Sources = make([]Figure, n)
	var typos []*fundingEntry
	for i := range entries {
		e := &entries[i]
		switch {
		case e.unreadable:
			// A misspelt `funding` key, or not a mapping: every figure is
			// written and unknown.
			for s := range f.Sources {
				f.Sources[s] = e.fig
			}
			f.Total = e.fig
		case e.notStated:
		case e.key.Value == "total":
			f.Total, f.TotalParts = l.figureOf(e)
		default:
			s := indexOf(ids[:n], e.key.Value)
			if s < 0 {
				typos = append(typos, e)
				continue
			}
			fig, parts := l.figureOf(e)
			f.Sources[s] = fig
			if parts != nil {
				if f.Parts == nil {
					f.Parts = make([][]Figure, n)
				}
				f.Parts[s] = parts
			}
		}
	}
	for _, e := range typos {
		s, ok := l.unknownKey(e.key, f.Path, ids)
		if !ok {
			// Money of a source no one knows: the row cannot be summed.
			f.Total.Valid = false
			continue
		}
		// As readMapping does for a misspelt field: the figure meant
		// exists but could not be read, so it takes part in no sum.
		if i := indexOf(ids[:n], s); i >= 0 && !f.Sources[i].Written {
			f.Sources[i] = Figure{Written: true, Pos: Pos{e.key.Line, e.key.Column}, Path: e.path}
		} else if s == "total" && !f.Total.Written {
			f.Total = Figure{Written: true, Pos: Pos{e.key.Line, e.key.Column}, Path: e.path}
		}
	}
	for i := range entries {
		if e := &entries[i]; e.notStated {
			l.notStated(f, e, ids[:n])
		}
	}
	l.w105s(f)
}

// figureOf is an entry's figure: its amount, or the sum of its parts by
// kind of funds, with the parts.
func (l *loader) figureOf(e *fundingEntry) (Figure, []Figure) {
	if e.parts == nil {
		return e.fig, nil
	}
	kinds := l.p.Kinds
	names := make([]string, len(kinds))
	for i, k := range kinds {
		names[i] = k.ID
	}
	parts := make([]Figure, len(kinds))
	sum := Figure{Written: true, Valid: true, Split: true, Pos: Pos{e.key.Line, e.key.Column}, Path: e.path}
	for _, ke := range e.parts {
		i := indexOf(names, ke.key.Value)
		if i < 0 {
			l.unknownKey(ke.key, e.path, names)
			sum.Valid = false
			continue
		}
		parts[i] = ke.fig
		if !ke.fig.Valid {
			sum.Valid = false
			continue
		}
		v, ok := sum.Value.Add(ke.fig.Value)
		if !ok {
			sum.Valid = false
			continue
		}
		sum.Value = v
	}
	if len(e.parts) == 0 {
		l.add("E103", Error, e.key.Line, e.key.Column, e.path, Message{
			VI: "nguồn chia theo loại vốn nhưng không có loại vốn nào",
			EN: "a source split by kind of funds, with no kind",
		}, Message{VI: "Viết một số, hoặc {investment: …, recurrent: …}.", EN: "Write one amount, or {investment: …, recurrent: …}."})
		sum.Valid = false
	}
	return sum, parts
}

// notStated marks the sources that `not_stated` names: written (the node
// says something of them), not valid, so that no equation uses them.
func (l *loader) notStated(f *Funding, e *fundingEntry, ids []string) {
	m := e.path.Mapping()
	for i, t := range e.ids {
		if !t.Written {
			continue
		}
		s := indexOf(ids, t.Value)
		at := Pos{t.Pos.Line, t.Pos.Column}
		switch {
		case s < 0:
			msg := Message{
				VI: fmt.Sprintf("`not_stated` nêu `%s`, không phải một nguồn vốn của kế hoạch", t.Value),
				EN: fmt.Sprintf("`not_stated` names `%s`, which is not a funding source of the plan", t.Value),
			}
			help := Message{VI: "Các nguồn: " + strings.Join(ids, ", ") + ".", EN: "The sources: " + strings.Join(ids, ", ") + "."}
			if c, ok := closest(t.Value, ids); ok {
				msg.VI += fmt.Sprintf("; có phải ý là `%s`?", c)
				msg.EN += fmt.Sprintf("; did you mean `%s`?", c)
				help = Message{VI: fmt.Sprintf("Sửa thành `%s`.", c), EN: fmt.Sprintf("Write `%s`.", c)}
			}
			l.add("E102", Error, at.Line, at.Column, m.Key(fmt.Sprint(i)), msg, help)
			if c, ok := closest(t.Value, ids); ok {
				// The source meant is not stated: one slip, one finding.
				if j := indexOf(ids, c); !f.Sources[j].Written {
					f.Sources[j] = Figure{Written: true, NotStated: true, Pos: at, Path: t.Path}
				}
			}
		case f.Sources[s].Written:
			l.add("E103", Error, at.Line, at.Column, t.Path, Message{
				VI: fmt.Sprintf("nguồn `%s` vừa được ghi số liệu vừa nằm trong `not_stated`", t.Value),
				EN: fmt.Sprintf("source `%s` has a figure and is also in `not_stated`", t.Value),
			}, Message{VI: "Xóa một trong hai.", EN: "Delete one of them."})
			f.Sources[s].Valid = false
		default:
			f.Sources[s] = Figure{Written: true, NotStated: true, Pos: at, Path: t.Path}
		}
	}
}

// w105s reports W105 for the figures of f with exactly three decimals,
// saying whether the 1,000-times reading would make the row add up.
func (l *loader) w105s(f *Funding) {
	figs := make([]*Figure, 0, len(f.Sources)+1)
	for i := range f.Sources {
		figs = append(figs, &f.Sources[i])
	}
	figs = append(figs, &f.Total)
	for i, fig := range figs {
		if fig.Thousands {
			l.w105(Num{Figure: *fig}, addsUpAsThousands(figs, i))
		}
	}
	for _, parts := range append(f.Parts, f.TotalParts) {
		for i := range parts {
			if parts[i].Thousands {
				l.w105(Num{Figure: parts[i]}, Message{})
			}
		}
	}
}

func indexOf(ss []string, s string) int {
	for i, x := range ss {
		if x == s {
			return i
		}
	}
	return -1
}

// sourcesFields are the keys of an item of `sources:`.
var sourcesFields = []field[*AddedSource]{
	{name: "id", required: true, spec: communeID("Mã nguồn, khóa dùng trong `funding` (ví dụ credit): chữ thường không dấu, chữ số, dấu gạch ngang.",
		"The source's id, its key in `funding` (for example credit): lowercase letters without diacritics, digits, hyphens."),
		read: func(r *reader, a *AddedSource, v value) { a.ID = r.text(v) }},
	{name: "name", required: true, spec: text("Tên nguồn (Vốn tín dụng chính sách xã hội).", "The source's name in Vietnamese."),
		read: func(r *reader, a *AddedSource, v value) { a.Name = r.text(v) }},
	{name: "short", spec: text("Tên cột trong phụ lục (Tín dụng CS); mặc định là tên.", "The label of its appendix column; the name by default."),
		read: func(r *reader, a *AddedSource, v value) { a.Short = r.text(v) }},
	{name: "en", spec: text("Tên tiếng Anh, cho thông báo bằng tiếng Anh.", "Its English name, for messages in English."),
		read: func(r *reader, a *AddedSource, v value) { a.EN = r.text(v) }},
}

// sources reads `sources:`, the sources the plan adds to its programme's.
func (r *reader) sources(v value) {
	if v.node.Kind != yaml.SequenceNode {
		r.typeError(v.node, v.path, Message{VI: "một danh sách nguồn vốn", EN: "a list of funding sources"})
		return
	}
	for i, item := range v.node.Content {
		a := &AddedSource{Pos: Pos{item.Line, item.Column}, Path: v.path.Index(i)}
		if readMapping(r, item, deref(item), a.Path, a, sourcesFields) && a.ID.Written && !validCommuneID(a.ID.Value) {
			r.errAt("E103", item, a.Path, Message{
				VI: fmt.Sprintf("mã nguồn `%s` không hợp lệ: chỉ chữ thường không dấu, chữ số và dấu gạch ngang", a.ID.Value),
				EN: fmt.Sprintf("source id `%s` is not valid: lowercase letters without diacritics, digits and hyphens only", a.ID.Value),
			}, Message{VI: "Ví dụ: credit.", EN: "For example: credit."})
			a.ID.Written = false
		}
		r.p.Added = append(r.p.Added, *a)
	}
}
