package yamltext

import (
	"bytes"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"go.yaml.in/yaml/v3"

	"github.com/kehoach/kehoach/internal/fuzzing"
	"github.com/kehoach/kehoach/internal/synthetic"
)

// wholeTree decodes data in one piece, as decode does.
func wholeTree(data []byte) (*yaml.Node, error) {
	doc := new(yaml.Node)
	return doc, yaml.NewDecoder(bytes.NewReader(data)).Decode(doc)
}

// tree is a node as the loader reads it, comments aside (the loader does
// not read them), written out to be compared: kind, style, tag, anchor,
// value, line and column, what an alias points at, and the content.
func tree(n *yaml.Node) string {
	var b strings.Builder
	var write func(n *yaml.Node, depth int)
	write = func(n *yaml.Node, depth int) {
		fmt.Fprintf(&b, "%*s%d %d %q &%q %q %d:%d", 2*depth, "", n.Kind, n.Style, n.Tag, n.Anchor, n.Value, n.Line, n.Column)
		if n.Alias != nil {
			fmt.Fprintf(&b, " -> %d:%d", n.Alias.Line, n.Alias.Column)
		}
		b.WriteByte('\n')
		for _, c := range n.Content {
			write(c, depth+1)
		}
	}
	write(n, 0)
	return b.String()
}

// partStarts returns the first line (from 1) of each part.
func partStarts(parts []part) []int {
	var lines []int
	for _, p := range parts {
		lines = append(lines, p.line+1)
	}
	return lines
}

func TestSplitParts(t *testing.T) {
	tests := []struct {
		name, text string
		// want is the first line of each part when every line that can
		// begin one does; nil when the text is not split.
		want []int
	}{{
		name: "top-level keys",
		text: "# a plan\nkehoach: 1\nplan:\n  year: 2022\nfunding: {total: 1}\n",
		want: []int{1, 3, 5},
	}, {
		name: "further entries of a list",
		text: "kehoach: 1\ncommunes:\n  - id: a\n  - id: b\n    name: B\n  - id: c\n",
		want: []int{1, 2, 4, 6},
	}, {
		name: "lists at column 1 under a key",
		text: "kehoach: 1\ncommunes:\n- id: a\n- id: b\nrules: {}\n",
		want: []int{1, 2, 4, 5},
	}, {
		name: "nested lists, and the keys after one end it",
		text: "projects:\n  - project: 2\n    activities:\n      - name: a\n      - name: b\n    funding: {}\n  - project: 3\n",
		// Line 5 cannot be a part of its own: line 6 ends the list it
		// continues, and cannot begin a part.
		want: []int{1, 7},
	}, {
		name: "a list at the indentation of its key ends at the next key",
		text: "projects:\n  - project: 2\n    activities:\n    - name: a\n    - name: b\n    lead: x\n  - project: 3\n",
		want: []int{1, 7},
	}, {
		name: "the first entry of a list does not begin a part",
		text: "a:\n  - x\nb:\n  - y\n",
		want: []int{1, 3},
	}, {
		name: "CRLF line ends",
		text: "a: 1\r\nb:\r\n  - x\r\n  - y\r\n",
		want: []int{1, 2, 4},
	}, {
		name: "blank and comment lines do not end a list",
		text: "a:\n  - x\n\n# note\n  - y\n",
		want: []int{1, 5},
	}, {
		name: "an indented first line",
		text: "  a: 1\n  b: 2\n",
	}, {
		name: "a list at the top",
		text: "- a\n- b\n",
	}, {
		name: "a document marker",
		text: "a: 1\n---\nb: 2\n",
	}, {
		name: "a directive",
		text: "%YAML 1.1\n---\na: 1\nb: 2\n",
	}, {
		name: "a quoted key in column 1",
		text: "a: 1\n\"b\": 2\n",
	}, {
		name: "a lone CR",
		text: "a: 1\rb: 2\nc: 3\n",
	}, {
		name: "a line separator",
		text: "a: x\u2028y\nb: 2\n",
	}, {
		name: "one key",
		text: "a:\n  b: 1\n  c: 2\n",
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := partStarts(splitParts([]byte(tt.text), 1))
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("first lines of the parts (-want +got):\n%s", diff)
			}
		})
	}
}

// checkParts decodes data in parts of size bytes and in one piece, and
// fails when the parts give a tree the whole file does not. It reports
// whether the parts were used.
func checkParts(t *testing.T, data []byte, size int) bool {
	t.Helper()
	used, problem := compareParts(data, size)
	if problem != "" {
		t.Fatal(problem)
	}
	return used
}

