//go:build unix

package main

import (
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"testing"

	gocmp "github.com/google/go-cmp/cmp"
)

// TestCollectSkipsPipes: a named pipe (or a link to one) found in a folder
// is not a plan file: reading it would wait for a writer for ever.
func TestCollectSkipsPipes(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"plan.yaml": robustPlan})
	if err := syscall.Mkfifo(filepath.Join(dir, "pipe.yaml"), 0o644); err != nil {
		t.Skipf("cannot make a named pipe: %v", err)
	}
	symlink(t, "pipe.yaml", filepath.Join(dir, "to-pipe.yaml"))
	t.Chdir(dir)
	got, errs := collect(t, ".")
	if diff := gocmp.Diff([]Input{{Name: "plan.yaml"}}, got); diff != "" || len(errs) > 0 {
		t.Errorf("Collect(.) mismatch (-want +got):\n%s\nerrors %v", diff, errs)
	}
}

// TestReadInputRealFault reads a file that fails as it is read, for real
// and as root: /proc/self/mem is a regular file whose first page cannot be
// read (EIO). Found in a folder through a link named like a plan, it is
// reported as unreadable; the plan beside it is validated.
func TestReadInputRealFault(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("needs /proc/self/mem")
	}
	if _, err := os.Stat("/proc/self/mem"); err != nil {
		t.Skipf("no /proc: %v", err)
	}
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"plan.yaml": robustPlan})
	symlink(t, "/proc/self/mem", filepath.Join(dir, "mem.yaml"))
	t.Chdir(dir)
	inputs, errs := collect(t, ".")
	if len(inputs) != 2 || len(errs) > 0 {
		t.Fatalf("Collect(.) = %v, %v; want mem.yaml and plan.yaml", inputs, errs)
	}
	out := ValidateAll(inputs, ReadInput(nil))
	if o := out[0]; o.Name != "mem.yaml" || !errors.Is(o.Err, syscall.EIO) || !strings.HasPrefix(o.Err.Error(), "mem.yaml: ") {
		t.Errorf("%s: Err = %v, want mem.yaml: input/output error", o.Name, o.Err)
	}
	if o := out[1]; o.Err != nil || len(o.Diagnostics) != 1 {
		t.Errorf("%s: Err %v, findings %v; want one B201", o.Name, o.Err, o.Diagnostics)
	}
}
