package plan

import (
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
	"golang.org/x/text/unicode/norm"

	"github.com/kehoach/kehoach/budget"
)

// anyKey is the name of a table's row for the keys it does not name: the
// row reads them, and says itself which are valid (a funding's sources,
// which the programme and the plan define). The schema gives the row's
// spec to additional properties.
const anyKey = "*"

// field is one key that a mapping read into a T may hold: its name,
// whether it is required, what its value is (spec: its kind and bounds,
// which the reader checks, and its description, which the schema prints)
// and where the value goes. The tables of fields are the format's one
// statement of its keys: the schema, numberKey and topRowLists are
// derived from them. They are package-level values that are never
// modified: reading a mapping allocates no closure and no table.
type field[T any] struct {
	name     string
	required bool
	spec     spec
	read     func(r *reader, t T, v value)
	// poison, when set, is called with the key of a misspelling of this
	// field (E102 with this field as the suggestion) when the field itself
	// is absent: the value the writer meant exists but could not be read,
	// so it must take part in no comparison (one slip, one finding).
	poison func(t T, key *yaml.Node, path Path)
}

// value is a key's value as readMapping hands it to the key's field.
type value struct {
	key  *yaml.Node
	node *yaml.Node // the value, through any alias
	path Path
	spec *spec // the field's
}

// fieldNames returns the names of the fields, in order.
func fieldNames[T any](fields []field[T]) []string {
	names := make([]string, len(fields))
	for i, f := range fields {
		names[i] = f.name
	}
	return names
}

// deref follows an alias to its value, keeping the alias's position: a
// finding about a value reached through an alias points at the alias.
func deref(n *yaml.Node) *yaml.Node {
	if n.Kind != yaml.AliasNode || n.Alias == nil {
		return n
	}
	t := n.Alias
	for t.Kind == yaml.AliasNode && t.Alias != nil {
		t = t.Alias
	}
	c := *t
	c.Line, c.Column = n.Line, n.Column
	return &c
}

// describe says what a node is, for "expected …, found …" messages.
func describe(n *yaml.Node) Message {
	switch n.Kind {
	case yaml.MappingNode:
		return Message{VI: "một bảng khóa", EN: "a mapping"}
	case yaml.SequenceNode:
		return Message{VI: "một danh sách", EN: "a list"}
	}
	switch n.Tag {
	case "!!null":
		return Message{VI: "giá trị trống", EN: "an empty value"}
	case "!!bool":
		return Message{VI: "giá trị đúng/sai `" + n.Value + "`", EN: "the boolean `" + n.Value + "`"}
	case "!!int", "!!float":
		return Message{VI: "số `" + n.Value + "`", EN: "the number `" + n.Value + "`"}
	}
	return Message{VI: "văn bản `" + n.Value + "`", EN: "the text `" + n.Value + "`"}
}

