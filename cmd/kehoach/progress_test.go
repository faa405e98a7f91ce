package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/kehoach/kehoach/plan"
	"github.com/kehoach/kehoach/report/appendix"
)

// screen returns what a terminal shows after out: each \r returns to the
// start of the line, and what follows overwrites it.
func screen(out string) string {
	var lines []string
	for _, l := range strings.Split(out, "\n") {
		var shown []rune
		for _, part := range strings.Split(l, "\r") {
			r := []rune(part)
			if len(r) >= len(shown) {
				shown = r
			} else {
				copy(shown, r)
			}
		}
		lines = append(lines, strings.TrimRight(string(shown), " "))
	}
	return strings.Join(lines, "\n")
}

func TestProgressBar(t *testing.T) {
	// Standard output and standard error on one terminal.
	var term bytes.Buffer
	clock := time.Date(2026, 11, 30, 9, 0, 0, 0, time.UTC)
	newBar := func(lang plan.Lang) *progressBar {
		b := newProgressBar(&term, lang, 500*time.Millisecond)
		b.now = func() time.Time { return clock }
		b.start = clock
		return b
	}
	at := func(b *progressBar, d time.Duration, p appendix.Progress) string {
		clock = clock.Add(d)
		b.update(p)
		return screen(term.String())
	}
	check := func(step, got, want string) {
		t.Helper()
		if got != want {
			t.Errorf("%s: screen %q, want %q", step, got, want)
		}
	}

	// A national plan: checked for more than the first moment, with
	// findings, then sheets of thousands of rows.
	b := newBar(plan.VI)
	b.checking() // the timer, while the plan is checked
	check("checking", screen(term.String()), "[--------------------] đang kiểm tra kế hoạch…")
	b.Write([]byte("p.yaml:1:1: cảnh báo[B203]: a"))
	b.checking() // the report comes in pieces: nothing is drawn in between
	b.Write([]byte("\n"))
	check("findings", screen(term.String()), "p.yaml:1:1: cảnh báo[B203]: a\n")
	pl3 := appendix.Progress{Appendix: 3, Sheet: 2, Sheets: 4, Row: 1000, Rows: 2000}
	check("first rows", at(b, 600*time.Millisecond, pl3), "p.yaml:1:1: cảnh báo[B203]: a\n[#######-------------] Phụ lục 3 (2/4): dòng 1.000/2.000")
	// Not redrawn more than ten times a second.
	pl3.Row = 2000
	check("too soon", at(b, 50*time.Millisecond, pl3), "p.yaml:1:1: cảnh báo[B203]: a\n[#######-------------] Phụ lục 3 (2/4): dòng 1.000/2.000")
	check("redrawn", at(b, 100*time.Millisecond, pl3), "p.yaml:1:1: cảnh báo[B203]: a\n[##########----------] Phụ lục 3 (2/4): dòng 2.000/2.000")
	// Saving shows at once, over the longer line before it.
	check("saving", at(b, time.Millisecond, appendix.Progress{Saving: true}), "p.yaml:1:1: cảnh báo[B203]: a\n[####################] đang nén và ghi tệp…")
	// The path written replaces the bar.
	b.println(&term, "out/p-phu-luc.xlsx")
	b.finish()
	check("done", screen(term.String()), "p.yaml:1:1: cảnh báo[B203]: a\nout/p-phu-luc.xlsx\n")
	if n := strings.Count(term.String(), "\n"); n != 2 {
		t.Errorf("%d line breaks, want the finding's and the path's", n)
	}
	b.checking() // a timer that fires late draws nothing
	check("late timer", screen(term.String()), "p.yaml:1:1: cảnh báo[B203]: a\nout/p-phu-luc.xlsx\n")

	// A plan whose sheets are written in the first moment, then a long
	// compression: the timer shows the step it is at.
	term.Reset()
	b = newBar(plan.EN)
	at(b, 100*time.Millisecond, appendix.Progress{Appendix: 2, Sheet: 1, Sheets: 1, Rows: 20})
	check("within the first moment", at(b, 100*time.Millisecond, appendix.Progress{Saving: true}), "")
	b.checking()
	check("timer", screen(term.String()), "[####################] compressing and writing the file…")
	b.finish()
	check("finished", screen(term.String()), "")

	if got, want := b.text(appendix.Progress{Appendix: 5, Sheet: 3, Sheets: 6, Row: 12000, Rows: 21204}), "[########------------] appendix 5 (3 of 6): row 12,000 of 21,204"; got != want {
		t.Errorf("English bar = %q, want %q", got, want)
	}
}

// TestExportProgress: on a terminal, export shows its progress on
// standard error and clears it; the paths written go to standard output
// alone, and nothing shows when standard error is not a terminal.
func TestExportProgress(t *testing.T) {
	src, err := os.ReadFile(filepath.Join("..", "..", "examples", "bao-yen-2022.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	screens := map[bool]string{}
	for _, tty := range []bool{true, false} {
		err, stdout, stderr := exportRun(t, map[string][]byte{"plan.yaml": src}, func(o *exportOptions) {
			o.io.errTTY = tty
			o.progressAfter = 0
		})
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff("out/plan-phu-luc.xlsx\n", stdout); diff != "" {
			t.Errorf("stdout (-want +got):\n%s", diff)
		}
		if got := strings.Contains(stderr, "\r[") && strings.Contains(stderr, "compressing and writing the file"); got != tty {
			t.Errorf("tty %v: a progress bar was drawn: %v\n%q", tty, got, stderr)
		}
		screens[tty] = screen(stderr)
	}
	// The reference plan's findings (two B203 warnings), and no trace of
	// the bar left on screen.
	if !strings.Contains(screens[false], "B203") {
		t.Errorf("no findings on standard error: %q", screens[false])
	}
	if diff := cmp.Diff(screens[false], screens[true]); diff != "" {
		t.Errorf("the screen on a terminal differs (-without the bar +with it):\n%s", diff)
	}
}
