package main

import (
	"fmt"
	"io"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/kehoach/kehoach/budget"
	"github.com/kehoach/kehoach/plan"
	"github.com/kehoach/kehoach/report/appendix"
)

// progressAfter is how long an export runs before its progress shows: a
// district plan is written before anything shows; the national plan
// (about 2.5 s to check, 2.5 s to write) shows what it is doing.
const progressAfter = 500 * time.Millisecond

// progressBar shows on a terminal how far an export has got, on one line
// of standard error that it redraws and then clears. It is an io.Writer:
// what is written through it (the findings) clears the line first.
type progressBar struct {
	mu   sync.Mutex
	w    io.Writer
	lang plan.Lang
	// after is how long the export runs before the bar shows; every is
	// the least time between two redraws.
	after, every time.Duration
	now          func() time.Time
	start, drawn time.Time
	timer        *time.Timer
	done         bool
	// last is the latest progress of the workbook, when seen is true;
	// the timer's first draw shows it.
	last appendix.Progress
	seen bool
	// checked is true once the plan is checked: its findings go through
	// the bar, and the timer no longer says "checking".
	checked bool
	// width is the width of the line on screen, in characters, 0 when
	// nothing is shown.
	width int
}

func newProgressBar(w io.Writer, lang plan.Lang, after time.Duration) *progressBar {
	return &progressBar{w: w, lang: lang, after: after, every: 100 * time.Millisecond, now: time.Now}
}

// begin starts the clock; if the plan is still being checked when the bar
// is due, it says so.
func (b *progressBar) begin() {
	b.start = b.now()
	b.timer = time.AfterFunc(b.after, b.checking)
}

// checking is the timer's: once the bar is due, it shows what the export
// is doing, unless the findings are being written or the bar shows
// something already.
func (b *progressBar) checking() {
	b.mu.Lock()
	defer b.mu.Unlock()
	switch {
	case b.done || b.width > 0:
	case b.seen:
		b.drawn = b.now()
		b.draw(b.text(b.last))
	case !b.checked:
		b.draw(b.bar(0) + inLang(b.lang, "đang kiểm tra kế hoạch…", "checking the plan…"))
	}
}

// update redraws the line with how far the workbook has got, when it is
// time to.
func (b *progressBar) update(p appendix.Progress) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.last, b.seen, b.checked = p, true, true
	t := b.now()
	if b.done || t.Sub(b.start) < b.after || (b.width > 0 && t.Sub(b.drawn) < b.every && !p.Saving) {
		return
	}
	b.drawn = t
	b.draw(b.text(p))
}

// text says how far the workbook has got, in a bar and in words.
func (b *progressBar) text(p appendix.Progress) string {
	if p.Saving {
		return b.bar(1) + inLang(b.lang, "đang nén và ghi tệp…", "compressing and writing the file…")
	}
	done := 0.0
	if p.Sheets > 0 && p.Rows > 0 {
		done = (float64(p.Sheet-1) + float64(p.Row)/float64(p.Rows)) / float64(p.Sheets)
	}
	vi := b.lang == plan.VI
	count := func(n int) string { return budget.Amount(n * budget.Scale).Format(vi) }
	return b.bar(done) + fmt.Sprintf(inLang(b.lang, "Phụ lục %d (%d/%d): dòng %s/%s", "appendix %d (%d of %d): row %s of %s"),
		p.Appendix, p.Sheet, p.Sheets, count(p.Row), count(p.Rows))
}

// bar draws a bar done (0 to 1) full.
func (b *progressBar) bar(done float64) string {
	const cells = 20
	n := max(0, min(cells, int(done*cells)))
	return "[" + strings.Repeat("#", n) + strings.Repeat("-", cells-n) + "] "
}

// draw replaces the line shown with s.
func (b *progressBar) draw(s string) {
	w := utf8.RuneCountInString(s)
	fmt.Fprint(b.w, "\r"+s+strings.Repeat(" ", max(0, b.width-w)))
	b.width = w
}

// clearLine removes the line, so that what is printed next starts on a
// clean line.
func (b *progressBar) clearLine() {
	if b.width > 0 {
		fmt.Fprint(b.w, "\r"+strings.Repeat(" ", b.width)+"\r")
		b.width = 0
	}
}

// Write clears the line and writes p: the findings, once the plan is
// checked. The timer draws nothing while they are written (a report
// comes in pieces that end mid-line).
func (b *progressBar) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.checked = true
	b.clearLine()
	return b.w.Write(p)
}

// println clears the line and prints s on w (standard output), as one
// step: the timer cannot draw between the two.
func (b *progressBar) println(w io.Writer, s string) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.clearLine()
	fmt.Fprintln(w, s)
}

// finish removes the line for good.
func (b *progressBar) finish() {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.done = true
	if b.timer != nil {
		b.timer.Stop()
	}
	b.clearLine()
}
