package plan

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"

	"github.com/kehoach/kehoach/budget"
	"github.com/kehoach/kehoach/diag"
)

// SupportedVersions are the values of the `kehoach` key this build reads.
var supportedVersions = []int{1}

// Load reads a plan file's bytes. It returns the plan as far as it could
// be read and every finding of the E and W1xx rules (the file itself). It
// returns a nil plan when a finding stops the file (E101, E109, E110,
// E111): then nothing else can be trusted.
func Load(name string, data []byte) (*Plan, []diag.Diagnostic) {
	return newLoader(name).load(data)
}

func newLoader(name string) *loader { return &loader{p: &Plan{File: name}} }

func (l *loader) load(data []byte) (*Plan, []diag.Diagnostic) {
	root := l.parse(data)
	if root == nil {
		return nil, l.out
	}
	l.top(root)
	if len(l.out) > 0 && stops(l.out) {
		// An unsupported format version (E109) stops the file: the other
		// keys may mean something else in that version, so their findings
		// are not reported.
		return nil, slices.DeleteFunc(l.out, func(d diag.Diagnostic) bool { return !stops([]diag.Diagnostic{d}) })
	}
	l.references()
	l.nfcFinding()
	return l.p, l.out
}

func stops(ds []diag.Diagnostic) bool {
	for _, d := range ds {
		switch d.Code {
		case "E101", "E109", "E110", "E111":
			return true
		}
	}
	return false
}

type loader struct {
	p   *Plan
	out []diag.Diagnostic
	// millions is true when amounts are in million_vnd, where 3.188 is
	// most likely a slip for 3188 (W105).
	millions bool
	// nfcCount counts strings that were not in NFC; nfcAt is the first.
	nfcCount int
	nfcAt    *yaml.Node
	nfcPath  string
	// notPlanFile is set when the file has no top-level `kehoach` key.
	notPlanFile bool
}

func (l *loader) add(code string, sev diag.Severity, line, col int, path string, msg, help diag.Text) *diag.Diagnostic {
	l.out = append(l.out, diag.Diagnostic{
		Code: code, Severity: sev, Message: msg, Help: help,
		Line: line, Column: col, Path: path,
	})
	return &l.out[len(l.out)-1]
}

func (l *loader) errAt(code string, n *yaml.Node, path string, msg, help diag.Text) *diag.Diagnostic {
	return l.add(code, diag.Error, n.Line, n.Column, path, msg, help)
}

// parse checks the encoding and the limits and decodes the YAML. It
// returns the top-level mapping, or nil after a finding that stops the
// file.
func (l *loader) parse(data []byte) *yaml.Node {
	if len(data) > MaxFileSize {
		// A finding about the whole file points at its start: JSON, SARIF
		// and CI annotations count lines and columns from 1.
		l.add("E110", diag.Error, 1, 1, "", diag.Text{
			VI: fmt.Sprintf("tệp lớn %s byte, vượt giới hạn %d MiB", groupVI(len(data)), MaxFileSize>>20),
			EN: fmt.Sprintf("the file is %s bytes, beyond the limit of %d MiB", groupEN(len(data)), MaxFileSize>>20),
		}, diag.Text{
			VI: "Một kế hoạch (kể cả kế hoạch toàn quốc theo xã) nhỏ hơn nhiều; kiểm tra xem có đúng tệp không.",
			EN: "A plan, even a national one by commune, is far smaller; check that this is the right file.",
		})
		return nil
	}
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	if d, ok := checkEncoding(data); !ok {
		l.out = append(l.out, d)
		return nil
	}
	dec := yaml.NewDecoder(bytes.NewReader(data))
	var doc yaml.Node
	if err := dec.Decode(&doc); err != nil {
		if errors.Is(err, io.EOF) {
			l.notPlan(1, 1, diag.Text{VI: "tệp trống, không có khóa `kehoach`", EN: "the file is empty, with no `kehoach` key"})
			return nil
		}
		l.yamlError(err, data)
		return nil
	}
	if moreDocuments(dec) {
		// At the `---` that starts the second document.
		line, col := secondDocumentLine(data), 1
		l.add("E109", diag.Error, line, col, "", diag.Text{
			VI: "tệp có hơn một tài liệu YAML (dòng `---` mở tài liệu thứ hai); một tệp kế hoạch chỉ chứa một kế hoạch",
			EN: "the file holds more than one YAML document (a `---` line starts a second one); a plan file holds one plan",
		}, diag.Text{
			VI: "Tách mỗi kế hoạch ra một tệp riêng, hoặc xóa dòng `---` nếu không cố ý.",
			EN: "Put each plan in a file of its own, or delete the `---` line if it is a slip.",
		})
		return nil
	}
	if len(doc.Content) == 0 {
		l.notPlan(1, 1, diag.Text{VI: "tệp trống, không có khóa `kehoach`", EN: "the file is empty, with no `kehoach` key"})
		return nil
	}
	if !l.limits(&doc) {
		return nil
	}
	root := doc.Content[0]
	if root.Kind != yaml.MappingNode {
		l.notPlan(root.Line, root.Column, diag.Text{
			VI: "tài liệu không phải một bảng khóa, không có khóa `kehoach`", EN: "the document is not a mapping of keys, with no `kehoach` key",
		})
		return nil
	}
	return root
}

