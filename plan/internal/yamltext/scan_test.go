package yamltext

import (
	"bytes"
	"errors"
	"io"
	"testing"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"

	"github.com/kehoach/kehoach/internal/fuzzing"
)

// TestScanNodes checks the node scan on each kind of YAML text: the count
// it gives, and that it is never more than the nodes the YAML library
// parses (it may be less).
func TestScanNodes(t *testing.T) {
	tests := []struct {
		name string
		text string
		want int
	}{
		{"empty", "", 0},
		{"keys", "a: 1\nb: 2\n", 4},
		{"flow list", "a: [1, 2, 3]\n", 4},
		{"flow mapping", "a: {b: 1, c: 2}\n", 5},
		{"trailing comma", "a: [1, 2,]\n", 4},
		{"nested flow", "a: [[1, 2], {b: [3, 4]}]\n", 8},
		{"flow over lines", "a: [1,\n  2,\n  3]\nb: 1\n", 6},
		{"block list", "a:\n  - 1\n  - 2\n", 3},
		{"list of mappings", "- a: 1\n  b: 2\n- a: 3\n  b: 4\n", 10},
		{"nested block lists", "- - 1\n  - 2\n", 3},
		{"comments", "# a: [1, 2]\na: 1 # b: [1, 2]\n", 2},
		{"quoted commas", "a: \"[1, 2]\"\nb: '[1, 2]'\n", 4},
		{"quoted with escapes", "a: [\"x\\\", y\", 'it''s, y', z]\n", 4},
		{"quoted over lines", "a: \"one,\n  - two: [3, 4]\"\nb: 1\n", 4},
		{"block scalar", "a: |\n  - b: [1, 2]\n  c: [3]\nd: 1\n", 3},
		{"folded with indicators", "a: >-2\n   - x, [1, 2]\nb: [1]\n", 3},
		{"block scalar under an entry", "- a: |\n    [1, 2]\n  b: 1\n", 4},
		{"plain continued", "a: one\n  - two, [3, 4]\nb: 1\n", 4},
		{"root scalar continued", "one\n- two\n- three\n", 0},
		{"plain with brackets", "a: x [1, 2]\n", 2},
		{"URL", "a: http://x.vn/a,b\n", 2},
		{"anchors and tags", "a: &x [1, 2]\nb: !!seq [*x, 3]\n", 6},
		{"documents", "---\na: 1\n...\n---\nb: [1, 2]\n", 5},
		{"document block scalar", "--- |\n- a: [1, 2]\n", 0},
		{"directive", "%YAML 1.2\n---\na: 1\n", 2},
		{"CRLF", "a: 1\r\nb:\r\n  - 1\r\n", 4},
		{"lone CR", "a: 1\rb: [1, 2]\r", 5},
		{"json", `{"a": [1, 2], "b": {"c": 3}}`, 6},
		{"explicit key", "? a\n: b\n", 0},
		{"key after a flow collection", "a: [1,\n  2]\n  b: 3\n", 3},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := CountNodes([]byte(tc.text), 1<<30)
			if got != tc.want {
				t.Errorf("CountNodes(%q) = %d, want %d", tc.text, got, tc.want)
			}
			if n, ok := parsedNodes([]byte(tc.text)); ok && got > n {
				t.Errorf("CountNodes(%q) = %d, more than the %d nodes parsed", tc.text, got, n)
			}
		})
	}
}

// parsedNodes counts the nodes the YAML library parses in every document
// of data, as written (an alias is one node); ok is false when data is
// not YAML.
func parsedNodes(data []byte) (int, bool) {
	dec := yaml.NewDecoder(bytes.NewReader(data))
	n := 0
	var count func(*yaml.Node)
	count = func(x *yaml.Node) {
		if x.Kind != yaml.DocumentNode {
			n++
		}
		for _, c := range x.Content {
			count(c)
		}
	}
	for {
		var doc yaml.Node
		err := dec.Decode(&doc)
		if errors.Is(err, io.EOF) {
			return n, true
		}
		if err != nil {
			return 0, false
		}
		count(&doc)
	}
}

// FuzzCountNodes checks that the scan is a lower bound: on any text the
// YAML library parses, it counts no more nodes than the library builds,
// so it never refuses a file within MaxNodes.
func FuzzCountNodes(f *testing.F) {
	for _, data := range fuzzing.Seeds(f, "../../..") {
		f.Add(data)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		// The scan sees what the loader lets through: UTF-8 without its
		// byte order mark (the YAML library would read UTF-16 itself).
		data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
		if !utf8.Valid(data) {
			t.Skip("not UTF-8: the loader stops such a file first (E111)")
		}
		got := CountNodes(data, 1<<30)
		if n, ok := parsedNodes(data); ok && got > n {
			t.Errorf("scanNodes = %d, more than the %d nodes parsed", got, n)
		}
	})
}
