package appendix_test

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"math"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/kehoach/kehoach/budget"
	"github.com/kehoach/kehoach/internal/fuzzing"
	"github.com/kehoach/kehoach/plan"
	"github.com/kehoach/kehoach/report/appendix"
)

// maxFuzzRows bounds the plans FuzzExport exports in full: a few lines
// of aliases can hold a million rows, whose export is long but correct
// (the limits and the export tests cover size); the invariants are
// about content.
const maxFuzzRows = 2000

// FuzzExport exports any plan that validates without errors (and, with
// --force, any plan that could be read). Invariants: no panic and no
// hang; a plan without errors gives a workbook that excelize opens, with
// one sheet per appendix, whose TỔNG CỘNG rows have the figures
// Summarize gives (what `kehoach summary` prints), as cached values and as
// excelize recomputes their formulas; no text of the plan becomes a
// formula, a hyperlink or an external reference.
func FuzzExport(f *testing.F) {
	for _, data := range fuzzing.Seeds(f, "../..") {
		f.Add(data)
	}
	// Text that a spreadsheet would read as a formula, a link or an
	// external reference if it were written as one.
	src := minimalPlan
	for i, n := range []string{`=HYPERLINK("http://example.com","x")`, "+1+1", "-2", "@SUM(A1)", `='C:\x\[a.xlsx]S'!A1`, "=cmd|' /C calc'!A0", "http://example.com"} {
		src += fmt.Sprintf("  - {project: %d, name: %q, appendix: 3, lead: %q, funding: {central: 1}}\n", i+3, n, n)
	}
	f.Add([]byte(src))
	f.Fuzz(func(t *testing.T, data []byte) {
		if fuzzing.Expansive(data, plan.MaxDepth, plan.MaxNodes) {
			t.Skip("within the limits, but slow")
		}
		res := plan.Validate("fuzz.yaml", data)
		p := res.Plan
		if p == nil || rows(p) > maxFuzzRows {
			return
		}
		errors, _ := plan.Count(res.Diagnostics)
		var buf bytes.Buffer
		var err error
		fuzzing.NoHang(t, func() { err = appendix.Write(&buf, p, appendix.Numbers(p), appendix.Options{}) })
		if errors > 0 {
			// Exported with --force: a clear error is allowed, a panic or
			// a hang is not (noHang).
			return
		}
		if err != nil {
			t.Fatalf("a plan without errors does not export: %v", err)
		}
		checkWorkbook(t, p, buf.Bytes())
	})
}

// rows counts the rows of a plan's appendices, about.
func rows(p *plan.Plan) int {
	n := len(p.Communes) + len(p.Projects)
	if p.Targets != nil {
		n += len(p.Targets.Indicators) + len(p.Targets.ByCommune)
	}
	for _, pr := range p.Projects {
		n += len(pr.Activities) + len(pr.Subprojects)
		for _, s := range pr.Subprojects {
			n += len(s.Activities)
		}
	}
	return n
}

// formulaRE is every formula the writer writes: sums of cells and ranges,
// differences, and IF(whole=0,"",part/whole*100); no function that
// reaches outside the workbook, no other sheet, no string but "".
var formulaRE = regexp.MustCompile(`^(?:[A-Z]{1,3}[1-9][0-9]*(?::[A-Z]{1,3}[1-9][0-9]*)?|SUM\(|IF\(|\)|,|\+|-|\*|/|=|""|[0-9]+)+$`)