// readMapping reads the keys of a mapping into t. block is the key that holds
// the mapping (for E106, which points at the key of the block that lacks a
// key); it may be the mapping itself for list items and the top level.
func readMapping[T any](r *reader, block, n *yaml.Node, path Path, t T, fields []field[T]) bool {
	if n.Kind != yaml.MappingNode {
		r.typeError(n, path, Message{VI: "một bảng khóa", EN: "a mapping of keys"})
		return false
	}
	if n.Anchor != "" {
		// Reachable again through an alias: its lists keep their items.
		r.shared++
		defer func() { r.shared-- }()
	}
	m := path.Mapping()
	skip := r.flowSlips(n, m)
	var typos [][2]any // suggested field name, misspelt key
	// The key of each field once seen, on the stack: no table has more
	// than 16 fields.
	var seenBuf [16]*yaml.Node
	seen := seenBuf[:min(len(fields), len(seenBuf))]
	if len(fields) > len(seenBuf) {
		seen = make([]*yaml.Node, len(fields))
	}
	var extra map[string]*yaml.Node // keys outside fields (notes, x-)
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		if k.Kind != yaml.ScalarNode {
			r.errAt("E103", k, path, Message{
				VI: "khóa phải là một từ, không phải " + describe(k).VI,
				EN: "a key must be a word, not " + describe(k).EN,
			}, Message{})
			continue
		}
		name := k.Value
		if name == "<<" {
			r.errAt("E102", k, m.Key(name), Message{
				VI: "khóa gộp `<<` không được hỗ trợ",
				EN: "merge keys `<<` are not supported",
			}, Message{
				VI: "Viết đầy đủ các khóa; chỉ dùng bí danh `*tên` cho cả một giá trị.",
				EN: "Write the keys out; use an alias `*name` only for a whole value.",
			})
			continue
		}
		if name == "notes" || strings.HasPrefix(name, "x-") {
			if extra == nil {
				extra = make(map[string]*yaml.Node)
			}
			if first, dup := extra[name]; dup {
				r.duplicateKey(first, k, m.Key(name))
			} else {
				extra[name] = k
			}
			continue
		}
		fi, others := -1, -1
		for j := range fields {
			if fields[j].name == name {
				fi = j
				break
			}
			if fields[j].name == anyKey {
				others = j
			}
		}
		if fi < 0 && others >= 0 && !skip[i] {
			// A key the table leaves to its reader (the sources of a
			// funding), which says whether it is one.
			fields[others].read(r, t, value{key: k, node: deref(v), path: m.Key(name), spec: &fields[others].spec})
			continue
		}
		if fi < 0 {
			if skip[i] {
				continue
			}
			if s, ok := r.unknownKey(k, path, fieldNames(fields)); ok {
				typos = append(typos, [2]any{s, k})
			}
			continue
		}
		if seen[fi] != nil {
			r.duplicateKey(seen[fi], k, m.Key(name))
			continue
		}
		seen[fi] = k
		fields[fi].read(r, t, value{key: k, node: deref(v), path: m.Key(name), spec: &fields[fi].spec})
	}
	for _, tp := range typos {
		name, k := tp[0].(string), tp[1].(*yaml.Node)
		for j, f := range fields {
			if f.name == name && seen[j] == nil {
				if f.poison != nil {
					f.poison(t, k, m.Key(name))
				}
				// The misspelt key stands for it: E102 says "did you mean
				// `name`?", so no E106 as well (`nmae:`, `projets:`).
				seen[j] = k
			}
		}
	}
	ok := true
	for j, f := range fields {
		if f.required && seen[j] == nil {
			ok = false
			where := Message{VI: "khối `" + path.String() + "`", EN: "block `" + path.String() + "`"}
			if path.IsZero() {
				where = Message{VI: "đầu tệp", EN: "the top level"}
			}
			r.errAt("E106", block, path, Message{
				VI: fmt.Sprintf("thiếu khóa bắt buộc `%s` trong %s", f.name, where.VI),
				EN: fmt.Sprintf("required key `%s` is missing in %s", f.name, where.EN),
			}, Message{
				VI: fmt.Sprintf("Thêm `%s: …` vào %s.", f.name, where.VI),
				EN: fmt.Sprintf("Add `%s: …` to %s.", f.name, where.EN),
			})
		}
	}
	return ok
}

func (l *loader) duplicateKey(first, second *yaml.Node, path Path) {
	d := l.errAt("E107", second, path, Message{
		VI: fmt.Sprintf("khóa `%s` bị lặp lại (đã có ở dòng %d); giá trị đầu tiên được dùng", second.Value, first.Line),
		EN: fmt.Sprintf("duplicate key `%s` (first at line %d); the first value is used", second.Value, first.Line),
	}, Message{
		VI: "Xóa một trong hai, hoặc gộp chúng lại.",
		EN: "Delete one of the two, or merge them.",
	})
	d.Related = []Related{{Pos: Pos{first.Line, first.Column}, Path: path.String(),
		Message: Message{VI: "lần xuất hiện đầu tiên", EN: "first occurrence"}}}
}

// unknownKey reports E102 and returns the suggested field, if any, among
// the names of the mapping's fields.
func (l *loader) unknownKey(k *yaml.Node, path Path, names []string) (string, bool) {
	help := Message{
		VI: "Các khóa hợp lệ ở đây: " + strings.Join(names, ", ") + ". Ghi chú tự do đặt dưới `notes:` hoặc khóa bắt đầu bằng `x-`.",
		EN: "Valid keys here: " + strings.Join(names, ", ") + ". Free notes go under `notes:` or a key starting with `x-`.",
	}
	msg := Message{
		VI: fmt.Sprintf("khóa `%s` không có trong định dạng kế hoạch", k.Value),
		EN: fmt.Sprintf("unknown key `%s`", k.Value),
	}
	if s, ok := closest(k.Value, names); ok {
		msg.VI += fmt.Sprintf("; có phải ý là `%s`?", s)
		msg.EN += fmt.Sprintf("; did you mean `%s`?", s)
		help = Message{VI: fmt.Sprintf("Sửa thành `%s`.", s), EN: fmt.Sprintf("Write `%s`.", s)}
		l.errAt("E102", k, path.Key(k.Value), msg, help)
		return s, true
	}
	l.errAt("E102", k, path.Key(k.Value), msg, help)
	return "", false
}

