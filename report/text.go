package report

import (
	"bufio"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/kehoach/kehoach/plan"
)

// text is the report for people: `file:line:col: severity[CODE]: message`,
// the source line with a caret under the offending value, a help line, and
// a closing count.
type text struct{ o Options }

const (
	ansiReset  = "\x1b[0m"
	ansiBold   = "\x1b[1m"
	ansiRed    = "\x1b[1;31m"
	ansiYellow = "\x1b[1;33m"
	ansiBlue   = "\x1b[1;34m"
	ansiCyan   = "\x1b[1;36m"
)

func (t *text) paint(code, s string) string {
	if !t.o.Color {
		return s
	}
	return code + s + ansiReset
}

// SeverityWord is the severity as the text report writes it.
func SeverityWord(s plan.Severity, l plan.Lang) string {
	switch {
	case l == plan.EN:
		return s.String()
	case s == plan.Warning:
		return "cảnh báo"
	default:
		return "lỗi"
	}
}

func (t *text) Format(w io.Writer, files []File) error {
	bw := bufio.NewWriter(w)
	for _, f := range files {
		lines := newLineIndex(f.Source)
		for _, d := range f.Diagnostics {
			t.diagnostic(bw, f.Name, &lines, d)
		}
	}
	s := Summarize(files)
	fmt.Fprintln(bw, t.paint(ansiBold, CountLine(s, t.o.Lang)))
	return bw.Flush()
}

// CountLine is the closing count: "1 tệp, 0 lỗi, 2 cảnh báo".
func CountLine(s Summary, l plan.Lang) string {
	if l == plan.EN {
		return fmt.Sprintf("%s, %s, %s", plural(s.Files, "file"), plural(s.Errors, "error"), plural(s.Warnings, "warning"))
	}
	return fmt.Sprintf("%d tệp, %d lỗi, %d cảnh báo", s.Files, s.Errors, s.Warnings)
}

func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return strconv.Itoa(n) + " " + word + "s"
}

func (t *text) diagnostic(w io.Writer, name string, lines *lineIndex, d plan.Diagnostic) {
	sev := SeverityWord(d.Severity, t.o.Lang)
	color := ansiRed
	if d.Severity == plan.Warning {
		color = ansiYellow
	}
	where := name
	if d.Line > 0 {
		where = fmt.Sprintf("%s:%d:%d", name, d.Line, d.Column)
	}
	fmt.Fprintf(w, "%s: %s%s\n", t.paint(ansiBold, visible(where)), t.paint(color, sev+"["+string(d.Code)+"]"), t.paint(ansiBold, ": "+visible(d.Message.In(t.o.Lang))))
	runes, ok := lines.line(d.Line)
	gutter := strings.Repeat(" ", len(strconv.Itoa(d.Line)))
	if ok {
		col := max(d.Column, 1)
		src, col, n := window(runes, col, max(d.EndColumn-col, 1))
		fmt.Fprintf(w, "%s %s\n", gutter, t.paint(ansiBlue, "|"))
		fmt.Fprintf(w, "%s %s %s\n", t.paint(ansiBlue, strconv.Itoa(d.Line)), t.paint(ansiBlue, "|"), src)
		pad, width := caret(src, col, n)
		fmt.Fprintf(w, "%s %s %s%s\n", gutter, t.paint(ansiBlue, "|"), strings.Repeat(" ", pad), t.paint(color, strings.Repeat("^", width)))
	}
	for _, r := range d.Related {
		note := "ghi chú"
		if t.o.Lang == plan.EN {
			note = "note"
		}
		fmt.Fprintf(w, "%s %s %s: %s:%d:%d: %s\n", gutter, t.paint(ansiBlue, "="), t.paint(ansiBold, note), visible(name), r.Line, r.Column, visible(r.Message.In(t.o.Lang)))
	}
	if h := d.Help.In(t.o.Lang); h != "" {
		// "help:" in both languages, as rustc and Elm write it: the word is
		// what people search the output for.
		fmt.Fprintf(w, "%s %s %s %s\n", gutter, t.paint(ansiBlue, "="), t.paint(ansiCyan, "help:"), visible(strings.TrimSpace(h)))
	}
	fmt.Fprintln(w)
}

