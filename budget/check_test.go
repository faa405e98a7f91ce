package budget_test

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/kehoach/kehoach/budget"
)

// severity of a finding, as the caller reports it.
type severity int

const (
	E severity = iota
	W
)

// code is the diagnostic code the caller gives each rule.
var code = map[budget.Rule]string{
	budget.RowSum: "B201", budget.PartsSum: "B202", budget.PlanSum: "B203",
	budget.PlanCounterpart: "B204", budget.NodeCounterpart: "B205",
	budget.OverAllocation: "B206", budget.Unfunded: "B207",
}

// findingOf is a budget finding as the tables state it: the figures' Refs
// are their paths. For B201–B203, Computed is the suggestion; a finding
// without one (equally good explanations) has its code followed by "?" and
// the sum as written.
func findingOf(f budget.Finding) finding {
	out := finding{Code: code[f.Rule], Path: f.Figure.Ref.(string)}
	switch f.Rule {
	case budget.RowSum, budget.PartsSum, budget.PlanSum:
		if f.WithinTolerance && !f.NoSource {
			out.Severity = W
		}
		out.Stated, out.Computed = f.Stated.String(), f.Computed.String()
		if f.NoSource {
			out.Computed = "0"
		}
		d, _ := f.Stated.Sub(f.Computed)
		out.Difference = d.String()
		if !f.HasSuggestion && !f.NoSource {
			// Two explanations are equally good: no suggestion.
			out.Code += "?"
		}
	case budget.OverAllocation:
	default:
		out.Severity = W
	}
	return out
}

// amounts is what a `funding` object writes: "" is a source the object does
// not write, "?" one that is written but has an E finding (it takes part in
// no comparison), anything else an amount in plain decimal notation.
type amounts struct{ central, local, other, total string }

// finding is what a funding check reports, without the message texts.
type finding struct {
	Code       string
	Severity   severity
	Path       string
	Stated     string
	Computed   string
	Difference string
}

// lines builds the figures of one tree, each with its path as its Ref.
type lines struct{}

func (l *lines) figure(path, text string) budget.Figure {
	f := budget.Figure{Ref: path}
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
		Written: true, Ref: path,
		Sources: [budget.MaxSources]budget.Figure{
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
	return &budget.Node{Kind: budget.Plan, Funding: t.funding("funding", a), Children: projects}
}

func (t *tree) project(i, number int, a amounts, children ...*budget.Node) *budget.Node {
	path := fmt.Sprintf("projects[%d]", i)
	n := &budget.Node{Kind: budget.Project, Ref: number, Number: t.number(path + ".project")}
	n.Funding = t.funding(path+".funding", a)
	n.Children = reparent(children, path)
	return n
}

func (t *tree) subproject(j, number int, a amounts, activities ...*budget.Node) *budget.Node {
	path := fmt.Sprintf("subprojects[%d]", j)
	n := &budget.Node{Kind: budget.Subproject, Ref: number, Number: t.number(path + ".subproject")}
	n.Funding = t.funding(path+".funding", a)
	n.Children = reparent(activities, path)
	return n
}

func (t *tree) activity(k int, a amounts) *budget.Node {
	path := fmt.Sprintf("activities[%d]", k)
	n := &budget.Node{Kind: budget.Activity, Ref: k, Number: budget.Figure{Ref: path}}
	n.Funding = t.funding(path+".funding", a)
	return n
}

func (t *tree) number(path string) budget.Figure {
	return budget.Figure{Ref: path, Written: true, Valid: true}
}

// reparent prefixes the paths of a subtree built before its parent.
func reparent(ns []*budget.Node, prefix string) []*budget.Node {
	for _, n := range ns {
		fix := func(f *budget.Figure) {
			if p, ok := f.Ref.(string); ok && p != "" {
				f.Ref = prefix + "." + p
			}
		}
		fix(&n.Number)
		if p, ok := n.Funding.Ref.(string); ok && p != "" {
			n.Funding.Ref = prefix + "." + p
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
	n.Allocated = &budget.Figure{Value: a, Written: true, Valid: true, Ref: "allocation.projects[0].central"}
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

func rulesWith(tolerance string) budget.Rules {
	return budget.Rules{Tolerance: amount(tolerance), Projects: "projects"}
}

func counterpart(tolerance, percent string) budget.Rules {
	r := rulesWith(tolerance)
	r.CounterpartMin, r.HasCounterpartMin = amount(percent), true
	return r
}

func TestCheck(t *testing.T) {
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
			name: "rules.md example: B202 at the project's central, nothing at plan level; Tiểu dự án 1 or 3 equally likely, no suggestion",
			tree: func(t *tree) *budget.Node {
				return t.plan(amounts{central: "114973"},
					t.project(0, 4, amounts{central: "114973"},
						t.subproject(0, 1, amounts{central: "89300"}),
						t.subproject(1, 3, amounts{central: "25672"})))
			},
			rules: rulesWith("0"),
			want:  []finding{{"B202?", E, "projects[0].funding.central", "114973", "114972", "1"}},
		},
		{
			name: "rules.md example with totals: the plan agrees with the project, so a sub-project's central and total are wrong, which one is not known: one finding where they disagree",
			tree: func(t *tree) *budget.Node {
				return t.plan(amounts{"114973", "", "", "114973"},
					t.project(0, 4, amounts{"114973", "", "", "114973"},
						t.subproject(0, 1, amounts{"89300", "", "", "89300"}),
						t.subproject(1, 3, amounts{"25672", "", "", "25672"})))
			},
			rules: rulesWith("0"),
			want: []finding{
				{"B202?", E, "projects[0].funding.central", "114973", "114972", "1"},
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
			name: "an activity's wrong source: the one activity whose correction is a typing slip (601 for 600), not the project's two figures",
			tree: func(t *tree) *budget.Node {
				return t.plan(amounts{},
					t.project(0, 2, amounts{"1000", "100", "", "1100"},
						t.activity(0, amounts{"601", "60", "", ""}),
						t.activity(1, amounts{"400", "40", "", ""})))
			},
			rules: rulesWith("0"),
			want: []finding{
				{"B202", E, "projects[0].activities[0].funding.central", "601", "600", "1"},
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
			var gotF []finding
			for _, f := range budget.Check(root, tc.rules) {
				gotF = append(gotF, findingOf(f))
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
