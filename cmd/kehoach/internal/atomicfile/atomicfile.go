package atomicfile

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
)

// ErrLocked is matched (with errors.Is) by the error Write returns when the
// file to replace is held open by another program, as Excel holds the
// workbooks it has open on Windows.
var ErrLocked = errors.New("file is open in another program")

// LockedError says which file could not be replaced because another
// program holds it open.
type LockedError struct {
	// Path is the file that could not be replaced.
	Path string
	// Err is the system's error.
	Err error
}

// Error says which file is locked, in lowercase English.
func (e *LockedError) Error() string {
	return fmt.Sprintf("%s is open in another program (%v)", e.Path, e.Err)
}

// Is makes errors.Is(err, ErrLocked) true.
func (e *LockedError) Is(target error) bool { return target == ErrLocked }

// Unwrap returns the system's error.
func (e *LockedError) Unwrap() error { return e.Err }

// Write replaces the file at path with what write writes. The content goes
// to a temporary file in the same folder (so that the rename does not cross
// file systems), which is synced, closed and renamed over path. The new
// file keeps the permissions of the file it replaces, or is created as
// os.Create creates files (0666 less the umask) when there was none.
//
// When write or any later step fails (or write panics), the temporary
// file is removed and path is left as it was; when the process is killed
// before the rename, path is left as it was and the temporary file stays. When path cannot be replaced because another
// program holds it open, the error is a *LockedError.
func Write(path string, write func(w io.Writer) error) (err error) {
	dir, base := filepath.Split(path)
	if dir == "" {
		dir = "."
	}
	var keep fs.FileMode
	st, err := os.Stat(path)
	switch {
	case err == nil && !st.Mode().IsRegular():
		return fmt.Errorf("%s is not a regular file", path)
	case err == nil:
		keep = st.Mode().Perm()
	case !errors.Is(err, fs.ErrNotExist):
		return err
	}
	tmp, err := createTemp(dir, "."+base+".")
	if err != nil {
		return err
	}
	name := tmp.Name()
	renamed := false
	defer func() {
		// On any failure, and when write panics, the temporary file goes.
		if !renamed {
			tmp.Close()
			os.Remove(name)
		}
	}()
	if err = write(tmp); err != nil {
		return err
	}
	if err = tmp.Sync(); err != nil {
		return err
	}
	if err = tmp.Close(); err != nil {
		return err
	}
	if keep != 0 {
		if err = os.Chmod(name, keep); err != nil {
			return err
		}
	}
	if err = os.Rename(name, path); err != nil {
		var le *os.LinkError
		if errors.As(err, &le) && locked(le.Err) {
			return &LockedError{Path: path, Err: le.Err}
		}
		return err
	}
	renamed = true
	syncDir(dir)
	return nil
}

// createTemp creates a new file named prefix + random digits + ".tmp" in
// dir, with permission 0666 less the umask (os.CreateTemp would give 0600).
func createTemp(dir, prefix string) (*os.File, error) {
	for range 100 {
		name := filepath.Join(dir, prefix+strconv.FormatUint(rand.Uint64()%1e10, 10)+".tmp")
		f, err := os.OpenFile(name, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o666)
		if errors.Is(err, fs.ErrExist) {
			continue
		}
		return f, err
	}
	return nil, fmt.Errorf("cannot create a temporary file in %s", dir)
}
