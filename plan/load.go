package plan

import (
	"bytes"
	"fmt"
	"slices"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/kehoach/kehoach/plan/internal/yamltext"

	"github.com/kehoach/kehoach/budget"
)

// SupportedVersions are the values of the `kehoach` key this build reads.
var supportedVersions = []int{1}

// Load reads a plan file's bytes. It returns the plan as far as it could
// be read and every finding of the E and W1xx rules (the file itself). It
// returns a nil plan when a finding stops the file (E101, E109, E110,
// E111): then nothing else can be trusted.
func Load(name string, data []byte) (*Plan, []Diagnostic) {
	return newLoader(name).load(data)
}

func newLoader(name string) *loader { return &loader{p: &Plan{File: name}} }

func (l *loader) load(data []byte) (*Plan, []Diagnostic) {
	root := l.parse(data)
	if root == nil {
		return nil, l.out
	}
	l.top(root)
	if l.dropped > 0 {
		return nil, l.tooManyFindings()
	}
	if len(l.out) > 0 && stops(l.out) {
		// An unsupported format version (E109) stops the file: the other
		// keys may mean something else in that version, so their findings
		// are not reported.
		return nil, slices.DeleteFunc(l.out, func(d Diagnostic) bool { return !stops([]Diagnostic{d}) })
	}
	l.references()
	l.resolveSources()
	l.nfcFinding()
	if l.dropped > 0 {
		return nil, l.tooManyFindings()
	}
	return l.p, l.out
}

func stops(ds []Diagnostic) bool {
	for _, d := range ds {
		if d.Code.Stops() {
			return true
		}
	}
	return false
}

type loader struct {
	p   *Plan
	out []Diagnostic
	// millions is true when amounts are in million_vnd, where 3.188 is
	// most likely a slip for 3188 (W105).
	millions bool
	// nfcCount counts strings that were not in NFC; nfcAt is the first.
	nfcCount int
	nfcAt    *yaml.Node
	nfcPath  Path
	// notPlanFile is set when the file has no top-level `kehoach` key.
	notPlanFile bool
	// dropped counts the findings beyond MaxFindings, which are not kept;
	// firstDropped is the first of them, and scratch takes what callers
	// write into a finding that is not kept.
	dropped      int
	firstDropped Diagnostic
	scratch      Diagnostic
}

func (l *loader) add(code Code, sev Severity, line, col int, path Path, msg, help Message) *Diagnostic {
	d := Diagnostic{
		Code: code, Severity: sev, Message: msg, Help: help,
		Pos: Pos{line, col}, Path: path.String(),
	}
	if len(l.out) >= MaxFindings {
		if l.dropped == 0 {
			l.firstDropped = d
		}
		l.dropped++
		l.scratch = d
		return &l.scratch
	}
	l.out = append(l.out, d)
	return &l.out[len(l.out)-1]
}

// tooManyFindings returns the first MaxFindings findings and E110 where
// the next one was: the file stops there.
func (l *loader) tooManyFindings() []Diagnostic {
	d := l.firstDropped
	return append(l.out, Diagnostic{
		Code: "E110", Severity: Error, Pos: Pos{d.Line, d.Column}, Path: d.Path,
		Message: Message{
			VI: fmt.Sprintf("tệp có hơn %s phát hiện, vượt giới hạn: chỉ báo %s phát hiện đầu, phần còn lại của tệp không được kiểm tra",
				groupVI(MaxFindings), groupVI(MaxFindings)),
			EN: fmt.Sprintf("the file has more than %s findings, beyond the limit: the first %s are reported, the rest of the file is not checked",
				groupEN(MaxFindings), groupEN(MaxFindings)),
		},
		Help: Message{
			VI: "Lỗi lặp lại ở mọi dòng thường có một nguyên nhân (một khóa viết sai trong mẫu, sai định dạng số): sửa các phát hiện đầu rồi kiểm tra lại.",
			EN: "A slip repeated on every row usually has one cause (a misspelt key in a template, a number format): fix the first findings and validate again.",
		},
	})
}

func (l *loader) errAt(code Code, n *yaml.Node, path Path, msg, help Message) *Diagnostic {
	return l.add(code, Error, n.Line, n.Column, path, msg, help)
}

