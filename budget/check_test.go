package budget_test

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/kehoach/kehoach/budget"
	"github.com/kehoach/kehoach/diag"
)

// amounts is what a `funding` object writes: "" is a source the object does
// not write, "?" one that is written but has an E finding (it takes part in
// no comparison), anything else an amount in plain decimal notation.
type amounts struct{ central, local, other, total string }

// finding is what a funding check reports, without the message texts.
type finding struct {
	Code       string
	Severity   diag.Severity
	Path       string
	Stated     string
	Computed   string
	Difference string
}

// lines numbers the figures of one tree, so that each has its own line and
// TestCheck can check that a finding points at the figure of its path.
type lines struct{ n int }

func (l *lines) next() int { l.n++; return l.n }

func (l *lines) figure(path, text string) budget.Figure {
	f := budget.Figure{Line: l.next(), Column: 1, Path: diag.PathOf(path)}
	switch text {
	case "":
		return budget.Figure{}
	case "?":
		f.Written = true
		return f
	}
	a, err := budget.Parse(text)
	if err != nil {
		panic(err)
	}
	f.Value, f.Written, f.Valid = a, true, true
	return f
}

// funding builds the `funding` object at path; the zero amounts mean no
// `funding` key at all.
func (l *lines) funding(path string, a amounts) budget.Funding {
	if a == (amounts{}) {
		return budget.Funding{}
	}
	return budget.Funding{
		Written: true, Line: l.next(), Column: 1, Path: diag.PathOf(path),
		Sources: [3]budget.Figure{
			l.figure(path+".central", a.central),
			l.figure(path+".local", a.local),
			l.figure(path+".other", a.other),
		},
		Total: l.figure(path+".total", a.total),
	}
}

// tree builds funding trees with the paths a plan file gives them.
type tree struct{ lines }

func (t *tree) plan(a amounts, projects ...*budget.Node) *budget.Node {
	return &budget.Node{Kind: budget.Plan, Label: diag.Text{VI: "kế hoạch", EN: "the plan"},
		Funding: t.funding("funding", a), Children: projects}
}

func (t *tree) project(i, number int, a amounts, children ...*budget.Node) *budget.Node {
	path := fmt.Sprintf("projects[%d]", i)
	n := &budget.Node{Kind: budget.Project,
		Label:  diag.Text{VI: fmt.Sprintf("Dự án %d", number), EN: fmt.Sprintf("project %d", number)},
		Number: t.number(path + ".project"),
	}
	n.Funding = t.funding(path+".funding", a)
	n.Children = reparent(children, path)
	return n
}

func (t *tree) subproject(j, number int, a amounts, activities ...*budget.Node) *budget.Node {
	path := fmt.Sprintf("subprojects[%d]", j)
	n := &budget.Node{Kind: budget.Subproject,
		Label:  diag.Text{VI: fmt.Sprintf("Tiểu dự án %d", number), EN: fmt.Sprintf("sub-project %d", number)},
		Number: t.number(path + ".subproject"),
	}
	n.Funding = t.funding(path+".funding", a)
	n.Children = reparent(activities, path)
	return n
}

func (t *tree) activity(k int, a amounts) *budget.Node {
	path := fmt.Sprintf("activities[%d]", k)
	n := &budget.Node{Kind: budget.Activity, Label: diag.Text{VI: "hoạt động", EN: "activity"},
		Number: budget.Figure{Line: t.next(), Column: 1, Path: diag.PathOf(path)}}
	n.Funding = t.funding(path+".funding", a)
	return n
}

func (t *tree) number(path string) budget.Figure {
	return budget.Figure{Line: t.next(), Column: 3, Path: diag.PathOf(path), Written: true, Valid: true}
}

// reparent prefixes the paths of a subtree built before its parent.
func reparent(ns []*budget.Node, prefix string) []*budget.Node {
	for _, n := range ns {
		fix := func(f *budget.Figure) {
			if !f.Path.IsZero() {
				f.Path = diag.PathOf(prefix + "." + f.Path.String())
			}
		}
		fix(&n.Number)
		if !n.Funding.Path.IsZero() {
			n.Funding.Path = diag.PathOf(prefix + "." + n.Funding.Path.String())
		}
		for s := range n.Funding.Sources {
			fix(&n.Funding.Sources[s])
		}
		fix(&n.Funding.Total)
		if n.Allocated != nil {
			fix(n.Allocated)
		}
		reparent(n.Children, prefix)
	}
	return ns
}