// moreDocuments reports whether the stream holds a second document with
// content. A trailing `---` with nothing after it (as
// some editors and generators leave) is an empty document and is accepted.
func moreDocuments(dec *yaml.Decoder) bool {
	for {
		var doc yaml.Node
		err := dec.Decode(&doc)
		switch {
		case errors.Is(err, io.EOF):
			return false
		case err != nil:
			return true
		}
		if len(doc.Content) == 0 {
			continue
		}
		if c := doc.Content[0]; c.Kind == yaml.ScalarNode && c.Tag == "!!null" && c.Value == "" {
			continue
		}
		return true
	}
}

// notPlan reports a file without the `kehoach` key.
func (l *loader) notPlan(line, col int, why diag.Text) {
	l.notPlanFile = true
	l.add("E109", diag.Error, line, col, "", diag.Text{
		VI: "không phải tệp kế hoạch: " + why.VI,
		EN: "not a plan file: " + why.EN,
	}, diag.Text{
		VI: "Một tệp kế hoạch bắt đầu bằng `kehoach: 1` (phiên bản định dạng); chạy `kehoach init` để tạo khung kế hoạch.",
		EN: "A plan file starts with `kehoach: 1` (the format version); run `kehoach init` for a skeleton.",
	})
}

var depthHelp = diag.Text{
	VI: "Một kế hoạch cần khoảng 8 mức; kiểm tra thụt lề hoặc ngoặc lồng nhau.",
	EN: "A plan needs about 8 levels; check the indentation or nested brackets.",
}

var lineRE = regexp.MustCompile(`^yaml: line (\d+): (.*)$`)

