package appendix_test

import (
	"bytes"
	"io"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/kehoach/kehoach/internal/synthetic"
	"github.com/kehoach/kehoach/report/appendix"
)

// TestProgress: Options.Progress hears of every sheet, from its first row
// to its last, in the order of the appendices, every thousand rows in
// between, then once that the workbook is being saved.
func TestProgress(t *testing.T) {
	var src bytes.Buffer
	if err := synthetic.National(&src, 1500); err != nil {
		t.Fatal(err)
	}
	p := load(t, "national.yaml", src.Bytes())
	numbers := appendix.Numbers(p)
	var got []appendix.Progress
	if err := appendix.Write(io.Discard, p, numbers, appendix.Options{Progress: func(pr appendix.Progress) { got = append(got, pr) }}); err != nil {
		t.Fatal(err)
	}

	if len(got) == 0 || !got[len(got)-1].Saving {
		t.Fatalf("the last progress is not Saving: %+v", got)
	}
	var sheets []int
	var between int
	for i, pr := range got[:len(got)-1] {
		if pr.Saving {
			t.Fatalf("progress %d is Saving before the last sheet is written: %+v", i, pr)
		}
		if pr.Sheets != len(numbers) || pr.Rows <= 0 || pr.Row < 0 || pr.Row > pr.Rows {
			t.Fatalf("progress %d out of range: %+v", i, pr)
		}
		switch {
		case pr.Row == 0: // a sheet starts
			if want := len(sheets) + 1; pr.Sheet != want {
				t.Fatalf("progress %d starts sheet %d, want %d", i, pr.Sheet, want)
			}
			sheets = append(sheets, pr.Appendix)
		case pr.Row == pr.Rows: // and ends
		default:
			prev := got[i-1]
			if pr.Sheet != prev.Sheet || pr.Row <= prev.Row || pr.Row%1000 != 0 {
				t.Fatalf("progress %d after %+v: %+v", i, prev, pr)
			}
			between++
		}
	}
	if diff := cmp.Diff(numbers, sheets); diff != "" {
		t.Errorf("sheets started (-want +got):\n%s", diff)
	}
	// The detail sheets of 1,500 communes have thousands of rows.
	if between == 0 {
		t.Error("no progress within a sheet")
	}
}
