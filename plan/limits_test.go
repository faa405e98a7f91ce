package plan

import (
	"bytes"
	"fmt"
	"runtime"
	"strings"
	"testing"

	"github.com/kehoach/kehoach/plan/internal/yamltext"
	"go.yaml.in/yaml/v3"
)

// limitPlan is a small plan without findings, to which the limit tests
// add what they need.
const limitPlan = `kehoach: 1
plan:
  title: Kế hoạch thử
  year: 2023
  issuer: UBND huyện Bảo Yên
  province: Lào Cai
  district: Bảo Yên
projects:
  - project: 2
    name: Đa dạng hóa sinh kế, phát triển mô hình giảm nghèo
    appendix: 3
    funding: {central: 100, local: 10}
`

// e110 returns the E110 findings among ds.
func e110(ds []Diagnostic) []Diagnostic {
	var out []Diagnostic
	for _, d := range ds {
		if d.Code == "E110" {
			out = append(out, d)
		}
	}
	return out
}

// checkLimit checks that data is within a limit (no E110) or beyond it:
// one E110, alone (it stops the file), at line:col with path, whose
// English message contains msg and Vietnamese message contains vi.
func checkLimit(t *testing.T, data []byte, beyond bool, line, col int, path, msg, vi string) {
	t.Helper()
	res := Validate("limit.yaml", data)
	got := e110(res.Diagnostics)
	if !beyond {
		if len(got) > 0 {
			t.Fatalf("within the limit, got %s at %d:%d: %s", got[0].Code, got[0].Line, got[0].Column, got[0].Message.EN)
		}
		return
	}
	if len(got) != 1 || len(res.Diagnostics) != 1 {
		var codes []string
		for _, d := range res.Diagnostics {
			codes = append(codes, fmt.Sprintf("%s %d:%d %s", d.Code, d.Line, d.Column, d.Message.EN))
		}
		t.Fatalf("beyond the limit, got %v, want one E110 alone", codes)
	}
	d := got[0]
	if d.Line != line || d.Column != col || d.Path != path {
		t.Errorf("E110 at %d:%d %q, want %d:%d %q", d.Line, d.Column, d.Path, line, col, path)
	}
	if !strings.Contains(d.Message.EN, msg) {
		t.Errorf("E110 message %q does not give the limit %q", d.Message.EN, msg)
	}
	if !strings.Contains(d.Message.VI, vi) {
		t.Errorf("E110 message %q does not give the limit %q", d.Message.VI, vi)
	}
	if res.Plan != nil {
		t.Error("a file beyond a limit gave a plan")
	}
}

// TestFileSizeLimit: a file of MaxFileSize bytes is read; one byte more is
// E110, before it is parsed.
func TestFileSizeLimit(t *testing.T) {
	// At the limit, the size check lets the file through (parsing 64 MiB
	// takes seconds, and half a minute with the race detector: the check
	// is what decides).
	l := newLoader("limit.yaml")
	if !l.sizeOK(make([]byte, MaxFileSize)) || len(l.out) > 0 {
		t.Errorf("sizeOK(%d bytes) refused the file: %v", MaxFileSize, l.out)
	}
	// One byte more: E110, whatever the file holds.
	data := bytes.Repeat([]byte("x"), MaxFileSize+1)
	copy(data, limitPlan+"#")
	checkLimit(t, data, true, 1, 1, "", "64 MiB", "64 MiB")
}

// nested returns n lists nested in each other under an x- key, the
// innermost empty: n levels.
func nested(n int) string {
	return limitPlan + "x-deep: " + strings.Repeat("[", n) + strings.Repeat("]", n) + "\n"
}

// TestDepthLimit: nesting of MaxDepth levels is read, one more is E110;
// nesting through aliases counts as written out.
func TestDepthLimit(t *testing.T) {
	half := MaxDepth / 2
	anchored := func(extra int) string {
		// An anchored value of half the levels, aliased at the bottom of
		// another half: MaxDepth+extra levels once expanded.
		return limitPlan + "x-a: &deep " + strings.Repeat("[", half) + strings.Repeat("]", half) + "\n" +
			"x-b: " + strings.Repeat("[", half-1+extra) + "*deep" + strings.Repeat("]", half-1+extra) + "\n"
	}
	maps := func(n int) string {
		// n-1 mappings around a value: n levels.
		return limitPlan + "x-deep: " + strings.Repeat("{a: ", n-1) + "1" + strings.Repeat("}", n-1) + "\n"
	}
	tests := []struct {
		name   string
		data   string
		beyond bool
	}{
		{"lists at the limit", nested(MaxDepth), false},
		{"lists one level more", nested(MaxDepth + 1), true},
		{"mappings at the limit", maps(MaxDepth), false},
		{"mappings one level more", maps(MaxDepth + 1), true},
		{"through an alias at the limit", anchored(1), false},
		{"through an alias one level more", anchored(2), true},
		{"the YAML library's own limit", nested(10_001), true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			checkLimit(t, []byte(tc.data), tc.beyond, 1, 1, "", "64 levels", "64 mức")
		})
	}
}

