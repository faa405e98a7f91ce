package bench

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
	"go.yaml.in/yaml/v3"

	"github.com/kehoach/kehoach/internal/synthetic"
	"github.com/kehoach/kehoach/plan"
	"github.com/kehoach/kehoach/report"
	"github.com/kehoach/kehoach/report/appendix"
)

// The test binary runs again as a child to measure an operation's peak
// memory: childEnv names the operation, argsEnv holds its arguments, one a
// line.
const (
	childEnv = "KEHOACH_BENCH_CHILD"
	argsEnv  = "KEHOACH_BENCH_ARGS"
	// peakPrefix starts the line on which a child prints its peak
	// resident set in bytes.
	peakPrefix = "peak-rss-bytes"
)

// reference is the reference plan, the workload of the start-up
// benchmarks.
const reference = "../examples/bao-yen-2022.yaml"

func TestMain(m *testing.M) {
	if op := os.Getenv(childEnv); op != "" {
		// A child: run the operation once, print the peak resident set
		// for the parent (reportPeak) and exit.
		if err := runOp(op, strings.Split(os.Getenv(argsEnv), "\n")); err != nil {
			fmt.Fprintf(os.Stderr, "%s: %v\n", op, err)
			os.Exit(1)
		}
		if peak, ok := peakRSS(); ok {
			fmt.Printf("%s %d\n", peakPrefix, peak)
		}
		os.Exit(0)
	}
	code := m.Run()
	work.cleanup()
	os.Exit(code)
}

// runOp runs one operation by name, as a child process does.
func runOp(op string, args []string) error {
	need := map[string]int{"validate": 1, "validate-findings": 1, "floor-decode": 1, "floor-decode-all": 1, "export": 2, "floor-export": 3}
	if n, ok := need[op]; ok && len(args) < n {
		return fmt.Errorf("%d arguments, want %d", len(args), n)
	}
	switch op {
	case "validate":
		return validate(args...)
	case "validate-findings":
		return validateFindings(args...)
	case "floor-decode":
		_, err := floorDecode(args[0])
		return err
	case "floor-decode-all":
		return floorDecodeAll(args[0])
	case "export":
		return export(args[0], args[1])
	case "floor-export":
		communes, err := strconv.Atoi(args[1])
		if err != nil {
			return err
		}
		return floorExport(args[0], exportShape(communes), args[2])
	}
	return fmt.Errorf("unknown operation %q", op)
}

// workloads are the files of one run, written once into a temporary
// folder that TestMain removes.
type workloads struct {
	mu    sync.Mutex
	root  string
	files map[string]string
}

var work = &workloads{files: map[string]string{}}

// path returns the path of the named workload under the run's folder,
// creating it with make on first use.
func (w *workloads) path(tb testing.TB, name string, make func(path string) error) string {
	tb.Helper()
	w.mu.Lock()
	defer w.mu.Unlock()
	if p, ok := w.files[name]; ok {
		return p
	}
	if w.root == "" {
		root, err := os.MkdirTemp("", "kehoach-bench-")
		if err != nil {
			tb.Fatal(err)
		}
		w.root = root
	}
	p := filepath.Join(w.root, name)
	if err := make(p); err != nil {
		tb.Fatalf("writing the workload %s: %v", name, err)
	}
	w.files[name] = p
	return p
}

func (w *workloads) cleanup() {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.root != "" {
		os.RemoveAll(w.root)
	}
}

// dir returns a fresh folder under the run's folder, for outputs.
func (w *workloads) dir(tb testing.TB, name string) string {
	return w.path(tb, name, func(p string) error { return os.MkdirAll(p, 0o777) })
}

// nationalFile returns a national plan of the given number of communes.
func nationalFile(tb testing.TB, communes int) string {
	return work.path(tb, fmt.Sprintf("national-%d.yaml", communes), func(p string) error {
		return synthetic.WriteNational(p, communes)
	})
}

// repoDir returns a folder of synthetic.Districts district plans.
func repoDir(tb testing.TB) string {
	return work.path(tb, "repo", func(p string) error {
		return synthetic.WriteRepo(p, synthetic.Districts, synthetic.DistrictCommunes)
	})
}

