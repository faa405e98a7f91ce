package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/kehoach/kehoach/diag"
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
	var out bytes.Buffer
	clock := time.Date(2026, 11, 30, 9, 0, 0, 0, time.UTC)
	b := newProgressBar(&out, diag.VI, 500*time.Millisecond)
	b.now = func() time.Time { return clock }
	b.start = clock
	at := func(d time.Duration, p appendix.Progress) string {
		clock = clock.Add(d)
		b.update(p)
		return screen(out.String())
	}
	pl3 := appendix.Progress{Appendix: 3, Sheet: 2, Sheets: 4, Row: 1000, Rows: 2000}

	// Nothing in the first moment: a district plan is done by then.
	if got := at(100*time.Millisecond, pl3); got != "" {
		t.Errorf("within the first moment the bar shows %q", got)
	}
	if got, want := at(500*time.Millisecond, pl3), "[#######-------------] Phụ lục 3 (2/4): dòng 1.000/2.000"; got != want {
		t.Errorf("bar = %q, want %q", got, want)
	}
	// Not redrawn more than ten times a second.
	pl3.Row = 2000
	if got, want := at(50*time.Millisecond, pl3), "[#######-------------] Phụ lục 3 (2/4): dòng 1.000/2.000"; got != want {
		t.Errorf("bar redrawn too soon: %q, want %q", got, want)
	}
	if got, want := at(100*time.Millisecond, pl3), "[##########----------] Phụ lục 3 (2/4): dòng 2.000/2.000"; got != want {
		t.Errorf("bar = %q, want %q", got, want)
	}
	// Saving shows at once, over the longer line before it.
	if got, want := at(time.Millisecond, appendix.Progress{Saving: true}), "[####################] đang nén và ghi tệp…"; got != want {
		t.Errorf("bar = %q, want %q", got, want)
	}
	// What goes through it starts on a clean line.
	b.Write([]byte("p.yaml:1:1: cảnh báo\n"))
	if got, want := screen(out.String()), "p.yaml:1:1: cảnh báo\n"; got != want {
		t.Errorf("screen = %q, want %q", got, want)
	}
	b.checking()
	b.finish()
	if got, want := screen(out.String()), "p.yaml:1:1: cảnh báo\n"; got != want {
		t.Errorf("after finish the screen = %q, want %q", got, want)
	}
	if n := strings.Count(out.String(), "\n"); n != 1 {
		t.Errorf("the bar wrote %d line breaks, want only the finding's", n)
	}

	en := newProgressBar(&out, diag.EN, 0)
	en.now = func() time.Time { return clock }
	if got, want := en.text(appendix.Progress{Appendix: 5, Sheet: 3, Sheets: 6, Row: 12000, Rows: 21204}), "[########------------] appendix 5 (3 of 6): row 12,000 of 21,204"; got != want {
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
