package appendix_test

import (
	"archive/zip"
	"bytes"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/xuri/excelize/v2"

	"github.com/kehoach/kehoach/plan"
	"github.com/kehoach/kehoach/report/appendix"
)

var update = flag.Bool("update", false, "update golden files")

// The Vietnamese amount format of appendices.md.
const viFormat = `[>=1000000]#"."###"."##0;[>=1000]#"."##0;0`

// examples are the plans under examples/ the tests export.
var examples = []string{"bao-yen-2022", "bao-yen-2022-xa"}

// loadExample validates an example plan; a missing example fails the test.
func loadExample(t *testing.T, name string) *plan.Plan {
	t.Helper()
	path := filepath.Join("..", "..", "examples", name+".yaml")
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return load(t, path, data)
}

// load validates a plan that must have no errors.
func load(t *testing.T, name string, data []byte) *plan.Plan {
	t.Helper()
	res := plan.Validate(name, data)
	if e, _ := plan.Count(res.Diagnostics); e > 0 || res.Plan == nil {
		for _, d := range res.Diagnostics {
			t.Logf("%s:%d:%d: %s %s", name, d.Line, d.Column, d.Code, d.Message.EN)
		}
		t.Fatalf("%s has errors", name)
	}
	return res.Plan
}

// export writes the plan's workbook with every appendix.
func export(t *testing.T, p *plan.Plan, o appendix.Options) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := appendix.Write(&buf, p, appendix.Numbers(p), o); err != nil {
		t.Fatalf("Write: %v", err)
	}
	return buf.Bytes()
}

func open(t *testing.T, data []byte) *excelize.File {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("excelize cannot read the workbook: %v", err)
	}
	t.Cleanup(func() { f.Close() })
	return f
}

// sheetXML returns the raw XML of a sheet of the workbook.
func sheetXML(t *testing.T, data []byte, sheet string) string {
	t.Helper()
	f := open(t, data)
	idx, err := f.GetSheetIndex(sheet)
	if err != nil || idx < 0 {
		t.Fatalf("no sheet %s", sheet)
	}
	z, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	// Sheets are written in order: PLn is sheet<index+1>.xml.
	name := fmt.Sprintf("xl/worksheets/sheet%d.xml", idx+1)
	for _, zf := range z.File {
		if zf.Name == name {
			r, err := zf.Open()
			if err != nil {
				t.Fatal(err)
			}
			defer r.Close()
			var b bytes.Buffer
			if _, err := b.ReadFrom(r); err != nil {
				t.Fatal(err)
			}
			return b.String()
		}
	}
	t.Fatalf("no %s", name)
	return ""
}

func TestNumbers(t *testing.T) {
	tests := []struct {
		name string
		want []int
	}{
		{"bao-yen-2022", []int{1, 2, 3, 4, 5, 6, 7}},
		{"bao-yen-2022-xa", []int{1, 2, 3, 4, 5, 6, 7}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := loadExample(t, tt.name)
			if diff := cmp.Diff(tt.want, appendix.Numbers(p)); diff != "" {
				t.Errorf("Numbers (-want +got):\n%s", diff)
			}
		})
	}
	t.Run("no targets", func(t *testing.T) {
		p := load(t, "plan.yaml", []byte(minimalPlan))
		if diff := cmp.Diff([]int{2, 3}, appendix.Numbers(p)); diff != "" {
			t.Errorf("Numbers (-want +got):\n%s", diff)
		}
	})
}

