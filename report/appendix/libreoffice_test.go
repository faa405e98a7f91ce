package appendix_test

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/csv"
	"io"
	"math"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/kehoach/kehoach/report/appendix"
)

// recalcProfile is a LibreOffice user profile that recalculates every
// formula of an OOXML or ODF file on load (OOXMLRecalcMode 0, "always"),
// so that the values LibreOffice shows are its own, not the cached ones.
const recalcProfile = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`

// csvFilter exports every sheet (token 12: -1) as UTF-8 CSV with the
// values as stored, not as formatted (token 9: false).
const csvFilter = `csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1`

// findSoffice returns LibreOffice's program, or skips the test when there
// is none, except on CI (CI=true), where that fails it.
func findSoffice(t *testing.T) string {
	t.Helper()
	for _, name := range []string{"soffice", "libreoffice"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	if os.Getenv("CI") == "true" {
		t.Fatal("soffice is not installed, and CI=true: install LibreOffice (Debian: apt-get install -y libreoffice-calc-nogui)")
	}
	t.Skip("soffice is not installed: skipping the LibreOffice recalculation test (Debian: apt-get install -y libreoffice-calc-nogui)")
	return ""
}

// TestLibreOfficeRecalculates opens the exported workbooks in LibreOffice
// with a profile that recalculates everything on load, saves every sheet
// as CSV, and compares each formula cell with the value the workbook
// caches. A copy whose cached values are all replaced by 0 proves that
// LibreOffice did recalculate: it must give the same values.
func TestLibreOfficeRecalculates(t *testing.T) {
	soffice := findSoffice(t)
	dir := t.TempDir()
	profile := filepath.Join(dir, "profile")
	if err := os.MkdirAll(filepath.Join(profile, "user"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(profile, "user", "registrymodifications.xcu"), []byte(recalcProfile), 0o644); err != nil {
		t.Fatal(err)
	}

	type book struct {
		name   string
		cached []byte // the workbook as exported
	}
	var books []book
	var files []string
	for _, name := range append(slices.Clone(examples), "edge", "credit") {
		var data []byte
		switch name {
		case "edge":
			data = export(t, load(t, "edge.yaml", []byte(edgePlan)), appendix.Options{})
		case "credit":
			// A source the plan adds, and a figure not stated.
			src, err := os.ReadFile(filepath.Join("..", "..", "plan", "testdata", "sources", "credit-kinds-not-stated.yaml"))
			if err != nil {
				t.Fatal(err)
			}
			data = export(t, load(t, "credit.yaml", src), appendix.Options{})
		default:
			path := filepath.Join("..", "..", "examples", name+".yaml")
			if _, err := os.Stat(path); err != nil {
				t.Logf("%s is not there yet", path)
				continue
			}
			data = export(t, loadExample(t, name), appendix.Options{})
		}
		books = append(books, book{name, data})
		for _, variant := range []struct {
			suffix string
			data   []byte
		}{{"", data}, {"-zeroed", zeroCached(t, data)}} {
			f := filepath.Join(dir, name+variant.suffix+".xlsx")
			if err := os.WriteFile(f, variant.data, 0o644); err != nil {
				t.Fatal(err)
			}
			files = append(files, f)
		}
	}
	out := filepath.Join(dir, "csv")
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	args := append([]string{"-env:UserInstallation=" + (&url.URL{Scheme: "file", Path: filepath.ToSlash(profile)}).String(),
		"--headless", "--norestore", "--convert-to", csvFilter, "--outdir", out}, files...)
	cmd := exec.CommandContext(ctx, soffice, args...)
	cmd.Env = append(os.Environ(), "HOME="+dir)
	if b, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("soffice: %v\n%s", err, b)
	}

	for _, bk := range books {
		sheets, err := appendix.SheetNames(bk.cached)
		if err != nil {
			t.Fatal(err)
		}
		checked := map[string]int{}
		for _, sheet := range sheets {
			cells, err := appendix.Cells(bk.cached, sheet)
			if err != nil {
				t.Fatal(err)
			}
			for _, suffix := range []string{"", "-zeroed"} {
				rows := readCSV(t, filepath.Join(out, bk.name+suffix+"-"+sheet+".csv"))
				for _, c := range cells {
					if c.Formula == "" {
						continue
					}
					col, row, err := excelize.CellNameToCoordinates(c.Ref)
					if err != nil {
						t.Fatal(err)
					}
					got := ""
					if row <= len(rows) && col <= len(rows[row-1]) {
						got = rows[row-1][col-1]
					}
					if !sameValue(c.Value, got) {
						t.Errorf("%s%s %s!%s: LibreOffice computes %s as %q, the workbook caches %q", bk.name, suffix, sheet, c.Ref, c.Formula, got, c.Value)
					}
					checked[suffix]++
				}
			}
		}
		for _, suffix := range []string{"", "-zeroed"} {
			if checked[suffix] == 0 {
				t.Errorf("%s%s: no formula checked", bk.name, suffix)
			}
			t.Logf("%s%s: %d formulas agree with LibreOffice", bk.name, suffix, checked[suffix])
		}
	}
}

// edgePlan has decimals (0.1 + 0.2), a commune without households (its
// rates are empty text) and activities straight under a project.
const edgePlan = `kehoach: 1
plan:
  title: Kế hoạch thử
  year: 2022
  issuer: UBND huyện Bảo Yên
  province: Lào Cai
  district: Bảo Yên
communes:
  - {id: a, name: Xã A, households: 1000, poor: 90, near_poor: 70}
  - {id: b, name: Xã B, poor: 10}
targets:
  poverty_reduction: {households: 12}
  by_commune:
    - {commune: a, poverty_reduction: {households: 10}}
    - {commune: b, poverty_reduction: {households: 2}}
projects:
  - project: 2
    name: Đa dạng hóa sinh kế, phát triển mô hình giảm nghèo
    appendix: 3
    activities:
      - {name: Một, funding: {central: 0.1, local: 0.001}}
      - {name: Hai, funding: {central: 0.2, other: 1234567.125}}
`

// zeroCached returns the workbook with the cached value of every formula
// replaced by 0.
func zeroCached(t *testing.T, data []byte) []byte {
	t.Helper()
	r, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	cached := regexp.MustCompile(`(</f>)<v>[^<]*</v>`)
	var buf bytes.Buffer
	w := zip.NewWriter(&buf)
	for _, f := range r.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		b, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatal(err)
		}
		if filepath.Dir(f.Name) == "xl/worksheets" {
			b = cached.ReplaceAll(b, []byte("$1<v>0</v>"))
		}
		fw, err := w.Create(f.Name)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := fw.Write(b); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func readCSV(t *testing.T, path string) [][]string {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatalf("LibreOffice wrote no %s: %v", filepath.Base(path), err)
	}
	defer f.Close()
	r := csv.NewReader(f)
	r.FieldsPerRecord = -1
	rows, err := r.ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	return rows
}

// sameValue compares a cached value with LibreOffice's: numbers to 1 part
// in 10^12 (LibreOffice writes 15 significant digits), text exactly.
func sameValue(cached, computed string) bool {
	x, err1 := strconv.ParseFloat(cached, 64)
	y, err2 := strconv.ParseFloat(computed, 64)
	if err1 != nil || err2 != nil {
		return cached == computed
	}
	return x == y || math.Abs(x-y) <= 1e-12*math.Max(math.Abs(x), math.Abs(y))
}