// closest returns the candidate nearest to s by edit distance, when it is
// near enough to be a likely typo.
func closest(s string, candidates []string) (string, bool) {
	best, bestD := "", 1<<30
	ls := strings.ToLower(s)
	for _, c := range candidates {
		d := editDistance(ls, c)
		if d < bestD {
			best, bestD = c, d
		}
	}
	limit := max(2, len(best)/3)
	return best, best != "" && bestD <= limit
}

func editDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}

func (l *loader) typeError(n *yaml.Node, path Path, want Message) {
	l.errAt("E103", n, path, Message{
		VI: "cần " + want.VI + ", nhưng gặp " + describe(n).VI,
		EN: "expected " + want.EN + ", found " + describe(n).EN,
	}, Message{})
}

// text reads a text value, normalised to NFC. Numbers are accepted as text
// (a document number may be written 215).
func (l *loader) text(v value) Text {
	n, path := v.node, v.path
	t := Text{Written: true, Pos: Pos{n.Line, n.Column}, Path: path}
	if n.Kind != yaml.ScalarNode || n.Tag == "!!null" {
		if n.Kind == yaml.ScalarNode {
			t.Value = ""
			return t
		}
		l.typeError(n, path, Message{VI: "một văn bản", EN: "text"})
		t.Written = false
		return t
	}
	t.Value = l.nfc(n, path)
	return t
}

// nfc returns the scalar's value in NFC, counting values that were not.
func (l *loader) nfc(n *yaml.Node, path Path) string {
	if isNFC(n.Value) {
		return n.Value
	}
	if l.nfcCount == 0 {
		l.nfcAt, l.nfcPath = n, path
	}
	l.nfcCount++
	return norm.NFC.String(n.Value)
}