// TestReferencePL2 checks the funding summary of the reference plan cell by
// cell: the title block, the two-row header with Chia ra, the column
// numbers, TỔNG CỘNG as the true sum of the projects, Roman numerals.
func TestReferencePL2(t *testing.T) {
	data := export(t, loadExample(t, "bao-yen-2022"), appendix.Options{})
	f := open(t, data)

	if diff := cmp.Diff([]string{"PL1", "PL2", "PL3", "PL4", "PL5", "PL6", "PL7"}, f.GetSheetList()); diff != "" {
		t.Errorf("sheets (-want +got):\n%s", diff)
	}
	cells := map[string]string{
		"A1": "Phụ lục số 2",
		"A2": "TỔNG HỢP KINH PHÍ THỰC HIỆN CHƯƠNG TRÌNH MỤC TIÊU QUỐC GIA GIẢM NGHÈO BỀN VỮNG NĂM 2022",
		"A3": "(Kèm theo Kế hoạch số      /KH-UBND ngày      tháng 8 năm 2022 của UBND huyện Bảo Yên)",
		"A4": "Đơn vị tính: Triệu đồng",
		"A5": "STT", "B5": "Dự án, tiểu dự án", "C5": "Đơn vị chủ trì", "D5": "Tổng kinh phí", "E5": "Chia ra",
		"H5": "Phụ lục", "I5": "Ghi chú",
		"E6": "Vốn sự nghiệp NSTW", "F6": "NSĐP", "G6": "Vốn huy động khác",
		"A7": "A", "B7": "B", "C7": "C", "D7": "1=2+3+4", "E7": "2", "F7": "3", "G7": "4", "H7": "D", "I7": "E",
		"B8": "TỔNG CỘNG",
		"A9": "I", "B9": "Dự án 2: Đa dạng hóa sinh kế, phát triển mô hình giảm nghèo",
		"C9": "Phòng Nông nghiệp và Phát triển nông thôn", "H9": "Phụ lục số 3",
		"A10": "II", "B10": "Dự án 3: Hỗ trợ phát triển sản xuất, cải thiện dinh dưỡng", "H10": "Phụ lục số 4",
		"A11": "1", "B11": "Tiểu dự án 1: Hỗ trợ phát triển sản xuất trong lĩnh vực nông nghiệp",
		"A17": "V", "A18": "1", "A19": "2", "B19": "Tiểu dự án 2: Giám sát, đánh giá",
	}
	got := map[string]string{}
	for ref := range cells {
		v, err := f.GetCellValue("PL2", ref, excelize.Options{RawCellValue: true})
		if err != nil {
			t.Fatal(err)
		}
		got[ref] = v
	}
	if diff := cmp.Diff(cells, got); diff != "" {
		t.Errorf("PL2 cells (-want +got):\n%s", diff)
	}

	// Every total is a formula with its value: 7.604 = 6.220 + 623 + 761,
	// not the 7.603 the plan states.
	formulas := []struct{ ref, formula, value string }{
		{"D8", "E8+F8+G8", "7604"},
		{"E8", "SUM(E9:E10,E12,E15,E17)", "6220"},
		{"F8", "SUM(F9:F10,F12,F15,F17)", "623"},
		{"G8", "SUM(G9:G10,G12,G15,G17)", "761"},
		{"D9", "E9+F9+G9", "3188"},
		{"E10", "SUM(E11)", "1045"},
		{"E12", "SUM(E13:E14)", "2043"},
		{"D17", "E17+F17+G17", "724"},
	}
	for _, fm := range formulas {
		gotF, _ := f.GetCellFormula("PL2", fm.ref)
		gotV, _ := f.GetCellValue("PL2", fm.ref, excelize.Options{RawCellValue: true})
		if gotF != fm.formula || gotV != fm.value {
			t.Errorf("PL2!%s = %q → %q, want %q → %q", fm.ref, gotF, gotV, fm.formula, fm.value)
		}
	}
	// A figure of a row without children is a typed number.
	if fm, _ := f.GetCellFormula("PL2", "E9"); fm != "" {
		t.Errorf("PL2!E9 has formula %q, want the number 2416", fm)
	}

	merges := mergedRanges(t, f, "PL2")
	want := []string{"A1:I1", "A2:I2", "A3:I3", "A4:I4", "A5:A6", "B5:B6", "C5:C6", "D5:D6", "E5:G5", "H5:H6", "I5:I6"}
	if diff := cmp.Diff(want, merges); diff != "" {
		t.Errorf("PL2 merged ranges (-want +got):\n%s", diff)
	}

	// Fonts and styles.
	style := func(ref string) *excelize.Style {
		id, err := f.GetCellStyle("PL2", ref)
		if err != nil {
			t.Fatal(err)
		}
		s, err := f.GetStyle(id)
		if err != nil {
			t.Fatal(err)
		}
		return s
	}
	for _, tc := range []struct {
		ref          string
		bold, italic bool
		size         float64
		numFmt       string
	}{
		{"A1", true, false, 13, ""},
		{"A2", true, false, 13, ""},
		{"A3", false, true, 13, ""},
		{"A4", false, true, 12, ""},
		{"E5", true, false, 12, ""},
		{"D7", false, true, 12, ""},
		{"B8", true, false, 12, ""},
		{"D8", true, false, 12, viFormat},
		{"E9", true, false, 12, viFormat},
		{"E11", false, false, 12, viFormat},
	} {
		s := style(tc.ref)
		if s.Font == nil || s.Font.Family != "Times New Roman" || s.Font.Bold != tc.bold || s.Font.Italic != tc.italic || s.Font.Size != tc.size {
			t.Errorf("PL2!%s font = %+v, want Times New Roman %v pt bold=%v italic=%v", tc.ref, s.Font, tc.size, tc.bold, tc.italic)
		}
		got := ""
		if s.CustomNumFmt != nil {
			got = *s.CustomNumFmt
		}
		if got != tc.numFmt {
			t.Errorf("PL2!%s number format = %q, want %q", tc.ref, got, tc.numFmt)
		}
		tableCell := tc.ref[1] >= '5' || len(tc.ref) > 2
		if hasBorders := len(s.Border) == 4; hasBorders != tableCell {
			t.Errorf("PL2!%s borders = %v, want borders %v", tc.ref, s.Border, tableCell)
		}
	}
}

