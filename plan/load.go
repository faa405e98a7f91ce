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
		Line: line, Column: col, Path: path.String(),
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
		Code: "E110", Severity: Error, Line: d.Line, Column: d.Column, Path: d.Path,
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
	doc, ok := decodeInParts(data)
	if !ok {
		if doc = l.decode(data); doc == nil {
			return nil
		}
	}
	if len(doc.Content) == 0 || emptyNode(doc.Content[0]) {
		// Nothing but comments, or a lone `---`: the library places the
		// empty value after the marker, past the end of such a file.
		l.notPlan(1, 1, Message{VI: "tệp trống, không có khóa `kehoach`", EN: "the file is empty, with no `kehoach` key"})
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

// decode decodes data in one piece, with the library's lines turned into
// an editor's. It returns nil after a finding.
func (l *loader) decode(data []byte) *yaml.Node {
	pos := editorPositions(data)
	dec := yaml.NewDecoder(bytes.NewReader(data))
	doc := new(yaml.Node)
	if err := dec.Decode(doc); err != nil {
		if errors.Is(err, io.EOF) {
			l.notPlan(1, 1, Message{VI: "tệp trống, không có khóa `kehoach`", EN: "the file is empty, with no `kehoach` key"})
			return nil
		}
		l.yamlError(err, data, pos)
		return nil
	}
	pos.remap(doc)
	if more, at := moreDocuments(dec); more {
		// At the `---` that starts the second document.
		if at > 0 {
			at, _ = pos.at(at, 1)
		}
		line, col := secondDocumentLine(data, at), 1
		l.add("E109", Error, line, col, Path{}, Message{
			VI: "tệp có hơn một tài liệu YAML (tài liệu thứ hai bắt đầu từ dòng này, sau `---` hoặc `...`); một tệp kế hoạch chỉ chứa một kế hoạch",
			EN: "the file holds more than one YAML document (a second one starts on this line, after `---` or `...`); a plan file holds one plan",
		}, Message{
			VI: "Tách mỗi kế hoạch ra một tệp riêng, hoặc xóa dòng `---` (hay `...`) nếu không cố ý.",
			EN: "Put each plan in a file of its own, or delete the `---` (or `...`) line if it is a slip.",
		})
		return nil
	}
	return doc
}

// positions turns the lines and columns of the YAML library into those an
// editor shows. The library also ends a line at NEL (U+0085), LINE
// SEPARATOR (U+2028) and PARAGRAPH SEPARATOR (U+2029), which text pasted
// from word processors and mis-converted "…" (0x85 in Windows-1252) put in
// a file; editors, like the rest of kehoach, end lines at LF, CRLF and CR
// only. starts holds, for each line of the library (from 1), the editor's
// line and column of its first character; it is nil when the file has no
// such character, and positions are then the same.
type positions struct {
	starts [][2]int
}

// libraryLineBreaks reports whether data holds a line break that only the
// YAML library counts: NEL, U+2028 or U+2029.
func libraryLineBreaks(data []byte) bool {
	return bytes.Contains(data, []byte("\u0085")) || bytes.Contains(data, []byte("\u2028")) || bytes.Contains(data, []byte("\u2029"))
}

// editorPositions indexes data (valid UTF-8) when it holds a line break
// that only the YAML library counts.
func editorPositions(data []byte) positions {
	if !libraryLineBreaks(data) {
		return positions{}
	}
	starts := [][2]int{{1, 1}}
	line, col := 1, 1
	for i := 0; i < len(data); {
		r, size := utf8.DecodeRune(data[i:])
		switch {
		case r == '\n' || (r == '\r' && (i+1 == len(data) || data[i+1] != '\n')):
			line, col = line+1, 1
			starts = append(starts, [2]int{line, col})
		case r == '\r': // the CR of a CRLF
		case r == 0x85 || r == 0x2028 || r == 0x2029:
			// A character on the editor's line, after which the
			// library starts a line.
			col++
			starts = append(starts, [2]int{line, col})
		default:
			col++
		}
		i += size
	}
	return positions{starts}
}

// at returns the editor's line and column of the library's line and
// column.
func (p positions) at(line, col int) (int, int) {
	if p.starts == nil || line < 1 || line > len(p.starts) {
		return line, col
	}
	s := p.starts[line-1]
	return s[0], s[1] + col - 1
}

// remap rewrites the positions of every node of a document. The library
// never puts a node in two lists of Content (an alias is a node of its
// own, pointing at its anchor through Alias), so each is visited once.
func (p positions) remap(doc *yaml.Node) {
	if p.starts == nil {
		return
	}
	var walk func(n *yaml.Node)
	walk = func(n *yaml.Node) {
		n.Line, n.Column = p.at(n.Line, n.Column)
		for _, c := range n.Content {
			walk(c)
		}
	}
	walk(doc)
}

// moreDocuments reports whether the stream holds a second document with
// content, and the line of that content (0 when the second document
// cannot be parsed). A trailing `---` with nothing after it (as some
// editors and generators leave) is an empty document and is accepted.
func moreDocuments(dec *yaml.Decoder) (bool, int) {
	for {
		var doc yaml.Node
		err := dec.Decode(&doc)
		switch {
		case errors.Is(err, io.EOF):
			return false, 0
		case err != nil:
			return true, 0
		}
		if len(doc.Content) == 0 {
			continue
		}
		c := doc.Content[0]
		if emptyNode(c) {
			continue
		}
		return true, c.Line
	}
}

// emptyNode reports whether n is the empty value of a document that holds
// nothing.
func emptyNode(n *yaml.Node) bool {
	return n.Kind == yaml.ScalarNode && n.Tag == "!!null" && n.Value == "" && n.Style == 0 && n.Anchor == ""
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

var lineRE = regexp.MustCompile(`^yaml: line (\d+): (.*)$`)

// yamlError turns a parse error of the YAML library into E101 (or E110 for
// its own nesting and aliasing limits), in plain words.
func (l *loader) yamlError(err error, data []byte, pos positions) {
	msg := err.Error()
	if strings.Contains(msg, "exceeded max depth") {
		l.add("E110", Error, 1, 1, Path{}, Message{
			VI: fmt.Sprintf("lồng nhau quá sâu, vượt giới hạn %d mức", MaxDepth),
			EN: fmt.Sprintf("nesting deeper than the limit of %d levels", MaxDepth),
		}, depthHelp)
		return
	}
	if strings.Contains(msg, "excessive aliasing") {
		l.add("E110", Error, 1, 1, Path{}, Message{
			VI: fmt.Sprintf("bí danh (alias) mở rộng ra quá nhiều nút, vượt giới hạn %s nút", groupVI(MaxNodes)),
			EN: fmt.Sprintf("aliases expand to too many nodes, beyond the limit of %s", groupEN(MaxNodes)),
		}, Message{})
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
	// The library's line starts in the middle of an editor's line when an
	// invisible line break ends the one before it.
	afterBreak := pos.starts != nil && line >= 1 && line <= len(pos.starts) && pos.starts[line-1][1] > 1
	line, _ = pos.at(line, 1)
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
		plain = Message{VI: "dòng thụt lề bằng phím Tab", EN: "the line is indented with a tab"}
		help = Message{
			VI: "YAML chỉ cho phép thụt lề bằng dấu cách: thay Tab bằng dấu cách (trình soạn thảo thường có lệnh \"Convert indentation to spaces\").",
			EN: "YAML allows only spaces for indentation: replace the tab with spaces (editors have \"Convert indentation to spaces\").",
		}
	}
	if i := strings.IndexAny(text, "\u0085\u2028\u2029"); i >= 0 && afterBreak {
		// An invisible line break that YAML reads as the end of the line.
		r, _ := utf8.DecodeRuneInString(text[i:])
		col = utf8.RuneCountInString(text[:i]) + 1
		plain = Message{
			VI: fmt.Sprintf("dòng có ký tự xuống dòng vô hình U+%04X, YAML coi là hết dòng", r),
			EN: fmt.Sprintf("the line holds an invisible line break, U+%04X, where YAML ends the line", r),
		}
		help = Message{
			VI: "Xóa ký tự đó (thường đi kèm văn bản dán từ Word hoặc PDF).",
			EN: "Delete it (it comes with text pasted from a word processor or a PDF).",
		}
	}
	if aliasCol > 0 {
		col = aliasCol
	}
	if line == 0 {
		line = 1
	}
	l.add("E101", Error, line, col, Path{}, Message{
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
	lines := NewLines(data)
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
	lines := NewLines(data)
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

// sourceLine returns line n (from 1) of data, without its line ending.
func sourceLine(data []byte, n int) string {
	s, _ := NewLines(data).Line(n)
	return s
}

// lineCount is the number of lines of data as the YAML library counts
// them: a last line without a line ending counts, an empty file has one.
func lineCount(data []byte) int { return NewLines(data).Count() }

// secondDocumentLine returns the line where the second document starts:
// the last line at or before its content (at, 0 when unknown) that starts a
// document after the first one began, that is a `---` line, or a line of
// content after a `...` that ended the first document. Lines are counted as
// the YAML library counts them (a lone CR ends a line too). A line that
// starts with `---` or `...` followed by a space or its end is always a
// document marker: inside a document such a line is not allowed.
func secondDocumentLine(data []byte, at int) int {
	lines := NewLines(data)
	started, ended, found := false, false, 0
	for i := 1; i <= lines.Count() && (at == 0 || i <= at); i++ {
		text, _ := lines.Line(i)
		trimmed := strings.TrimLeft(text, " \t")
		switch {
		case docMarker(text, "---"):
			if started {
				found = i
				if at == 0 {
					return i
				}
			}
			started, ended = true, false
		case docMarker(text, "..."):
			ended = true
		case trimmed == "" || strings.HasPrefix(trimmed, "#"):
		case strings.HasPrefix(text, "%") && (!started || ended):
			// A directive of the next document.
		case ended:
			found = i
			if at == 0 {
				return i
			}
			started, ended = true, false
		default:
			started = true
		}
	}
	switch {
	case found > 0:
		return found
	case at > 0:
		return at
	}
	return 1
}

// docMarker reports whether a line is the document marker m (`---` or
// `...`): m at the start of the line, followed by a space, a tab or the end.
func docMarker(text, m string) bool {
	rest, ok := strings.CutPrefix(text, m)
	return ok && (rest == "" || rest[0] == ' ' || rest[0] == '\t')
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
			if long == nil && !free && n.Kind == yaml.ScalarNode && len(n.Value) > MaxTextLength && textLength(n.Value) > MaxTextLength {
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
		l.add("E110", Error, long.Line, long.Column, PathOf(pathTo(doc, long)), Message{
			VI: fmt.Sprintf("văn bản dài %s ký tự, vượt giới hạn %s ký tự (một ô Excel chứa tối đa %s ký tự)",
				groupVI(textLength(long.Value)), groupVI(MaxTextLength), groupVI(MaxTextLength)),
			EN: fmt.Sprintf("a text of %s characters, beyond the limit of %s (the most an Excel cell holds)",
				groupEN(textLength(long.Value)), groupEN(MaxTextLength)),
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
	if scanNodes(data, MaxNodes) > MaxNodes {
		l.tooManyNodes()
		return false
	}
	return true
}

// pathTo returns the path of the node target where it is written (not
// through an alias), or "".
func pathTo(doc, target *yaml.Node) string {
	var find func(n *yaml.Node, path string) (string, bool)
	find = func(n *yaml.Node, path string) (string, bool) {
		if n == target {
			return path, true
		}
		switch n.Kind {
		case yaml.DocumentNode:
			for _, c := range n.Content {
				if p, ok := find(c, path); ok {
					return p, true
				}
			}
		case yaml.SequenceNode:
			for i, c := range n.Content {
				if p, ok := find(c, fmt.Sprintf("%s[%d]", path, i)); ok {
					return p, true
				}
			}
		case yaml.MappingNode:
			for i := 0; i+1 < len(n.Content); i += 2 {
				k := n.Content[i]
				kp := k.Value
				if path != "" {
					kp = path + "." + k.Value
				}
				if k == target {
					return kp, true
				}
				if p, ok := find(n.Content[i+1], kp); ok {
					return p, true
				}
			}
		}
		return "", false
	}
	p, _ := find(doc, "")
	return p
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

// textLength is the length of s as spreadsheets count it: UTF-16 code
// units (a letter beyond the Basic Multilingual Plane, such as an emoji,
// is two).
func textLength(s string) int {
	n := 0
	for _, r := range s {
		n++
		if r >= 0x10000 {
			n++
		}
	}
	return n
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