// binary builds a main package of the module once per run and returns the
// executable's path.
func binary(tb testing.TB, pkg string) string {
	tb.Helper()
	goTool, err := exec.LookPath("go")
	if err != nil {
		tb.Skip("the go command is needed to build", pkg)
	}
	return work.path(tb, "bin-"+filepath.Base(pkg), func(p string) error {
		cmd := exec.Command(goTool, "build", "-o", p, pkg)
		cmd.Dir = ".."
		if out, err := cmd.CombinedOutput(); err != nil {
			return fmt.Errorf("go build %s: %v\n%s", pkg, err, out)
		}
		return nil
	})
}

// validate does what `kehoach validate PATH…` does once its flags are
// parsed: collect the files, validate them on every core, and write the
// text report. A finding is an error here: the workloads have none.
func validate(paths ...string) error { return validateReport(false, paths) }

// validateFindings is validate for workloads with findings (the plans with
// slips): the findings are written in the report, and a file without any
// is an error.
func validateFindings(paths ...string) error { return validateReport(true, paths) }

func validateReport(findings bool, paths []string) error {
	names, err := planFiles(paths)
	if err != nil {
		return err
	}
	// As the command does (cmd/kehoach/files.go): the files on every
	// core, each result without its model, and the report in name order.
	files := make([]report.File, len(names))
	errs := make([]error, len(names))
	next := make(chan int)
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), len(names)) {
		wg.Go(func() {
			for i := range next {
				files[i], errs[i] = validateFile(findings, names[i])
			}
		})
	}
	for i := range names {
		next <- i
	}
	close(next)
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		return err
	}
	f, err := report.New("text", report.Options{Lang: plan.VI, ToolVersion: "bench"})
	if err != nil {
		return err
	}
	return f.Format(io.Discard, files)
}

// planFiles is the files to validate: each path, or the *.yaml files of
// a folder (the workloads' folders are flat).
func planFiles(paths []string) ([]string, error) {
	var names []string
	for _, p := range paths {
		fi, err := os.Stat(p)
		if err != nil {
			return nil, err
		}
		if !fi.IsDir() {
			names = append(names, p)
			continue
		}
		found, err := filepath.Glob(filepath.Join(p, "*.yaml"))
		if err != nil {
			return nil, err
		}
		names = append(names, found...)
	}
	return names, nil
}

func validateFile(findings bool, name string) (report.File, error) {
	data, err := os.ReadFile(name)
	if err != nil {
		return report.File{}, err
	}
	res := plan.Validate(name, data)
	switch {
	case res.NotPlan:
		return report.File{}, fmt.Errorf("%s: not a plan file", name)
	case findings && len(res.Diagnostics) == 0:
		return report.File{}, fmt.Errorf("%s: no findings", name)
	case !findings && len(res.Diagnostics) > 0:
		d := res.Diagnostics[0]
		return report.File{}, fmt.Errorf("%s:%d:%d: %s %s", name, d.Line, d.Column, d.Code, d.Message.EN)
	}
	f := report.File{Name: name, Diagnostics: res.Diagnostics}
	if len(res.Diagnostics) > 0 {
		f.Source = data
	}
	return f, nil
}

