package yamltext

import (
	"bytes"
	"errors"
	"io"
	"math"
	"runtime"
	"sync"
	"sync/atomic"

	"go.yaml.in/yaml/v3"
)

// A large plan is decoded in parts on every core, and the parts' trees
// are joined: the YAML library decodes on one core, and decoding is most
// of the time validation takes. A part begins at a line where the
// text alone says what the line is: a top-level key in column 1, or a
// further entry (`- `) of a block list begun earlier in the file.
// Every part's tree is then checked to fit where its first line goes, and
// anything unexpected (a part the library refuses, a tree of another
// shape, an alias to an anchor in another part) makes the whole file be
// decoded in one piece, as it is below partsMinSize. So the parts give the
// same tree as the whole file, or are not used; FuzzDecodeParts checks
// this on any text, and the findings of a file that does not parse always
// come from the decoding in one piece.

// partsMinSize is the smallest file decoded in parts: 1 MiB, about 75,000
// lines of a plan. District plans are a few tens of kilobytes, and take a
// few milliseconds in one piece.
const partsMinSize = 1 << 20

// part is a range of lines of the file decoded on its own.
type part struct {
	start int // byte offset of its first line
	line  int // lines before it
	// indent is the indentation of the entries a part of list entries
	// begins with; -1 for a part that begins with a top-level key.
	indent int
	// minIndent is the smallest indentation of a line in the part, and
	// minKey whether a line at that indentation is not a list entry.
	minIndent int
	minKey    bool
}

// holds reports whether a line of the given indentation fits in the
// part: a part of entries ends where the list may end. This keeps the
// parts right, not only even: joinParts checks the shape of a part's
// root, and a part of entries that went on to less indented lines would
// be refused, or read in another context than the whole file's.
func (p *part) holds(indent int, entry bool) bool {
	return p.indent < 0 || indent > p.indent || (indent == p.indent && entry)
}

func (p *part) add(indent int, entry bool) {
	switch {
	case indent < p.minIndent:
		p.minIndent, p.minKey = indent, !entry
	case indent == p.minIndent && !entry:
		p.minKey = true
	}
}

// splitParts divides data into parts of about size bytes at lines that can
// begin a part. It returns nil when data has no such line, or holds text
// that the line-by-line reading below cannot place for certain: a line
// break other than LF or CRLF (the YAML library also ends lines at CR,
// NEL, U+2028 and U+2029, and part lines are counted from LFs), a
// directive or document marker, a first line that is indented, or a line
// in column 1 that starts with neither a letter, a digit or _ (as a plain
// key does) nor a list entry. Whether such a line is a key indeed is left
// to the decoding of the parts.
func splitParts(data []byte, size int) []part {
	if libraryLineBreaks(data) {
		return nil
	}
	var parts []part
	// open holds the indentations of the block lists open at the line,
	// outermost first.
	var open []int
	line := 0
	for i := 0; i < len(data); line++ {
		text, after, lone := NextLine(data, i)
		if lone {
			return nil
		}
		start := i
		i = after
		indent := 0
		for indent < len(text) && text[indent] == ' ' {
			indent++
		}
		rest := text[indent:]
		if len(rest) == 0 || allBlank(rest) || rest[0] == '#' {
			continue
		}
		entry := rest[0] == '-' && (len(rest) == 1 || isBlank(rest[1]))
		if indent == 0 && !entry {
			if hasMarker(text, "---") || hasMarker(text, "...") || !keyStart(rest[0]) {
				return nil
			}
		}
		if parts == nil {
			if indent > 0 || entry {
				return nil
			}
			// The first part begins with the file, comments and all,
			// and holds the first key.
			parts = append(parts, part{indent: -1})
			continue
		}
		// Whether the line can begin a part: a key in column 1, or an
		// entry of a list whose first entry came before.
		can := false
		if entry {
			for len(open) > 0 && open[len(open)-1] > indent {
				open = open[:len(open)-1]
			}
			if len(open) > 0 && open[len(open)-1] == indent {
				can = true
			} else {
				open = append(open, indent)
			}
		} else {
			for len(open) > 0 && open[len(open)-1] >= indent {
				open = open[:len(open)-1]
			}
			can = indent == 0
		}
		next := part{start: start, line: line, indent: -1}
		if entry {
			next.indent, next.minIndent = indent, indent
		}
		last := &parts[len(parts)-1]
		if last.holds(indent, entry) {
			if can && start-last.start >= size {
				parts = append(parts, next)
			} else {
				last.add(indent, entry)
			}
			continue
		}
		if can {
			parts = append(parts, next)
			continue
		}
		// The line ends the list the last part began in, and cannot
		// begin a part: join the parts back until one holds it.
		for !last.holds(indent, entry) || !last.holds(last.minIndent, !last.minKey) {
			prev := &parts[len(parts)-2]
			prev.add(last.minIndent, !last.minKey)
			parts = parts[:len(parts)-1]
			last = prev
		}
		last.add(indent, entry)
	}
	if len(parts) < 2 {
		return nil
	}
	return parts
}

// keyStart reports whether a line in column 1 that begins with b is a
// plain key, as the top-level keys of a plan are.
func keyStart(b byte) bool {
	return b == '_' || (b >= '0' && b <= '9') || (b|0x20 >= 'a' && b|0x20 <= 'z')
}

// decodeInParts decodes data (valid UTF-8, without a byte order mark) in
// parts when it is large and there is more than one core, and returns the
// document node. It returns false when it did not: data is then to be
// decoded in one piece.
func decodeInParts(data []byte, maxDepth int) (*yaml.Node, bool) {
	workers := runtime.GOMAXPROCS(0)
	if workers < 2 || len(data) < partsMinSize {
		return nil, false
	}
	// Parts of an eighth of a core's share: a part that takes longer
	// than the others then keeps one core busy for a short while only.
	return decodeParts(data, workers, max(len(data)/(8*workers), partsMinSize/4), maxDepth)
}