// yamlError turns a parse error of the YAML library into E101 (or E110 for
// its own nesting and aliasing limits), in plain words.
func (l *loader) yamlError(err error, data []byte) {
	msg := err.Error()
	if strings.Contains(msg, "exceeded max depth") {
		l.add("E110", diag.Error, 1, 1, "", diag.Text{
			VI: fmt.Sprintf("lồng nhau quá sâu, vượt giới hạn %d mức", MaxDepth),
			EN: fmt.Sprintf("nesting deeper than the limit of %d levels", MaxDepth),
		}, depthHelp)
		return
	}
	if strings.Contains(msg, "excessive aliasing") {
		l.add("E110", diag.Error, 1, 1, "", diag.Text{
			VI: fmt.Sprintf("bí danh (alias) mở rộng ra quá nhiều nút, vượt giới hạn %s nút", groupVI(MaxNodes)),
			EN: fmt.Sprintf("aliases expand to too many nodes, beyond the limit of %s", groupEN(MaxNodes)),
		}, diag.Text{})
		return
	}
	line, problem := 0, strings.TrimPrefix(msg, "yaml: ")
	if m := lineRE.FindStringSubmatch(msg); m != nil {
		line, _ = strconv.Atoi(m[1])
		problem = m[2]
	}
	// go.yaml.in/yaml/v3 prints the line of a parser error counted from 0
	// (of a scanner error from 1): "did not find expected ',' or '}'" on
	// the line of an unclosed `{` says the line above it.
	if parserProblem(problem) {
		line++
	}
	// A tab that breaks the indentation is found while the scanner is
	// still on the value above it: the line the parser gives is that
	// value's; the tab is on a later line.
	if strings.Contains(problem, "tab character") {
		if n := tabIndentedLine(data, max(line, 1)); n > 0 {
			line = n
		}
	}
	// The composer names an unknown anchor without a line: find its alias.
	aliasCol := 0
	if m := unknownAnchorRE.FindStringSubmatch(problem); m != nil {
		line, aliasCol = findAlias(data, m[1])
	}
	// At the end of the stream the library's line can be one past the
	// last line: point at the last line, where the problem is.
	if n := lineCount(data); line > n {
		line = n
	}
	text := sourceLine(data, line)
	col := 1
	if i := strings.IndexFunc(text, func(r rune) bool { return r != ' ' }); i >= 0 {
		col = utf8.RuneCountInString(text[:i]) + 1
	}
	plain, help := explainYAML(problem)
	if i := strings.IndexByte(text, '\t'); i >= 0 && strings.TrimLeft(text[:i], " ") == "" {
		col = utf8.RuneCountInString(text[:i]) + 1
		plain = diag.Text{VI: "dòng thụt lề bằng phím Tab", EN: "the line is indented with a tab"}
		help = diag.Text{
			VI: "YAML chỉ cho phép thụt lề bằng dấu cách: thay Tab bằng dấu cách (trình soạn thảo thường có lệnh \"Convert indentation to spaces\").",
			EN: "YAML allows only spaces for indentation: replace the tab with spaces (editors have \"Convert indentation to spaces\").",
		}
	}
	if aliasCol > 0 {
		col = aliasCol
	}
	if line == 0 {
		line = 1
	}
	l.add("E101", diag.Error, line, col, "", diag.Text{
		VI: "không đọc được YAML: " + plain.VI + " (" + problem + ")",
		EN: "not valid YAML: " + plain.EN + " (" + problem + ")",
	}, help)
}

// parserProblem reports whether a problem is one of the parser's (not the
// scanner's), whose line go.yaml.in/yaml/v3 prints counted from 0.
func parserProblem(problem string) bool {
	for _, p := range []string{
		"did not find expected key",
		"did not find expected '-' indicator",
		"did not find expected ',' or '}'",
		"did not find expected ',' or ']'",
		"did not find expected node content",
		"did not find expected <document start>",
		"did not find expected <stream-start>",
		"found undefined tag handle",
		"found duplicate %YAML directive",
		"found incompatible YAML document",
	} {
		if strings.HasPrefix(problem, p) {
			return true
		}
	}
	return false
}

// tabIndentedLine returns the first line from line n on whose indentation
// holds a tab, or 0.
func tabIndentedLine(data []byte, n int) int {
	lines := diag.NewLines(data)
	for i := n; ; i++ {
		text, ok := lines.Line(i)
		if !ok {
			return 0
		}
		if j := strings.IndexByte(text, '\t'); j >= 0 && strings.TrimLeft(text[:j], " ") == "" {
			return i
		}
	}
}

var unknownAnchorRE = regexp.MustCompile(`^unknown anchor '(.*)' referenced$`)