// parse checks the encoding and the limits and decodes the YAML. It
// returns the top-level mapping, or nil after a finding that stops the
// file.
func (l *loader) parse(data []byte) *yaml.Node {
	if !l.sizeOK(data) {
		return nil
	}
	bom := len(data)
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	bom -= len(data)
	if d, ok := checkEncoding(data, bom); !ok {
		l.out = append(l.out, d)
		return nil
	}
	if !l.prescan(data) {
		return nil
	}
	doc, e := yamltext.Decode(data, MaxDepth)
	if e != nil {
		l.syntaxError(e)
		return nil
	}
	if !l.limits(doc) {
		return nil
	}
	root := doc.Content[0]
	if root.Kind != yaml.MappingNode {
		l.notPlan(root.Line, root.Column, Message{
			VI: "tài liệu không phải một bảng khóa, không có khóa `kehoach`", EN: "the document is not a mapping of keys, with no `kehoach` key",
		})
		return nil
	}
	if !l.rows(root) {
		return nil
	}
	return root
}

// sizeOK enforces MaxFileSize, before anything else is done with data.
func (l *loader) sizeOK(data []byte) bool {
	if len(data) <= MaxFileSize {
		return true
	}
	// A finding about the whole file points at its start: JSON, SARIF
	// and CI annotations count lines and columns from 1.
	l.add("E110", Error, 1, 1, Path{}, Message{
		VI: fmt.Sprintf("tệp lớn %s byte, vượt giới hạn %d MiB", groupVI(len(data)), MaxFileSize>>20),
		EN: fmt.Sprintf("the file is %s bytes, beyond the limit of %d MiB", groupEN(len(data)), MaxFileSize>>20),
	}, Message{
		VI: "Một kế hoạch (kể cả kế hoạch toàn quốc theo xã) nhỏ hơn nhiều; kiểm tra xem có đúng tệp không.",
		EN: "A plan, even a national one by commune, is far smaller; check that this is the right file.",
	})
	return false
}

// notPlan reports a file without the `kehoach` key.
func (l *loader) notPlan(line, col int, why Message) {
	l.notPlanFile = true
	l.add("E109", Error, line, col, Path{}, Message{
		VI: "không phải tệp kế hoạch: " + why.VI,
		EN: "not a plan file: " + why.EN,
	}, Message{
		VI: "Một tệp kế hoạch bắt đầu bằng `kehoach: 1` (phiên bản định dạng); chạy `kehoach init` để tạo khung kế hoạch.",
		EN: "A plan file starts with `kehoach: 1` (the format version); run `kehoach init` for a skeleton.",
	})
}

var depthHelp = Message{
	VI: "Một kế hoạch cần khoảng 8 mức; kiểm tra thụt lề hoặc ngoặc lồng nhau.",
	EN: "A plan needs about 8 levels; check the indentation or nested brackets.",
}

