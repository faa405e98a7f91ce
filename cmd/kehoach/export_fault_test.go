package main

import (
	"bytes"
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"

	"github.com/kehoach/kehoach/cmd/kehoach/internal/atomicfile"
	"github.com/kehoach/kehoach/plan"
)

// cleanPlan is the per-commune example, which has no findings: what export
// prints on standard error is then its own error alone.
func cleanPlan(t *testing.T) []byte {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("..", "..", "examples", "bao-yen-2022-xa.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// failingWriter takes n bytes and then fails with err, as an *os.File
// fails on a full disk or past a file-size limit.
type failingWriter struct {
	w   io.Writer
	n   int
	err error
}

func (f *failingWriter) Write(p []byte) (int, error) {
	if len(p) <= f.n {
		f.n -= len(p)
		return f.w.Write(p)
	}
	k, _ := f.w.Write(p[:f.n])
	f.n = 0
	return k, &fs.PathError{Op: "write", Path: "out/.plan-phu-luc.xlsx.1234.tmp", Err: f.err}
}

// failAfter is a writeFile that writes through atomicfile.Write, as export
// does, but whose writes fail after n bytes.
func failAfter(n int, err error) func(string, func(io.Writer) error) error {
	return func(path string, write func(io.Writer) error) error {
		return atomicfile.Write(path, func(w io.Writer) error {
			return write(&failingWriter{w: w, n: n, err: err})
		})
	}
}

// TestExportWriteFaults: a disk that fills up, a file-size limit, an I/O
// error or a read-only folder midway through writing a workbook: a clear
// one-line error that names the workbook and the cause, exit 2, the
// previous workbook byte for byte (or no file when there was none), and no
// temporary file.
func TestExportWriteFaults(t *testing.T) {
	plan := cleanPlan(t)
	old := []byte("PK\x03\x04 the previous workbook")
	tests := []struct {
		name  string
		n     int
		err   error
		lang  string
		split bool
		// old is whether a previous workbook is there.
		old  bool
		want string
	}{
		{name: "disk full at the start", n: 0, err: syscall.ENOSPC, old: true,
			want: "kehoach: out/plan-phu-luc.xlsx: could not write the workbook: the disk is full (no space left on device); the previous workbook is unchanged"},
		{name: "disk full midway", n: 20000, err: syscall.ENOSPC, old: true,
			want: "kehoach: out/plan-phu-luc.xlsx: could not write the workbook: the disk is full (no space left on device); the previous workbook is unchanged"},
		{name: "disk full, no previous workbook", n: 4096, err: syscall.ENOSPC,
			want: "kehoach: out/plan-phu-luc.xlsx: could not write the workbook: the disk is full (no space left on device); nothing was written"},
		{name: "file-size limit", n: 8192, err: syscall.EFBIG, old: true,
			want: "kehoach: out/plan-phu-luc.xlsx: could not write the workbook: the file is larger than the system lets a file grow (ulimit -f, or a disk quota) (file too large); the previous workbook is unchanged"},
		{name: "I/O error", n: 100, err: syscall.EIO, old: true,
			want: "kehoach: out/plan-phu-luc.xlsx: could not write the workbook: input/output error; the previous workbook is unchanged"},
		{name: "read-only", n: 0, err: syscall.EROFS, old: true,
			want: "kehoach: out/plan-phu-luc.xlsx: could not write the workbook: the folder is read-only (read-only file system); the previous workbook is unchanged"},
		{name: "Vietnamese", n: 20000, err: syscall.ENOSPC, old: true, lang: "vi",
			want: "kehoach: out/plan-phu-luc.xlsx: không ghi được phụ lục: đĩa đầy (no space left on device); tệp cũ vẫn giữ nguyên"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			files := map[string][]byte{"plan.yaml": plan}
			if tt.old {
				files["out/plan-phu-luc.xlsx"] = old
			}
			var s *streams
			err, out, errOut := exportRun(t, files, func(o *exportOptions) {
				o.writeFile = failAfter(tt.n, tt.err)
				if tt.lang != "" {
					o.g.lang = langOf(tt.lang)
				}
				s = o.io
			})
			if err == nil {
				t.Fatal("runExport succeeded")
			}
			var buf bytes.Buffer
			s.ErrOut = &buf
			if code := exitFor(err, s); code != exitTrouble {
				t.Errorf("exit %d, want %d", code, exitTrouble)
			}
			want := strings.ReplaceAll(tt.want, "out/", filepath.Join("out", "x")[:4])
			if got := errOut + buf.String(); got != want+"\n" {
				t.Errorf("stderr = %q, want the one line %q", got, want)
			}
			if out != "" {
				t.Errorf("stdout = %q, want nothing", out)
			}
			wantFiles := []string(nil)
			if tt.old {
				wantFiles = []string{"plan-phu-luc.xlsx"}
				if got, _ := os.ReadFile(filepath.Join("out", "plan-phu-luc.xlsx")); !bytes.Equal(got, old) {
					t.Error("the previous workbook was changed")
				}
			}
			if got := listFiles(t, "out"); !slices.Equal(got, wantFiles) {
				t.Errorf("out holds %v, want %v (no temporary file)", got, wantFiles)
			}
		})
	}
}

// TestExportSplitFault: with --split, a fault on the second workbook
// leaves the first one written, the second as it was, and says which.
func TestExportSplitFault(t *testing.T) {
	old := []byte("the previous PL2")
	calls := 0
	err, out, _ := exportRun(t, map[string][]byte{"plan.yaml": cleanPlan(t), "out/plan-phu-luc-2.xlsx": old}, func(o *exportOptions) {
		o.split = true
		o.writeFile = func(path string, write func(io.Writer) error) error {
			calls++
			if calls == 2 {
				return failAfter(10, syscall.ENOSPC)(path, write)
			}
			return atomicfile.Write(path, write)
		}
	})
	if err == nil || !strings.Contains(err.Error(), filepath.Join("out", "plan-phu-luc-2.xlsx")+": could not write the workbook: the disk is full") {
		t.Fatalf("runExport = %v, want the disk full for PL2", err)
	}
	if out != filepath.Join("out", "plan-phu-luc-1.xlsx")+"\n" {
		t.Errorf("stdout = %q, want the first workbook alone", out)
	}
	if got, _ := os.ReadFile(filepath.Join("out", "plan-phu-luc-2.xlsx")); !bytes.Equal(got, old) {
		t.Error("the previous PL2 was changed")
	}
	if got := listFiles(t, "out"); !slices.Equal(got, []string{"plan-phu-luc-1.xlsx", "plan-phu-luc-2.xlsx"}) {
		t.Errorf("out holds %v", got)
	}
}

// TestExportFolderFaults: the output folder is created when it is
// missing; a file where a folder (or the workbook) should be is a clear
// one-line error, exit 2, and nothing is written.
func TestExportFolderFaults(t *testing.T) {
	plan := cleanPlan(t)
	sep := string(filepath.Separator)
	tests := []struct {
		name  string
		out   string
		files map[string][]byte
		// want is the error, "" for success; wantFile is the workbook
		// written on success.
		want     string
		wantFile string
	}{
		{name: "missing folders are created", out: filepath.Join("a", "b", "c"), wantFile: filepath.Join("a", "b", "c", "plan-phu-luc.xlsx")},
		{name: "a file where the folder should be", out: "out", files: map[string][]byte{"out": []byte("x")},
			want: "out: is a file, not a folder: cannot create the output folder out; choose another with -o"},
		{name: "a file where a parent folder should be", out: filepath.Join("out", "sub"), files: map[string][]byte{"out": []byte("x")},
			want: "out: is a file, not a folder: cannot create the output folder out" + sep + "sub; choose another with -o"},
		{name: "a folder where the workbook should be", out: "out", files: map[string][]byte{filepath.Join("out", "plan-phu-luc.xlsx", "keep"): []byte("x")},
			want: filepath.Join("out", "plan-phu-luc.xlsx") + ": is a folder, not a workbook; nothing was written"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			files := map[string][]byte{"plan.yaml": plan}
			for k, v := range tt.files {
				files[k] = v
			}
			err, _, errOut := exportRun(t, files, func(o *exportOptions) { o.out = tt.out })
			if tt.want == "" {
				if err != nil {
					t.Fatalf("runExport: %v", err)
				}
				if _, err := os.Stat(tt.wantFile); err != nil {
					t.Error(err)
				}
				return
			}
			if err == nil {
				t.Fatal("runExport succeeded")
			}
			if errOut != "" || err.Error() != tt.want {
				t.Errorf("error %q (stderr %q), want %q", err, errOut, tt.want)
			}
			var te *troubleError
			var fe *flagError
			if errors.As(err, &te) || errors.As(err, &fe) || errors.Is(err, errFindings) {
				t.Errorf("error %T would not exit 2 with its message", err)
			}
			for k, v := range tt.files {
				if got, _ := os.ReadFile(k); !bytes.Equal(got, v) {
					t.Errorf("%s was changed", k)
				}
			}
		})
	}
}

// langOf is the language a --lang word names.
func langOf(word string) plan.Lang {
	l, _ := plan.ParseLang(word)
	return l
}
