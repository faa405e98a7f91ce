package atomicfile

import (
	"errors"
	"io"
	"os"
	"path/filepath"
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