// syntaxError words a text that is not one YAML document: E101, or E109
// (empty, or more than one document), or E110 (the library's own nesting
// and aliasing limits).
func (l *loader) syntaxError(e *yamltext.Error) {
	switch e.Kind {
	case yamltext.Empty:
		l.notPlan(1, 1, Message{VI: "tệp trống, không có khóa `kehoach`", EN: "the file is empty, with no `kehoach` key"})
		return
	case yamltext.MoreDocuments:
		l.add("E109", Error, e.Line, e.Column, Path{}, Message{
			VI: "tệp có hơn một tài liệu YAML (tài liệu thứ hai bắt đầu từ dòng này, sau `---` hoặc `...`); một tệp kế hoạch chỉ chứa một kế hoạch",
			EN: "the file holds more than one YAML document (a second one starts on this line, after `---` or `...`); a plan file holds one plan",
		}, Message{
			VI: "Tách mỗi kế hoạch ra một tệp riêng, hoặc xóa dòng `---` (hay `...`) nếu không cố ý.",
			EN: "Put each plan in a file of its own, or delete the `---` (or `...`) line if it is a slip.",
		})
		return
	case yamltext.TooDeep:
		l.add("E110", Error, 1, 1, Path{}, Message{
			VI: fmt.Sprintf("lồng nhau quá sâu, vượt giới hạn %d mức", MaxDepth),
			EN: fmt.Sprintf("nesting deeper than the limit of %d levels", MaxDepth),
		}, depthHelp)
		return
	case yamltext.TooManyAliases:
		l.add("E110", Error, 1, 1, Path{}, Message{
			VI: fmt.Sprintf("bí danh (alias) mở rộng ra quá nhiều nút, vượt giới hạn %s nút", groupVI(MaxNodes)),
			EN: fmt.Sprintf("aliases expand to too many nodes, beyond the limit of %s", groupEN(MaxNodes)),
		}, Message{})
		return
	}
	plain, help := explainYAML(e.Problem)
	switch e.Kind {
	case yamltext.TabIndent:
		plain = Message{VI: "dòng thụt lề bằng phím Tab", EN: "the line is indented with a tab"}
		help = Message{
			VI: "YAML chỉ cho phép thụt lề bằng dấu cách: thay Tab bằng dấu cách (trình soạn thảo thường có lệnh \"Convert indentation to spaces\").",
			EN: "YAML allows only spaces for indentation: replace the tab with spaces (editors have \"Convert indentation to spaces\").",
		}
	case yamltext.InvisibleBreak:
		// An invisible line break that YAML reads as the end of the line.
		plain = Message{
			VI: fmt.Sprintf("dòng có ký tự xuống dòng vô hình U+%04X, YAML coi là hết dòng", e.Rune),
			EN: fmt.Sprintf("the line holds an invisible line break, U+%04X, where YAML ends the line", e.Rune),
		}
		help = Message{
			VI: "Xóa ký tự đó (thường đi kèm văn bản dán từ Word hoặc PDF).",
			EN: "Delete it (it comes with text pasted from a word processor or a PDF).",
		}
	}
	l.add("E101", Error, e.Line, e.Column, Path{}, Message{
		VI: "không đọc được YAML: " + plain.VI + " (" + e.Problem + ")",
		EN: "not valid YAML: " + plain.EN + " (" + e.Problem + ")",
	}, help)
}

func explainYAML(problem string) (plain, help Message) {
	switch {
	case strings.Contains(problem, "found character that cannot start any token"):
		return Message{VI: "có ký tự YAML không cho phép mở đầu một giá trị (thường là Tab hoặc @, `)", EN: "a character YAML does not allow to start a value (often a tab, @ or `)"},
			Message{VI: "Đặt giá trị trong ngoặc kép, hoặc thay Tab bằng dấu cách.", EN: "Put the value in double quotes, or replace tabs with spaces."}
	case strings.Contains(problem, "mapping values are not allowed"):
		return Message{VI: "có dấu `: ` ở chỗ YAML không chờ đợi", EN: "a `: ` where YAML does not expect one"},
			Message{VI: "Nếu văn bản có chứa \": \", hãy đặt cả văn bản trong ngoặc kép.", EN: "If the text contains \": \", put the whole text in double quotes."}
	case strings.Contains(problem, "did not find expected key"), strings.Contains(problem, "did not find expected '-' indicator"):
		return Message{VI: "thụt lề không thẳng hàng với các khóa phía trên", EN: "the indentation does not line up with the keys above"},
			Message{VI: "Các khóa cùng một khối phải thụt lề đúng bằng nhau.", EN: "Keys of one block must be indented by exactly the same amount."}
	case strings.Contains(problem, "could not find expected ':'"):
		return Message{VI: "một khóa thiếu dấu `:`", EN: "a key without its `:`"},
			Message{VI: "Viết `khóa: giá trị`, có dấu cách sau dấu hai chấm.", EN: "Write `key: value`, with a space after the colon."}
	case strings.Contains(problem, "did not find expected ',' or '}'"), strings.Contains(problem, "did not find expected ',' or ']'"):
		return Message{VI: "ngoặc `{…}` hoặc `[…]` không được đóng đúng", EN: "a `{…}` or `[…]` is not closed properly"},
			Message{VI: "Kiểm tra dấu phẩy và ngoặc đóng; văn bản có dấu phẩy phải đặt trong ngoặc kép.", EN: "Check commas and closing brackets; text containing commas must be quoted."}
	case strings.Contains(problem, "found unexpected end of stream"):
		return Message{VI: "tệp kết thúc khi ngoặc kép hoặc ngoặc chưa đóng", EN: "the file ends inside a quote or bracket"},
			Message{VI: "Đóng ngoặc kép hoặc ngoặc còn mở.", EN: "Close the open quote or bracket."}
	case strings.Contains(problem, "unknown anchor"):
		return Message{VI: "bí danh `*tên` trỏ tới neo `&tên` chưa được định nghĩa", EN: "an alias `*name` refers to an anchor `&name` that is not defined"},
			Message{VI: "Định nghĩa neo `&tên` trước khi dùng `*tên`.", EN: "Define the anchor `&name` before using `*name`."}
	case strings.Contains(problem, "block sequence entries are not allowed"):
		return Message{VI: "mục danh sách `- ` nằm ở chỗ chờ một giá trị", EN: "a list item `- ` where a value was expected"},
			Message{VI: "Xuống dòng trước `- ` và thụt lề danh sách dưới khóa của nó.", EN: "Start the list on a new line, indented under its key."}
	case strings.Contains(problem, "control characters are not allowed"):
		return Message{VI: "tệp có ký tự điều khiển", EN: "the file contains control characters"},
			Message{VI: "Lưu lại tệp dưới dạng văn bản thuần UTF-8.", EN: "Save the file again as plain UTF-8 text."}
	}
	return Message{VI: "cú pháp không hợp lệ", EN: "invalid syntax"}, Message{}
}

