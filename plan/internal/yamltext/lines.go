package yamltext

import (
	"bytes"
	"sort"
	"unicode/utf8"
)

// NextLine returns the line of data that starts at offset i, without its
// line ending, and the offset of the next line. Lines end as the YAML
// library ends them: LF, CRLF and a lone CR each end a line. It is the
// one place that says so; Lines and the scanners of this package use it.
// next is len(data) after the last line; lone reports whether the line
// ended with a lone CR.
func NextLine(data []byte, i int) (text []byte, next int, lone bool) {
	rest := data[i:]
	j := bytes.IndexAny(rest, "\r\n")
	if j < 0 {
		return rest, len(data), false
	}
	if rest[j] == '\r' {
		if j+1 < len(rest) && rest[j+1] == '\n' {
			return rest[:j], i + j + 2, false
		}
		return rest[:j], i + j + 1, true
	}
	return rest[:j], i + j + 1, false
}

// Lines indexes the lines of a source file as findings count them, which
// is how the YAML library counts them (see NextLine), and a UTF-8 byte
// order mark is not part of line 1.
type Lines struct {
	src    []byte
	starts []int // offset of each line's first byte
}

// NewLines indexes src.
func NewLines(src []byte) *Lines {
	starts := []int{0}
	for i := 0; i < len(src); {
		_, next, _ := NextLine(src, i)
		if next < len(src) {
			starts = append(starts, next)
		}
		i = next
	}
	return &Lines{src: src, starts: starts}
}

// Count is the number of lines (at least 1).
func (l *Lines) Count() int { return len(l.starts) }

// Line returns line n (from 1) without its line ending; ok is false when
// there is no such line.
func (l *Lines) Line(n int) (string, bool) {
	if n < 1 || n > len(l.starts) {
		return "", false
	}
	text, _, _ := NextLine(l.src, l.starts[n-1])
	if n == 1 {
		text = bytes.TrimPrefix(text, []byte("\xef\xbb\xbf"))
	}
	return string(text), true
}

// Position returns the line and column (from 1, in characters; a byte
// that is not UTF-8 counts as one) of the byte at offset.
func (l *Lines) Position(offset int) (line, col int) {
	offset = min(max(offset, 0), len(l.src))
	n := sort.Search(len(l.starts), func(i int) bool { return l.starts[i] > offset })
	start := l.starts[n-1]
	seg := l.src[start:offset]
	if n == 1 {
		seg = bytes.TrimPrefix(seg, []byte("\xef\xbb\xbf"))
	}
	return n, utf8.RuneCount(seg) + 1
}
