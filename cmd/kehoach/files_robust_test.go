package main

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"

	gocmp "github.com/google/go-cmp/cmp"

	"github.com/kehoach/kehoach/plan"
)

// robustPlan is a plan with one finding (B201), so that a test can tell
// that it was validated: its total 200 disagrees with its sources 100 and
// 10, and 100 for 190 and 10 for 100 are equally likely slips, so the
// finding is at the total, with both as related places (robustRelated).
const robustRelated = "12:36 projects[0].funding.central; 12:48 projects[0].funding.local"

const robustPlan = `kehoach: 1
plan:
  title: Kế hoạch thử
  year: 2023
  issuer: UBND huyện Bảo Yên
  province: Lào Cai
  district: Bảo Yên
projects:
  - project: 2
    name: Đa dạng hóa sinh kế, phát triển mô hình giảm nghèo
    appendix: 3
    funding: {total: 200, central: 100, local: 10}
`

// writeFiles creates files (path → content) under dir.
func writeFiles(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, content := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// symlink makes a symbolic link, or skips the test where links cannot be
// made (Windows without the privilege).
func symlink(t *testing.T, target, link string) {
	t.Helper()
	if err := os.Symlink(target, link); err != nil {
		t.Skipf("cannot make symbolic links: %v", err)
	}
}

// collect runs Collect within a time limit: a loop must not hang it.
func collect(t *testing.T, paths ...string) ([]Input, []error) {
	t.Helper()
	type result struct {
		in   []Input
		errs []error
	}
	done := make(chan result, 1)
	go func() {
		in, errs := Collect(paths)
		done <- result{in, errs}
	}()
	select {
	case r := <-done:
		return r.in, r.errs
	case <-time.After(30 * time.Second):
		t.Fatalf("Collect(%q) did not finish in 30 s", paths)
		return nil, nil
	}
}

func errorTexts(errs []error) []string {
	out := []string{}
	for _, e := range errs {
		out = append(out, e.Error())
	}
	slices.Sort(out)
	return out
}

// TestCollectSymlinkLoops: links to folders are not followed, so a loop
// of folders ends; a loop of links named like a plan file is a file that
// cannot be read (reported, exit 2); a link to nothing (as Emacs makes for
// a lock) is not a file and is left alone; the plans are all found.
func TestCollectSymlinkLoops(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"plan.yaml": robustPlan, "sub/other.yml": robustPlan})
	symlink(t, ".", filepath.Join(dir, "loop"))
	symlink(t, "..", filepath.Join(dir, "sub", "up"))
	symlink(t, "self.yaml", filepath.Join(dir, "self.yaml"))
	symlink(t, "ping.yaml", filepath.Join(dir, "pong.yaml"))
	symlink(t, "pong.yaml", filepath.Join(dir, "ping.yaml"))
	symlink(t, "nowhere.yaml", filepath.Join(dir, "dangling.yaml"))
	symlink(t, "user@host.1234:1700000000", filepath.Join(dir, ".#plan.yaml"))
	symlink(t, filepath.Join("..", "plan.yaml"), filepath.Join(dir, "sub", "linked.yaml"))
	t.Chdir(dir)

	got, errs := collect(t, ".")
	want := []Input{{Name: "plan.yaml"}, {Name: filepath.Join("sub", "linked.yaml")}, {Name: filepath.Join("sub", "other.yml")}}
	if diff := gocmp.Diff(want, got); diff != "" {
		t.Errorf("Collect(.) inputs mismatch (-want +got):\n%s", diff)
	}
	var names []string
	for _, e := range errorTexts(errs) {
		name, _, _ := strings.Cut(e, ": ")
		names = append(names, name)
		if runtime.GOOS == "linux" && !strings.HasSuffix(e, ": too many levels of symbolic links") {
			t.Errorf("error %q does not say it is a loop", e)
		}
	}
	if diff := gocmp.Diff([]string{"ping.yaml", "pong.yaml", "self.yaml"}, names); diff != "" {
		t.Errorf("Collect(.) errors mismatch (-want +got):\n%s", diff)
	}

	// The loop named explicitly: the same error; the plans still found.
	got, errs = collect(t, "self.yaml", "sub")
	if len(got) != 2 || len(errs) != 1 || !strings.HasPrefix(errs[0].Error(), "self.yaml: ") {
		t.Errorf("Collect(self.yaml, sub) = %v, %v; want the two plans of sub and an error for self.yaml", got, errs)
	}
}

// TestCollectSymlinkedFolder: a folder named through a link is searched
// (its files named under the link), with or without a trailing slash; a
// link to a folder inside a folder is not followed.
func TestCollectSymlinkedFolder(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"real/plan.yaml": robustPlan, "real/deep/more.yaml": robustPlan})
	symlink(t, "real", filepath.Join(dir, "link"))
	symlink(t, filepath.Join("..", "real"), filepath.Join(dir, "real", "deep", "back"))
	t.Chdir(dir)
	for _, arg := range []string{"link", "link" + string(filepath.Separator), "." + string(filepath.Separator) + "link"} {
		t.Run(arg, func(t *testing.T) {
			got, errs := collect(t, arg)
			want := []Input{{Name: filepath.Join("link", "deep", "more.yaml")}, {Name: filepath.Join("link", "plan.yaml")}}
			if diff := gocmp.Diff(want, got); diff != "" {
				t.Errorf("Collect(%s) inputs mismatch (-want +got):\n%s", arg, diff)
			}
			if len(errs) > 0 {
				t.Errorf("Collect(%s) errors: %v", arg, errs)
			}
		})
	}
}