func allocate(n *budget.Node, central string) *budget.Node {
	a, err := budget.Parse(central)
	if err != nil {
		panic(err)
	}
	n.Allocated = &budget.Figure{Value: a, Written: true, Valid: true, Line: 999, Column: 1, Path: diag.PathOf("allocation.projects[0].central")}
	n.AllocationSource = "Quyết định số 1394/QĐ-UBND"
	return n
}

func amount(s string) budget.Amount {
	a, err := budget.Parse(s)
	if err != nil {
		panic(err)
	}
	return a
}

// referencePlan is the funding tree of examples/bao-yen-2022.yaml.
func referencePlan(t *tree) *budget.Node {
	return t.plan(amounts{"6220", "622", "761", "7603"},
		t.project(0, 2, amounts{"2416", "241", "531", "3188"}),
		t.project(1, 3, amounts{},
			t.subproject(0, 1, amounts{"1045", "105", "230", "1380"})),
		t.project(2, 4, amounts{},
			t.subproject(0, 1, amounts{"1817", "182", "", "1999"}),
			t.subproject(1, 3, amounts{"226", "23", "", "249"})),
		t.project(3, 6, amounts{},
			t.subproject(0, 2, amounts{"58", "6", "", "64"})),
		t.project(4, 7, amounts{},
			t.subproject(0, 1, amounts{"430", "43", "", "473"}),
			t.subproject(1, 2, amounts{"228", "23", "", "251"})),
	)
}

// positions maps every path in a tree to where it is written, and
// "projects" to where Rules puts the `projects` key.
func positions(n *budget.Node, r budget.Rules, into map[string][2]int) map[string][2]int {
	if into == nil {
		into = map[string][2]int{"projects": {r.ProjectsLine, r.ProjectsColumn}}
	}
	put := func(f budget.Figure) {
		if !f.Path.IsZero() {
			into[f.Path.String()] = [2]int{f.Line, f.Column}
		}
	}
	put(n.Number)
	if f := n.Funding; f.Written {
		into[f.Path.String()] = [2]int{f.Line, f.Column}
		for _, s := range f.Sources {
			put(s)
		}
		put(f.Total)
	}
	for _, c := range n.Children {
		positions(c, r, into)
	}
	return into
}

func rulesWith(tolerance string) budget.Rules {
	return budget.Rules{Tolerance: amount(tolerance), ProjectsLine: 900, ProjectsColumn: 1}
}

func counterpart(tolerance, percent string) budget.Rules {
	r := rulesWith(tolerance)
	r.CounterpartMin, r.HasCounterpartMin = amount(percent), true
	return r
}

