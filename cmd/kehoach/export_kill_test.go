package main

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/kehoach/kehoach/report/appendix"
)

// bigPlan is a plan of one project with n activities, whose workbook
// takes about a second to export; shift changes its figures.
func bigPlan(n, shift int) []byte {
	var b strings.Builder
	b.WriteString(`kehoach: 1
plan:
  title: Kế hoạch thử nghiệm lớn
  year: 2023
  issuer: UBND huyện Bảo Yên
  province: Lào Cai
  district: Bảo Yên
projects:
  - project: 2
    name: Đa dạng hóa sinh kế, phát triển mô hình giảm nghèo
    appendix: 3
    activities:
`)
	for i := range n {
		fmt.Fprintf(&b, "      - {name: Hỗ trợ mô hình sinh kế số %d cho hộ nghèo, funding: {central: %d, local: 1}}\n", i+1, (i+shift)%97+1)
	}
	return []byte(b.String())
}

// TestExportKilled starts the real binary exporting a large plan over an
// existing workbook and kills it (SIGKILL: nothing can run, nothing can
// be printed) at random points, and as soon as its temporary file
// appears, that is while it writes: each time, the previous workbook is
// byte for byte what it was.
func TestExportKilled(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("kills with SIGKILL")
	}
	if testing.Short() {
		t.Skip("builds the binary and exports a large plan many times")
	}
	bin := filepath.Join(t.TempDir(), "kehoach")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	dir := t.TempDir()
	run := func(args ...string) *exec.Cmd {
		cmd := exec.Command(bin, args...)
		cmd.Dir = dir
		cmd.Env = append(os.Environ(), "HOME="+dir, "XDG_CONFIG_HOME="+dir)
		return cmd
	}
	write := func(name string, data []byte) {
		t.Helper()
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	const rows = 20_000
	write("plan.yaml", bigPlan(rows, 0))
	if out, err := run("export", "plan.yaml", "-o", "out").CombinedOutput(); err != nil {
		t.Fatalf("first export: %v\n%s", err, out)
	}
	workbook := filepath.Join(dir, "out", "plan-phu-luc.xlsx")
	old, err := os.ReadFile(workbook)
	if err != nil {
		t.Fatal(err)
	}

	// The new plan, and how long its export takes when nothing stops it.
	write("plan.yaml", bigPlan(rows, 1))
	start := time.Now()
	if out, err := run("export", "plan.yaml", "-o", "calibrate").CombinedOutput(); err != nil {
		t.Fatalf("export: %v\n%s", err, out)
	}
	full := time.Since(start)
	t.Logf("an export of %d rows takes %v", rows, full)

	intact := func(when string) {
		t.Helper()
		got, err := os.ReadFile(workbook)
		if err != nil || !bytes.Equal(got, old) {
			t.Fatalf("killed %s: the previous workbook was changed (%d bytes, %v)", when, len(got), err)
		}
	}
	// tmpFile reports whether the export's temporary file is there.
	tmpFile := func() bool {
		m, _ := filepath.Glob(filepath.Join(dir, "out", ".plan-phu-luc.xlsx.*.tmp"))
		for _, p := range m {
			if st, err := os.Stat(p); err == nil && st.Size() > 0 {
				return true
			}
		}
		return false
	}
	killed, midWrite := 0, 0
	restore := func() {
		t.Helper()
		// The export finished before the kill: put the old workbook back.
		if err := os.WriteFile(workbook, old, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	// At random points of the export.
	for i := range 8 {
		cmd := run("export", "plan.yaml", "-o", "out")
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		time.Sleep(time.Duration(rand.Int64N(int64(full) * 9 / 10)))
		during := tmpFile()
		cmd.Process.Kill()
		err := cmd.Wait()
		if err == nil {
			t.Logf("kill %d came after the export finished", i)
			restore()
			continue
		}
		killed++
		if during {
			midWrite++
		}
		intact(fmt.Sprintf("at random point %d", i))
	}
	// As soon as the temporary file has content: while the workbook is
	// written.
	for i := range 4 {
		cmd := run("export", "plan.yaml", "-o", "out")
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		deadline := time.Now().Add(10 * full)
		for !tmpFile() && time.Now().Before(deadline) {
		}
		cmd.Process.Kill()
		if err := cmd.Wait(); err == nil {
			t.Logf("write kill %d came after the export finished", i)
			restore()
			continue
		}
		killed++
		midWrite++
		intact(fmt.Sprintf("while writing (%d)", i))
	}
	t.Logf("%d kills, %d while the temporary file was being written", killed, midWrite)
	if killed < 6 {
		t.Errorf("only %d of 12 kills came before the export finished", killed)
	}

	// Left alone, the export replaces the workbook with the new one.
	if out, err := run("export", "plan.yaml", "-o", "out").CombinedOutput(); err != nil {
		t.Fatalf("export: %v\n%s", err, out)
	}
	got, err := os.ReadFile(workbook)
	if err != nil || bytes.Equal(got, old) {
		t.Fatalf("the export did not replace the workbook (%v)", err)
	}
	if _, err := appendix.SheetNames(got); err != nil {
		t.Errorf("the new workbook does not open: %v", err)
	}
}