func mergedRanges(t *testing.T, f *excelize.File, sheet string) []string {
	t.Helper()
	mc, err := f.GetMergeCells(sheet, true)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, m := range mc {
		out = append(out, m.GetStartAxis()+":"+m.GetEndAxis())
	}
	return out
}

// TestPrintSetup checks what makes the sheets print as forms: A4
// landscape, fit to one page wide, the header repeated, page numbers, the
// header frozen on screen.
func TestPrintSetup(t *testing.T) {
	data := export(t, loadExample(t, "bao-yen-2022"), appendix.Options{})
	f := open(t, data)
	titles := map[string]string{}
	for _, dn := range f.GetDefinedName() {
		if dn.Name == "_xlnm.Print_Titles" {
			titles[dn.Scope] = dn.RefersTo
		}
	}
	for _, sheet := range f.GetSheetList() {
		t.Run(sheet, func(t *testing.T) {
			pl, err := f.GetPageLayout(sheet)
			if err != nil {
				t.Fatal(err)
			}
			if *pl.Size != 9 || *pl.Orientation != "landscape" || pl.FitToWidth == nil || *pl.FitToWidth != 1 || pl.FitToHeight == nil || *pl.FitToHeight != 0 {
				t.Errorf("page layout = size %v %v fit %v×%v, want A4 (9) landscape fit 1 wide", *pl.Size, *pl.Orientation, pl.FitToWidth, pl.FitToHeight)
			}
			props, err := f.GetSheetProps(sheet)
			if err != nil {
				t.Fatal(err)
			}
			if props.FitToPage == nil || !*props.FitToPage {
				t.Errorf("fitToPage is not set: the fit-to-width setting would be ignored")
			}
			hf, err := f.GetHeaderFooter(sheet)
			if err != nil {
				t.Fatal(err)
			}
			if hf == nil || !strings.Contains(hf.OddFooter, "&P") {
				t.Errorf("footer = %+v, want a page number", hf)
			}
			header := "5:$7"
			if sheet == "PL1" {
				header = "4:$5"
			}
			if want := sheet + "!$" + header; titles[sheet] != want {
				t.Errorf("print titles = %q, want %q", titles[sheet], want)
			}
			panes, err := f.GetPanes(sheet)
			if err != nil {
				t.Fatal(err)
			}
			wantTop := "A8"
			if sheet == "PL1" {
				wantTop = "A6"
			}
			if !panes.Freeze || panes.TopLeftCell != wantTop {
				t.Errorf("panes = %+v, want frozen above %s", panes, wantTop)
			}
			// Column widths are set, in order (Excel rejects them out of
			// order).
			x := sheetXML(t, data, sheet)
			cols := regexp.MustCompile(`<col min="(\d+)"`).FindAllStringSubmatch(x, -1)
			for i, c := range cols {
				if c[1] != fmt.Sprint(i+1) {
					t.Fatalf("columns out of order: %v", cols)
				}
			}
			if len(cols) == 0 {
				t.Error("no column widths")
			}
		})
	}
}

