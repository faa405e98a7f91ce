//go:build windows

package atomicfile

import (
	"errors"
	"syscall"
)

// Windows error codes of a file that another process holds open.
const (
	errorAccessDenied     = syscall.Errno(5)
	errorSharingViolation = syscall.Errno(32)
	errorLockViolation    = syscall.Errno(33)
)

// locked reports whether a rename failed because the target is held open:
// Excel opens workbooks without FILE_SHARE_DELETE, so replacing one fails
// with a sharing violation (or access denied).
func locked(err error) bool {
	var errno syscall.Errno
	if !errors.As(err, &errno) {
		return false
	}
	switch errno {
	case errorAccessDenied, errorSharingViolation, errorLockViolation:
		return true
	}
	return false
}

// syncDir does nothing: Windows has no folder sync.
func syncDir(string) {}