// expandedNodes counts the nodes of a document as aliases expand it,
// independently of the loader: every node, and an alias as the nodes of
// its anchor.
func expandedNodes(n *yaml.Node, memo map[*yaml.Node]int) int {
	if n.Kind == yaml.AliasNode {
		return expandedNodes(n.Alias, memo)
	}
	if c, ok := memo[n]; ok {
		return c
	}
	c := 1
	for _, ch := range n.Content {
		c += expandedNodes(ch, memo)
	}
	memo[n] = c
	return c
}

// nodesPlan returns a plan whose aliases expand it to exactly n nodes: a
// few lines of anchors of 10, 91, 820, … nodes, aliased as often as
// needed, and single scalars for the rest.
func nodesPlan(t *testing.T, n int) []byte {
	t.Helper()
	var b strings.Builder
	b.WriteString(limitPlan)
	b.WriteString("x-l0: &l0 [1, 1, 1, 1, 1, 1, 1, 1, 1]\n")
	sizes := []int{10}
	for i := 1; i <= 6; i++ {
		fmt.Fprintf(&b, "x-l%d: &l%d [%s]\n", i, i, strings.TrimSuffix(strings.Repeat(fmt.Sprintf("*l%d, ", i-1), 9), ", "))
		sizes = append(sizes, 1+9*sizes[i-1])
	}
	base := b.String() + "x-pad: []\n"
	var doc yaml.Node
	if err := yaml.Unmarshal([]byte(base), &doc); err != nil {
		t.Fatal(err)
	}
	rest := n - expandedNodes(&doc, map[*yaml.Node]int{})
	if rest < 0 {
		t.Fatalf("the base plan has more than %d nodes", n)
	}
	var pad []string
	for i := len(sizes) - 1; i >= 0; i-- {
		for rest >= sizes[i] {
			pad = append(pad, fmt.Sprintf("*l%d", i))
			rest -= sizes[i]
		}
	}
	for ; rest > 0; rest-- {
		pad = append(pad, "1")
	}
	data := []byte(b.String() + "x-pad: [" + strings.Join(pad, ", ") + "]\n")
	if err := yaml.Unmarshal(data, &doc); err != nil {
		t.Fatal(err)
	}
	if got := expandedNodes(&doc, map[*yaml.Node]int{}); got != n {
		t.Fatalf("nodesPlan(%d) has %d nodes", n, got)
	}
	return data
}

// TestNodeLimit: MaxNodes nodes after alias expansion are read, one more
// is E110.
func TestNodeLimit(t *testing.T) {
	for _, tc := range []struct {
		name   string
		n      int
		beyond bool
	}{
		{"at the limit", MaxNodes, false},
		{"one node more", MaxNodes + 1, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			checkLimit(t, nodesPlan(t, tc.n), tc.beyond, 1, 1, "", "8,000,000", "8.000.000")
		})
	}
}

// flatList returns a plan whose text holds a list of n scalars, two
// bytes each: 64 MiB of it hold 32 million nodes.
func flatList(n int) []byte {
	var b bytes.Buffer
	b.WriteString(limitPlan + "x-flat: [")
	b.Write(bytes.Repeat([]byte("1,"), n-1))
	b.WriteString("1]\n")
	return b.Bytes()
}