// decodeParts decodes data in parts of about size bytes on up to workers
// goroutines. It returns false when data cannot be split, or a part does
// not give the tree the whole file would.
func decodeParts(data []byte, workers, size, maxDepth int) (*yaml.Node, bool) {
	parts := splitParts(data, size)
	if parts == nil {
		return nil, false
	}
	docs := make([]*yaml.Node, len(parts))
	var failed atomic.Bool
	var next atomic.Int64
	var wg sync.WaitGroup
	for range min(workers, len(parts)) {
		wg.Go(func() {
			for !failed.Load() {
				k := int(next.Add(1)) - 1
				if k >= len(parts) {
					return
				}
				end := len(data)
				if k+1 < len(parts) {
					end = parts[k+1].start
				}
				doc, err := decodePart(data[parts[k].start:end], parts[k].line, k+1 == len(parts), maxDepth)
				if err != nil {
					failed.Store(true)
					return
				}
				docs[k] = doc
			}
		})
	}
	wg.Wait()
	if failed.Load() {
		return nil, false
	}
	return joinParts(parts, docs)
}

// errPart is a part that is not one document, or not as the whole file
// would have it.
var errPart = errors.New("part unlike the whole file")

// decodePart decodes one part, lines after the start of the file, and
// moves its nodes down by that many lines. last is true for the part that
// ends the file.
func decodePart(text []byte, lines int, last bool, maxDepth int) (doc *yaml.Node, err error) {
	defer func() {
		// The library turns its own errors into errors. Anything else it
		// panics with refuses the parts; the whole file meets it again,
		// or not.
		if r := recover(); r != nil {
			doc, err = nil, errPart
		}
	}()
	dec := yaml.NewDecoder(bytes.NewReader(text))
	doc = new(yaml.Node)
	if err := dec.Decode(doc); err != nil {
		return nil, err
	}
	var more yaml.Node
	if err := dec.Decode(&more); !errors.Is(err, io.EOF) {
		return nil, errPart
	}
	if doc.Kind != yaml.DocumentNode || len(doc.Content) != 1 {
		return nil, errPart
	}
	// A part other than the last ends with a line break. The library
	// places a value that nothing spells out (the missing value of a
	// `? key`) at the next token, which in the whole file is on the line
	// that begins the next part, and here is the end of the text: no node
	// can start there.
	end := math.MaxInt
	if !last {
		end = bytes.Count(text, []byte("\n"))
	}
	if !shiftLines(doc, lines, end, 0, maxDepth) {
		return nil, errPart
	}
	return doc, nil
}

// shiftLines adds lines to the line of every node of a tree. It returns
// false when a node starts after the line end or lies deeper than
// maxDepth (the caller's limit): the library counts the nesting of the whole file against its
// own limit, and a part begins at a depth of the whole file; a plan that
// deep is refused anyway. The library never puts a node in two lists of
// Content (an alias is a node of its own), so each is visited once.
func shiftLines(n *yaml.Node, lines, end, depth, maxDepth int) bool {
	if n.Line > end || depth > maxDepth {
		return false
	}
	n.Line += lines
	for _, c := range n.Content {
		if !shiftLines(c, lines, end, depth+1, maxDepth) {
			return false
		}
	}
	return true
}

// joinParts joins the parts' trees into the first one's.
func joinParts(parts []part, docs []*yaml.Node) (*yaml.Node, bool) {
	doc := docs[0]
	root := doc.Content[0]
	if !blockNode(root, yaml.MappingNode, 1) {
		return nil, false
	}
	for k := 1; k < len(parts); k++ {
		r := docs[k].Content[0]
		if parts[k].indent < 0 {
			// More keys of the top-level mapping.
			if !blockNode(r, yaml.MappingNode, 1) {
				return nil, false
			}
			root.Content = append(root.Content, r.Content...)
			continue
		}
		// More entries of the list still open at the end of the parts
		// before, at the same column.
		column := parts[k].indent + 1
		if !blockNode(r, yaml.SequenceNode, column) {
			return nil, false
		}
		list := openList(root, column)
		if list == nil {
			return nil, false
		}
		list.Content = append(list.Content, r.Content...)
	}
	return doc, true
}

// blockNode reports whether n is a block collection of the kind at the
// column.
func blockNode(n *yaml.Node, kind yaml.Kind, column int) bool {
	return n.Kind == kind && n.Style&yaml.FlowStyle == 0 && n.Column == column
}

// openList returns the block list at the column that is open at the end
// of the tree of root: the last value of each mapping, the last entry of
// each list, down to it. Nil when there is none.
func openList(root *yaml.Node, column int) *yaml.Node {
	n := root
	for {
		if blockNode(n, yaml.SequenceNode, column) {
			return n
		}
		if (n.Kind != yaml.MappingNode && n.Kind != yaml.SequenceNode) || n.Style&yaml.FlowStyle != 0 || len(n.Content) == 0 {
			return nil
		}
		n = n.Content[len(n.Content)-1]
	}
}

// DecodesInParts reports whether Decode decodes data in parts on this
// machine (with the cores GOMAXPROCS gives), rather than in one piece.
// Either gives the same tree; the tests of the loader check that its
// findings are the same too.
func DecodesInParts(data []byte, maxDepth int) bool {
	_, used := decodeInParts(data, maxDepth)
	return used
}
