package main

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/rogpeppe/go-internal/testscript"
	"github.com/xuri/excelize/v2"

	"github.com/kehoach/kehoach/plan"
	"github.com/kehoach/kehoach/report/appendix"
)

// scriptCommands are the custom commands of the testscript scripts.
func scriptCommands() map[string]func(ts *testscript.TestScript, neg bool, args []string) {
	return map[string]func(ts *testscript.TestScript, neg bool, args []string){
		"xlsxcells": xlsxCells,
		"replace":   replaceCmd,
	}
}

// xlsxCells is the script command `xlsxcells FILE SHEET`: it prints the
// cells of a sheet that have content as TSV, one a line: the reference,
// the formula (empty for none) and the value (a formula's cached value).
// With no SHEET it prints the sheets' names.
func xlsxCells(ts *testscript.TestScript, neg bool, args []string) {
	if len(args) < 1 || len(args) > 2 {
		ts.Fatalf("usage: xlsxcells FILE [SHEET]")
	}
	data, err := os.ReadFile(ts.MkAbs(args[0]))
	ts.Check(err)
	var out strings.Builder
	if len(args) == 1 {
		var names []string
		names, err = appendix.SheetNames(data)
		for _, n := range names {
			out.WriteString(n + "\n")
		}
	} else {
		var cells []appendix.Cell
		cells, err = appendix.Cells(data, args[1])
		for _, c := range cells {
			fmt.Fprintf(&out, "%s\t%s\t%s\n", c.Ref, c.Formula, c.Value)
		}
	}
	switch {
	case neg && err == nil:
		ts.Fatalf("xlsxcells succeeded unexpectedly")
	case neg:
		return
	}
	ts.Check(err)
	fmt.Fprint(ts.Stdout(), out.String())
}

// referencePlan is the reference plan, from examples/.
func referencePlan(t *testing.T) []byte {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("..", "..", "examples", "bao-yen-2022.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// exportRun runs export in a fresh folder holding files, with the
// options set by opts, and returns the error, stdout and stderr.
func exportRun(t *testing.T, files map[string][]byte, opts func(o *exportOptions)) (error, string, string) {
	t.Helper()
	dir := t.TempDir()
	t.Chdir(dir)
	for name, content := range files {
		if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(name, content, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	s, out, errOut := testStreams()
	o := &exportOptions{io: s, g: &globalOptions{lang: plan.EN}, file: "plan.yaml", out: "out", numberStyle: appendix.Vietnamese}
	if opts != nil {
		opts(o)
	}
	err := runExport(o)
	return err, out.String(), errOut.String()
}

// listFiles lists the files under dir, relative, sorted.
func listFiles(t *testing.T, dir string) []string {
	t.Helper()
	var out []string
	filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			rel, _ := filepath.Rel(dir, path)
			out = append(out, filepath.ToSlash(rel))
		}
		return nil
	})
	slices.Sort(out)
	return out
}

func TestRunExport(t *testing.T) {
	ref := referencePlan(t)
	withError := bytes.Replace(ref, []byte("total: 3188, central: 2416"), []byte("total: 3999, central: 2416"), 1)
	tests := []struct {
		name      string
		plan      []byte
		opts      func(o *exportOptions)
		wantErr   error // errFindings, or nil
		wantCode  exitCode
		wantFiles []string
		wantOut   string
		wantInErr string
	}{
		{
			name: "reference", plan: ref,
			wantFiles: []string{"out/plan-phu-luc.xlsx"},
			wantOut:   filepath.Join("out", "plan-phu-luc.xlsx") + "\n",
			wantInErr: "warning[B203]",
		},
		{
			name: "split subset", plan: ref,
			opts:      func(o *exportOptions) { o.split, o.appendices = true, "1,3-4" },
			wantFiles: []string{"out/plan-phu-luc-1.xlsx", "out/plan-phu-luc-3.xlsx", "out/plan-phu-luc-4.xlsx"},
		},
		{
			name: "strict refuses warnings", plan: ref,
			opts:     func(o *exportOptions) { o.strict = true },
			wantErr:  errFindings,
			wantCode: exitFindings, wantInErr: "the plan has warnings (--strict), nothing exported",
		},
		{
			name: "errors refused", plan: withError,
			wantErr:  errFindings,
			wantCode: exitFindings, wantInErr: "error[B201]",
		},
		{
			name: "force", plan: withError,
			opts:      func(o *exportOptions) { o.force = true },
			wantFiles: []string{"out/plan-phu-luc.xlsx"},
		},
		{
			name: "bad appendix", plan: ref,
			opts:     func(o *exportOptions) { o.appendices = "3-x" },
			wantCode: exitTrouble,
		},
		{
			name: "appendix the plan lacks", plan: ref,
			opts:     func(o *exportOptions) { o.appendices = "2,8-9" },
			wantCode: exitTrouble,
		},
		{
			name: "missing plan", plan: ref,
			opts:     func(o *exportOptions) { o.file = "nope.yaml" },
			wantCode: exitTrouble,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err, out, errOut := exportRun(t, map[string][]byte{"plan.yaml": tt.plan}, tt.opts)
			if tt.wantErr != nil && !errors.Is(err, tt.wantErr) {
				t.Errorf("runExport = %v, want %v", err, tt.wantErr)
			}
			s, _, _ := testStreams()
			if code := exitFor(err, s); code != tt.wantCode {
				t.Errorf("exit code = %d, want %d (error %v)", code, tt.wantCode, err)
			}
			var got []string
			for _, f := range listFiles(t, "out") {
				got = append(got, "out/"+f)
			}
			if diff := cmp.Diff(tt.wantFiles, got); tt.wantFiles != nil && diff != "" {
				t.Errorf("files (-want +got):\n%s", diff)
			}
			if tt.wantFiles == nil && len(got) > 0 {
				t.Errorf("files written: %v", got)
			}
			if tt.wantOut != "" && out != tt.wantOut {
				t.Errorf("stdout = %q, want %q", out, tt.wantOut)
			}
			if !strings.Contains(errOut, tt.wantInErr) {
				t.Errorf("stderr does not contain %q:\n%s", tt.wantInErr, errOut)
			}
		})
	}
}