// TestNodeLimitBeforeParse: a file whose text holds more than MaxNodes
// nodes is refused before the YAML library builds its tree (about 200
// bytes a node): at the limit the scan lets it through, one node more it
// does not, and refusing it takes little memory.
func TestNodeLimitBeforeParse(t *testing.T) {
	// The plan's own text counts for this many nodes in the scan.
	own := yamltext.CountNodes([]byte(limitPlan+"x-flat: [1]\n"), MaxNodes) - 1
	t.Run("at the limit", func(t *testing.T) {
		data := flatList(MaxNodes - own)
		if got := yamltext.CountNodes(data, MaxNodes); got != MaxNodes {
			t.Errorf("scanNodes = %d, want %d", got, MaxNodes)
		}
		if l := newLoader("flat.yaml"); !l.prescan(data) {
			t.Errorf("prescan refused the file: %v", l.out)
		}
	})
	t.Run("one node more, refused without parsing", func(t *testing.T) {
		data := flatList(MaxNodes - own + 1)
		var before, after runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&before)
		checkLimit(t, data, true, 1, 1, "", "8,000,000", "8.000.000")
		runtime.ReadMemStats(&after)
		// Parsing would take gigabytes; the scan takes nothing.
		if alloc := after.TotalAlloc - before.TotalAlloc; alloc > 64<<20 {
			t.Errorf("refusing %d bytes allocated %d MiB", len(data), alloc>>20)
		}
	})
}

// TestTextLengthLimit: a text of MaxTextLength characters (as a
// spreadsheet counts them) is read, one more is E110 at the text; free
// text under notes and x- keys has no limit.
func TestTextLengthLimit(t *testing.T) {
	name := func(s string) string {
		return strings.Replace(limitPlan, "name: Đa dạng hóa sinh kế, phát triển mô hình giảm nghèo", "name: "+s, 1)
	}
	long := strings.Repeat("ầ", MaxTextLength+1)
	tests := []struct {
		name   string
		data   string
		beyond bool
		path   string
		line   int
		col    int
	}{
		{"at the limit", name(strings.Repeat("ầ", MaxTextLength)), false, "", 0, 0},
		{"one character more", name(long), true, "projects[0].name", 10, 11},
		{"emoji count twice: at the limit", name(strings.Repeat("😀", MaxTextLength/2) + "a"), false, "", 0, 0},
		{"emoji count twice: one more", name(strings.Repeat("😀", MaxTextLength/2+1)), true, "projects[0].name", 10, 11},
		{"through an alias", limitPlan + "x-text: &t " + long + "\nx-more: {a: [*t]}\n" +
			"communes:\n  - {id: a, name: *t}\n", true, "x-text", 13, 9},
		{"under notes", limitPlan + "notes: " + long + "\n", false, "", 0, 0},
		{"under an x- key", limitPlan + "x-note:\n  text: |\n    " + long + "\n", false, "", 0, 0},
		{"under notes in a project", strings.Replace(limitPlan, "    appendix: 3\n", "    appendix: 3\n    notes: {text: "+long+"}\n", 1), false, "", 0, 0},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			checkLimit(t, []byte(tc.data), tc.beyond, tc.line, tc.col, tc.path, "beyond the limit of 32,767", "giới hạn 32.767")
		})
	}
}

// rowsPlan returns a plan with a project whose sub-projects share a list
// of 1,000 activities through an alias: 1 + subprojects + 1,000 ×
// subprojects rows, plus what extra adds under projects.
func rowsPlan(subprojects int, extra string) string {
	var b strings.Builder
	b.WriteString(strings.TrimSuffix(limitPlan, "    funding: {central: 100, local: 10}\n"))
	b.WriteString("    subprojects:\n      - subproject: 1\n        name: S\n        activities: &a\n")
	for i := range 1000 {
		fmt.Fprintf(&b, "          - {name: a%d, funding: {central: 1}}\n", i)
	}
	for i := 2; i <= subprojects; i++ {
		fmt.Fprintf(&b, "      - {subproject: %d, name: S, activities: *a}\n", i)
	}
	b.WriteString(extra)
	return b.String()
}