// TestProperties checks the document's properties: the plan's title and
// issuer, and the plan's date rather than the clock.
func TestProperties(t *testing.T) {
	p := loadExample(t, "bao-yen-2022")
	date, err := appendix.DocumentDate(p, "")
	if err != nil {
		t.Fatal(err)
	}
	f := open(t, export(t, p, appendix.Options{Date: date}))
	dp, err := f.GetDocProps()
	if err != nil {
		t.Fatal(err)
	}
	want := excelize.DocProperties{
		Title:          "Kế hoạch thực hiện Chương trình mục tiêu quốc gia Giảm nghèo bền vững huyện Bảo Yên năm 2022",
		Creator:        "UBND huyện Bảo Yên",
		LastModifiedBy: "UBND huyện Bảo Yên",
		Subject:        "Phụ lục kèm theo kế hoạch",
		Language:       "vi-VN",
		Created:        "2022-08-01T00:00:00Z",
		Modified:       "2022-08-01T00:00:00Z",
	}
	if diff := cmp.Diff(want, *dp); diff != "" {
		t.Errorf("document properties (-want +got):\n%s", diff)
	}
	font, err := f.GetDefaultFont()
	if err != nil || font != "Times New Roman" {
		t.Errorf("default font = %q, %v; want Times New Roman", font, err)
	}
}

func TestDocumentDate(t *testing.T) {
	p := load(t, "plan.yaml", []byte(minimalPlan))
	tests := []struct {
		name, date, epoch string
		want              time.Time
		wantErr           bool
	}{
		{"day", "2022-08-15", "", time.Date(2022, 8, 15, 0, 0, 0, 0, time.UTC), false},
		{"month", "2022-08", "1700000000", time.Date(2022, 8, 1, 0, 0, 0, 0, time.UTC), false},
		{"epoch", "", "1700000000", time.Unix(1700000000, 0).UTC(), false},
		{"year", "", "", time.Date(2022, 1, 1, 0, 0, 0, 0, time.UTC), false},
		{"bad epoch", "", "yesterday", time.Time{}, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			q := *p
			q.Info.Date = plan.Text{Value: tt.date, Written: tt.date != ""}
			got, err := appendix.DocumentDate(&q, tt.epoch)
			if (err != nil) != tt.wantErr || !got.Equal(tt.want) {
				t.Errorf("DocumentDate(date %q, SOURCE_DATE_EPOCH %q) = %v, %v; want %v (error %v)", tt.date, tt.epoch, got, err, tt.want, tt.wantErr)
			}
		})
	}
}

// TestAttachLine checks the "(Kèm theo …)" line: blanks for handwriting
// until the plan has its number and day.
func TestAttachLine(t *testing.T) {
	p := load(t, "plan.yaml", []byte(minimalPlan))
	tests := []struct {
		name, number, date, want string
	}{
		{"draft", "", "2022-08", "(Kèm theo Kế hoạch số      /KH-UBND ngày      tháng 8 năm 2022 của UBND huyện Bảo Yên)"},
		{"signed", "215/KH-UBND", "2022-08-15", "(Kèm theo Kế hoạch số 215/KH-UBND ngày 15 tháng 8 năm 2022 của UBND huyện Bảo Yên)"},
		{"no date", "", "", "(Kèm theo Kế hoạch số      /KH-UBND ngày      tháng      năm 2022 của UBND huyện Bảo Yên)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			q := *p
			q.Info.Number = plan.Text{Value: tt.number, Written: true}
			q.Info.Date = plan.Text{Value: tt.date, Written: tt.date != ""}
			f := open(t, export(t, &q, appendix.Options{}))
			got, _ := f.GetCellValue("PL2", "A3")
			if got != tt.want {
				t.Errorf("PL2!A3 = %q, want %q", got, tt.want)
			}
		})
	}
}

// TestDeterministic exports the same plan twice: the bytes are the same,
// and the parts come in a fixed order with fixed times.
func TestDeterministic(t *testing.T) {
	for _, name := range examples {
		t.Run(name, func(t *testing.T) {
			p := loadExample(t, name)
			a := export(t, p, appendix.Options{})
			for range 5 {
				if b := export(t, loadExample(t, name), appendix.Options{}); !bytes.Equal(a, b) {
					t.Fatal("two exports of the same plan differ")
				}
			}
			z, err := zip.NewReader(bytes.NewReader(a), int64(len(a)))
			if err != nil {
				t.Fatal(err)
			}
			var names []string
			for _, f := range z.File {
				names = append(names, f.Name)
				if !f.Modified.Equal(time.Date(2022, 8, 1, 0, 0, 0, 0, time.UTC)) {
					t.Errorf("%s modified %v, want the plan's date", f.Name, f.Modified)
				}
			}
			want := []string{"[Content_Types].xml", "_rels/.rels", "docProps/app.xml", "docProps/core.xml",
				"xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/styles.xml", "xl/theme/theme1.xml"}
			for i := 1; i <= 7; i++ {
				want = append(want, fmt.Sprintf("xl/worksheets/sheet%d.xml", i))
			}
			if diff := cmp.Diff(want, names); diff != "" {
				t.Errorf("parts (-want +got):\n%s", diff)
			}
		})
	}
}

