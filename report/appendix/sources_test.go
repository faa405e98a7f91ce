package appendix_test

import (
	"os"
	"testing"

	"github.com/kehoach/kehoach/report/appendix"
)

// TestSourceColumns exports a plan that adds a source, writes central
// funds by kind and leaves a local figure unstated: PL2 has a column for
// the added source, central's kinds under it, the total's formula sums
// the sources' columns, and the unstated cell is empty with a note.
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
		"E6":  "NSTW", // written by kind: Tổng số and its kinds below
		"E7":  "Tổng số",
		"F7":  "Trong đó: ĐTPT",
		"G7":  "Trong đó: Sự nghiệp",
		"F12": "60",          // sub-project 1's investment central funds
		"F13": "",            // sub-project 3's: one amount of no known kind
		"J6":  "Tín dụng CS", // the added source's column, after NSTW, NSĐP, other
		"J9":  "34",          // TỔNG CỘNG of credit
		"D9":  "379",         // the total sums the four sources' columns
		"H13": "",            // sub-project 3's local funds: not stated, empty
		"L13": "Văn bản không nêu NSĐP",
	}
	for ref, v := range want {
		if got := at[ref].Value; got != v {
			t.Errorf("PL2!%s = %q, want %q", ref, got, v)
		}
	}
	if f := at["D9"].Formula; f != "E9+H9+I9+J9" {
		t.Errorf("PL2!D9 = %q, want the sum of the four source columns", f)
	}
}