// TestRowLimit: MaxRows rows are read, one more is E110 at the row (or at
// the alias that brings it in), before the plan is read from the tree.
func TestRowLimit(t *testing.T) {
	const subprojects = (MaxRows - 1) / 1001 // 999: 1 + 999 + 999,000 rows
	if 1+subprojects*1001 != MaxRows {
		t.Fatalf("rowsPlan cannot make %d rows", MaxRows)
	}
	t.Run("at the limit", func(t *testing.T) {
		// Reading a million activities takes seconds: check the count
		// that decides, not the whole validation.
		var doc yaml.Node
		if err := yaml.Unmarshal([]byte(rowsPlan(subprojects, "")), &doc); err != nil {
			t.Fatal(err)
		}
		l := newLoader("rows.yaml")
		if !l.rows(doc.Content[0]) {
			t.Errorf("rows() refused %d rows: %v", MaxRows, l.out)
		}
	})
	// The line after the last sub-project: the plan's 11 lines, 4 of the
	// first sub-project, its activities and the other sub-projects.
	line := 11 + 4 + 1000 + subprojects - 1 + 1
	tests := []struct {
		name      string
		data      string
		line, col int
		path      string
	}{
		{"one more row", rowsPlan(subprojects, "      - {subproject: 1000, name: S}\n"), line, 9, "projects[0].subprojects[999]"},
		{"one more list through an alias", rowsPlan(subprojects, "      - {subproject: 1000, name: S, activities: *a}\n"), line, 9, "projects[0].subprojects[999]"},
		// Communes count first: the last alias of the activities passes.
		{"a commune", rowsPlan(subprojects, "communes: [{id: a, name: A}]\n"), line - 1, 48, "projects[0].subprojects[998].activities"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			checkLimit(t, []byte(tc.data), true, tc.line, tc.col, tc.path, "more than 1,000,000 rows", "hơn 1.000.000 dòng")
		})
	}
	t.Run("aliases of aliases", func(t *testing.T) {
		// 100 projects of 100 aliases of a sub-project of 100 activities:
		// 1,010,100 rows in 100 lines; the count follows the aliases
		// without reading them out.
		var b strings.Builder
		b.WriteString(strings.TrimSuffix(limitPlan, "projects:\n  - project: 2\n    name: Đa dạng hóa sinh kế, phát triển mô hình giảm nghèo\n    appendix: 3\n    funding: {central: 100, local: 10}\n"))
		b.WriteString("x-acts: &acts [" + strings.TrimSuffix(strings.Repeat("{name: a}, ", 100), ", ") + "]\n")
		b.WriteString("x-sub: &s {subproject: 1, name: S, activities: *acts}\n")
		b.WriteString("x-subs: &subs [" + strings.TrimSuffix(strings.Repeat("*s, ", 100), ", ") + "]\n")
		b.WriteString("projects:\n")
		for range 100 {
			b.WriteString("  - {project: 3, name: P, appendix: 3, subprojects: *subs}\n")
		}
		// The 99th project brings the count to 999,999, the 100th past
		// the limit, through its alias of the sub-projects.
		checkLimit(t, []byte(b.String()), true, 7+3+1+100, 53, "projects[99].subprojects", "more than 1,000,000 rows", "hơn 1.000.000 dòng")
	})
}

// TestFindingsLimit: a file with MaxFindings findings reports them all;
// one more, and the first MaxFindings are reported with E110 where the
// next one is, and the file stops.
func TestFindingsLimit(t *testing.T) {
	// Each commune that is a number, not a mapping, is one E103.
	communes := func(n int) []byte {
		return []byte(limitPlan + "communes:\n" + strings.Repeat("  - 1\n", n))
	}
	res := Validate("findings.yaml", communes(MaxFindings))
	if len(res.Diagnostics) != MaxFindings || len(e110(res.Diagnostics)) > 0 || res.Plan == nil {
		t.Errorf("at the limit: %d findings (%d E110), plan %v; want %d, no E110, a plan",
			len(res.Diagnostics), len(e110(res.Diagnostics)), res.Plan != nil, MaxFindings)
	}
	res = Validate("findings.yaml", communes(MaxFindings+1))
	got := e110(res.Diagnostics)
	if len(res.Diagnostics) != MaxFindings+1 || len(got) != 1 || res.Plan != nil {
		t.Fatalf("one more: %d findings (%d E110), plan %v; want %d and one E110, no plan",
			len(res.Diagnostics), len(got), res.Plan != nil, MaxFindings+1)
	}
	d := got[0]
	// The plan's 12 lines and `communes:`, then the communes.
	if line := 13 + MaxFindings + 1; d.Line != line || d.Column != 5 || d.Path != fmt.Sprintf("communes[%d]", MaxFindings) {
		t.Errorf("E110 at %d:%d %s, want %d:5 communes[%d]", d.Line, d.Column, d.Path, line, MaxFindings)
	}
	if !strings.Contains(d.Message.EN, "more than 100,000 findings") || !strings.Contains(d.Message.VI, "hơn 100.000 phát hiện") {
		t.Errorf("E110 message %q does not give the limit", d.Message.EN)
	}
}
