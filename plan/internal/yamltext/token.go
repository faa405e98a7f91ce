package yamltext

import (
	"unicode"
	"unicode/utf8"
)

// Tokens measures the YAML token at a line and column of a source, for
// findings that underline it. Asked in order of line and column, as
// sorted findings are, it reads each line once, however long: a plan
// written on one line (JSON is YAML) with thousands of findings costs the
// line's length, not that times the findings.
type Tokens struct {
	lines *Lines
	line  int
	text  string
	// col and off are a column of text and the byte where it starts.
	col, off int
}

// NewTokens measures tokens in src.
func NewTokens(src []byte) *Tokens { return &Tokens{lines: NewLines(src)} }

// Width returns how many characters the token that starts at line:col
// (from 1) has: a quoted string to its closing quote, otherwise up to the
// end of a plain scalar or key in block or flow style; 1 for an invisible
// or control character (a finding about that character); 0 when there is
// no such line or column.
func (t *Tokens) Width(line, col int) int {
	if line != t.line {
		text, ok := t.lines.Line(line)
		if !ok {
			return 0
		}
		t.line, t.text, t.col, t.off = line, text, 1, 0
	}
	if col < t.col {
		t.col, t.off = 1, 0
	}
	for t.col < col && t.off < len(t.text) {
		_, n := utf8.DecodeRuneInString(t.text[t.off:])
		t.off += n
		t.col++
	}
	if t.col != col || t.off >= len(t.text) {
		return 0
	}
	return tokenWidth(t.text[t.off:])
}

// tokenWidth is the width in characters of the token s starts with.
func tokenWidth(s string) int {
	first, size := utf8.DecodeRuneInString(s)
	if invisible(first) {
		return 1
	}
	if first == '"' || first == '\'' {
		n, prev := 1, first
		for _, r := range s[size:] {
			n++
			if r == first && (first != '"' || prev != '\\') {
				return n
			}
			prev = r
		}
		return n
	}
	n, spaces := 0, 0 // spaces: trailing spaces, not part of the token
	var prev rune
	for i, r := range s {
		if r == ',' || r == '}' || r == ']' {
			break
		}
		if r == ':' && (i+1 == len(s) || s[i+1] == ' ') {
			break
		}
		if r == '#' && n > 0 && prev == ' ' {
			break
		}
		if r == ' ' {
			spaces++
		} else {
			spaces = 0
		}
		n++
		prev = r
	}
	if n-spaces < 1 {
		return 1
	}
	return n - spaces
}

// invisible reports whether r is a character a terminal does not show as
// itself.
func invisible(r rune) bool {
	return unicode.IsControl(r) || r == '\u2028' || r == '\u2029'
}
