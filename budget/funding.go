package budget

// Figure is one amount of a funding table as the plan states it. Where it
// is written is the caller's business: Ref is the caller's handle for it,
// which budget hands back in findings and never looks into.
type Figure struct {
	Value Amount
	// Written is true when the file states the figure.
	Written bool
	// Valid is true when it is written and has no E finding, so it may
	// take part in comparisons. A figure with an E finding is skipped by
	// every check that would involve it: one slip gives one finding.
	Valid bool
	// Reading is a second way to read the figure's text, when it has one:
	// 3.188 in million VND, read by YAML as three point one eight eight,
	// was most likely typed for 3188 in Vietnamese notation (W105).
	// Localisation prefers this reading over any other correction.
	Reading    Amount
	HasReading bool
	// Ref identifies the figure to the caller.
	Ref any
}

// Source is one funding source: an index into a node's sources, in the
// order of the appendix columns. Which sources a plan has is the caller's
// business (the programme's, and any the plan adds): budget treats a
// source that no node writes as zero everywhere, so every equation holds
// for it. The counterpart rule (B204, B205) and the allocation (B206)
// compare the sources at Central and Local.
type Source int

// Central and Local are the sources the counterpart rule compares; Other is
// the third source of the 2021–2025 programme. A caller puts the source
// that counts as central first and the one that counts as local second.
const (
	Central Source = iota
	Local
	Other
)

// MaxSources is the most funding sources a plan may have: the programme's
// (three or four) and those the plan adds. Figures are held in arrays of
// this length, so that the equations run without allocating.
const MaxSources = 8

const numSources = MaxSources

// Field is one figure of a `funding` object: a source or the total.
type Field int

// The fields of a funding object: the sources in order, then the total.
const (
	CentralField Field = Field(Central)
	LocalField   Field = Field(Local)
	OtherField   Field = Field(Other)
	TotalField   Field = Field(numSources)
)

// Funding is a `funding` object: the sources a node writes, and an
// optional stated total that asserts their sum.
type Funding struct {
	// Written is true when the node has a `funding` key.
	Written bool
	// Ref is the caller's handle for the `funding` key, where a finding
	// about the node's funding as a whole points.
	Ref     any
	Sources [numSources]Figure
	Total   Figure
}

// Field returns the figure of field f.
func (f *Funding) Field(fl Field) *Figure {
	if fl == TotalField {
		return &f.Total
	}
	return &f.Sources[fl]
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
	// Ref is the caller's handle for the node (a project, a sub-project),
	// handed back in findings so that the caller can name it.
	Ref any
	// Number is where the node's number is written (the `project:` or
	// `subproject:` value); B207 points there. Only its Ref is used.
	Number  Figure
	Funding Funding
	// Unreadable is true when the node itself has an E finding (a project
	// that is not a mapping): its funding is unknown, not zero, and it
	// takes part in no check.
	Unreadable bool
	// Allocated is the central funds assigned to the node by `allocation`,
	// when the plan states one.
	Allocated *Figure
	Children  []*Node
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
	// Projects is the caller's handle for the `projects` key, where B204
	// points when the plan states no grand totals.
	Projects any
}
