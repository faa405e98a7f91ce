package yamltext

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

// Kind is what kind of problem kept a text from being one YAML document.
type Kind int

const (
	// Syntax is a text the YAML library refuses; Problem says why in its
	// words.
	Syntax Kind = iota
	// TabIndent is a line indented with a tab, at the tab.
	TabIndent
	// InvisibleBreak is a line break only YAML counts (NEL, U+2028,
	// U+2029), at that character; Rune is which.
	InvisibleBreak
	// Empty is a text of nothing but comments, or a lone `---`.
	Empty
	// MoreDocuments is a second document, starting at Line.
	MoreDocuments
	// TooDeep is nesting beyond the library's own limit.
	TooDeep
	// TooManyAliases is aliases expanding beyond the library's own limit.
	TooManyAliases
)

// Error is why a text is not one YAML document, at the line and column an
// editor shows (from 1; column in characters). The caller words it for
// users: this package knows YAML, not plans.
type Error struct {
	Kind         Kind
	Line, Column int
	// Problem is the library's own words, without "yaml: line N:".
	Problem string
	// Rune is the invisible line break of InvisibleBreak.
	Rune rune
}

func (e *Error) Error() string { return fmt.Sprintf("%d:%d: %s", e.Line, e.Column, e.Problem) }

// Decode decodes data (valid UTF-8, without a byte order mark) as one YAML
// document, with every node at the line and column an editor shows (see
// positions). A large text is decoded in parts on every core (see
// decodeInParts); maxDepth is the caller's limit of nesting, which the
// parts respect. It returns a nil *Error when data is one document with
// content.
func Decode(data []byte, maxDepth int) (*yaml.Node, *Error) {
	doc, ok := decodeInParts(data, maxDepth)
	if !ok {
		var e *Error
		if doc, e = decodeWhole(data); e != nil {
			return nil, e
		}
	}
	if len(doc.Content) == 0 || emptyNode(doc.Content[0]) {
		// Nothing but comments, or a lone `---`: the library places the
		// empty value after the marker, past the end of such a file.
		return nil, &Error{Kind: Empty, Line: 1, Column: 1}
	}
	return doc, nil
}

// decodeWhole decodes data in one piece, with the library's lines turned
// into an editor's.
func decodeWhole(data []byte) (*yaml.Node, *Error) {
	pos := editorPositions(data)
	dec := yaml.NewDecoder(bytes.NewReader(data))
	doc := new(yaml.Node)
	if err := dec.Decode(doc); err != nil {
		if errors.Is(err, io.EOF) {
			return nil, &Error{Kind: Empty, Line: 1, Column: 1}
		}
		return nil, libraryError(err, data, pos)
	}
	pos.remap(doc)
	if more, at := moreDocuments(dec); more {
		// At the `---` that starts the second document.
		if at > 0 {
			at, _ = pos.at(at, 1)
		}
		return nil, &Error{Kind: MoreDocuments, Line: secondDocumentLine(data, at), Column: 1}
	}
	return doc, nil
}

var lineRE = regexp.MustCompile(`^yaml: line (\d+): (.*)$`)

// libraryError places a parse error of the YAML library where an editor
// shows the problem.
func libraryError(err error, data []byte, pos positions) *Error {
	msg := err.Error()
	if strings.Contains(msg, "exceeded max depth") {
		return &Error{Kind: TooDeep, Line: 1, Column: 1, Problem: msg}
	}
	if strings.Contains(msg, "excessive aliasing") {
		return &Error{Kind: TooManyAliases, Line: 1, Column: 1, Problem: msg}
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
	lines := NewLines(data)
	if strings.Contains(problem, "tab character") {
		if n := tabIndentedLine(lines, max(line, 1)); n > 0 {
			line = n
		}
	}
	// The composer names an unknown anchor without a line: find its alias.
	aliasCol := 0
	if m := unknownAnchorRE.FindStringSubmatch(problem); m != nil {
		line, aliasCol = findAlias(lines, m[1])
	}
	// At the end of the stream the library's line can be one past the
	// last line: point at the last line, where the problem is.
	if n := lines.Count(); line > n {
		line = n
	}
	text, _ := lines.Line(line)
	e := &Error{Kind: Syntax, Line: line, Column: 1, Problem: problem}
	if i := strings.IndexFunc(text, func(r rune) bool { return r != ' ' }); i >= 0 {
		e.Column = utf8.RuneCountInString(text[:i]) + 1
	}
	if i := strings.IndexByte(text, '\t'); i >= 0 && strings.TrimLeft(text[:i], " ") == "" {
		e.Kind, e.Column = TabIndent, utf8.RuneCountInString(text[:i])+1
	}
	if i := strings.IndexAny(text, "\u0085\u2028\u2029"); i >= 0 && afterBreak {
		e.Rune, _ = utf8.DecodeRuneInString(text[i:])
		e.Kind, e.Column = InvisibleBreak, utf8.RuneCountInString(text[:i])+1
	}
	if aliasCol > 0 {
		e.Column = aliasCol
	}
	if e.Line == 0 {
		e.Line = 1
	}
	return e
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
func tabIndentedLine(lines *Lines, n int) int {
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
func findAlias(lines *Lines, name string) (line, col int) {
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

// PathTo returns the path of the node target where it is written (not
// through an alias), or "".
func PathTo(doc, target *yaml.Node) string {
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

// TextLength is the length of s as spreadsheets count it: UTF-16 code
// units (a letter beyond the Basic Multilingual Plane, such as an emoji,
// is two).
func TextLength(s string) int {
	n := 0
	for _, r := range s {
		n++
		if r >= 0x10000 {
			n++
		}
	}
	return n
}
