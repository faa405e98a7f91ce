// Package fuzzing is what kehoach's fuzz targets share: their seed corpus
// (the project's own plans), a guard that turns a hang or a panic into a
// failure with its stack, and the test for inputs that are within the
// limits but too slow to fuzz.
//
// It does not import plan, so that plan's own tests can use it; the
// limits are passed in.
package fuzzing

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime/debug"
	"testing"
	"time"

	"go.yaml.in/yaml/v3"
)

// Seeds returns the project's own plans, as seeds: the examples and the
// corpus of valid and invalid plans, found from root, the repository's
// root as the calling test sees it ("..", "../.."). A seed that cannot be
// read fails the test.
func Seeds(tb testing.TB, root string) [][]byte {
	tb.Helper()
	var out [][]byte
	for _, pattern := range []string{"examples/*.yaml", "plan/testdata/valid/*.yaml", "plan/testdata/invalid/*.yaml"} {
		names, err := filepath.Glob(filepath.Join(root, pattern))
		if err != nil {
			tb.Fatal(err)
		}
		for _, name := range names {
			data, err := os.ReadFile(name)
			if err != nil {
				tb.Fatal(err)
			}
			out = append(out, data)
		}
	}
	if len(out) == 0 {
		tb.Fatalf("no seed plans under %s", root)
	}
	return out
}

// HangLimit is how long one call may take: inputs are small, so anything
// near it is a loop or a blow-up, not work. Go's fuzzing has no time
// limit of its own for one input.
const HangLimit = 10 * time.Second

// NoHang runs f and fails the test when it takes longer than HangLimit,
// or panics (with the panic's stack, which a fuzz worker that dies does
// not report).
func NoHang(tb testing.TB, f func()) {
	tb.Helper()
	done := make(chan any, 1)
	go func() {
		defer func() {
			if r := recover(); r != nil {
				done <- fmt.Sprintf("panic: %v\n%s", r, debug.Stack())
				return
			}
			done <- nil
		}()
		f()
	}()
	select {
	case p := <-done:
		if p != nil {
			tb.Fatal(p)
		}
	case <-time.After(HangLimit):
		tb.Fatalf("no result after %v: a hang", HangLimit)
	}
}

// Expansive reports whether data is YAML whose aliases expand it to more
// than 200,000 nodes but not past maxNodes (plan.MaxNodes): a plan within
// the limits that takes seconds to validate (a few lines can hold a
// million rows), which the fuzzer would take for a hang. The limits have
// their own tests. maxDepth is plan.MaxDepth: deeper than it, a loop of
// aliases is refused at once and counts as one node.
func Expansive(data []byte, maxDepth, maxNodes int) bool {
	var doc yaml.Node
	if yaml.Unmarshal(data, &doc) != nil {
		return false
	}
	memo := map[*yaml.Node]int{}
	var count func(n *yaml.Node, depth int) int
	count = func(n *yaml.Node, depth int) int {
		if n.Kind == yaml.AliasNode && n.Alias != nil {
			n = n.Alias
		}
		if c, ok := memo[n]; ok {
			return c
		}
		if depth > maxDepth+2 {
			return 1
		}
		c := 1
		for _, ch := range n.Content {
			c = min(c+count(ch, depth+1), maxNodes+1)
		}
		memo[n] = c
		return c
	}
	n := count(&doc, 0)
	return n > 200_000 && n <= maxNodes
}