// compareParts is checkParts, with what is wrong as text.
func compareParts(data []byte, size int) (used bool, problem string) {
	got, ok := decodeParts(data, 2, size, 64)
	want, err := wholeTree(data)
	switch {
	case !ok:
		return false, ""
	case err != nil:
		return true, fmt.Sprintf("the parts decoded a file the whole of which fails: %v", err)
	}
	if diff := cmp.Diff(tree(want), tree(got)); diff != "" {
		return true, fmt.Sprintf("the parts' tree differs from the whole file's (-whole +parts):\n%s", diff)
	}
	return true, ""
}

// TestDecodePartsPlans decodes the project's own plans, valid and not,
// and a synthetic national one, in parts as small as they can be: the
// tree is the whole file's, and the valid plans are decoded in parts.
func TestDecodePartsPlans(t *testing.T) {
	for _, data := range fuzzing.Seeds(t, "../../..") {
		checkParts(t, data, 1)
	}
	var national bytes.Buffer
	if err := synthetic.National(&national, 50); err != nil {
		t.Fatal(err)
	}
	valid := map[string][]byte{"synthetic national plan": national.Bytes()}
	for _, name := range []string{
		"../../../examples/bao-yen-2022.yaml", "../../../examples/bao-yen-2022-xa.yaml",
		"../../testdata/valid/bao-yen-trimmed.yaml", "../../testdata/valid/tone-placement-bom-crlf.yaml",
	} {
		data, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		// As parse gives it: without a byte order mark.
		valid[name] = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	}
	for name, data := range valid {
		for _, size := range []int{1, len(data) / 16} {
			if !checkParts(t, data, size) {
				t.Errorf("%s, parts of %d bytes: not decoded in parts", name, size)
			}
		}
	}
}

// TestDecodePartsFallBack gives texts that split at lines which look like
// the start of a part but are not; each must be decoded in one piece (or
// give the same tree).
func TestDecodePartsFallBack(t *testing.T) {
	texts := map[string]string{
		"a quoted scalar over lines": "a: \"x\nb: y\"\nc: 1\n",
		"a flow list over lines":     "a: [1,\nb, 2]\nc: 1\n",
		"a block scalar at the top":  "|\n  a: 1\nb: 2\n",
		"an alias to another part":   "a: &x 1\nb: *x\n",
		"an alias in its own part":   "a: 1\nb: &x 2\nc: [*x]\n",
		"a block scalar in a list":   "a:\n  - |\n    - x\n    - y\n  - z\n",
		"a plain scalar over lines":  "a:\n  - x\n    - y\n  - z\n",
		"a mapping then an entry":    "a:\n  - x\n  b: 1\n  - y\n",
		"an anchored list":           "a: &l\n  - x\n  - y\nb: *l\n",
		"a flow list value":          "a: [x]\n  - y\n",
		"an entry after a scalar":    "a: x\n  - y\n  - z\n",
		"a tab-indented line":        "a:\n  - x\n\t- y\n  - z\n",
		"a second document":          "a:\n  - x\n  - y\n...\nb: 1\n",
		// The library places the missing value of a `? key` at the next
		// token: on the line that begins the next part.
		"a key without a value":       "a:\n  - x\n  - ? y\n  - z\n",
		"a key without a value, CRLF": "a:\r\n  - x\r\n  - ? y\r\n  - z\r\n",
		"a nested key without value":  "a:\n  - x\n  - b:\n      ? y\n  - z\n",
		"a list as a key":             "a:\n  - x\n  - ? - y\n  - z\n",
		// The library's limit of 10,000 levels counts the whole file's;
		// each part starts at a depth of it.
		"deeper than the library's limit": "a:\n" + strings.Repeat("- ", 5001) + "x\n" +
			strings.Repeat(" ", 10000) + "- y\n" + strings.Repeat(" ", 10000) + strings.Repeat("- ", 5001) + "z\n",
	}
	for name, text := range texts {
		t.Run(name, func(t *testing.T) {
			checkParts(t, []byte(text), 1)
		})
	}
}

// FuzzDecodeParts checks, on any text, that the parts give the whole
// file's tree or are not used.
func FuzzDecodeParts(f *testing.F) {
	for _, data := range fuzzing.Seeds(f, "../../..") {
		f.Add(data, uint16(1))
	}
	// Complex keys and empty entries, which the plans do not have.
	f.Add([]byte("a:\n  - x\n  - ? y\n  - k: 1\n    ? z\n  -\n  - - w\n"), uint16(1))
	f.Fuzz(func(t *testing.T, data []byte, size uint16) {
		// The first 64 KiB: parts are lines, and larger inputs only slow
		// the fuzzer down.
		data = data[:min(len(data), 1<<16)]
		var problem string
		fuzzing.NoHang(t, func() { _, problem = compareParts(data, int(size)) })
		if problem != "" {
			t.Fatal(problem)
		}
	})
}