// export does what `kehoach export FILE -o DIR` does once its flags are
// parsed: validate the plan and write the workbook of all its appendices
// to a file.
func export(name, dir string) error {
	data, err := os.ReadFile(name)
	if err != nil {
		return err
	}
	res := plan.Validate(name, data)
	if res.Plan == nil || len(res.Diagnostics) > 0 {
		return fmt.Errorf("%s: %d findings", name, len(res.Diagnostics))
	}
	p := res.Plan
	debug.FreeOSMemory() // as runExport does (releaseTree)
	date, err := appendix.DocumentDate(p, "")
	if err != nil {
		return err
	}
	base := strings.TrimSuffix(filepath.Base(name), filepath.Ext(name)) + "-phu-luc.xlsx"
	f, err := os.Create(filepath.Join(dir, base))
	if err != nil {
		return err
	}
	if err := appendix.Write(f, p, appendix.Numbers(p), appendix.Options{Date: date}); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// floorDecode reads a file and decodes it into a yaml.Node, as kehoach
// does first (plan.Load): the floor of validation.
func floorDecode(name string) (*yaml.Node, error) {
	data, err := os.ReadFile(name)
	if err != nil {
		return nil, err
	}
	var doc yaml.Node
	if err := yaml.NewDecoder(bytes.NewReader(data)).Decode(&doc); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return &doc, nil
}

// floorDecodeAll reads and decodes every file of a folder, on as many
// workers as there are cores: the floor of validating a repository.
func floorDecodeAll(dir string) error {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return err
	}
	errs := make([]error, len(entries))
	next := make(chan int)
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), len(entries)) {
		wg.Go(func() {
			for i := range next {
				_, errs[i] = floorDecode(filepath.Join(dir, entries[i].Name()))
			}
		})
	}
	for i := range entries {
		next <- i
	}
	close(next)
	wg.Wait()
	return errors.Join(errs...)
}

// segment is a run of rows of the same number of cells.
type segment struct{ rows, cells int }

// sheetShape is the rows of one sheet.
type sheetShape struct {
	name     string
	segments []segment
}

// exportShape is the rows and cells the export writes for a national
// plan of the given number of communes (TestExportShape checks it): the
// title block (one merged cell a line), the header rows, the
// column-number row and the body of each appendix.
func exportShape(communes int) []sheetShape {
	n := communes
	detail := func(name string, body int) sheetShape {
		return sheetShape{name, []segment{{4, 1}, {2 + 1 + body, 11}}}
	}
	return []sheetShape{
		{"PL1", []segment{{3, 1}, {1 + 1 + 6, 5}, {1, 1}, {3 + 1 + 1 + n, 16}}},
		{"PL2", []segment{{4, 1}, {2 + 1 + 12, 9}}},
		detail("PL3", 2+n),
		detail("PL4", 3+n),
		detail("PL5", 4+2*n),
		detail("PL6", 3+n),
		detail("PL7", 4+2*n),
	}
}

// floorExport decodes a plan into a yaml.Node and then writes a workbook of
// the given shape with excelize's StreamWriter, every cell styled, one
// formula a row: the floor of export.
func floorExport(name string, shape []sheetShape, dir string) error {
	if _, err := floorDecode(name); err != nil {
		return err
	}
	var buf bytes.Buffer
	if err := writeRows(&buf, shape); err != nil {
		return err
	}
	base := strings.TrimSuffix(filepath.Base(name), filepath.Ext(name)) + "-floor.xlsx"
	return os.WriteFile(filepath.Join(dir, base), buf.Bytes(), 0o644)
}

// writeRows writes a workbook of the given shape: in each row a text, then
// numbers, one of them a formula over the three cells before it.
func writeRows(w io.Writer, shape []sheetShape) error {
	f := excelize.NewFile()
	defer f.Close()
	style, err := f.NewStyle(&excelize.Style{
		Font:      &excelize.Font{Family: "Times New Roman", Size: 12},
		Alignment: &excelize.Alignment{Horizontal: "right", Vertical: "center", WrapText: true},
		Border: []excelize.Border{
			{Type: "left", Color: "000000", Style: 1}, {Type: "right", Color: "000000", Style: 1},
			{Type: "top", Color: "000000", Style: 1}, {Type: "bottom", Color: "000000", Style: 1},
		},
		CustomNumFmt: ptr(`[>=1000000]#"."###"."##0;[>=1000]#"."##0;0`),
	})
	if err != nil {
		return err
	}
	for i, sh := range shape {
		if i == 0 {
			err = f.SetSheetName(f.GetSheetName(0), sh.name)
		} else {
			_, err = f.NewSheet(sh.name)
		}
		if err != nil {
			return err
		}
		sw, err := f.NewStreamWriter(sh.name)
		if err != nil {
			return err
		}
		r := 0
		for _, seg := range sh.segments {
			values := make([]any, seg.cells)
			for range seg.rows {
				r++
				for c := range values {
					switch {
					case c == 0:
						values[c] = excelize.Cell{StyleID: style, Value: "Hoạt động " + strconv.Itoa(r)}
					case c == 4:
						values[c] = excelize.Cell{StyleID: style, Formula: fmt.Sprintf("B%d+C%d+D%d", r, r, r), Value: float64(3 * r)}
					default:
						values[c] = excelize.Cell{StyleID: style, Value: float64(r)}
					}
				}
				if err := sw.SetRow("A"+strconv.Itoa(r), values, excelize.RowOpts{Height: 19}); err != nil {
					return err
				}
			}
		}
		if err := sw.Flush(); err != nil {
			return err
		}
	}
	return f.Write(w)
}