// checkWorkbook checks the invariants of an exported workbook.
func checkWorkbook(t *testing.T, p *plan.Plan, data []byte) {
	t.Helper()
	wb, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("excelize cannot open the workbook: %v", err)
	}
	defer wb.Close()
	numbers := appendix.Numbers(p)
	var want []string
	for _, n := range numbers {
		want = append(want, "PL"+strconv.Itoa(n))
	}
	if got := wb.GetSheetList(); strings.Join(got, ",") != strings.Join(want, ",") {
		t.Fatalf("sheets %v, want %v", got, want)
	}
	noLinks(t, data)

	sum := appendix.Summarize(p)
	for _, n := range numbers {
		sheet := "PL" + strconv.Itoa(n)
		cells, err := appendix.Cells(data, sheet)
		if err != nil {
			t.Fatalf("%s: %v", sheet, err)
		}
		byRef := map[string]appendix.Cell{}
		totals := map[int]bool{} // rows of TỔNG CỘNG
		for _, c := range cells {
			byRef[c.Ref] = c
			if c.Formula != "" && !formulaRE.MatchString(c.Formula) {
				t.Errorf("%s!%s: formula %q is not one the writer writes", sheet, c.Ref, c.Formula)
			}
			if c.Value == "TỔNG CỘNG" && !c.Number && c.Formula == "" {
				col, row, _ := excelize.SplitCellName(c.Ref)
				if col == "B" {
					totals[row] = true
				}
			}
		}
		check := func(row int, col string, want appendix.Number, what string) {
			t.Helper()
			ref := col + strconv.Itoa(row)
			c, ok := byRef[ref]
			switch {
			case !want.Known:
				if ok && c.Value != "" {
					t.Errorf("%s!%s (%s) = %q, want blank", sheet, ref, what, c.Value)
				}
				return
			case !ok:
				t.Errorf("%s!%s (%s) is blank, want %s", sheet, ref, what, want.Value)
				return
			}
			sameNumber(t, sheet+"!"+ref+" ("+what+")", c.Value, want.Value)
			if c.Formula != "" {
				v, err := wb.CalcCellValue(sheet, ref, excelize.Options{RawCellValue: true})
				if err != nil {
					t.Errorf("%s!%s: excelize cannot compute %q: %v", sheet, ref, c.Formula, err)
					return
				}
				sameNumber(t, sheet+"!"+ref+" ("+what+") recomputed", v, want.Value)
			}
		}
		switch {
		case n == 2:
			if len(totals) != 1 {
				t.Fatalf("PL2 has %d TỔNG CỘNG rows, want 1", len(totals))
			}
			for row := range totals {
				g := sum.Funding[0]
				check(row, "D", g.Total, "total")
				check(row, "E", g.Central, "central")
				check(row, "F", g.Local, "local")
				check(row, "G", g.Other, "other")
			}
		case n == 1:
			if len(sum.Communes) == 0 {
				continue
			}
			if len(totals) != 1 {
				t.Fatalf("PL1 has %d TỔNG CỘNG rows, want 1 (communes)", len(totals))
			}
			for row := range totals {
				g := sum.Communes[0]
				for _, x := range []struct {
					col  string
					n    appendix.Number
					what string
				}{
					{"C", g.Households, "households"}, {"D", g.Poor, "poor"}, {"F", g.PoorCut, "poverty reduction"},
					{"H", g.PoorEnd, "poor at the end"}, {"J", g.Near, "near-poor"}, {"L", g.NearCut, "near-poverty reduction"},
					{"N", g.NearEnd, "near-poor at the end"}, {"P", g.NewJobs, "new jobs"},
				} {
					check(row, x.col, x.n, x.what)
				}
			}
		default:
			// A project's funding plan: the sum of its projects' rows in
			// the summary.
			if len(totals) != 1 {
				t.Fatalf("%s has %d TỔNG CỘNG rows, want 1", sheet, len(totals))
			}
			var total, central, local, other []budget.Amount
			for _, r := range sum.Funding {
				if r.Level == appendix.ProjectLevel && r.Appendix == n {
					total, central, local, other = append(total, r.Total.Value), append(central, r.Central.Value), append(local, r.Local.Value), append(other, r.Other.Value)
				}
			}
			for row := range totals {
				for _, x := range []struct {
					col   string
					terms []budget.Amount
					what  string
				}{{"F", total, "total"}, {"G", central, "central"}, {"H", local, "local"}, {"I", other, "other"}} {
					s, ok := budget.Sum(x.terms...)
					if !ok {
						continue // beyond exact sums: the sheet sums floats
					}
					check(row, x.col, appendix.Number{Value: s, Known: true}, x.what)
				}
			}
		}
	}
}

// sameNumber checks that a cell's value is the amount, as a spreadsheet
// holds it (a float64; sums of floats may differ in the last bits).
func sameNumber(t *testing.T, where, value string, want budget.Amount) {
	t.Helper()
	got, err := strconv.ParseFloat(value, 64)
	if err != nil {
		t.Errorf("%s = %q, want the number %s", where, value, want)
		return
	}
	w := want.Float64()
	if math.Abs(got-w) > 1e-9*math.Max(1, math.Abs(w)) {
		t.Errorf("%s = %s, want %s", where, value, want)
	}
}

// noLinks checks that no part of the workbook is or holds a hyperlink, an
// external link or a link to another program.
func noLinks(t *testing.T, data []byte) {
	t.Helper()
	z, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	for _, zf := range z.File {
		lower := strings.ToLower(zf.Name)
		if strings.Contains(lower, "externallink") || strings.Contains(lower, "embeddings") || strings.HasSuffix(lower, ".bin") {
			t.Errorf("the workbook has a part %s", zf.Name)
		}
		r, err := zf.Open()
		if err != nil {
			t.Fatal(err)
		}
		b, err := io.ReadAll(r)
		r.Close()
		if err != nil {
			t.Fatal(err)
		}
		x := strings.ToLower(string(b))
		for _, bad := range []string{"<hyperlink", "/hyperlink\"", "externallink", "ddelink", "olelink", `targetmode="external"`} {
			if strings.Contains(x, bad) {
				t.Errorf("%s holds %q", zf.Name, bad)
			}
		}
	}
}