// maxShown is the most characters of a source line the report shows: a
// plan written on one line (JSON is YAML) would otherwise be printed whole
// for every finding on it.
const maxShown = 200

// window returns the part of a source line to show around column col
// (from 1), with the column and the caret's length (n characters) in it.
// Tabs show as spaces and other control characters as one replacement
// character each, so that the caret stays under the value and nothing in
// the file can drive the terminal.
func window(line []rune, col, n int) (string, int, int) {
	shownRunes := func(rs []rune) string {
		out := make([]rune, len(rs))
		for i, r := range rs {
			switch {
			case r == '\t':
				r = ' '
			case invisible(r):
				r = '\uFFFD'
			}
			out[i] = r
		}
		return string(out)
	}
	runes := line
	if len(runes) <= maxShown {
		return shownRunes(runes), col, n
	}
	// From the start of the line when the value is in its first part,
	// else with some context before the value.
	start := 0
	if col-1+n > maxShown {
		start = max(0, min(col-1-maxShown/3, len(runes)-maxShown))
	}
	end := start + maxShown
	shown := shownRunes(runes[start:end])
	n = max(1, min(n, end-(col-1))) // not past the part shown
	col -= start
	if start > 0 {
		shown = "…" + shown
		col++
	}
	if end < len(runes) {
		shown += "…"
	}
	return shown, col, n
}

// visible makes control characters in a message visible as escapes
// (`\r`, `\x1b`): a key or a file name can hold any character, and a
// line break in a report line would let a file forge lines of the report.
func visible(s string) string {
	if !strings.ContainsFunc(s, invisible) {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		switch {
		case !invisible(r):
			b.WriteRune(r)
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\r':
			b.WriteString(`\r`)
		case r == '\t':
			b.WriteString(`\t`)
		case r > 0xff:
			fmt.Fprintf(&b, `\u%04x`, r)
		default:
			fmt.Fprintf(&b, `\x%02x`, r)
		}
	}
	return b.String()
}

// invisible reports whether r is a control character or one of the line
// and paragraph separators (U+2028, U+2029), which some programs show as a
// line break and others not at all.
func invisible(r rune) bool {
	return unicode.IsControl(r) || r == '\u2028' || r == '\u2029'
}

// caret returns where the caret under the n characters from column col
// (from 1) starts and how wide it is, in the columns a terminal shows:
// combining marks (decomposed Vietnamese diacritics, W112) take none,
// though the column counts them as characters.
func caret(line string, col, n int) (pad, width int) {
	runes := []rune(line)
	shown := func(rs []rune) int {
		w := 0
		for _, r := range rs {
			if !unicode.In(r, unicode.Mn, unicode.Me) {
				w++
			}
		}
		return w
	}
	start := min(col-1, len(runes))
	end := min(start+n, len(runes))
	return shown(runes[:start]) + (col - 1 - start), max(shown(runes[start:end]), 1)
}

// lineIndex finds source lines by number, indexing the file only when a
// finding needs its line. Findings come sorted by line, so it keeps the
// last line decoded: a plan written on one line (JSON is YAML) with
// thousands of findings decodes that line once, not once per finding.
type lineIndex struct {
	src   []byte
	lines *plan.Lines
	last  int
	runes []rune
}

func newLineIndex(src []byte) lineIndex {
	return lineIndex{src: src}
}

// line returns line n as characters; ok is false when there is no such
// line or it is not UTF-8.
func (li *lineIndex) line(n int) ([]rune, bool) {
	if li.src == nil {
		return nil, false
	}
	if n == li.last && li.runes != nil {
		return li.runes, true
	}
	if li.lines == nil {
		li.lines = plan.NewLines(li.src)
	}
	s, ok := li.lines.Line(n)
	if !ok || !utf8.ValidString(s) {
		return nil, false
	}
	li.last, li.runes = n, []rune(s)
	return li.runes, true
}