// limits enforces MaxDepth, MaxNodes and MaxTextLength on the tree as
// aliases expand it. Counting is memoised per anchored node, so it is
// linear in the file even for an alias bomb.
func (l *loader) limits(doc *yaml.Node) bool {
	type info struct{ nodes, depth int }
	// An anchored node is counted once for each of the two contexts it
	// can be reached in: free text (under `notes` or an `x-` key, which
	// has no length limit) or not.
	type key struct {
		n    *yaml.Node
		free bool
	}
	memo := make(map[key]info)
	var long *yaml.Node // the first text beyond MaxTextLength
	var walk func(n *yaml.Node, depth int, free bool) info
	walk = func(n *yaml.Node, depth int, free bool) info {
		if n.Kind == yaml.AliasNode && n.Alias != nil {
			n = n.Alias
		}
		if len(n.Content) == 0 {
			if long == nil && !free && n.Kind == yaml.ScalarNode && len(n.Value) > MaxTextLength && yamltext.TextLength(n.Value) > MaxTextLength {
				long = n
			}
			return info{1, 0}
		}
		// Only anchored nodes can be reached twice (through aliases), so
		// only they are memoised; the rest are walked once.
		if n.Anchor != "" {
			if in, ok := memo[key{n, free}]; ok {
				return in
			}
		}
		if depth > MaxDepth+1 {
			return info{1, MaxDepth + 2}
		}
		in := info{nodes: 1}
		for i, c := range n.Content {
			cfree := free
			if n.Kind == yaml.MappingNode && i%2 == 1 && depth > 0 {
				k := n.Content[i-1]
				cfree = free || k.Value == "notes" || strings.HasPrefix(k.Value, "x-")
			}
			ci := walk(c, depth+1, cfree)
			in.nodes += ci.nodes
			if in.nodes > MaxNodes {
				in.nodes = MaxNodes + 1
			}
			in.depth = max(in.depth, ci.depth+1)
		}
		if n.Anchor != "" {
			memo[key{n, free}] = in
		}
		return in
	}
	in := walk(doc, 0, false)
	// The document node and the top-level mapping are not nesting levels
	// a user sees; count from the top-level keys' values.
	if in.depth-1 > MaxDepth {
		l.add("E110", Error, 1, 1, Path{}, Message{
			VI: fmt.Sprintf("lồng nhau quá sâu, vượt giới hạn %d mức", MaxDepth),
			EN: fmt.Sprintf("nesting deeper than the limit of %d levels", MaxDepth),
		}, depthHelp)
		return false
	}
	if in.nodes > MaxNodes {
		l.tooManyNodes()
		return false
	}
	if long != nil {
		l.add("E110", Error, long.Line, long.Column, PathOf(yamltext.PathTo(doc, long)), Message{
			VI: fmt.Sprintf("văn bản dài %s ký tự, vượt giới hạn %s ký tự (một ô Excel chứa tối đa %s ký tự)",
				groupVI(yamltext.TextLength(long.Value)), groupVI(MaxTextLength), groupVI(MaxTextLength)),
			EN: fmt.Sprintf("a text of %s characters, beyond the limit of %s (the most an Excel cell holds)",
				groupEN(yamltext.TextLength(long.Value)), groupEN(MaxTextLength)),
		}, Message{
			VI: "Rút gọn văn bản; văn bản dài (không xuất ra phụ lục) đặt dưới `notes:` hoặc khóa bắt đầu bằng `x-`.",
			EN: "Shorten the text; long free text (not exported) goes under `notes:` or a key starting with `x-`.",
		})
		return false
	}
	return true
}