// TestNumberStyle checks the number formats: the literal dot by default,
// #,##0 with --number-style locale, decimals where the plan has them,
// percents as written.
func TestNumberStyle(t *testing.T) {
	p := loadExample(t, "bao-yen-2022")
	format := func(f *excelize.File, sheet, ref string) string {
		id, err := f.GetCellStyle(sheet, ref)
		if err != nil {
			t.Fatal(err)
		}
		s, err := f.GetStyle(id)
		if err != nil {
			t.Fatal(err)
		}
		if s.CustomNumFmt == nil {
			return ""
		}
		return *s.CustomNumFmt
	}
	t.Run("vi", func(t *testing.T) {
		f := open(t, export(t, p, appendix.Options{}))
		for ref, want := range map[string]string{"D8": viFormat, "E9": viFormat} {
			if got := format(f, "PL2", ref); got != want {
				t.Errorf("PL2!%s format = %q, want %q", ref, got, want)
			}
		}
		// PL1: 6,8 % with its decimal, 1.438 households grouped.
		for ref, want := range map[string]string{"D6": "0.0", "D7": viFormat, "D10": "0", "D11": viFormat} {
			if got := format(f, "PL1", ref); got != want {
				t.Errorf("PL1!%s format = %q, want %q", ref, got, want)
			}
		}
	})
	t.Run("locale", func(t *testing.T) {
		f := open(t, export(t, p, appendix.Options{NumberStyle: appendix.Locale}))
		if got := format(f, "PL2", "D8"); got != "#,##0" {
			t.Errorf("PL2!D8 format = %q, want #,##0", got)
		}
	})
	t.Run("decimals", func(t *testing.T) {
		src := strings.Replace(minimalPlan, "{central: 100, local: 10}", "{central: 100.25, local: 10.5}", 1)
		f := open(t, export(t, load(t, "plan.yaml", []byte(src)), appendix.Options{}))
		want := `[>=1000000]#"."###"."##0.00;[>=1000]#"."##0.00;0.00`
		for _, ref := range []string{"E9", "D9", "D8", "E8"} {
			if got := format(f, "PL2", ref); got != want {
				t.Errorf("PL2!%s format = %q, want %q", ref, got, want)
			}
		}
		if v, _ := f.GetCellValue("PL2", "D8", excelize.Options{RawCellValue: true}); v != "110.75" {
			t.Errorf("PL2!D8 = %s, want 110.75", v)
		}
	})
}

// TestTextNeverFormula gives names that look like formulas: they are
// written as text, never as formulas.
func TestTextNeverFormula(t *testing.T) {
	names := []string{`=HYPERLINK("http://example.com","x")`, "+1+1", "-2", "@SUM(A1)", `='C:\x\[a.xlsx]S'!A1`}
	src := minimalPlan
	for i, n := range names {
		src += fmt.Sprintf("  - {project: %d, name: %q, appendix: 3, lead: %q, funding: {central: 1}}\n", i+3, n, n)
	}
	res := plan.Validate("plan.yaml", []byte(src))
	if res.Plan == nil {
		t.Fatalf("plan not loaded: %v", res.Diagnostics)
	}
	data := export(t, res.Plan, appendix.Options{})
	x := sheetXML(t, data, "PL2")
	cells, err := appendix.Cells(data, "PL2")
	if err != nil {
		t.Fatal(err)
	}
	for _, n := range names {
		found := 0
		for _, c := range cells {
			if strings.HasSuffix(c.Value, n) {
				found++
				if c.Formula != "" || c.Number {
					t.Errorf("%s holds %q as %+v, want text", c.Ref, n, c)
				}
			}
		}
		if found == 0 {
			t.Errorf("%q is not in PL2", n)
		}
	}
	if strings.Contains(x, "HYPERLINK(") && regexp.MustCompile(`<f>[^<]*HYPERLINK`).MatchString(x) {
		t.Error("a name became a formula")
	}
	if strings.Contains(x, "<hyperlink") {
		t.Error("a name became a hyperlink")
	}
}

