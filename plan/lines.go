package plan

import (
	"bytes"
)

// Lines indexes the lines of a source file as findings count them, which
// is how the YAML library counts them: LF, CRLF and a lone CR each end a
// line, and a UTF-8 byte order mark is not part of line 1.
type Lines struct {
	src    []byte
	starts []int // offset of each line's first byte
}

// NewLines indexes src.
func NewLines(src []byte) *Lines {
	starts := []int{0}
	for i, b := range src {
		if b == '\n' || (b == '\r' && (i+1 == len(src) || src[i+1] != '\n')) {
			starts = append(starts, i+1)
		}
	}
	if n := len(starts); n > 1 && starts[n-1] == len(src) {
		starts = starts[:n-1] // a final line ending does not start a line
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
	start, end := l.starts[n-1], len(l.src)
	if n < len(l.starts) {
		end = l.starts[n]
	}
	s := l.src[start:end]
	s = bytes.TrimSuffix(s, []byte("\n"))
	s = bytes.TrimSuffix(s, []byte("\r"))
	if n == 1 {
		s = bytes.TrimPrefix(s, []byte("\xef\xbb\xbf"))
	}
	return string(s), true
}