// prescan refuses a file whose text holds more than MaxNodes nodes before
// the YAML library builds its tree, which takes about 200 bytes a node.
func (l *loader) prescan(data []byte) bool {
	if yamltext.CountNodes(data, MaxNodes) > MaxNodes {
		l.tooManyNodes()
		return false
	}
	return true
}

// tooManyNodes reports a file beyond MaxNodes.
func (l *loader) tooManyNodes() {
	l.add("E110", Error, 1, 1, Path{}, Message{
		VI: fmt.Sprintf("tệp có hơn %s nút YAML sau khi mở rộng bí danh (alias), vượt giới hạn", groupVI(MaxNodes)),
		EN: fmt.Sprintf("the file holds more than %s YAML nodes once aliases are expanded, beyond the limit", groupEN(MaxNodes)),
	}, Message{
		VI: "Một kế hoạch 64 MiB có khoảng 5 triệu nút; bí danh lồng nhau nhân số nút lên rất nhanh.",
		EN: "A 64 MiB plan holds about 5 million nodes; nested aliases multiply them very fast.",
	})
}

// rowKind is what the items of a list are, for counting rows.
type rowKind int

const (
	plainRows      rowKind = iota // communes, targets, activities
	projectRows                   // projects: their activities and sub-projects too
	subprojectRows                // sub-projects: their activities too
)

// rowCounter counts the rows of the appendices in the tree, following
// aliases; each anchored node is counted once, so the count is linear in
// the file even when aliases repeat lists many times.
type rowCounter struct {
	memo map[rowKey]int
}

type rowKey struct {
	n     *yaml.Node
	kind  rowKind
	entry bool
}

// list returns the rows of a list of the kind: its items, and the rows of
// each item's own lists. It stops counting past MaxRows.
func (rc *rowCounter) list(n *yaml.Node, kind rowKind) int {
	if n == nil {
		return 0
	}
	n = aliased(n)
	if n.Kind != yaml.SequenceNode {
		return 0
	}
	if c, ok := rc.memo[rowKey{n, kind, false}]; ok {
		return c
	}
	c := 0
	for _, it := range n.Content {
		c = min(c+rc.item(it, kind), MaxRows+1)
	}
	if n.Anchor != "" {
		rc.memo[rowKey{n, kind, false}] = c
	}
	return c
}

// item returns the rows of one item: itself and its lists' rows.
func (rc *rowCounter) item(n *yaml.Node, kind rowKind) int {
	m := aliased(n)
	if kind == plainRows || m.Kind != yaml.MappingNode {
		return 1
	}
	if c, ok := rc.memo[rowKey{m, kind, true}]; ok {
		return c
	}
	c := 1 + rc.list(valueOf(m, "activities"), plainRows)
	if kind == projectRows {
		c += rc.list(valueOf(m, "subprojects"), subprojectRows)
	}
	c = min(c, MaxRows+1)
	if m.Anchor != "" {
		rc.memo[rowKey{m, kind, true}] = c
	}
	return c
}