// TestExportKeepsOldWorkbook: an export that fails leaves the previous
// workbook as it was, and no temporary file.
func TestExportKeepsOldWorkbook(t *testing.T) {
	ref := referencePlan(t)
	old := []byte("the previous workbook")
	withError := bytes.Replace(ref, []byte("total: 3188, central: 2416"), []byte("total: 3999, central: 2416"), 1)
	tests := []struct {
		name   string
		plan   []byte
		extra  map[string][]byte
		inErr  string
		target string
	}{
		{"plan with errors", withError, nil, "nothing exported", "out/plan-phu-luc.xlsx"},
		{"open in LibreOffice", ref, map[string][]byte{"out/.~lock.plan-phu-luc.xlsx#": []byte("lock")}, "open in another program", "out/plan-phu-luc.xlsx"},
		{"open in Excel", ref, map[string][]byte{"out/~$plan-phu-luc.xlsx": []byte("lock")}, "open in another program", "out/plan-phu-luc.xlsx"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			files := map[string][]byte{"plan.yaml": tt.plan, tt.target: old}
			for k, v := range tt.extra {
				files[k] = v
			}
			err, _, errOut := exportRun(t, files, nil)
			if err == nil {
				t.Fatal("runExport succeeded")
			}
			msg := errOut + err.Error()
			if !strings.Contains(msg, tt.inErr) {
				t.Errorf("error %q / stderr %q does not say %q", err, errOut, tt.inErr)
			}
			got, _ := os.ReadFile(tt.target)
			if !bytes.Equal(got, old) {
				t.Errorf("the previous workbook was changed")
			}
			for _, f := range listFiles(t, "out") {
				if strings.HasSuffix(f, ".tmp") {
					t.Errorf("temporary file left: %s", f)
				}
			}
		})
	}
	t.Run("target is a folder", func(t *testing.T) {
		err, _, _ := exportRun(t, map[string][]byte{"plan.yaml": ref, "out/plan-phu-luc.xlsx/x": old}, nil)
		if err == nil {
			t.Fatal("runExport succeeded")
		}
		if got := listFiles(t, "out"); !slices.Equal(got, []string{"plan-phu-luc.xlsx/x"}) {
			t.Errorf("out holds %v", got)
		}
	})
}