// findAlias returns the line and column of the first alias `*name`, or 0, 0.
func findAlias(data []byte, name string) (line, col int) {
	lines := diag.NewLines(data)
	for i := 1; ; i++ {
		text, ok := lines.Line(i)
		if !ok {
			return 0, 0
		}
		for j := 0; j < len(text); {
			k := strings.Index(text[j:], "*"+name)
			if k < 0 {
				break
			}
			k += j
			end := k + 1 + len(name)
			if end == len(text) || strings.IndexByte(" \t,]}#", text[end]) >= 0 {
				return i, utf8.RuneCountInString(text[:k]) + 1
			}
			j = k + 1
		}
	}
}

func explainYAML(problem string) (plain, help diag.Text) {
	switch {
	case strings.Contains(problem, "found character that cannot start any token"):
		return diag.Text{VI: "có ký tự YAML không cho phép mở đầu một giá trị (thường là Tab hoặc @, `)", EN: "a character YAML does not allow to start a value (often a tab, @ or `)"},
			diag.Text{VI: "Đặt giá trị trong ngoặc kép, hoặc thay Tab bằng dấu cách.", EN: "Put the value in double quotes, or replace tabs with spaces."}
	case strings.Contains(problem, "mapping values are not allowed"):
		return diag.Text{VI: "có dấu `: ` ở chỗ YAML không chờ đợi", EN: "a `: ` where YAML does not expect one"},
			diag.Text{VI: "Nếu văn bản có chứa \": \", hãy đặt cả văn bản trong ngoặc kép.", EN: "If the text contains \": \", put the whole text in double quotes."}
	case strings.Contains(problem, "did not find expected key"), strings.Contains(problem, "did not find expected '-' indicator"):
		return diag.Text{VI: "thụt lề không thẳng hàng với các khóa phía trên", EN: "the indentation does not line up with the keys above"},
			diag.Text{VI: "Các khóa cùng một khối phải thụt lề đúng bằng nhau.", EN: "Keys of one block must be indented by exactly the same amount."}
	case strings.Contains(problem, "could not find expected ':'"):
		return diag.Text{VI: "một khóa thiếu dấu `:`", EN: "a key without its `:`"},
			diag.Text{VI: "Viết `khóa: giá trị`, có dấu cách sau dấu hai chấm.", EN: "Write `key: value`, with a space after the colon."}
	case strings.Contains(problem, "did not find expected ',' or '}'"), strings.Contains(problem, "did not find expected ',' or ']'"):
		return diag.Text{VI: "ngoặc `{…}` hoặc `[…]` không được đóng đúng", EN: "a `{…}` or `[…]` is not closed properly"},
			diag.Text{VI: "Kiểm tra dấu phẩy và ngoặc đóng; văn bản có dấu phẩy phải đặt trong ngoặc kép.", EN: "Check commas and closing brackets; text containing commas must be quoted."}
	case strings.Contains(problem, "found unexpected end of stream"):
		return diag.Text{VI: "tệp kết thúc khi ngoặc kép hoặc ngoặc chưa đóng", EN: "the file ends inside a quote or bracket"},
			diag.Text{VI: "Đóng ngoặc kép hoặc ngoặc còn mở.", EN: "Close the open quote or bracket."}
	case strings.Contains(problem, "unknown anchor"):
		return diag.Text{VI: "bí danh `*tên` trỏ tới neo `&tên` chưa được định nghĩa", EN: "an alias `*name` refers to an anchor `&name` that is not defined"},
			diag.Text{VI: "Định nghĩa neo `&tên` trước khi dùng `*tên`.", EN: "Define the anchor `&name` before using `*name`."}
	case strings.Contains(problem, "block sequence entries are not allowed"):
		return diag.Text{VI: "mục danh sách `- ` nằm ở chỗ chờ một giá trị", EN: "a list item `- ` where a value was expected"},
			diag.Text{VI: "Xuống dòng trước `- ` và thụt lề danh sách dưới khóa của nó.", EN: "Start the list on a new line, indented under its key."}
	case strings.Contains(problem, "control characters are not allowed"):
		return diag.Text{VI: "tệp có ký tự điều khiển", EN: "the file contains control characters"},
			diag.Text{VI: "Lưu lại tệp dưới dạng văn bản thuần UTF-8.", EN: "Save the file again as plain UTF-8 text."}
	}
	return diag.Text{VI: "cú pháp không hợp lệ", EN: "invalid syntax"}, diag.Text{}
}