// aliased returns the node an alias stands for (the same pointer each
// time, unlike deref, so that it can be memoised), or n itself.
func aliased(n *yaml.Node) *yaml.Node {
	for n.Kind == yaml.AliasNode && n.Alias != nil {
		n = n.Alias
	}
	return n
}

// valueOf returns the value of a key of a mapping, or nil.
func valueOf(m *yaml.Node, key string) *yaml.Node {
	if m == nil || m.Kind != yaml.MappingNode {
		return nil
	}
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == key {
			return m.Content[i+1]
		}
	}
	return nil
}

// rowList is a top-level list of rows.
type rowList struct {
	value *yaml.Node
	path  string
	kind  rowKind
}

// topRowLists returns the lists of rows of a plan that are not inside a
// list (topRows: the tables' lists of rows), in the order of the tables.
func topRowLists(root *yaml.Node) []rowList {
	out := make([]rowList, len(topRows))
	for i, rp := range topRows {
		m := root
		for _, k := range rp.keys[:len(rp.keys)-1] {
			if m = valueOf(m, k); m != nil {
				m = aliased(m)
			}
		}
		out[i] = rowList{valueOf(m, rp.keys[len(rp.keys)-1]), rp.path, rp.kind}
	}
	return out
}

// rows enforces MaxRows before the plan is read from the tree (reading a
// million activities takes seconds): it reports the row, or the alias
// that repeats it, where the count passes the limit.
func (l *loader) rows(root *yaml.Node) bool {
	rc := &rowCounter{memo: make(map[rowKey]int)}
	total := 0
	for _, rl := range topRowLists(root) {
		total = min(total+rc.list(rl.value, rl.kind), MaxRows+1)
	}
	if total <= MaxRows {
		return true
	}
	// Find where the count passes the limit: at an alias that brings in
	// a list or an item, else at the item itself.
	at, path := root, ""
	seen := 0
	var find func(n *yaml.Node, path string, kind rowKind) bool
	find = func(n *yaml.Node, p string, kind rowKind) bool {
		if n == nil {
			return false
		}
		if c := rc.list(n, kind); seen+c <= MaxRows {
			seen += c
			return false
		}
		if n.Kind == yaml.AliasNode {
			at, path = n, p
			return true
		}
		list := aliased(n)
		for i, it := range list.Content {
			ip := fmt.Sprintf("%s[%d]", p, i)
			c := rc.item(it, kind)
			if seen+c <= MaxRows {
				seen += c
				continue
			}
			if it.Kind == yaml.AliasNode || seen+1 > MaxRows {
				at, path = it, ip
				return true
			}
			seen++
			m := aliased(it)
			if find(valueOf(m, "activities"), ip+".activities", plainRows) {
				return true
			}
			if kind == projectRows && find(valueOf(m, "subprojects"), ip+".subprojects", subprojectRows) {
				return true
			}
			at, path = it, ip // not reached: the item's rows pass the limit
			return true
		}
		return false
	}
	for _, rl := range topRowLists(root) {
		if find(rl.value, rl.path, rl.kind) {
			break
		}
	}
	l.add("E110", Error, at.Line, at.Column, PathOf(path), Message{
		VI: fmt.Sprintf("kế hoạch có hơn %s dòng (xã, chỉ tiêu, chỉ tiêu theo xã, dự án, tiểu dự án, hoạt động), vượt giới hạn; một trang tính Excel chứa tối đa %s dòng",
			groupVI(MaxRows), groupVI(1<<20)),
		EN: fmt.Sprintf("the plan has more than %s rows (communes, indicators, commune targets, projects, sub-projects, activities), beyond the limit; an Excel sheet holds at most %s rows",
			groupEN(MaxRows), groupEN(1<<20)),
	}, Message{
		VI: "Kế hoạch toàn quốc theo xã có khoảng 85.000 dòng; kiểm tra xem danh sách có bị lặp (bí danh, sao chép) không.",
		EN: "The national plan by commune has about 85,000 rows; check whether a list is repeated (aliases, copies).",
	})
	return false
}

func groupVI(n int) string { return budget.Amount(int64(n) * budget.Scale).Format(true) }
func groupEN(n int) string { return budget.Amount(int64(n) * budget.Scale).Format(false) }