// TestGolden compares every cell of the example workbooks (value, formula,
// number format) and the merged ranges with the goldens under testdata;
// -update rewrites them.
func TestGolden(t *testing.T) {
	for _, name := range examples {
		t.Run(name, func(t *testing.T) {
			data := export(t, loadExample(t, name), appendix.Options{})
			got := dump(t, data)
			path := filepath.Join("testdata", name+".cells")
			if *update {
				if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run go test -update to create it)", err)
			}
			if diff := cmp.Diff(string(want), got); diff != "" {
				t.Errorf("%s (-want +got):\n%s", path, diff)
			}
		})
	}
}

// dump lists the workbook's sheets, their merged ranges and cells: ref,
// value (a formula as =formula → cached value), number format.
func dump(t *testing.T, data []byte) string {
	t.Helper()
	f := open(t, data)
	var b strings.Builder
	names, err := appendix.SheetNames(data)
	if err != nil {
		t.Fatal(err)
	}
	for _, sheet := range names {
		fmt.Fprintf(&b, "== %s\nmerged: %s\n", sheet, strings.Join(mergedRanges(t, f, sheet), " "))
		cells, err := appendix.Cells(data, sheet)
		if err != nil {
			t.Fatal(err)
		}
		for _, c := range cells {
			line := c.Ref + "\t" + c.String()
			if id, err := f.GetCellStyle(sheet, c.Ref); err == nil {
				if s, err := f.GetStyle(id); err == nil && s.CustomNumFmt != nil {
					line += "\t" + *s.CustomNumFmt
				}
			}
			b.WriteString(line + "\n")
		}
	}
	return b.String()
}

// TestCommuneTable checks PL1's per-commune table: end-of-year counts and
// every rate are formulas over the row, TỔNG CỘNG's rates over its sums.
func TestCommuneTable(t *testing.T) {
	data := export(t, loadExample(t, "bao-yen-2022-xa"), appendix.Options{})
	cells, err := appendix.Cells(data, "PL1")
	if err != nil {
		t.Fatal(err)
	}
	byRef := map[string]appendix.Cell{}
	for _, c := range cells {
		byRef[c.Ref] = c
	}
	// Find the TỔNG CỘNG row of the second table.
	total := 0
	for _, c := range cells {
		if c.Value == "TỔNG CỘNG" && strings.HasPrefix(c.Ref, "B") {
			fmt.Sscanf(c.Ref[1:], "%d", &total)
		}
	}
	if total == 0 {
		t.Fatal("no TỔNG CỘNG row in PL1")
	}
	first, last := total+1, total+17
	ref := func(col string, row int) string { return fmt.Sprintf("%s%d", col, row) }
	want := map[string]string{
		ref("B", total): "TỔNG CỘNG",
		ref("C", total): fmt.Sprintf("=SUM(C%d:C%d) → 20990", first, last),
		ref("D", total): fmt.Sprintf("=SUM(D%d:D%d) → 1708", first, last),
		ref("F", total): fmt.Sprintf("=SUM(F%d:F%d) → 592", first, last),
		ref("H", total): fmt.Sprintf("=D%d-F%d → 1116", total, total),
		ref("P", total): fmt.Sprintf("=SUM(P%d:P%d) → 1750", first, last),
		ref("B", first): "Thị trấn Phố Ràng",
		ref("H", first): fmt.Sprintf("=D%d-F%d → 24", first, first),
	}
	for r, w := range want {
		if got := byRef[r].String(); got != w {
			t.Errorf("PL1!%s = %q, want %q", r, got, w)
		}
	}
	// Two tables: no single header to freeze or repeat.
	f := open(t, data)
	if panes, err := f.GetPanes("PL1"); err != nil || panes.Freeze {
		t.Errorf("PL1 panes = %+v, %v; want none", panes, err)
	}
	for _, dn := range f.GetDefinedName() {
		if dn.Scope == "PL1" && dn.Name == "_xlnm.Print_Titles" {
			t.Errorf("PL1 repeats rows %s", dn.RefersTo)
		}
	}
	// The rate of TỔNG CỘNG is over the sums, not an average of rates.
	rate := byRef[ref("E", total)]
	if rate.Formula != fmt.Sprintf(`IF(C%d=0,"",D%d/C%d*100)`, total, total, total) || !strings.HasPrefix(rate.Value, "8.137208") {
		t.Errorf("PL1!E%d = %s, want 1708/20990×100 = 8.137…", total, rate)
	}
}

