//go:build !linux

package bench

// peakRSS is measured on Linux only.
func peakRSS() (int64, bool) { return 0, false }