func ptr[T any](v T) *T { return &v }

// measure runs op under the benchmark's timer and reports, besides time
// and allocations, the CPU time it took on all threads (cpu-ns/op: on a
// machine that others share, it varies less than the time), the cores it
// kept busy and (run once more as a child process, named childOp with
// args) its peak memory.
func measure(b *testing.B, op func() error, childOp string, args ...string) {
	b.ReportAllocs()
	cpu0, cpuOK := cpuTime()
	start := time.Now()
	for b.Loop() {
		if err := op(); err != nil {
			b.Fatal(err)
		}
	}
	wall := time.Since(start)
	if cpu1, ok := cpuTime(); cpuOK && ok && wall > 0 {
		cpu := cpu1 - cpu0
		b.ReportMetric(cpu.Seconds()/wall.Seconds(), "cores")
		b.ReportMetric(float64(cpu.Nanoseconds())/float64(b.N), "cpu-ns/op")
	}
	reportPeak(b, childOp, args...)
}

// reportPeak runs the test binary again as a child that runs the operation
// once, and reports the child's largest resident set as peak-MiB. The
// child reports it itself: the resource usage that the parent gets from
// wait4 counts, on Linux, the parent's own resident set at the time of
// the fork as well.
func reportPeak(b *testing.B, op string, args ...string) {
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), childEnv+"="+op, argsEnv+"="+strings.Join(args, "\n"))
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		b.Fatalf("child %s: %v\n%s", op, err, stderr.Bytes())
	}
	for line := range strings.Lines(stdout.String()) {
		if v, ok := strings.CutPrefix(strings.TrimSpace(line), peakPrefix+" "); ok {
			if n, err := strconv.ParseInt(v, 10, 64); err == nil {
				b.ReportMetric(float64(n)/(1<<20), "peak-MiB")
			}
		}
	}
}

// TestExportShape checks that the floor of export writes as many rows and
// cells in each sheet as the export of the same plan.
func TestExportShape(t *testing.T) {
	const communes = 3
	dir := t.TempDir()
	name := filepath.Join(dir, "national.yaml")
	if err := synthetic.WriteNational(name, communes); err != nil {
		t.Fatal(err)
	}
	if err := export(name, dir); err != nil {
		t.Fatal(err)
	}
	if err := floorExport(name, exportShape(communes), dir); err != nil {
		t.Fatal(err)
	}
	got := countCells(t, filepath.Join(dir, "national-floor.xlsx"))
	want := countCells(t, filepath.Join(dir, "national-phu-luc.xlsx"))
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("floor writes (rows, cells) %v per sheet, the export %v", got, want)
	}
}

// countCells returns the rows and cells of each sheet of a workbook, as
// the sheet's XML has them (a styled empty cell counts).
func countCells(t *testing.T, name string) map[string][2]int {
	t.Helper()
	z, err := zip.OpenReader(name)
	if err != nil {
		t.Fatal(err)
	}
	defer z.Close()
	out := map[string][2]int{}
	for _, f := range z.File {
		if !strings.HasPrefix(f.Name, "xl/worksheets/sheet") {
			continue
		}
		r, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		data, err := io.ReadAll(r)
		r.Close()
		if err != nil {
			t.Fatal(err)
		}
		out[f.Name] = [2]int{bytes.Count(data, []byte("<row ")), bytes.Count(data, []byte("<c "))}
	}
	return out
}