// TestCompare checks that the first differing cell is named.
func TestCompare(t *testing.T) {
	p := loadExample(t, "bao-yen-2022")
	a := export(t, p, appendix.Options{})
	if _, differ, err := appendix.Compare(a, a); err != nil || differ {
		t.Fatalf("Compare(a, a) = differ %v, %v", differ, err)
	}
	// Locale formats are styles, not content.
	if _, differ, err := appendix.Compare(a, export(t, p, appendix.Options{NumberStyle: appendix.Locale})); err != nil || differ {
		t.Errorf("a change of number style differs in content: %v, %v", differ, err)
	}
	q := *p
	q.Projects = slices.Clone(p.Projects)
	pr := *q.Projects[0]
	pr.Funding.Sources[1].Value += 1000 // 241 → 242
	q.Projects[0] = &pr
	b := export(t, &q, appendix.Options{})
	d, differ, err := appendix.Compare(a, b)
	if err != nil || !differ {
		t.Fatalf("Compare = differ %v, %v; want a difference", differ, err)
	}
	want := appendix.Difference{Sheet: "PL2", Ref: "D8", Old: "=E8+F8+G8 → 7604", New: "=E8+F8+G8 → 7605"}
	if diff := cmp.Diff(want, d); diff != "" {
		t.Errorf("Compare (-want +got):\n%s", diff)
	}
	// Fewer sheets.
	var buf bytes.Buffer
	if err := appendix.Write(&buf, p, []int{2, 3}, appendix.Options{}); err != nil {
		t.Fatal(err)
	}
	d, differ, _ = appendix.Compare(a, buf.Bytes())
	if !differ || d.Ref != "" || d.New != "PL2, PL3" {
		t.Errorf("Compare with fewer sheets = %+v, %v", d, differ)
	}
	if _, _, err := appendix.Compare([]byte("not a zip"), a); err == nil {
		t.Error("Compare of a file that is not a workbook: no error")
	}
}

func TestWriteUnknownAppendix(t *testing.T) {
	p := loadExample(t, "bao-yen-2022")
	var buf bytes.Buffer
	if err := appendix.Write(&buf, p, []int{8}, appendix.Options{}); err == nil {
		t.Error("Write of appendix 8: no error")
	}
}

// minimalPlan is a valid plan without targets, one project in appendix 3;
// tests append projects to it.
const minimalPlan = `kehoach: 1
plan:
  title: Kế hoạch thử
  year: 2022
  issuer: UBND huyện Bảo Yên
  province: Lào Cai
  district: Bảo Yên
projects:
  - project: 2
    name: Đa dạng hóa sinh kế, phát triển mô hình giảm nghèo
    appendix: 3
    funding: {central: 100, local: 10}
`

// BenchmarkWrite exports a plan of 20,000 activities and reports the
// memory allocated per row: the sheets are streamed, far below the 7 KB
// a row that excelize's normal API needs.
func BenchmarkWrite(b *testing.B) {
	var src strings.Builder
	src.WriteString(minimalPlan[:strings.Index(minimalPlan, "projects:")])
	src.WriteString("projects:\n  - project: 2\n    name: Đa dạng hóa sinh kế, phát triển mô hình giảm nghèo\n    appendix: 3\n    activities:\n")
	const rows = 20000
	for i := range rows {
		fmt.Fprintf(&src, "      - {name: Mô hình nuôi lợn đen bản địa số %d, unit: mô hình, quantity: 2, lead: UBND xã số %d, funding: {central: %d, local: 8, other: 1}}\n", i, i, 80+i%7)
	}
	res := plan.Validate("big.yaml", []byte(src.String()))
	if res.Plan == nil {
		b.Fatal("plan not loaded")
	}
	b.ReportAllocs()
	b.ResetTimer()
	for range b.N {
		if err := appendix.Write(io.Discard, res.Plan, []int{3}, appendix.Options{}); err != nil {
			b.Fatal(err)
		}
	}
}
