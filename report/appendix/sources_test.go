package appendix_test

import (
	"os"
	"testing"

	"github.com/kehoach/kehoach/report/appendix"
)

// TestSourceColumns exports a plan that adds a source and leaves a local
// figure unstated: PL2 has a column for the added source, the total's
// formula sums every source column, and the unstated cell is empty with
// a note.
func TestSourceColumns(t *testing.T) {
	src, err := os.ReadFile("../../plan/testdata/sources/credit-kinds-not-stated.yaml")
	if err != nil {
		t.Fatal(err)
	}
	p := load(t, "credit.yaml", src)
	cells, err := appendix.Cells(export(t, p, appendix.Options{}), "PL2")
	if err != nil {
		t.Fatal(err)
	}
	at := map[string]appendix.Cell{}
	for _, c := range cells {
		at[c.Ref] = c
	}
	want := map[string]string{
		"H6":  "Tín dụng CS", // the added source's column, after NSTW, NSĐP, other
		"H8":  "34",          // TỔNG CỘNG of credit
		"D8":  "379",         // the total sums the four source columns
		"F12": "",            // sub-project 3's local funds: not stated, empty
		"J12": "Văn bản không nêu NSĐP",
	}
	for ref, v := range want {
		if got := at[ref].Value; got != v {
			t.Errorf("PL2!%s = %q, want %q", ref, got, v)
		}
	}
	if f := at["D8"].Formula; f != "E8+F8+G8+H8" {
		t.Errorf("PL2!D8 = %q, want the sum of the four source columns", f)
	}
}