// isNFC reports whether s is in NFC, as norm.NFC.IsNormalString does.
// Vietnamese text is ASCII and the letters of stableRune, which is checked
// here without the norm package's tables; anything else is left to it.
func isNFC(s string) bool {
	for i := 0; i < len(s); {
		if s[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if !stableRune(r) {
			return norm.NFC.IsNormalString(s)
		}
		i += size
	}
	return true
}

// stableRune reports whether r is one of the runes that are in NFC on
// their own and never combine with the rune before them (combining class
// 0, a boundary before): Latin-1 and Latin Extended-A and -B (U+00A0 to
// U+024F), Latin Extended Additional (U+1E00 to U+1EFF, the Vietnamese
// letters with two marks) and the dashes and quotation marks of U+2010 to
// U+2027. A text of such runes and ASCII is in NFC (TestStableRune checks
// every one of them against the norm package).
func stableRune(r rune) bool {
	return 0xA0 <= r && r <= 0x24F || 0x1E00 <= r && r <= 0x1EFF || 0x2010 <= r && r <= 0x2027
}

// texts reads a text or a list of texts.
func (l *loader) texts(v value) []Text {
	n, path := v.node, v.path
	if n.Kind == yaml.ScalarNode && n.Tag != "!!null" {
		return []Text{l.text(v)}
	}
	if n.Kind != yaml.SequenceNode {
		if n.Tag == "!!null" {
			return nil
		}
		l.typeError(n, path, Message{VI: "một văn bản hoặc danh sách văn bản", EN: "text or a list of texts"})
		return nil
	}
	out := make([]Text, 0, len(n.Content))
	list := path.String()
	for i, c := range n.Content {
		c = deref(c)
		if c.Kind != yaml.ScalarNode {
			l.typeError(c, Index(list, i), Message{VI: "một văn bản", EN: "text"})
			continue
		}
		out = append(out, l.text(value{node: c, path: Index(list, i)}))
	}
	return out
}

// integer reads a whole number in the spec's [lo, hi].
func (l *loader) integer(val value) Int {
	n, path, lo, hi := val.node, val.path, val.spec.lo, val.spec.hi
	v := Int{Written: true, Pos: Pos{n.Line, n.Column}, Path: path}
	want := func() Message {
		return Message{
			VI: fmt.Sprintf("một số nguyên từ %d đến %d", lo, hi),
			EN: fmt.Sprintf("a whole number from %d to %d", lo, hi),
		}
	}
	if n.Kind != yaml.ScalarNode || n.Tag != "!!int" {
		l.typeError(n, path, want())
		return v
	}
	x, err := strconv.Atoi(n.Value)
	if err != nil || !isDigits(n.Value) {
		l.typeError(n, path, want())
		return v
	}
	v.Value = x
	if x < lo || x > hi {
		w := want()
		l.errAt("E103", n, path, Message{
			VI: fmt.Sprintf("%d nằm ngoài phạm vi: cần %s", x, w.VI),
			EN: fmt.Sprintf("%d is out of range: expected %s", x, w.EN),
		}, Message{})
		return v
	}
	v.Valid = true
	return v
}

func isDigits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// word reads a text that must be one of the spec's words.
func (l *loader) word(v value) Text {
	n, path, words := v.node, v.path, v.spec.words
	t := l.text(v)
	if !t.Written {
		return t
	}
	for _, w := range words {
		if t.Value == w {
			return t
		}
	}
	msg := Message{
		VI: fmt.Sprintf("`%s` không phải giá trị hợp lệ; chọn một trong: %s", t.Value, strings.Join(words, ", ")),
		EN: fmt.Sprintf("`%s` is not a valid value; expected one of: %s", t.Value, strings.Join(words, ", ")),
	}
	help := Message{}
	if s, ok := closest(t.Value, words); ok {
		help = Message{VI: fmt.Sprintf("Sửa thành `%s`.", s), EN: fmt.Sprintf("Write `%s`.", s)}
	}
	l.errAt("E103", n, path, msg, help)
	t.Written = false
	return t
}

// numKind is what a number stands for, which decides its checks.
type numKind int

const (
	amountNum   numKind = iota // money in the plan's unit: W105 applies
	countNum                   // households, jobs: whole numbers
	percentNum                 // 0–100
	quantityNum                // a physical quantity: any non-negative decimal
)

// numberWant says what a number of each kind must be, for messages.
var numberWant = [...]Message{
	amountNum:   {VI: "một số tiền (số thập phân không âm, tối đa 3 chữ số sau dấu chấm)", EN: "an amount (a non-negative decimal, at most 3 decimals)"},
	countNum:    {VI: "một số nguyên không âm", EN: "a non-negative whole number"},
	percentNum:  {VI: "một tỷ lệ phần trăm từ 0 đến 100", EN: "a percent from 0 to 100"},
	quantityNum: {VI: "một số không âm", EN: "a non-negative number"},
}

// number reads a non-negative exact decimal of the spec's kind from the
// scalar's text, never through float64. It reports E103 and E104; the
// caller reports W105 (it knows whether the row would add up) when w105 is
// true.
func (l *loader) number(val value) (v Num, w105 bool) {
	n, path, kind := val.node, val.path, val.spec.num
	v.Written = true
	v.Line, v.Column, v.Path = n.Line, n.Column, path
	want := numberWant[kind]
	if n.Kind != yaml.ScalarNode {
		l.typeError(n, path, want)
		return v, false
	}
	if n.Tag == slipTag {
		return v, false
	}
	if n.Tag != "!!int" && n.Tag != "!!float" {
		if n.Tag == "!!str" && l.vietnamese(n, path, kind) {
			return v, false
		}
		d := l.errAt("E103", n, path, Message{
			VI: "cần " + want.VI + ", nhưng gặp " + describe(n).VI,
			EN: "expected " + want.EN + ", found " + describe(n).EN,
		}, Message{})
		if n.Tag == "!!null" {
			d.Help = Message{VI: "Ghi 0, hoặc xóa khóa này.", EN: "Write 0, or delete the key."}
		} else if a, err := budget.Parse(n.Value); err == nil && n.Style&(yaml.DoubleQuotedStyle|yaml.SingleQuotedStyle) != 0 {
			d.Help = Message{VI: fmt.Sprintf("Bỏ dấu ngoặc kép: %s.", a), EN: fmt.Sprintf("Remove the quotes: %s.", a)}
		}
		return v, false
	}
	a, err := budget.Parse(n.Value)
	if err != nil {
		l.parseError(n, path, err, want)
		return v, false
	}
	v.Value = a
	if i := strings.IndexByte(n.Value, '.'); i >= 0 {
		v.Decimals = len(n.Value) - i - 1
	}
	switch {
	case a < 0 || strings.HasPrefix(n.Value, "-"):
		// -0 too: no document writes it, and it is not plain notation.
		l.errAt("E103", n, path, Message{
			VI: fmt.Sprintf("số âm `%s`: cần %s", n.Value, want.VI),
			EN: fmt.Sprintf("negative number `%s`: expected %s", n.Value, want.EN),
		}, Message{VI: "Bỏ dấu trừ.", EN: "Remove the minus sign."})
		return v, false
	case kind == countNum && !a.IsWhole():
		d := l.errAt("E103", n, path, Message{
			VI: fmt.Sprintf("`%s` không phải số nguyên: cần %s", n.Value, want.VI),
			EN: fmt.Sprintf("`%s` is not a whole number: expected %s", n.Value, want.EN),
		}, Message{})
		if v.Decimals == 3 {
			meant, _ := budget.ParseVietnamese(n.Value)
			d.Help = Message{
				VI: fmt.Sprintf("Trong YAML dấu chấm là dấu thập phân; nếu ý là %s thì viết %s.", meant.Format(true), meant),
				EN: fmt.Sprintf("In YAML the dot is a decimal point; if you meant %s (Vietnamese notation), write %s.", meant.Format(false), meant),
			}
		}
		return v, false
	case kind == percentNum && a > 100*budget.Scale:
		l.errAt("E103", n, path, Message{
			VI: fmt.Sprintf("tỷ lệ %s %% vượt quá 100 %%", a.Format(true)),
			EN: fmt.Sprintf("percent %s is above 100", a.Format(false)),
		}, Message{VI: "Tỷ lệ ghi theo phần trăm: 6.8 nghĩa là 6,8 %.", EN: "Percents are written as in the document: 6.8 means 6.8 %."})
		return v, false
	}
	v.Valid = true
	return v, kind == amountNum && l.millions && v.Decimals == 3
}

func (l *loader) parseError(n *yaml.Node, path Path, err error, want Message) {
	var pe *budget.ParseError
	kind := budget.KindSyntax
	if e, ok := err.(*budget.ParseError); ok {
		pe = e
		kind = pe.Kind
	}
	why := map[budget.ErrorKind]Message{
		budget.KindExponent:   {VI: "ký hiệu lũy thừa (e) không được dùng", EN: "exponent notation is not allowed"},
		budget.KindUnderscore: {VI: "dấu gạch dưới trong số không được dùng", EN: "underscores in numbers are not allowed"},
		budget.KindHex:        {VI: "số thập lục phân không được dùng", EN: "hexadecimal is not allowed"},
		budget.KindOctal:      {VI: "số bát phân không được dùng", EN: "octal is not allowed"},
		budget.KindDecimals:   {VI: "quá 3 chữ số thập phân", EN: "more than 3 decimals"},
		budget.KindOverflow:   {VI: "số quá lớn", EN: "the number is too large"},
		budget.KindSpecial:    {VI: "NaN và vô cực không phải số tiền", EN: "NaN and infinity are not amounts"},
	}[kind]
	if why.IsZero() {
		why = Message{VI: "không đọc được số", EN: "not a number"}
	}
	l.errAt("E103", n, path, Message{
		VI: fmt.Sprintf("`%s`: %s; cần %s", n.Value, why.VI, want.VI),
		EN: fmt.Sprintf("`%s`: %s; expected %s", n.Value, why.EN, want.EN),
	}, Message{
		VI: "Viết số thập phân thường: chữ số, có thể thêm dấu chấm và tối đa 3 chữ số thập phân (ví dụ 3188 hoặc 241.5).",
		EN: "Write a plain decimal: digits, optionally a dot and at most 3 decimals (for example 3188 or 241.5).",
	})
}

// notation is what a number written with separators may mean, for a
// number of one kind: only the readings that exist for that kind.
type notation struct {
	// vi is the Vietnamese reading: dots (or spaces) group thousands, a
	// comma is the decimal mark.
	vi    budget.Amount
	hasVI bool
	// commas is the reading with commas grouping thousands (English
	// notation, or a Vietnamese writer's slip): every group after the
	// first has exactly three digits.
	commas    budget.Amount
	hasCommas bool
	// shape is true when the text is a number in either notation, whether
	// or not a reading fits the kind.
	shape bool
}

// readNotation returns the readings of s as a number of kind. A decimal
// reading (a decimal comma) exists only for a kind that allows decimals:
// `1,430` households is 1430, never 1.43. A percent above 100 is no
// reading either.
func readNotation(s string, kind numKind) notation {
	var n notation
	if a, ok := budget.ParseVietnamese(s); ok {
		n.shape = true
		if (kind != countNum || !strings.Contains(s, ",")) && kind.admits(a) {
			n.vi, n.hasVI = a, true
		}
	}
	if a, ok := commaGrouped(s); ok {
		n.shape = true
		if kind.admits(a) {
			n.commas, n.hasCommas = a, true
		}
	}
	return n
}

// commaGrouped reads s as digits grouped in thousands by commas: a first
// group of one to three digits, then groups of exactly three ("3,188",
// "1,234,567").
func commaGrouped(s string) (budget.Amount, bool) {
	groups := strings.Split(s, ",")
	if len(groups) < 2 || len(groups[0]) > 3 || !isDigits(groups[0]) || (groups[0][0] == '0') {
		return 0, false
	}
	for _, g := range groups[1:] {
		if len(g) != 3 || !isDigits(g) {
			return 0, false
		}
	}
	return budget.ParseVietnamese(strings.Join(groups, "."))
}

// admits reports whether a is a value a number of kind can have, as far
// as a reading of its notation goes: a count is whole, a percent at most
// 100.
func (k numKind) admits(a budget.Amount) bool {
	switch k {
	case countNum:
		return a.IsWhole()
	case percentNum:
		return a <= 100*budget.Scale
	}
	return true
}

// writeWhat says what to write for a number of each kind that has no
// reading of that kind, after "Viết"/"write".
var writeWhat = [...]Message{
	amountNum: {
		VI: "số thập phân thường: chữ số, có thể thêm dấu chấm và tối đa 3 chữ số thập phân (ví dụ 3188 hoặc 241.5)",
		EN: "a plain decimal: digits, optionally a dot and at most 3 decimals (for example 3188 or 241.5)",
	},
	countNum: {
		VI: "một số nguyên không âm, chỉ gồm chữ số (không dấu chấm, dấu phẩy hay dấu cách)",
		EN: "a non-negative whole number in digits only (no dots, commas or spaces)",
	},
	percentNum: {
		VI: "một tỷ lệ từ 0 đến 100, dùng dấu chấm làm dấu thập phân (ví dụ 6.8)",
		EN: "a percent from 0 to 100 with a dot as the decimal mark (for example 6.8)",
	},
	quantityNum: {
		VI: "một số không âm, dùng dấu chấm làm dấu thập phân, không có dấu ngăn cách hàng nghìn",
		EN: "a non-negative number with a dot as the decimal mark and no thousands separators",
	},
}

// wholeNote explains, for a count, why a comma cannot be a decimal mark.
func wholeNote(kind numKind) Message {
	if kind != countNum {
		return Message{}
	}
	return Message{
		VI: "; số hộ, số lao động là số nguyên, nên dấu phẩy không thể là dấu thập phân",
		EN: "; a count of households or jobs is whole, so the comma cannot be a decimal mark",
	}
}

// vietnamese reports E104 when text in a number's place is a number in
// Vietnamese notation (or grouped by commas), and says what it means: only
// the readings that exist for the kind of number.
func (l *loader) vietnamese(n *yaml.Node, path Path, kind numKind) bool {
	s := strings.TrimSpace(n.Value)
	if !strings.ContainsAny(s, ".,  \u202f") {
		return false
	}
	r := readNotation(s, kind)
	if !r.shape {
		return false
	}
	var msg, help Message
	switch {
	case r.hasVI:
		a := r.vi
		msg = Message{
			VI: fmt.Sprintf("`%s` là số viết theo kiểu Việt Nam (dấu chấm ngăn cách hàng nghìn, dấu phẩy là dấu thập phân), tức là %s; YAML cần số viết là %s", n.Value, a.Format(true), a),
			EN: fmt.Sprintf("`%s` is a number in Vietnamese notation (dots group thousands, the comma is the decimal mark), that is %s; YAML needs it written %s", n.Value, a.Format(false), a),
		}
		help = Message{VI: fmt.Sprintf("Viết %s (không ngoặc kép, không dấu ngăn cách hàng nghìn).", a), EN: fmt.Sprintf("Write %s (no quotes, no thousands separators).", a)}
		if r.hasCommas {
			// "3,188": a decimal comma, or an English thousands separator.
			alt := r.commas
			help.VI = fmt.Sprintf("Viết %s nếu ý là %s; viết %s nếu ý là %s.", a, a.Format(true), alt, alt.Format(true))
			help.EN = fmt.Sprintf("Write %s if you meant %s; write %s if you meant %s.", a, a.Format(false), alt, alt.Format(false))
		}
	case r.hasCommas:
		a, why := r.commas, wholeNote(kind)
		msg = Message{
			VI: fmt.Sprintf("`%s` là số có dấu phẩy ngăn cách hàng nghìn, tức là %s; YAML cần số viết là %s", n.Value, a.Format(true), a),
			EN: fmt.Sprintf("`%s` is a number with commas grouping thousands, that is %s; YAML needs it written %s", n.Value, a.Format(false), a),
		}
		help = Message{
			VI: fmt.Sprintf("Viết %s (không ngoặc kép, không dấu ngăn cách hàng nghìn%s).", a, why.VI),
			EN: fmt.Sprintf("Write %s (no quotes, no thousands separators%s).", a, why.EN),
		}
	default:
		want := numberWant[kind]
		msg = Message{
			VI: fmt.Sprintf("`%s` là số viết có dấu ngăn cách, nhưng đọc cách nào cũng không ra %s", n.Value, want.VI),
			EN: fmt.Sprintf("`%s` is a number written with separators, but no reading of it is %s", n.Value, want.EN),
		}
		help = Message{VI: "Viết " + writeWhat[kind].VI + ".", EN: "Write " + writeWhat[kind].EN + "."}
	}
	l.errAt("E104", n, path, msg, help)
	return true
}

// numberKey reports whether the values of key are numbers, where a
// flow-style slip such as `{total: 3,188}` can happen, and of which kind:
// whether key is a number in any mapping of the format (numberKinds).
func numberKey(key string) (numKind, bool) {
	kind, ok := numberKinds[key]
	return kind, ok
}

// Derived from the tables when the package starts. They are set in init,
// not by initializers, because the tables' readers use them: an
// initializer that reads the tables would be an initialization cycle.
var (
	// numberKinds are the keys whose values are numbers in the mappings
	// of the format, with their kind; a key is of one kind wherever it is.
	numberKinds map[string]numKind
	// topRows are the lists of rows that are not inside a list, in the
	// order of the tables (topRowLists).
	topRows []rowPath
)

// rowPath is a list of rows: the keys that lead to it, and their rows' kind.
type rowPath struct {
	keys []string
	path string // the keys, joined by dots
	kind rowKind
}

func init() {
	numberKinds = make(map[string]numKind)
	var numbers func(keys []key)
	numbers = func(keys []key) {
		for _, k := range keys {
			s := &k.spec
			if s.kind == listSpec {
				s = s.items
			}
			switch s.kind {
			case numberSpec, amountOrKindsSpec:
				if k.name == anyKey {
					continue
				}
				if kind, ok := numberKinds[k.name]; ok && kind != s.num {
					panic("plan: key " + k.name + " is a number of two kinds")
				}
				numberKinds[k.name] = s.num
			case objectSpec:
				numbers(s.keys)
			}
		}
	}
	numbers(topSpec.keys)

	var rows func(keys []key, at []string)
	rows = func(keys []key, at []string) {
		for _, k := range keys {
			path := append(at[:len(at):len(at)], k.name)
			switch {
			case k.spec.kind == listSpec && k.spec.rows:
				topRows = append(topRows, rowPath{path, strings.Join(path, "."), k.spec.rowKind})
			case k.spec.kind == objectSpec:
				rows(k.spec.keys, path)
			}
		}
	}
	rows(topSpec.keys, nil)
}

// slipStart reports whether a value can begin a flow-style slip: digits
// (`3,188` read as 3 and a key 188), or digits, a dot and digits
// (`1.999,5` read as 1.999 and a key 5).
func slipStart(v *yaml.Node) bool {
	switch v.Tag {
	case "!!int":
		return isDigits(v.Value)
	case "!!float":
		i, f, ok := strings.Cut(v.Value, ".")
		return ok && isDigits(i) && isDigits(f)
	}
	return false
}

// flowSlips recognises `{total: 3,188, …}`, which YAML reads as `total: 3`
// and a key `188` with no value (and `{other: 1.999,5}`, read as
// `other: 1.999` and a key `5`), and reports it once as E104 at the pair,
// with the readings that exist for the kind of number. It returns the
// indexes of the extra keys, which are not reported again, and marks the
// first group's value so that it takes part in no check.
func (l *loader) flowSlips(m *yaml.Node, path *Mapping) map[int]bool {
	if m.Style&yaml.FlowStyle == 0 {
		return nil
	}
	var skip map[int]bool
	c := m.Content
	for i := 2; i+1 < len(c); i += 2 {
		pk, pv := c[i-2], c[i-1]
		kind, isNumber := numberKey(pk.Value)
		if !isDigits(c[i].Value) || c[i+1].Tag != "!!null" || !isNumber || pv.Kind != yaml.ScalarNode || !slipStart(pv) {
			continue
		}
		groups := []string{pv.Value}
		j := i
		for ; j+1 < len(c) && isDigits(c[j].Value) && c[j+1].Tag == "!!null"; j += 2 {
			groups = append(groups, c[j].Value)
			if skip == nil {
				skip = make(map[int]bool)
			}
			skip[j] = true
		}
		written := strings.Join(groups, ",")
		k := pk.Value
		r := readNotation(written, kind)
		var help Message
		switch {
		case r.hasCommas && r.hasVI:
			meant, asDecimal := r.commas, r.vi
			help = Message{
				VI: fmt.Sprintf("Viết `%s: %s` nếu ý là %s (YAML không dùng dấu ngăn cách hàng nghìn); viết `%s: %s` nếu ý là %s (dấu phẩy thập phân).", k, meant, meant.Format(true), k, asDecimal, asDecimal.Format(true)),
				EN: fmt.Sprintf("Write `%s: %s` if you meant %s (YAML takes no thousands separators); write `%s: %s` if you meant %s (a Vietnamese decimal comma).", k, meant, meant.Format(false), k, asDecimal, asDecimal.Format(false)),
			}
		case r.hasCommas:
			meant, why := r.commas, wholeNote(kind)
			help = Message{
				VI: fmt.Sprintf("Viết `%s: %s` (YAML không dùng dấu ngăn cách hàng nghìn%s).", k, meant, why.VI),
				EN: fmt.Sprintf("Write `%s: %s` (YAML takes no thousands separators%s).", k, meant, why.EN),
			}
		case r.hasVI:
			a, marks := r.vi, Message{VI: "dấu phẩy là dấu thập phân", EN: "the comma is the decimal mark"}
			if strings.Contains(written, ".") {
				marks = Message{VI: "dấu chấm ngăn cách hàng nghìn, dấu phẩy là dấu thập phân", EN: "dots group thousands, the comma is the decimal mark"}
			}
			help = Message{
				VI: fmt.Sprintf("`%s` viết theo kiểu Việt Nam (%s); trong YAML viết `%s: %s`.", written, marks.VI, k, a),
				EN: fmt.Sprintf("In Vietnamese notation (%s) `%s` is %s: write `%s: %s`.", marks.EN, written, a.Format(false), k, a),
			}
		default:
			w := writeWhat[kind]
			help = Message{
				VI: fmt.Sprintf("Đọc cách nào thì `%s` cũng không hợp lệ ở đây: viết %s.", written, w.VI),
				EN: fmt.Sprintf("No reading of `%s` fits here: write %s.", written, w.EN),
			}
		}
		l.errAt("E104", pv, path.Key(k), Message{
			VI: fmt.Sprintf("`%s: %s` trong ngoặc `{…}`: YAML coi dấu phẩy là dấu ngăn cách, nên đọc thành `%s: %s` và khóa `%s`", k, written, k, pv.Value, strings.Join(groups[1:], "`, `")),
			EN: fmt.Sprintf("`%s: %s` inside `{…}`: YAML reads the comma as a separator, giving `%s: %s` and a key `%s`", k, written, k, pv.Value, strings.Join(groups[1:], "`, `")),
		}, help)
		slip := *pv
		slip.Tag = slipTag
		c[i-1] = &slip
		i = j - 2
	}
	return skip
}

// slipTag marks a value already reported by flowSlips.
const slipTag = "!kehoach-slip"
