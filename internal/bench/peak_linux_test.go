package bench

import (
	"bufio"
	"os"
	"strconv"
	"strings"
)

// peakRSS returns the largest resident set of this process so far, in
// bytes: VmHWM, the high-water mark of its address space since it started
// (getrusage's ru_maxrss would count the parent's resident set at the
// fork as well).
func peakRSS() (int64, bool) {
	f, err := os.Open("/proc/self/status")
	if err != nil {
		return 0, false
	}
	defer f.Close()
	s := bufio.NewScanner(f)
	for s.Scan() {
		if v, ok := strings.CutPrefix(s.Text(), "VmHWM:"); ok {
			kib, err := strconv.ParseInt(strings.TrimSuffix(strings.TrimSpace(v), " kB"), 10, 64)
			return kib << 10, err == nil
		}
	}
	return 0, false
}