// sourceLine returns line n (from 1) of data, without its line ending.
func sourceLine(data []byte, n int) string {
	s, _ := diag.NewLines(data).Line(n)
	return s
}

// lineCount is the number of lines of data as the YAML library counts
// them: a last line without a line ending counts, an empty file has one.
func lineCount(data []byte) int { return diag.NewLines(data).Count() }

func secondDocumentLine(data []byte) int {
	line := 1
	for i := 0; i < len(data); {
		j := bytes.IndexByte(data[i:], '\n')
		end := len(data)
		if j >= 0 {
			end = i + j
		}
		if line > 1 && bytes.HasPrefix(data[i:end], []byte("---")) {
			return line
		}
		if j < 0 {
			break
		}
		i = end + 1
		line++
	}
	return 1
}

// limits enforces MaxDepth and MaxNodes on the tree as aliases expand it.
// Counting is memoised per anchored node, so it is linear in the file
// even for an alias bomb.
func (l *loader) limits(doc *yaml.Node) bool {
	type info struct{ nodes, depth int }
	memo := make(map[*yaml.Node]info)
	var walk func(n *yaml.Node, depth int) info
	walk = func(n *yaml.Node, depth int) info {
		if n.Kind == yaml.AliasNode && n.Alias != nil {
			n = n.Alias
		}
		if len(n.Content) == 0 {
			return info{1, 0}
		}
		// Only anchored nodes can be reached twice (through aliases), so
		// only they are memoised; the rest are walked once.
		if n.Anchor != "" {
			if in, ok := memo[n]; ok {
				return in
			}
		}
		if depth > MaxDepth+1 {
			return info{1, MaxDepth + 2}
		}
		in := info{nodes: 1}
		for _, c := range n.Content {
			ci := walk(c, depth+1)
			in.nodes += ci.nodes
			if in.nodes > MaxNodes {
				in.nodes = MaxNodes + 1
			}
			in.depth = max(in.depth, ci.depth+1)
		}
		if n.Anchor != "" {
			memo[n] = in
		}
		return in
	}
	in := walk(doc, 0)
	// The document node and the top-level mapping are not nesting levels
	// a user sees; count from the top-level keys' values.
	if in.depth-1 > MaxDepth {
		l.add("E110", diag.Error, 1, 1, "", diag.Text{
			VI: fmt.Sprintf("lồng nhau quá sâu, vượt giới hạn %d mức", MaxDepth),
			EN: fmt.Sprintf("nesting deeper than the limit of %d levels", MaxDepth),
		}, depthHelp)
		return false
	}
	if in.nodes > MaxNodes {
		l.add("E110", diag.Error, 1, 1, "", diag.Text{
			VI: fmt.Sprintf("tệp có hơn %s nút YAML sau khi mở rộng bí danh (alias), vượt giới hạn", groupVI(MaxNodes)),
			EN: fmt.Sprintf("the file holds more than %s YAML nodes once aliases are expanded, beyond the limit", groupEN(MaxNodes)),
		}, diag.Text{
			VI: "Một kế hoạch 64 MiB có khoảng 5 triệu nút; bí danh lồng nhau nhân số nút lên rất nhanh.",
			EN: "A 64 MiB plan holds about 5 million nodes; nested aliases multiply them very fast.",
		})
		return false
	}
	return true
}

func groupVI(n int) string { return budget.Amount(int64(n) * budget.Scale).Format(true) }
func groupEN(n int) string { return budget.Amount(int64(n) * budget.Scale).Format(false) }
