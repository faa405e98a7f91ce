package plan

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

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

// topSpec is the top level of a plan file.
var topSpec = object("Tệp kế hoạch kehoach, định dạng phiên bản 1: một kế hoạch của một cấp cho một năm.",
	"A kehoach plan file, format version 1: one plan of one level for one year.", topFields)

var topFields = []field[*Plan]{
	{name: "kehoach", required: true, spec: version("Phiên bản định dạng: 1.", "The format version: 1."),
		read: func(r *reader, _ *Plan, v value) { r.version(v.node, v.path) }},
	{name: "plan", required: true,
		spec: object("Ai ban hành kế hoạch, cho năm nào, ký thế nào.", "Who issues the plan, for which year, how it is signed.",
			infoFields, districtRule...),
		read: func(r *reader, _ *Plan, v value) { r.info(v) }},
	{name: "rules", spec: object("Tham số của các quy tắc kiểm tra cho kế hoạch này.", "This plan's parameters of the validation rules.", rulesFields),
		read: func(r *reader, p *Plan, v value) { readMapping(r, v.key, v.node, v.path, &p.Rules, rulesFields) }},
	{name: "communes",
		spec: list("Các xã, phường, thị trấn mà các dòng và chỉ tiêu theo xã dẫn tới.", "The commune-level units that rows and per-commune targets refer to.",
			object("Một xã, phường hoặc thị trấn.", "A commune, ward or township.", communeFields)).rowsOf(plainRows),
		read: func(r *reader, _ *Plan, v value) { r.communes(v) }},
	{name: "targets", spec: object("Các chỉ tiêu của kế hoạch (Phụ lục 1).", "The plan's targets (Phụ lục 1).", targetsFields),
		read: func(r *reader, _ *Plan, v value) { r.targets(v) }},
	{name: "projects", required: true,
		spec: list("Các dự án thành phần (Phụ lục 2 trở đi); ít nhất một dự án.", "The component projects (Phụ lục 2 onwards); at least one.",
			projectSpec).rowsOf(projectRows).atLeastOne(),
		read: func(r *reader, p *Plan, v value) {
			p.ProjectsPos = Pos{v.key.Line, v.key.Column}
			r.projects(v)
		}},
	{name: "funding",
		spec: funding("Tổng kinh phí của kế hoạch (IV. KINH PHÍ THỰC HIỆN); mỗi nguồn phải bằng tổng các dự án (B203).",
			"The plan's grand totals (IV. KINH PHÍ THỰC HIỆN); each source must equal the sum over the projects (B203)."),
		read:   func(r *reader, p *Plan, v value) { r.funding(&p.Funding, v) },
		poison: func(p *Plan, k *yaml.Node, path Path) { p.Funding = unreadableFunding(k, path) }},
	{name: "sources",
		spec: list("Các nguồn vốn kế hoạch thêm vào các nguồn của chương trình (ví dụ vốn tín dụng chính sách); mã của chúng là khóa trong `funding`.",
			"Funding sources the plan adds to its programme's (policy credit, for example); their ids are keys of `funding`.",
			object("Một nguồn vốn.", "A funding source.", sourcesFields)),
		read: func(r *reader, _ *Plan, v value) { r.sources(v) }},
	{name: "allocation",
		spec: object("Dự toán được giao từ cấp trên, và văn bản giao; vốn NSTW kế hoạch không được vượt (B206).",
			"The budget assigned from above, and the document that assigned it; planned central funds must not exceed it (B206).", allocationFields),
		read: func(r *reader, _ *Plan, v value) { r.allocation(v) }},
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

// datePattern is the form of a date, as the schema states it.
const datePattern = `^\d{4}-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?$`

// ParseDate reads a date as plans write it (plan.date): YYYY-MM-DD, or
// YYYY-MM for a draft, in which case d is 0. ok is false for any other
// text. The form is datePattern, read without a regular expression
// compiled when the program starts; the day is not checked against the
// month's length (2022-02-30 has the form).
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
	if (len(s) != 7 && len(s) != 10) || s[4] != '-' {
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
	// A real day of that month: 2022-02-30, 2022-02-29 and 2022-04-31
	// are not dates, and the export could not print them.
	if s[7] != '-' || !dok || d < 1 || d > time.Date(y, time.Month(m)+1, 0, 0, 0, 0, 0, time.UTC).Day() {
		return 0, 0, 0, false
	}
	return y, m, d, true
}

// dateForm reads the numbers of a text of the date's form, whether or not
// the day exists.
func dateForm(s string) (y, m, d int, ok bool) {
	if len(s) != 10 || s[4] != '-' || s[7] != '-' {
		return 0, 0, 0, false
	}
	if y, m, _, ok = ParseDate(s[:7]); !ok {
		return 0, 0, 0, false
	}
	for _, c := range s[8:] {
		if c < '0' || c > '9' {
			return 0, 0, 0, false
		}
		d = d*10 + int(c-'0')
	}
	return y, m, d, d >= 1 && d <= 31
}

// date reads a date of ParseDate's form; another text is E103, and the
// date is not written.
func (r *reader) date(v value) Text {
	t := r.text(v)
	if _, _, _, ok := ParseDate(t.Value); t.Written && !ok {
		if y, m, d, form := dateForm(t.Value); form {
			last := time.Date(y, time.Month(m)+1, 0, 0, 0, 0, 0, time.UTC).Day()
			r.errAt("E103", v.node, v.path, Message{
				VI: fmt.Sprintf("ngày `%s` không có: tháng %d năm %d có %d ngày", t.Value, m, y, last),
				EN: fmt.Sprintf("there is no date `%s`: %s %d has %d days", t.Value, time.Month(m), y, last),
			}, Message{VI: fmt.Sprintf("Sửa ngày %d cho đúng với văn bản.", d), EN: fmt.Sprintf("Correct the day, %d, as the document has it.", d)})
			t.Written = false
			return t
		}
		r.errAt("E103", v.node, v.path, Message{
			VI: fmt.Sprintf("ngày `%s` không đúng dạng: cần YYYY-MM hoặc YYYY-MM-DD", t.Value),
			EN: fmt.Sprintf("date `%s` is not in the form YYYY-MM or YYYY-MM-DD", t.Value),
		}, Message{VI: "Ví dụ: 2022-08 hoặc 2022-08-15.", EN: "For example 2022-08 or 2022-08-15."})
		t.Written = false
	}
	return t
}

// districtRule is the rule of info as the schema states it: a district
// plan (the default level) names its district.
var districtRule = obj{
	{"if", obj{{"properties", obj{{"level", obj{{"const", "district"}}}}}}},
	{"then", obj{{"required", []string{"district"}}}},
}

func (r *reader) info(val value) {
	k, v, path := val.key, val.node, val.path
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
	{name: "title", required: true, spec: text("Tiêu đề đầy đủ, như trên văn bản.", "The full title, as on the document."),
		read: func(r *reader, in *Info, v value) { in.Title = r.text(v) }},
	{name: "program",
		spec: programme(fmt.Sprintf("Mã chương trình trong danh mục; mặc định `%s` (C401).", DefaultProgramme),
			fmt.Sprintf("The programme id in the built-in catalogue; `%s` by default (C401).", DefaultProgramme)),
		read: func(r *reader, in *Info, v value) { in.Program = r.text(v) }},
	{name: "level",
		spec: enum("Cấp kế hoạch: `district` (huyện, mặc định), `province` (tỉnh) hoặc `commune` (xã).",
			"The plan's level: `district` (default), `province` or `commune`.", "district", "province", "commune"),
		read: func(r *reader, in *Info, v value) { in.Level = r.word(v) }},
	{name: "year", required: true,
		spec: integer("Năm kế hoạch, trong giai đoạn của chương trình (C402).", "The plan year, within the programme's period (C402).", 1900, 2200),
		read: func(r *reader, in *Info, v value) { in.Year = r.integer(v) }},
	{name: "issuer", required: true,
		spec: text("Cơ quan ban hành, như ở đầu văn bản: UBND huyện Bảo Yên.", "The issuing body, as printed in the header: UBND huyện Bảo Yên."),
		read: func(r *reader, in *Info, v value) { in.Issuer = r.text(v) }},
	{name: "parent", spec: text("Cấp trên: UBND tỉnh Lào Cai.", "The level above: UBND tỉnh Lào Cai."),
		read: func(r *reader, in *Info, v value) { in.Parent = r.text(v) }},
	{name: "province", required: true, spec: text("Tỉnh.", "The province."),
		read: func(r *reader, in *Info, v value) { in.Province = r.text(v) }},
	{name: "district", spec: text("Huyện; bắt buộc với kế hoạch cấp huyện.", "The district; required for a district plan."),
		read: func(r *reader, in *Info, v value) { in.District = r.text(v) },
		// `distrct:` is E102 with district suggested: not also the E106
		// of info.
		poison: func(in *Info, k *yaml.Node, path Path) {
			in.District = Text{Written: true, Pos: Pos{k.Line, k.Column}, Path: path}
		}},
	{name: "number",
		spec: text("Số văn bản, ví dụ \"215/KH-UBND\"; để trống khi còn là dự thảo.", "The document number, e.g. \"215/KH-UBND\"; empty while a draft."),
		read: func(r *reader, in *Info, v value) { in.Number = r.text(v) }},
	{name: "date",
		spec: date("Ngày ban hành: YYYY-MM-DD, hoặc YYYY-MM khi còn là dự thảo.", "The issue date: YYYY-MM-DD, or YYYY-MM for a draft."),
		read: func(r *reader, in *Info, v value) { in.Date = r.date(v) }},
	{name: "place", spec: text("Địa danh ở dòng \"Bảo Yên, ngày … tháng … năm …\".", "The place name in \"Bảo Yên, ngày … tháng … năm …\"."),
		read: func(r *reader, in *Info, v value) { in.Place = r.text(v) }},
	{name: "capital",
		spec: enum("Loại vốn của các số tiền: `recurrent` (vốn sự nghiệp, mặc định) hoặc `investment` (vốn đầu tư phát triển); đặt tên các cột nguồn vốn trong phụ lục.",
			"The kind of funds the amounts are: `recurrent` (default) or `investment`; it names the source columns of the appendices.", capitals...),
		read: func(r *reader, in *Info, v value) { in.Capital = r.word(v) }},
	{name: "currency_unit",
		spec: enum(fmt.Sprintf("Đơn vị của mọi số tiền trong tệp: `%s` (%s, mặc định), `%s` hoặc `%s`.", MillionVND, currencyUnits[0].name.VI, ThousandVND, VND),
			fmt.Sprintf("The unit of every amount in the file: `%s` (default), `%s` or `%s`.", MillionVND, ThousandVND, VND), CurrencyUnits()...),
		read: func(r *reader, in *Info, v value) { in.CurrencyUnit = r.word(v) }},
	{name: "signer", spec: object("Khối chữ ký.", "The signature block.", signerFields),
		read: func(r *reader, in *Info, v value) { readMapping(r, v.key, v.node, v.path, &in.Signer, signerFields) }},
	{name: "basis", spec: texts("Các căn cứ pháp lý (Căn cứ …).", "The legal bases (Căn cứ …)."),
		read: func(r *reader, in *Info, v value) { in.Basis = r.texts(v) }},
}

var signerFields = []field[*Signer]{
	{name: "on_behalf", spec: text("Dòng \"TM. ỦY BAN NHÂN DÂN\".", "The line \"TM. ỦY BAN NHÂN DÂN\" (on behalf of)."),
		read: func(r *reader, s *Signer, v value) { s.OnBehalf = r.text(v) }},
	{name: "authority", spec: text("Dòng \"KT. CHỦ TỊCH\".", "The line \"KT. CHỦ TỊCH\" (by authority of)."),
		read: func(r *reader, s *Signer, v value) { s.Authority = r.text(v) }},
	{name: "title", spec: text("Chức danh người ký: PHÓ CHỦ TỊCH.", "The signer's title: PHÓ CHỦ TỊCH."),
		read: func(r *reader, s *Signer, v value) { s.Title = r.text(v) }},
	{name: "name", spec: text("Họ tên người ký.", "The signer's name."),
		read: func(r *reader, s *Signer, v value) { s.Name = r.text(v) }},
}

var rulesFields = []field[*Rules]{
	{name: "tolerance",
		spec: amount("Chênh lệch lớn nhất giữa tổng ghi và tổng tính được coi là cảnh báo thay vì lỗi (văn bản làm tròn tới triệu); mặc định 0.",
			"The largest difference between a stated and a computed total reported as a warning instead of an error (documents round to whole millions); 0 by default."),
		read: func(r *reader, ru *Rules, v value) {
			var w bool
			ru.Tolerance, w = r.number(v)
			if w {
				r.w105(ru.Tolerance, Message{})
			}
		}},
	{name: "counterpart_min_percent",
		spec: percent("Vốn đối ứng NSĐP tối thiểu, theo phần trăm vốn NSTW: mức pháp định 3, 10 hoặc 15 (B204, B205); không ghi thì không kiểm tra.",
			"The minimum local counterpart funds, as a percent of central funds: the legal bands are 3, 10 and 15 (B204, B205); not checked when absent."),
		read: func(r *reader, ru *Rules, v value) { ru.CounterpartMin, _ = r.number(v) }},
}

func (r *reader) communes(v value) {
	r.list(v.node, v.path, func(_ int, item *yaml.Node, path Path) {
		c := &Commune{Pos: Pos{item.Line, item.Column}, Path: path}
		readMapping(r, item, item, path, c, communeFields)
		r.p.Communes = append(r.p.Communes, c)
	})
}

var communeFields = []field[*Commune]{
	{name: "id", required: true,
		spec: communeID("Mã ngắn, chữ thường không dấu, số và gạch ngang, duy nhất trong tệp: pho-rang, bao-ha.",
			"A short id, lowercase ASCII letters, digits and hyphens, unique in the file: pho-rang, bao-ha."),
		read: func(r *reader, c *Commune, v value) { c.ID = r.communeID(v) }},
	{name: "name", required: true, spec: text("Tên đầy đủ kèm loại: Thị trấn Phố Ràng, Xã Bảo Hà.", "The full name with its kind: Thị trấn Phố Ràng, Xã Bảo Hà."),
		read: func(r *reader, c *Commune, v value) { c.Name = r.text(v) }},
	{name: "households", spec: count("Tổng số hộ đầu năm.", "Total households at the start of the year."),
		read: func(r *reader, c *Commune, v value) { c.Households, _ = r.number(v) }},
	{name: "poor", spec: count("Số hộ nghèo đầu năm.", "Poor households at the start of the year."),
		read: func(r *reader, c *Commune, v value) { c.Poor, _ = r.number(v) }},
	{name: "near_poor", spec: count("Số hộ cận nghèo đầu năm.", "Near-poor households at the start of the year."),
		read: func(r *reader, c *Commune, v value) { c.NearPoor, _ = r.number(v) }},
	{name: "tags", spec: texts("Nhãn tự do, ví dụ [dbkk] cho xã đặc biệt khó khăn.", "Free tags, e.g. [dbkk] for an extremely difficult commune."),
		read: func(r *reader, c *Commune, v value) { c.Tags = r.texts(v) }},
}

// communeIDPattern is the form of a commune's id, as the schema states it.
const communeIDPattern = `^[a-z0-9]+(-[a-z0-9]+)*$`

// communeID reads a commune's id; one that is not of validCommuneID's
// form is E103.
func (r *reader) communeID(v value) Text {
	t := r.text(v)
	if t.Written && !validCommuneID(t.Value) {
		r.errAt("E103", v.node, v.path, Message{
			VI: fmt.Sprintf("mã xã `%s` phải là chữ thường không dấu, số và dấu gạch ngang", t.Value),
			EN: fmt.Sprintf("commune id `%s` must be lowercase ASCII letters, digits and hyphens", t.Value),
		}, Message{VI: "Ví dụ: `pho-rang`, `bao-ha`.", EN: "For example `pho-rang`, `bao-ha`."})
	}
	return t
}

// validCommuneID reports whether id is lowercase ASCII letters and digits
// in groups joined by single hyphens, communeIDPattern, without a regular
// expression (a national plan has 10,600 ids).
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

func (r *reader) targets(v value) {
	t := &Targets{Pos: Pos{v.key.Line, v.key.Column}}
	r.p.Targets = t
	readMapping(r, v.key, v.node, v.path, t, targetsFields)
}

var targetsFields = []field[*Targets]{
	{name: "baseline", spec: object("Số liệu của huyện đầu năm (không bắt buộc).", "The district's counts at the start of the year (optional).", baselineFields),
		read: func(r *reader, t *Targets, v value) {
			t.Baseline.Written = true
			readMapping(r, v.key, v.node, v.path, &t.Baseline, baselineFields)
		}},
	{name: "poverty_reduction", spec: object("Chỉ tiêu giảm hộ nghèo.", "The poverty-reduction target.", reductionFields),
		read: func(r *reader, t *Targets, v value) { r.reduction(&t.PovertyReduction, v) }},
	{name: "near_poverty_reduction", spec: object("Chỉ tiêu giảm hộ cận nghèo.", "The near-poverty-reduction target.", reductionFields),
		read: func(r *reader, t *Targets, v value) { r.reduction(&t.NearPovertyReduction, v) }},
	{name: "job_support_percent",
		spec: percent("Tỷ lệ người lao động thuộc hộ nghèo, cận nghèo có nhu cầu được tư vấn, đào tạo, giới thiệu việc làm.",
			"The share of workers in poor and near-poor households who need it that get counselling, training and job placement."),
		read: func(r *reader, t *Targets, v value) { t.JobSupportPercent, _ = r.number(v) }},
	{name: "new_jobs", spec: count("Số lao động được tạo việc làm mới.", "New jobs created."),
		read: func(r *reader, t *Targets, v value) { t.NewJobs, _ = r.number(v) }},
	{name: "indicators",
		spec: list("Các chỉ tiêu khác.", "Further targets.", object("Một chỉ tiêu.", "A target.", indicatorFields)).rowsOf(plainRows),
		read: func(r *reader, t *Targets, v value) {
			r.list(v.node, v.path, func(_ int, item *yaml.Node, path Path) {
				in := &Indicator{Pos: Pos{item.Line, item.Column}}
				readMapping(r, item, item, path, in, indicatorFields)
				t.Indicators = append(t.Indicators, in)
			})
		}},
	{name: "by_commune",
		spec: list("Chỉ tiêu theo xã; tổng phải bằng chỉ tiêu huyện (T303).", "Targets per commune; their sums must match the district's (T303).",
			object("Chỉ tiêu của một xã.", "One commune's targets.", communeTargetFields)).rowsOf(plainRows),
		read: func(r *reader, t *Targets, v value) {
			if v.node.Kind == yaml.SequenceNode {
				t.ByCommune = make([]*CommuneTarget, 0, len(v.node.Content))
			}
			r.list(v.node, v.path, func(_ int, item *yaml.Node, path Path) {
				ct := &CommuneTarget{Pos: Pos{item.Line, item.Column}, Path: path}
				readMapping(r, item, item, path, ct, communeTargetFields)
				t.ByCommune = append(t.ByCommune, ct)
			})
		}},
}

var baselineFields = []field[*Baseline]{
	{name: "households", spec: count("Tổng số hộ.", "Total households."),
		read: func(r *reader, b *Baseline, v value) { b.Households, _ = r.number(v) }},
	{name: "poor", spec: count("Số hộ nghèo.", "Poor households."),
		read: func(r *reader, b *Baseline, v value) { b.Poor, _ = r.number(v) }},
	{name: "near_poor", spec: count("Số hộ cận nghèo.", "Near-poor households."),
		read: func(r *reader, b *Baseline, v value) { b.NearPoor, _ = r.number(v) }},
}

func (r *reader) reduction(dst *Reduction, v value) {
	dst.Written, dst.Pos = true, Pos{v.key.Line, v.key.Column}
	readMapping(r, v.key, v.node, v.path, dst, reductionFields)
}

var reductionFields = []field[*Reduction]{
	{name: "percent",
		spec: percent("Tỷ lệ giảm, theo điểm phần trăm của tổng số hộ trong năm; số chữ số thập phân là độ chính xác (T301, T302).",
			"Reduction in percentage points of all households in the year; the decimals written are its precision (T301, T302)."),
		read: func(r *reader, red *Reduction, v value) { red.Percent, _ = r.number(v) }},
	{name: "households", spec: count("Số hộ giảm trong năm.", "Households to leave the status in the year."),
		read: func(r *reader, red *Reduction, v value) { red.Households, _ = r.number(v) }},
}

var indicatorFields = []field[*Indicator]{
	{name: "id", spec: text("Mã chỉ tiêu.", "The target's id."),
		read: func(r *reader, in *Indicator, v value) { in.ID = r.text(v) }},
	{name: "name", required: true, spec: text("Tên chỉ tiêu.", "The target's name."),
		read: func(r *reader, in *Indicator, v value) { in.Name = r.text(v) }},
	{name: "unit", spec: text("Đơn vị tính.", "Unit of measure."),
		read: func(r *reader, in *Indicator, v value) { in.Unit = r.text(v) }},
	{name: "value", required: true, spec: quantity("Giá trị: số không âm.", "The value: a non-negative number."),
		read: func(r *reader, in *Indicator, v value) { in.Value, _ = r.number(v) }},
}

var communeTargetFields = []field[*CommuneTarget]{
	{name: "commune", required: true, spec: text("Mã xã (một `id` trong `communes`).", "The commune's id (an `id` in `communes`)."),
		read: func(r *reader, ct *CommuneTarget, v value) { ct.Commune = r.text(v) }},
	{name: "poverty_reduction", spec: object("Số hộ nghèo giảm của xã.", "The commune's poverty reduction.", householdsFields),
		read: func(r *reader, ct *CommuneTarget, v value) {
			readMapping(r, v.key, v.node, v.path, &ct.PovertyReduction, householdsFields)
		}},
	{name: "near_poverty_reduction", spec: object("Số hộ cận nghèo giảm của xã.", "The commune's near-poverty reduction.", householdsFields),
		read: func(r *reader, ct *CommuneTarget, v value) {
			readMapping(r, v.key, v.node, v.path, &ct.NearPovertyReduction, householdsFields)
		}},
	{name: "new_jobs", spec: count("Số lao động được tạo việc làm mới ở xã.", "New jobs in the commune."),
		read: func(r *reader, ct *CommuneTarget, v value) { ct.NewJobs, _ = r.number(v) }},
}

// householdsFields is a commune's reduction target: `{households: N}`.
var householdsFields = []field[*Num]{
	{name: "households", spec: count("Số hộ giảm của xã trong năm.", "The commune's households to leave the status in the year."),
		read: func(r *reader, n *Num, v value) { *n, _ = r.number(v) }},
}

// projectKeys are the keys of a project that decide between its
// sub-projects and its activities.
type projectKeys struct {
	*Project
	sub, act *yaml.Node
}

func (r *reader) projects(val value) {
	v, path := val.node, val.path
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

// projectSpec is an item of `projects`.
var projectSpec = object("Một dự án thành phần của chương trình: có `funding`, hoặc `subprojects` hay `activities` (không có cả hai).",
	"A component project of the programme: it has `funding`, or `subprojects` or `activities` (not both).",
	projectFields, subprojectsOrActivities...)

// subprojectsOrActivities is the rule of projects as the schema states
// it: a project has sub-projects or activities, not both (E103 in
// projects).
var subprojectsOrActivities = obj{{"not", obj{{"required", []string{"subprojects", "activities"}}}}}

// Specs that projects and sub-projects share.
var (
	capitals       = []string{"recurrent", "investment"}
	leadSpec       = text("Cơ quan chủ trì.", "Lead agency.")
	partnersSpec   = texts("Cơ quan phối hợp.", "Cooperating agencies.")
	activitiesSpec = list("Các dòng chi tiết (hoạt động); kinh phí của mục cha, nếu ghi, phải bằng tổng của chúng (B202).",
		"Detail rows (activities); the parent's funding, if written, must equal their sum (B202).",
		object("Một dòng chi tiết của phụ lục: một việc, thường ở một xã.",
			"One detail row of an appendix: a piece of work, usually in one commune.", activityFields)).rowsOf(plainRows)
	objectiveSpec     = texts("Mục tiêu (mục a của dự án): một đoạn văn hoặc danh sách.", "Objective (section a): a text or a list of texts.")
	beneficiariesSpec = texts("Đối tượng (mục b): một đoạn văn hoặc danh sách.", "Beneficiaries (section b): a text or a list of texts.")
	contentSpec       = texts("Nội dung thực hiện (mục c): một đoạn văn hoặc danh sách.", "Content (section c): a text or a list of texts.")
)

var projectFields = []field[*projectKeys]{
	{name: "project", required: true,
		spec: integer("Số dự án trong chương trình (1–7 với chương trình giảm nghèo).", "The project's number in the programme (1–7 for the poverty-reduction programme).", 1, 99),
		read: func(r *reader, p *projectKeys, v value) { p.Number = r.integer(v) }},
	{name: "name", required: true, spec: text("Tên chính thức của dự án (so với danh mục, C404).", "The project's official name (checked against the catalogue, C404)."),
		read: func(r *reader, p *projectKeys, v value) { p.Name = r.text(v) }},
	// Appendices 1 and 2 are read, for C405 to say what they are for.
	{name: "appendix", required: true,
		spec: integer("Số phụ lục chi tiết dự án: 3, 4, 5, … theo thứ tự dự án, không bỏ số; nhiều dự án có thể dùng chung; phụ lục 1 và 2 dành cho chỉ tiêu và tổng hợp kinh phí (C405).",
			"The appendix that details this project: 3, 4, 5, … in project order without gaps; projects may share one; appendices 1 and 2 are the targets and the funding summary (C405).", 1, 99).reservedBelow(3),
		read: func(r *reader, p *projectKeys, v value) { p.Appendix = r.integer(v) }},
	{name: "lead", spec: leadSpec, read: func(r *reader, p *projectKeys, v value) { p.Lead = r.text(v) }},
	{name: "co_leads", spec: texts("Cơ quan đồng chủ trì.", "Co-lead agencies."),
		read: func(r *reader, p *projectKeys, v value) { p.CoLeads = r.texts(v) }},
	{name: "partners", spec: partnersSpec, read: func(r *reader, p *projectKeys, v value) { p.Partners = r.texts(v) }},
	{name: "capital",
		spec: enum("Loại vốn của dự án, nếu khác `plan.capital`: `recurrent` (vốn sự nghiệp) hoặc `investment` (vốn đầu tư phát triển).",
			"The kind of funds of this project, when it differs from `plan.capital`: `recurrent` or `investment`.", capitals...),
		read: func(r *reader, p *projectKeys, v value) { p.Capital = r.word(v) }},
	{name: "funding",
		spec: funding("Kinh phí của dự án; khi dự án có tiểu dự án hoặc hoạt động, đây là khẳng định về tổng của chúng (B202).",
			"The project's funding; when it has sub-projects or activities, an assertion about their sum (B202)."),
		read:   func(r *reader, p *projectKeys, v value) { r.funding(&p.Funding, v) },
		poison: func(p *projectKeys, k *yaml.Node, path Path) { p.Funding = unreadableFunding(k, path) }},
	{name: "subprojects",
		spec: list("Các tiểu dự án.", "The sub-projects.", object("Một tiểu dự án của dự án.", "A sub-project of the project.", subprojectFields)).rowsOf(subprojectRows),
		read: func(r *reader, p *projectKeys, v value) {
			p.sub = v.key
			r.subprojects(p.Project, v)
		}},
	{name: "activities", spec: activitiesSpec,
		read: func(r *reader, p *projectKeys, v value) {
			p.act = v.key
			p.Activities = r.activities(v)
		}},
	{name: "objective", spec: objectiveSpec, read: func(r *reader, p *projectKeys, v value) { p.Objective = r.texts(v) }},
	{name: "beneficiaries", spec: beneficiariesSpec, read: func(r *reader, p *projectKeys, v value) { p.Beneficiaries = r.texts(v) }},
	{name: "content", spec: contentSpec, read: func(r *reader, p *projectKeys, v value) { p.Content = r.texts(v) }},
}

func (r *reader) subprojects(p *Project, v value) {
	r.list(v.node, v.path, func(_ int, item *yaml.Node, path Path) {
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
	{name: "subproject", required: true,
		spec: integer("Số tiểu dự án trong dự án, theo Quyết định 90/QĐ-TTg.", "The sub-project's number within the project, as in Quyết định 90/QĐ-TTg.", 1, 99),
		read: func(r *reader, s *Subproject, v value) { s.Number = r.integer(v) }},
	{name: "name", required: true,
		spec: text("Tên chính thức của tiểu dự án (so với danh mục, C404).", "The sub-project's official name (checked against the catalogue, C404)."),
		read: func(r *reader, s *Subproject, v value) { s.Name = r.text(v) }},
	{name: "lead", spec: leadSpec, read: func(r *reader, s *Subproject, v value) { s.Lead = r.text(v) }},
	{name: "partners", spec: partnersSpec, read: func(r *reader, s *Subproject, v value) { s.Partners = r.texts(v) }},
	{name: "funding", spec: funding("Kinh phí của tiểu dự án.", "The sub-project's funding."),
		read:   func(r *reader, s *Subproject, v value) { r.funding(&s.Funding, v) },
		poison: func(s *Subproject, k *yaml.Node, path Path) { s.Funding = unreadableFunding(k, path) }},
	{name: "activities", spec: activitiesSpec, read: func(r *reader, s *Subproject, v value) { s.Activities = r.activities(v) }},
	{name: "objective", spec: objectiveSpec, read: func(r *reader, s *Subproject, v value) { s.Objective = r.texts(v) }},
	{name: "beneficiaries", spec: beneficiariesSpec, read: func(r *reader, s *Subproject, v value) { s.Beneficiaries = r.texts(v) }},
	{name: "content", spec: contentSpec, read: func(r *reader, s *Subproject, v value) { s.Content = r.texts(v) }},
}

func (r *reader) activities(val value) []*Activity {
	v, path := val.node, val.path
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
	{name: "name", required: true, spec: text("Việc được làm, ví dụ: Mô hình nuôi lợn đen bản địa.", "What is done, e.g. Mô hình nuôi lợn đen bản địa."),
		read: func(r *reader, a *Activity, v value) { a.Name = r.text(v) }},
	{name: "commune", spec: text("Mã xã nơi thực hiện (một `id` trong `communes`).", "The id of the commune where it happens (an `id` in `communes`)."),
		read: func(r *reader, a *Activity, v value) { a.Commune = r.text(v) }},
	{name: "unit", spec: text("Đơn vị tính (ĐVT), ví dụ: mô hình.", "Unit of measure, e.g. mô hình."),
		read: func(r *reader, a *Activity, v value) { a.Unit = r.text(v) }},
	{name: "quantity", spec: quantity("Số lượng theo đơn vị tính: số không âm.", "Quantity in that unit: a non-negative number."),
		read: func(r *reader, a *Activity, v value) { a.Quantity, _ = r.number(v) }},
	{name: "lead", spec: text("Đơn vị thực hiện.", "Implementing body."),
		read: func(r *reader, a *Activity, v value) { a.Lead = r.text(v) }},
	{name: "funding", required: true, spec: funding("Kinh phí của dòng này.", "The row's funding."),
		read:   func(r *reader, a *Activity, v value) { r.funding(&a.Funding, v) },
		poison: func(a *Activity, k *yaml.Node, path Path) { a.Funding = unreadableFunding(k, path) }},
}

// isMapping reports whether n, through an alias, is a mapping.
func isMapping(n *yaml.Node) bool {
	for n.Kind == yaml.AliasNode && n.Alias != nil {
		n = n.Alias
	}
	return n.Kind == yaml.MappingNode
}

// unreadableFunding stands for a `funding` key that is misspelt or not a
// mapping: written, but no figure in it takes part in any comparison
// (unreadable is resolved to every source of the plan).
func unreadableFunding(k *yaml.Node, path Path) Funding {
	bad := Figure{Written: true, Pos: Pos{k.Line, k.Column}, Path: path}
	return Funding{Written: true, Pos: Pos{k.Line, k.Column}, Path: path, Total: bad,
		entries: []fundingEntry{{key: k, path: path, fig: bad, unreadable: true}}}
}

// fundingRead is a `funding` mapping as it is read.
type fundingRead struct {
	f *Funding
	// seen is the key of each source read, for E107.
	seen map[string]*yaml.Node
}

// fundingFields are the keys of a `funding` mapping other than its
// sources. The sources are the programme's and the plan's own
// (`sources:`), known only once the whole file is read: any other key is
// read as a source (the "*" row) and resolved then (resolveSources), where
// a key that is no source is E102 with the closest.
var fundingFields = []field[*fundingRead]{
	{name: "total",
		spec: amountOrKinds("Tổng kinh phí, một số hoặc chia theo loại vốn; nếu ghi thì phải bằng tổng các nguồn (B201).",
			"Total funding, one amount or split by kind of funds; when written, it must equal the sum of the sources (B201)."),
		read: func(r *reader, fr *fundingRead, v value) { fr.f.entries = append(fr.f.entries, r.fundingEntry(v)) }},
	{name: "not_stated",
		spec: texts("Các nguồn mà văn bản không nêu số liệu: không phương trình nào dùng chúng, phụ lục để trống.",
			"The sources the document gives no figure for: no equation uses them, the appendices leave them empty."),
		read: func(r *reader, fr *fundingRead, v value) {
			fr.f.entries = append(fr.f.entries, fundingEntry{key: v.key, path: v.path, notStated: true, ids: r.texts(v)})
		}},
	{name: "central", spec: amountOrKinds("Vốn ngân sách trung ương (NSTW).", "Central-budget funds (NSTW)."), read: readSource},
	{name: "local", spec: amountOrKinds("Vốn ngân sách địa phương (NSĐP), vốn đối ứng.", "Local-budget (counterpart) funds (NSĐP)."), read: readSource},
	{name: "other", spec: amountOrKinds("Vốn huy động khác (dân đóng góp, …).", "Other mobilised funds (beneficiaries' contributions, …)."), read: readSource},
	{name: anyKey,
		spec: amountOrKinds("Một nguồn vốn của chương trình (central: NSTW, local: NSĐP, other: vốn huy động khác, …) hoặc của `sources`; một số hoặc chia theo loại vốn (investment, recurrent).",
			"A funding source of the programme (central, local, other, …) or of `sources`; one amount, or split by kind of funds (investment, recurrent)."),
		read: readSource},
}

// readSource reads a source of a funding, to be resolved against the
// plan's sources (resolveSources).
func readSource(r *reader, fr *fundingRead, v value) {
	if first, dup := fr.seen[v.key.Value]; dup {
		r.duplicateKey(first, v.key, v.path)
		return
	}
	if fr.seen == nil {
		fr.seen = make(map[string]*yaml.Node, 4)
	}
	fr.seen[v.key.Value] = v.key
	fr.f.entries = append(fr.f.entries, r.fundingEntry(v))
}

// fundingEntry reads the value of a source or of the total: one amount, or
// a mapping of kinds of funds to amounts.
func (r *reader) fundingEntry(v value) fundingEntry {
	e := fundingEntry{key: v.key, path: v.path}
	if v.node.Kind != yaml.MappingNode {
		var n Num
		n, e.fig.Thousands = r.number(v)
		thousands := e.fig.Thousands
		e.fig = n.Figure
		e.fig.Thousands = thousands
		return e
	}
	e.parts = []kindEntry{}
	m := v.path.Mapping()
	seen := make(map[string]bool, 2)
	for i := 0; i+1 < len(v.node.Content); i += 2 {
		k, kv := v.node.Content[i], v.node.Content[i+1]
		if k.Kind != yaml.ScalarNode {
			r.errAt("E103", k, v.path, Message{VI: "khóa phải là một từ, không phải " + describe(k).VI, EN: "a key must be a word, not " + describe(k).EN}, Message{})
			continue
		}
		if seen[k.Value] {
			r.errAt("E107", k, m.Key(k.Value), Message{
				VI: fmt.Sprintf("loại vốn `%s` bị lặp lại; giá trị đầu tiên được dùng", k.Value),
				EN: fmt.Sprintf("duplicate kind of funds `%s`; the first value is used", k.Value),
			}, Message{VI: "Xóa dòng lặp.", EN: "Delete the repeated key."})
			continue
		}
		seen[k.Value] = true
		n, thousands := r.number(value{key: k, node: deref(kv), path: m.Key(k.Value), spec: v.spec})
		n.Figure.Thousands = thousands
		e.parts = append(e.parts, kindEntry{key: k, fig: n.Figure})
	}
	return e
}

// funding reads a `funding` object into f; its keys are resolved against
// the plan's sources once the file is read (resolveSources), which also
// reports W105.
func (r *reader) funding(f *Funding, val value) {
	k, v, path := val.key, val.node, val.path
	if v.Kind != yaml.MappingNode {
		// `funding: 3188`: E103, and the figure meant is unknown, not zero.
		r.typeError(v, path, Message{VI: "một bảng khóa central, local, other, total", EN: "a mapping of central, local, other, total"})
		*f = unreadableFunding(k, path)
		return
	}
	*f = Funding{Written: true, Pos: Pos{k.Line, k.Column}, Path: path}
	fr := &fundingRead{f: f}
	readMapping(r, k, v, path, fr, fundingFields)
}

// addsUpAsThousands says whether reading figure i as 1,000 times its value
// makes the row add up: the total (last of figs) equal to the sum of the
// sources, every source of the plan and the total written and valid.
func addsUpAsThousands(figs []*Figure, i int) Message {
	if len(figs) < 2 {
		return Message{}
	}
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
	var sources []budget.Amount
	for j := range len(figs) - 1 {
		sources = append(sources, val(j))
	}
	sum, ok := budget.Sum(sources...)
	if !ok {
		return Message{}
	}
	if sum == val(len(figs)-1) {
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
	return Diagnostic{Code: "W105", Severity: Warning, Pos: n.Pos, Path: n.Path.String(),
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

func (r *reader) allocation(v value) {
	a := &Allocation{}
	r.p.Allocation = a
	readMapping(r, v.key, v.node, v.path, a, allocationFields)
}

var allocationFields = []field[*Allocation]{
	{name: "source", spec: text("Văn bản giao dự toán: Quyết định số … của UBND tỉnh ….", "The document that assigned it: Quyết định số … của UBND tỉnh …."),
		read: func(r *reader, a *Allocation, v value) { a.Source = r.text(v) }},
	{name: "projects",
		spec: list("Vốn NSTW được giao theo dự án, tiểu dự án.", "Central funds assigned per project or sub-project.",
			object("Vốn được giao cho một dự án hoặc tiểu dự án.", "The funds assigned to a project or sub-project.", allocatedFields)),
		read: func(r *reader, a *Allocation, v value) {
			r.list(v.node, v.path, func(_ int, item *yaml.Node, path Path) {
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
		d.Related = []Related{{Pos: fat.Pos, Path: fat.Path.String(),
			Message: Message{VI: "lần xuất hiện đầu tiên", EN: "first occurrence"}}}
		e.Project.Valid = false
	}
}

var allocatedFields = []field[*Allocated]{
	{name: "project", required: true, spec: integer("Số dự án.", "The project's number.", 1, 99),
		read: func(r *reader, e *Allocated, v value) { e.Project = r.integer(v) }},
	{name: "subproject", spec: integer("Số tiểu dự án (nếu giao theo tiểu dự án).", "The sub-project's number (when assigned per sub-project).", 1, 99),
		read: func(r *reader, e *Allocated, v value) { e.Subproject = r.integer(v) }},
	{name: "central", required: true, spec: amount("Vốn NSTW được giao.", "The central funds assigned."),
		read: func(r *reader, e *Allocated, v value) {
			var w bool
			e.Central, w = r.number(v)
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
		d.Related = []Related{{Pos: f.Pos, Path: f.Path.String(),
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
			d.Related = []Related{{Pos: f.ID.Pos, Path: f.ID.Path.String(),
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
