// Package atomicfile replaces a file all at once: the new content is
// written to a temporary file in the same folder and renamed over the old
// one, so a reader (or a user who opens the file) sees the old file or the
// new one, never half of the new one. A write that fails or is killed
// leaves the old file untouched; a failure that can be reported leaves no
// temporary file behind.
package atomicfile