// TestExportCheck: --check writes nothing, passes when the workbooks are
// up to date and names the first differing cell when not.
func TestExportCheck(t *testing.T) {
	ref := referencePlan(t)
	err, _, _ := exportRun(t, map[string][]byte{"plan.yaml": ref}, nil)
	if err != nil {
		t.Fatal(err)
	}
	exported, err := os.ReadFile("out/plan-phu-luc.xlsx")
	if err != nil {
		t.Fatal(err)
	}
	changed := bytes.Replace(ref, []byte("lead: Phòng Văn hóa và Thông tin"), []byte("lead: Phòng VH-TT"), 1)
	tests := []struct {
		name    string
		plan    []byte
		files   map[string][]byte
		wantErr bool
		wantOut string
	}{
		{"up to date", ref, map[string][]byte{"out/plan-phu-luc.xlsx": exported}, false,
			"out/plan-phu-luc.xlsx: up to date\n"},
		{"missing", ref, nil, true, "out/plan-phu-luc.xlsx: missing (not exported)\n"},
		{"changed plan", changed, map[string][]byte{"out/plan-phu-luc.xlsx": exported}, true,
			`out/plan-phu-luc.xlsx: differs from the plan at PL2!C16: the file has "Phòng Văn hóa và Thông tin", the plan gives "Phòng VH-TT"` + "\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			files := map[string][]byte{"plan.yaml": tt.plan}
			for k, v := range tt.files {
				files[k] = v
			}
			err, out, _ := exportRun(t, files, func(o *exportOptions) { o.check = true })
			if (err != nil) != tt.wantErr {
				t.Errorf("runExport --check = %v, want error %v", err, tt.wantErr)
			}
			if tt.wantErr && !errors.Is(err, errFindings) {
				t.Errorf("runExport --check = %v, want exit 1", err)
			}
			if diff := cmp.Diff(filepath.FromSlash(tt.wantOut), out); diff != "" {
				t.Errorf("stdout (-want +got):\n%s", diff)
			}
			if before, after := len(tt.files), len(listFiles(t, "out")); after != before && !(before == 0 && after == 0) {
				t.Errorf("--check wrote files: %v", listFiles(t, "out"))
			}
		})
	}
}

// TestExportDate: the workbook's date is the plan's, else
// SOURCE_DATE_EPOCH's, never the clock.
func TestExportDate(t *testing.T) {
	ref := referencePlan(t)
	noDate := bytes.Replace(ref, []byte("  date: 2022-08\n"), nil, 1)
	tests := []struct {
		name, epoch, want string
		plan              []byte
	}{
		{"plan date", "1700000000", "2022-08-01T00:00:00Z", ref},
		{"SOURCE_DATE_EPOCH", "1700000000", "2023-11-14T22:13:20Z", noDate},
		{"plan year", "", "2022-01-01T00:00:00Z", noDate},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err, _, _ := exportRun(t, map[string][]byte{"plan.yaml": tt.plan}, func(o *exportOptions) {
				o.io.getenv = func(k string) string {
					if k == "SOURCE_DATE_EPOCH" {
						return tt.epoch
					}
					return ""
				}
			})
			if err != nil {
				t.Fatal(err)
			}
			f, err := excelize.OpenFile("out/plan-phu-luc.xlsx")
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			dp, err := f.GetDocProps()
			if err != nil {
				t.Fatal(err)
			}
			if dp.Created != tt.want || dp.Modified != tt.want {
				t.Errorf("created %s, modified %s; want %s", dp.Created, dp.Modified, tt.want)
			}
		})
	}
}

// TestExportThroughRoot runs export as the command line does: flags,
// exit codes, and the per-commune example.
func TestExportThroughRoot(t *testing.T) {
	xa, err := filepath.Abs(filepath.Join("..", "..", "examples", "bao-yen-2022-xa.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(xa); err != nil {
		t.Fatal(err)
	}
	t.Chdir(t.TempDir())
	s, out, errOut := testStreams()
	code := Main([]string{"export", xa, "-o", "appendices", "--number-style", "locale", "--appendix", "1-2"}, s)
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	want := filepath.Join("appendices", "bao-yen-2022-xa-phu-luc.xlsx") + "\n"
	if out.String() != want {
		t.Errorf("stdout = %q, want %q", out, want)
	}
	if errOut.Len() != 0 {
		t.Errorf("stderr = %q, want nothing (the example has no findings)", errOut)
	}
	data, err := os.ReadFile(filepath.Join("appendices", "bao-yen-2022-xa-phu-luc.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	names, err := appendix.SheetNames(data)
	if err != nil || !slices.Equal(names, []string{"PL1", "PL2"}) {
		t.Errorf("sheets = %v, %v; want PL1, PL2", names, err)
	}

	for _, args := range [][]string{
		{"export"},
		{"export", xa, "--split", "--appendix", "0"},
		{"export", "-", "-o", "x"},
	} {
		s, _, errOut := testStreams()
		if code := Main(args, s); code != exitTrouble {
			t.Errorf("kehoach %s: exit %d, want 2 (%s)", strings.Join(args, " "), code, errOut)
		}
	}
}
