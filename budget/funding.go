package budget

import "github.com/kehoach/kehoach/diag"

// Figure is one amount as a plan file states it, with where it is written.
type Figure struct {
	Value Amount
	// Written is true when the file states the figure.
	Written bool
	// Valid is true when it is written and has no E finding, so it may
	// take part in comparisons. A figure with an E finding is skipped by
	// every check that would involve it: one slip gives one finding.
	Valid bool
	// Line and Column count from 1; Column counts characters.
	Line, Column int
	// Path is the YAML path of the value ("projects[0].funding.local").
	Path diag.Path
}

// Source is one funding source.
type Source int

// The funding sources, in the order of the appendix columns.
const (
	Central Source = iota
	Local
	Other
	numSources
)

// Funding is a `funding` object: the sources a node writes, and an
// optional stated total that asserts their sum.
type Funding struct {
	// Written is true when the node has a `funding` key.
	Written      bool
	Line, Column int
	Path         diag.Path
	Sources      [numSources]Figure
	Total        Figure
}

// Kind is the level of a node in the funding tree.
type Kind int

// The levels of the funding tree.
const (
	Plan Kind = iota
	Project
	Subproject
	Activity
)

// Node is a node of a plan's funding tree: the plan, a project, a
// sub-project or an activity.
type Node struct {
	Kind Kind
	// Label names the node in messages: "Dự án 2", "Tiểu dự án 1 (Dự án 3)".
	Label diag.Text
	// Number is where the node's number is written (the `project:` or
	// `subproject:` value); B207 points there.
	Number  Figure
	Funding Funding
	// Allocated is the central funds assigned to the node by `allocation`,
	// when the plan states one.
	Allocated *Figure
	// AllocationSource names the document that assigned it.
	AllocationSource string
	Children         []*Node
}

// Rules are the plan's parameters of the funding checks.
type Rules struct {
	// Tolerance is the largest difference reported as a warning rather
	// than an error (B201–B203), and the shortfall that is not reported
	// at all (B204–B205).
	Tolerance Amount
	// CounterpartMin is the minimum local funds as a percent of central
	// funds; zero value with HasCounterpartMin false means not checked.
	CounterpartMin    Amount
	HasCounterpartMin bool
	// ProjectsLine and ProjectsColumn locate the `projects` key, where B204
	// points when the plan states no grand totals.
	ProjectsLine, ProjectsColumn int
}
