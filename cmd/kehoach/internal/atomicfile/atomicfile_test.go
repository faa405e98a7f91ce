package atomicfile

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"syscall"
	"testing"
)

func TestWrite(t *testing.T) {
	boom := errors.New("boom")
	tests := []struct {
		name    string
		old     string // "" for no old file
		write   func(io.Writer) error
		want    string
		wantErr error
	}{
		{"new file", "", func(w io.Writer) error { _, err := io.WriteString(w, "new"); return err }, "new", nil},
		{"replace", "old", func(w io.Writer) error { _, err := io.WriteString(w, "new"); return err }, "new", nil},
		{"failed write keeps the old file", "old", func(w io.Writer) error {
			io.WriteString(w, "half")
			return boom
		}, "old", boom},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, "a.xlsx")
			if tt.old != "" {
				if err := os.WriteFile(path, []byte(tt.old), 0o640); err != nil {
					t.Fatal(err)
				}
			}
			err := Write(path, tt.write)
			if !errors.Is(err, tt.wantErr) {
				t.Fatalf("Write = %v, want %v", err, tt.wantErr)
			}
			got, _ := os.ReadFile(path)
			if string(got) != tt.want {
				t.Errorf("file holds %q, want %q", got, tt.want)
			}
			entries, _ := os.ReadDir(dir)
			if len(entries) != 1 && !(tt.old == "" && tt.wantErr != nil && len(entries) == 0) {
				var names []string
				for _, e := range entries {
					names = append(names, e.Name())
				}
				t.Errorf("folder holds %v, want only a.xlsx (no temporary file)", names)
			}
			if tt.old != "" && tt.wantErr == nil {
				if st, err := os.Stat(path); err == nil && st.Mode().Perm() != 0o640 {
					t.Errorf("mode = %v, want the old file's 0640", st.Mode().Perm())
				}
			}
		})
	}
}

func TestWriteNotARegularFile(t *testing.T) {
	dir := t.TempDir()
	if err := Write(dir, func(io.Writer) error { return nil }); err == nil {
		t.Error("Write over a folder: no error")
	}
}

func TestLockedError(t *testing.T) {
	err := error(&LockedError{Path: "a.xlsx", Err: errors.New("sharing violation")})
	if !errors.Is(err, ErrLocked) {
		t.Errorf("errors.Is(%v, ErrLocked) = false", err)
	}
	if got, want := err.Error(), "a.xlsx is open in another program (sharing violation)"; got != want {
		t.Errorf("Error() = %q, want %q", got, want)
	}
}

// failAfter is a writer that takes n bytes and then fails as a full disk
// (or a file-size limit) makes an *os.File fail.
type failAfter struct {
	w   io.Writer
	n   int
	err error
}

func (f *failAfter) Write(p []byte) (int, error) {
	if len(p) <= f.n {
		f.n -= len(p)
		return f.w.Write(p)
	}
	k, _ := f.w.Write(p[:f.n])
	f.n = 0
	return k, &fs.PathError{Op: "write", Path: "tmp", Err: f.err}
}

// TestWriteFaults: a write that fails midway (a full disk, a file-size
// limit) or panics leaves the old file byte for byte and no temporary
// file; the error is the system's.
func TestWriteFaults(t *testing.T) {
	old := bytes.Repeat([]byte("the previous workbook\n"), 100)
	tests := []struct {
		name string
		err  error
	}{
		{"disk full", syscall.ENOSPC},
		{"file-size limit", syscall.EFBIG},
		{"I/O error", syscall.EIO},
	}
	for _, tt := range tests {
		for _, n := range []int{0, 1, 4096, 10000} {
			t.Run(fmt.Sprintf("%s after %d bytes", tt.name, n), func(t *testing.T) {
				dir := t.TempDir()
				path := filepath.Join(dir, "a.xlsx")
				if err := os.WriteFile(path, old, 0o640); err != nil {
					t.Fatal(err)
				}
				err := Write(path, func(w io.Writer) error {
					_, err := (&failAfter{w: w, n: n, err: tt.err}).Write(bytes.Repeat([]byte("new"), 5000))
					return err
				})
				if !errors.Is(err, tt.err) {
					t.Fatalf("Write = %v, want %v", err, tt.err)
				}
				checkUntouched(t, dir, path, old)
			})
		}
	}
	t.Run("write panics", func(t *testing.T) {
		dir := t.TempDir()
		path := filepath.Join(dir, "a.xlsx")
		if err := os.WriteFile(path, old, 0o640); err != nil {
			t.Fatal(err)
		}
		func() {
			defer func() {
				if recover() == nil {
					t.Error("the panic did not go through")
				}
			}()
			Write(path, func(w io.Writer) error {
				io.WriteString(w, "half")
				panic("boom")
			})
		}()
		checkUntouched(t, dir, path, old)
	})
	t.Run("folder missing", func(t *testing.T) {
		dir := t.TempDir()
		err := Write(filepath.Join(dir, "missing", "a.xlsx"), func(w io.Writer) error { return nil })
		if !errors.Is(err, fs.ErrNotExist) {
			t.Errorf("Write = %v, want a missing folder", err)
		}
		if entries, _ := os.ReadDir(dir); len(entries) != 0 {
			t.Errorf("the folder holds %d entries, want none", len(entries))
		}
	})
}

// checkUntouched checks that path holds old with its mode, alone in dir.
func checkUntouched(t *testing.T, dir, path string, old []byte) {
	t.Helper()
	got, err := os.ReadFile(path)
	if err != nil || !bytes.Equal(got, old) {
		t.Errorf("the old file was changed (%d bytes, %v)", len(got), err)
	}
	if st, err := os.Stat(path); err == nil && runtime.GOOS != "windows" && st.Mode().Perm() != 0o640 {
		t.Errorf("mode = %v, want 0640", st.Mode().Perm())
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		var names []string
		for _, e := range entries {
			names = append(names, e.Name())
		}
		t.Errorf("folder holds %v, want only %s (no temporary file)", names, filepath.Base(path))
	}
}