func TestCheck(t *testing.T) {
	const E, W = diag.Error, diag.Warning
	tests := []struct {
		name  string
		tree  func(t *tree) *budget.Node
		rules budget.Rules
		want  []finding
	}{
		{
			name:  "reference plan with tolerance 1 and 10 %: the two B203 of rules.md",
			tree:  referencePlan,
			rules: counterpart("1", "10"),
			want: []finding{
				{"B203", W, "funding.local", "622", "623", "-1"},
				{"B203", W, "funding.total", "7603", "7604", "-1"},
			},
		},
		{
			name:  "reference plan with tolerance 0: errors, and B205 for Dự án 2",
			tree:  referencePlan,
			rules: counterpart("0", "10"),
			want: []finding{
				{"B203", E, "funding.local", "622", "623", "-1"},
				{"B203", E, "funding.total", "7603", "7604", "-1"},
				{"B205", W, "projects[0].funding.local", "", "", ""},
			},
		},
		{
			name:  "reference plan without counterpart_min_percent: B204 and B205 are not checked",
			tree:  referencePlan,
			rules: rulesWith("0"),
			want: []finding{
				{"B203", E, "funding.local", "622", "623", "-1"},
				{"B203", E, "funding.total", "7603", "7604", "-1"},
			},
		},
		{
			name: "rules.md example: B202 at the project's central, nothing at plan level",
			tree: func(t *tree) *budget.Node {
				return t.plan(amounts{central: "114973"},
					t.project(0, 4, amounts{central: "114973"},
						t.subproject(0, 1, amounts{central: "89300"}),
						t.subproject(1, 3, amounts{central: "25672"})))
			},
			rules: rulesWith("0"),
			want:  []finding{{"B202", E, "projects[0].funding.central", "114973", "114972", "1"}},
		},
		{
			name: "rules.md example with totals: the total that includes the wrong central is a second figure to correct",
			tree: func(t *tree) *budget.Node {
				return t.plan(amounts{"114973", "", "", "114973"},
					t.project(0, 4, amounts{"114973", "", "", "114973"},
						t.subproject(0, 1, amounts{"89300", "", "", "89300"}),
						t.subproject(1, 3, amounts{"25672", "", "", "25672"})))
			},
			rules: rulesWith("0"),
			want: []finding{
				{"B202", E, "projects[0].funding.central", "114973", "114972", "1"},
				{"B202", E, "projects[0].funding.total", "114973", "114972", "1"},
			},
		},
		{
			name: "an activity's wrong total: B201 on the activity, nothing on its parent",
			tree: func(t *tree) *budget.Node {
				return t.plan(amounts{"1000", "100", "", "1100"},
					t.project(0, 2, amounts{"1000", "100", "", "1100"},
						t.activity(0, amounts{"600", "60", "", "670"}),
						t.activity(1, amounts{"400", "40", "", "440"})))
			},
			rules: rulesWith("0"),
			want:  []finding{{"B201", E, "projects[0].activities[0].funding.total", "670", "660", "10"}},
		},
		{
			name: "an activity's wrong source: B202 at each of the project's figures it contradicts, with its activities",
			tree: func(t *tree) *budget.Node {
				return t.plan(amounts{},
					t.project(0, 2, amounts{"1000", "100", "", "1100"},
						t.activity(0, amounts{"601", "60", "", ""}),
						t.activity(1, amounts{"400", "40", "", ""})))
			},
			rules: rulesWith("0"),
			want: []finding{
				{"B202", E, "projects[0].funding.central", "1000", "1001", "-1"},
				{"B202", E, "projects[0].funding.total", "1100", "1101", "-1"},
			},
		},
		{
			name: "B201 on a project without children",
			tree: func(t *tree) *budget.Node {
				return t.plan(amounts{}, t.project(0, 2, amounts{"2416", "241", "531", "3189"}))
			},
			rules: rulesWith("0"),
			want:  []finding{{"B201", E, "projects[0].funding.total", "3189", "3188", "1"}},
		},
		{
			name: "a source a leaf does not write is zero",
			tree: func(t *tree) *budget.Node {
				return t.plan(amounts{"58", "6", "0", "64"},
					t.project(0, 6, amounts{}, t.subproject(0, 2, amounts{central: "58", local: "6", total: "64"})))
			},
			rules: rulesWith("0"),
		},
		{
			name: "a node with children that writes only its total asserts only the total",
			tree: func(t *tree) *budget.Node {
				return t.plan(amounts{},
					t.project(0, 4, amounts{total: "2248"},
						t.subproject(0, 1, amounts{"1817", "182", "", ""}),
						t.subproject(1, 3, amounts{"226", "23", "", ""})))
			},
			rules: rulesWith("0"),
		},
		{
			name: "no B201 when the total agrees with the children: B202 says which source is wrong",
			tree: func(t *tree) *budget.Node {
				return t.plan(amounts{},
					t.project(0, 4, amounts{"2042", "205", "", "2248"},
						t.subproject(0, 1, amounts{"1817", "182", "", ""}),
						t.subproject(1, 3, amounts{"226", "23", "", ""})))
			},
			rules: rulesWith("0"),
			want:  []finding{{"B202", E, "projects[0].funding.central", "2042", "2043", "-1"}},
		},
		{
			name: "a total that B201 reports is not reported again by B202",
			tree: func(t *tree) *budget.Node {
				return t.plan(amounts{},
					t.project(0, 4, amounts{"2043", "205", "", "2250"},
						t.subproject(0, 1, amounts{"1817", "182", "", ""}),
						t.subproject(1, 3, amounts{"226", "23", "", ""})))
			},
			rules: rulesWith("0"),
			want:  []finding{{"B201", E, "projects[0].funding.total", "2250", "2248", "2"}},
		},
		{
			name: "a wrong sub-project total is reported once, where it is written",
			tree: func(t *tree) *budget.Node {
				return t.plan(amounts{"2043", "205", "", "2248"},
					t.project(0, 4, amounts{"2043", "205", "", "2248"},
						t.subproject(0, 1, amounts{"1817", "182", "", "1990"}),
						t.subproject(1, 3, amounts{"226", "23", "", "249"})))
			},
			rules: rulesWith("0"),
			want:  []finding{{"B201", E, "projects[0].subprojects[0].funding.total", "1990", "1999", "-9"}},
		},
		{
			name: "a plan that adds up has no findings",
			tree: func(t *tree) *budget.Node {
				return t.plan(amounts{"3461", "346", "761", "4568"},
					t.project(0, 2, amounts{"2416", "241", "531", "3188"}),
					t.project(1, 3, amounts{}, t.subproject(0, 1, amounts{"1045", "105", "230", "1380"})))
			},
			rules: counterpart("1", "10"),
		},
		{
			name: "B203 per source and for the total",
			tree: func(t *tree) *budget.Node {
				return t.plan(amounts{"3461", "346", "760", "4567"},
					t.project(0, 2, amounts{"2416", "241", "531", "3188"}),
					t.project(1, 3, amounts{}, t.subproject(0, 1, amounts{"1045", "105", "230", "1380"})))
			},
			rules: rulesWith("0"),
			want: []finding{
				{"B203", E, "funding.other", "760", "761", "-1"},
				{"B203", E, "funding.total", "4567", "4568", "-1"},
			},
		},
		{
			name:  "a difference equal to the tolerance is a warning",
			tree:  func(t *tree) *budget.Node { return t.plan(amounts{}, t.project(0, 2, amounts{"100", "10", "", "111"})) },
			rules: rulesWith("1"),
			want:  []finding{{"B201", W, "projects[0].funding.total", "111", "110", "1"}},
		},
		{
			name: "a difference of the tolerance plus 0.001 is an error",
			tree: func(t *tree) *budget.Node {
				return t.plan(amounts{}, t.project(0, 2, amounts{"100", "10", "", "111.001"}))
			},
			rules: rulesWith("1"),
			want:  []finding{{"B201", E, "projects[0].funding.total", "111.001", "110", "1.001"}},
		},
		{
			name: "a negative difference equal to the tolerance is a warning",
			tree: func(t *tree) *budget.Node {
				return t.plan(amounts{central: "99.5"}, t.project(0, 2, amounts{central: "100"}))
			},
			rules: rulesWith("0.5"),
			want:  []finding{{"B203", W, "funding.central", "99.5", "100", "-0.5"}},
		},
		{
			name: "a negative difference of the tolerance plus 0.001 is an error",
			tree: func(t *tree) *budget.Node {
				return t.plan(amounts{central: "99.499"}, t.project(0, 2, amounts{central: "100"}))
			},
			rules: rulesWith("0.5"),
			want:  []finding{{"B203", E, "funding.central", "99.499", "100", "-0.501"}},
		},
		{
			name: "B202 between a sub-project and its activities, within tolerance",
			tree: func(t *tree) *budget.Node {
				return t.plan(amounts{},
					t.project(0, 3, amounts{},
						t.subproject(0, 1, amounts{central: "1045"},
							t.activity(0, amounts{central: "420"}),
							t.activity(1, amounts{central: "624"}))))
			},
			rules: rulesWith("1"),
			want:  []finding{{"B202", W, "projects[0].subprojects[0].funding.central", "1045", "1044", "1"}},
		},
		{
			name: "exact decimals: 0.1 + 0.2 is 0.3",
			tree: func(t *tree) *budget.Node {
				return t.plan(amounts{total: "0.3"}, t.project(0, 2, amounts{central: "0.1", local: "0.2", total: "0.3"}))
			},
			rules: rulesWith("0"),
		},
		{
			name: "a figure with an E finding takes part in no comparison",
			tree: func(t *tree) *budget.Node {
				return t.plan(amounts{"3461", "346", "761", "4568"},
					t.project(0, 2, amounts{"?", "241", "531", "3188"}),
					t.project(1, 3, amounts{}, t.subproject(0, 1, amounts{"1045", "105", "230", "1380"})))
			},
			rules: counterpart("1", "10"),
		},
		{
			name: "an unknown figure does not hide the comparisons that do not involve it",
			tree: func(t *tree) *budget.Node {
				return t.plan(amounts{"3461", "340", "761", "4568"},
					t.project(0, 2, amounts{"?", "241", "531", "3188"}),
					t.project(1, 3, amounts{}, t.subproject(0, 1, amounts{"1045", "105", "230", "1380"})))
			},
			rules: rulesWith("0"),
			want:  []finding{{"B203", E, "funding.local", "340", "346", "-6"}},
		},
		{
			// The plan writes no source, so its own effective sources are its
			// projects' sums: B201, which B203 does not repeat.
			name: "an unknown total is not compared, its node's sources still are",
			tree: func(t *tree) *budget.Node {
				return t.plan(amounts{total: "1"}, t.project(0, 2, amounts{"2416", "241", "531", "?"}))
			},
			rules: rulesWith("0"),
			want:  []finding{{"B201", E, "funding.total", "1", "3188", "-3187"}},
		},
		{
			name: "an unknown figure in an activity skips its B201 and its parent's sum of that source",
			tree: func(t *tree) *budget.Node {
				return t.plan(amounts{"1000", "100", "", "1100"},
					t.project(0, 2, amounts{"1000", "100", "", "1100"},
						t.activity(0, amounts{"?", "60", "", "670"}),
						t.activity(1, amounts{"400", "40", "", "440"})))
			},
			rules: rulesWith("0"),
		},
		{
			name:  "B204 and B205 compare exactly: 241 against 241.6 passes with tolerance 1",
			tree:  func(t *tree) *budget.Node { return t.plan(amounts{}, t.project(0, 2, amounts{"2416", "241", "", ""})) },
			rules: counterpart("1", "10"),
		},
		{
			name:  "241 against 241.6 warns with tolerance 0; B204 points at projects without top-level funding",
			tree:  func(t *tree) *budget.Node { return t.plan(amounts{}, t.project(0, 2, amounts{"2416", "241", "", ""})) },
			rules: counterpart("0", "10"),
			want: []finding{
				{"B204", W, "projects", "", "", ""},
				{"B205", W, "projects[0].funding.local", "", "", ""},
			},
		},
		{
			name: "exactly the minimum passes",
			tree: func(t *tree) *budget.Node {
				return t.plan(amounts{"1000", "100", "", ""}, t.project(0, 2, amounts{"1000", "100", "", ""}))
			},
			rules: counterpart("0", "10"),
		},
		{
			name: "0.001 short of the minimum warns, B204 at the plan's local",
			tree: func(t *tree) *budget.Node {
				return t.plan(amounts{"1000", "99.999", "", ""}, t.project(0, 2, amounts{"1000", "99.999", "", ""}))
			},
			rules: counterpart("0", "10"),
			want: []finding{
				{"B204", W, "funding.local", "", "", ""},
				{"B205", W, "projects[0].funding.local", "", "", ""},
			},
		},
		{
			name:  "a shortfall equal to the tolerance is not reported",
			tree:  func(t *tree) *budget.Node { return t.plan(amounts{}, t.project(0, 2, amounts{"1000", "99", "", ""})) },
			rules: counterpart("1", "10"),
		},
		{
			name: "a shortfall of the tolerance plus 0.001 is reported",
			tree: func(t *tree) *budget.Node {
				return t.plan(amounts{}, t.project(0, 2, amounts{"1000", "98.999", "", ""}))
			},
			rules: counterpart("1", "10"),
			want: []finding{
				{"B204", W, "projects", "", "", ""},
				{"B205", W, "projects[0].funding.local", "", "", ""},
			},
		},
		{
			name: "B204 at the plan's funding when it does not write local",
			tree: func(t *tree) *budget.Node {
				return t.plan(amounts{central: "3416"},
					t.project(0, 2, amounts{central: "2416", local: "300"}),
					t.project(1, 3, amounts{}, t.subproject(0, 1, amounts{central: "1000", local: "0"})))
			},
			rules: counterpart("0", "15"),
			want: []finding{
				{"B204", W, "funding", "", "", ""},
				{"B205", W, "projects[0].funding.local", "", "", ""},
				{"B205", W, "projects[1].subprojects[0].funding.local", "", "", ""},
			},
		},
		{
			name: "B205 at funding when local is not written; never on activities or on a project with sub-projects",
			tree: func(t *tree) *budget.Node {
				return t.plan(amounts{},
					t.project(0, 2, amounts{central: "100", local: "10"},
						t.activity(0, amounts{central: "100", local: "0"}),
						t.activity(1, amounts{central: "0", local: "10"})),
					t.project(1, 3, amounts{central: "200"},
						t.subproject(0, 1, amounts{central: "100"}),
						t.subproject(1, 2, amounts{central: "100", local: "10"})))
			},
			rules: counterpart("0", "10"),
			want: []finding{
				{"B204", W, "projects", "", "", ""},
				{"B205", W, "projects[1].subprojects[0].funding", "", "", ""},
			},
		},
		{
			name:  "B204 and B205 skip a node whose central or local funds are unknown",
			tree:  func(t *tree) *budget.Node { return t.plan(amounts{}, t.project(0, 2, amounts{"2416", "?", "", ""})) },
			rules: counterpart("0", "10"),
		},
		{
			name: "B206: central funds above the allocation",
			tree: func(t *tree) *budget.Node {
				return t.plan(amounts{}, allocate(t.project(0, 2, amounts{central: "2417"}), "2416"))
			},
			rules: rulesWith("1"),
			want:  []finding{{"B206", E, "projects[0].funding.central", "", "", ""}},
		},
		{
			name: "B206: central funds equal to the allocation pass",
			tree: func(t *tree) *budget.Node {
				return t.plan(amounts{}, allocate(t.project(0, 2, amounts{central: "2416"}), "2416"))
			},
			rules: rulesWith("0"),
		},
		{
			name: "B206 on a sub-project that writes no funding, from its activities, at its number",
			tree: func(t *tree) *budget.Node {
				return t.plan(amounts{},
					t.project(0, 3, amounts{},
						allocate(t.subproject(0, 1, amounts{},
							t.activity(0, amounts{central: "600"}),
							t.activity(1, amounts{central: "500"})), "1045")))
			},
			rules: rulesWith("0"),
			want:  []finding{{"B206", E, "projects[0].subprojects[0].subproject", "", "", ""}},
		},
		{
			name: "B206 skips unknown central funds",
			tree: func(t *tree) *budget.Node {
				return t.plan(amounts{}, allocate(t.project(0, 2, amounts{central: "?"}), "1"))
			},
			rules: rulesWith("0"),
		},
		{
			name:  "B207: a project with no funding and no children, at its number",
			tree:  func(t *tree) *budget.Node { return t.plan(amounts{}, t.project(0, 5, amounts{})) },
			rules: rulesWith("0"),
			want:  []finding{{"B207", W, "projects[0].project", "", "", ""}},
		},
		{
			name: "B207: a sub-project with only zeros, at its number",
			tree: func(t *tree) *budget.Node {
				return t.plan(amounts{},
					t.project(0, 6, amounts{},
						t.subproject(0, 1, amounts{central: "0", local: "0"}),
						t.subproject(1, 2, amounts{central: "58", local: "6"})))
			},
			rules: rulesWith("0"),
			want:  []finding{{"B207", W, "projects[0].subprojects[0].subproject", "", "", ""}},
		},
		{
			name: "B207: a project whose activities are all unfunded",
			tree: func(t *tree) *budget.Node {
				return t.plan(amounts{},
					t.project(0, 2, amounts{}, t.activity(0, amounts{central: "0"})))
			},
			rules: rulesWith("0"),
			want:  []finding{{"B207", W, "projects[0].project", "", "", ""}},
		},
		{
			name:  "no B207 when the total is unknown",
			tree:  func(t *tree) *budget.Node { return t.plan(amounts{}, t.project(0, 2, amounts{central: "?"})) },
			rules: rulesWith("0"),
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			root := tc.tree(&tree{})
			got := budget.Check(root, tc.rules)
			pos := positions(root, tc.rules, nil)
			var gotF []finding
			for _, d := range got {
				gotF = append(gotF, finding{d.Code, d.Severity, d.Path, d.Stated, d.Computed, d.Difference})
				if p, ok := pos[d.Path]; !ok || p != [2]int{d.Line, d.Column} {
					t.Errorf("%s at %d:%d, path %s: want the position of that path, %d:%d", d.Code, d.Line, d.Column, d.Path, p[0], p[1])
				}
				if d.Message.VI == "" || d.Message.EN == "" {
					t.Errorf("%s at %s: message missing in a language: %+v", d.Code, d.Path, d.Message)
				}
			}
			sortFindings(gotF)
			sortFindings(tc.want)
			if diff := cmp.Diff(tc.want, gotF); diff != "" {
				t.Errorf("Check() findings mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

func sortFindings(fs []finding) {
	slices.SortFunc(fs, func(a, b finding) int {
		return strings.Compare(a.Path+" "+a.Code, b.Path+" "+b.Code)
	})
}

// TestCheckMessages checks what the messages must tell, in both languages.
func TestCheckMessages(t *testing.T) {
	tests := []struct {
		name  string
		tree  func(t *tree) *budget.Node
		rules budget.Rules
		code  string
		path  string
		vi    []string
		en    []string
	}{
		{
			name:  "B205 gives the percent reached and the amount missing",
			tree:  referencePlan,
			rules: counterpart("0", "10"),
			code:  "B205",
			vi:    []string{"Dự án 2", "241", "9,98 %", "2.416", "10 %", "thiếu 0,6", "241.6"},
			en:    []string{"project 2", "241", "9.98 %", "2,416", "10 %", "0.6 short", "241.6"},
		},
		{
			name:  "B204 rounds the amount missing up to three decimals",
			tree:  func(t *tree) *budget.Node { return t.plan(amounts{}, t.project(0, 2, amounts{central: "0.001"})) },
			rules: counterpart("0", "3"),
			code:  "B204",
			vi:    []string{"kế hoạch", "0,00 %", "thiếu 0,001"},
			en:    []string{"the plan", "0.00 %", "0.001 short"},
		},
		{
			name:  "B203 within tolerance says why it is a warning",
			tree:  referencePlan,
			rules: counterpart("1", "10"),
			code:  "B203",
			path:  "funding.total",
			vi:    []string{"7.603", "7.604", "-1", "dung sai 1"},
			en:    []string{"7,603", "7,604", "-1", "tolerance of 1"},
		},
		{
			name: "B202 names the sub-projects",
			tree: func(t *tree) *budget.Node {
				return t.plan(amounts{}, t.project(0, 4, amounts{central: "114973"},
					t.subproject(0, 1, amounts{central: "89300"}), t.subproject(1, 3, amounts{central: "25672"})))
			},
			rules: rulesWith("0"),
			code:  "B202",
			vi:    []string{"Dự án 4", "114.973", "các tiểu dự án", "114.972", "chênh lệch 1"},
			en:    []string{"project 4", "114,973", "sub-projects", "114,972", "difference 1"},
		},
		{
			name: "B206 names the allocation and the excess",
			tree: func(t *tree) *budget.Node {
				return t.plan(amounts{}, allocate(t.project(0, 2, amounts{central: "2500"}), "2416"))
			},
			rules: rulesWith("0"),
			code:  "B206",
			vi:    []string{"Dự án 2", "2.500", "2.416", "84", "1394/QĐ-UBND"},
			en:    []string{"project 2", "2,500", "2,416", "84", "1394/QĐ-UBND"},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var d *diag.Diagnostic
			for _, f := range budget.Check(tc.tree(&tree{}), tc.rules) {
				if f.Code == tc.code && (tc.path == "" || f.Path == tc.path) {
					d = &f
					break
				}
			}
			if d == nil {
				t.Fatalf("Check() reported no %s", tc.code)
			}
			for _, s := range tc.vi {
				if vi := d.Message.VI + " " + d.Help.VI; !strings.Contains(vi, s) {
					t.Errorf("%s Vietnamese text %q lacks %q", tc.code, vi, s)
				}
			}
			for _, s := range tc.en {
				if en := d.Message.EN + " " + d.Help.EN; !strings.Contains(en, s) {
					t.Errorf("%s English text %q lacks %q", tc.code, en, s)
				}
			}
		})
	}
}
