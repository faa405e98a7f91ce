//go:build !windows

package atomicfile

import "os"

// locked reports whether a rename failed because the target is held open.
// Unix lets a file that is open be replaced, so it never is.
func locked(error) bool { return false }

// syncDir makes the rename durable; errors are ignored, as some file
// systems cannot sync a folder.
func syncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		_ = d.Sync()
		d.Close()
	}
}