// TestValidateAllVanished: a file found in a folder that is removed
// before it is read is reported as unreadable (exit 2 in the command);
// the other files are still validated.
func TestValidateAllVanished(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"a.yaml": robustPlan, "b.yaml": robustPlan, "c.yaml": robustPlan})
	t.Chdir(dir)
	inputs, errs := collect(t, ".")
	if len(inputs) != 3 || len(errs) > 0 {
		t.Fatalf("Collect(.) = %v, %v", inputs, errs)
	}
	if err := os.Remove("b.yaml"); err != nil {
		t.Fatal(err)
	}
	out := ValidateAll(inputs, ReadInput(strings.NewReader("")))
	for _, o := range out {
		switch o.Name {
		case "b.yaml":
			if !errors.Is(o.Err, fs.ErrNotExist) || !strings.HasPrefix(o.Err.Error(), "b.yaml: ") {
				t.Errorf("b.yaml: Err = %v, want b.yaml: no such file", o.Err)
			}
		default:
			if o.Err != nil || len(o.Diagnostics) != 1 || o.Diagnostics[0].Code != "B201" {
				t.Errorf("%s: Err = %v, findings %v; want B201", o.Name, o.Err, o.Diagnostics)
			}
		}
	}
}

// TestValidateAllReadFaults: a file that fails while it is read (a disk
// error, a network share that went away, a file that vanished) is an
// outcome with an error, not validated from what was read; the others are
// validated. The faults are injected: as root (CI) permissions do not make
// a file unreadable.
func TestValidateAllReadFaults(t *testing.T) {
	faults := map[string]error{
		"eio.yaml":   &fs.PathError{Op: "read", Path: "eio.yaml", Err: syscall.EIO},
		"gone.yaml":  &fs.PathError{Op: "open", Path: "gone.yaml", Err: fs.ErrNotExist},
		"perm.yaml":  &fs.PathError{Op: "open", Path: "perm.yaml", Err: fs.ErrPermission},
		"stale.yaml": errors.New("stale.yaml: stale file handle"),
	}
	open := func(in Input) ([]byte, error) {
		if err, ok := faults[in.Name]; ok {
			return []byte("kehoach: 1\npla"), err // half read, then the fault
		}
		return []byte(robustPlan), nil
	}
	var inputs []Input
	for _, n := range []string{"a.yaml", "eio.yaml", "gone.yaml", "m.yaml", "perm.yaml", "stale.yaml", "z.yaml"} {
		inputs = append(inputs, Input{Name: n})
	}
	for _, o := range ValidateAll(inputs, open) {
		if _, fault := faults[o.Name]; fault {
			if o.Err == nil || o.Source != nil || o.Diagnostics != nil {
				t.Errorf("%s: Err %v, %d bytes, findings %v; want the error alone", o.Name, o.Err, len(o.Source), o.Diagnostics)
			}
			continue
		}
		if o.Err != nil || len(o.Diagnostics) != 1 {
			t.Errorf("%s: Err %v, findings %v; want one B201", o.Name, o.Err, o.Diagnostics)
		}
	}
}

// TestReadInputHugeFile: a file far beyond MaxFileSize is not read whole:
// ReadInput stops one byte past the limit, and Validate refuses it (E110).
func TestReadInputHugeFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "huge.yaml")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	// A sparse file of 4 GiB: no disk space, but a read would take long.
	if _, err := f.WriteString("kehoach: 1\n"); err != nil {
		t.Fatal(err)
	}
	if err := f.Truncate(4 << 30); err != nil {
		f.Close()
		t.Skipf("cannot make a sparse file: %v", err)
	}
	f.Close()
	data, err := ReadInput(nil)(Input{Name: path, Explicit: true})
	if err != nil {
		t.Fatal(err)
	}
	if len(data) != plan.MaxFileSize+1 {
		t.Errorf("ReadInput read %d bytes, want %d", len(data), plan.MaxFileSize+1)
	}
	res := plan.Validate(path, data)
	if len(res.Diagnostics) != 1 || res.Diagnostics[0].Code != "E110" {
		t.Errorf("Validate(huge) = %v, want E110", res.Diagnostics)
	}
}

// TestNonUTF8FileNames: a file whose name is not UTF-8 (as a Linux folder
// copied from an old Windows share can hold) is found and validated under
// its name, byte for byte.
func TestNonUTF8FileNames(t *testing.T) {
	dir := t.TempDir()
	name := "k\xe9 ho\xb9ch.yaml" // Latin-1 and TCVN3 bytes
	if err := os.WriteFile(filepath.Join(dir, name), []byte(robustPlan), 0o644); err != nil {
		t.Skipf("the file system refuses names that are not UTF-8: %v", err)
	}
	writeFiles(t, dir, map[string]string{"b.yaml": robustPlan})
	t.Chdir(dir)
	inputs, errs := collect(t, ".")
	if diff := gocmp.Diff([]Input{{Name: "b.yaml"}, {Name: name}}, inputs); diff != "" || len(errs) > 0 {
		t.Fatalf("Collect(.) mismatch (-want +got):\n%s\nerrors %v", diff, errs)
	}
	for _, o := range ValidateAll(inputs, ReadInput(nil)) {
		if o.Err != nil || len(o.Diagnostics) != 1 || o.Diagnostics[0].Code != "B201" {
			t.Errorf("%q: Err %v, findings %v; want one B201", o.Name, o.Err, o.Diagnostics)
		}
	}
}
