package budget

// Rule is the funding rule a finding is about. Each has one diagnostic
// code, which the caller owns; budget says nothing in words.
type Rule int

// The funding rules.
const (
	// RowSum (B201): a row's figures do not add up: its total against its
	// own sources.
	RowSum Rule = iota + 1
	// PartsSum (B202): a figure of a project, sub-project or activity
	// against the rows below it.
	PartsSum
	// PlanSum (B203): a figure of the plan's grand totals against the
	// projects.
	PlanSum
	// PlanCounterpart (B204): the plan's local funds below the minimum.
	PlanCounterpart
	// NodeCounterpart (B205): a project's or sub-project's local funds
	// below the minimum.
	NodeCounterpart
	// OverAllocation (B206): central funds above the allocation.
	OverAllocation
	// Unfunded (B207): a project or sub-project without funding.
	Unfunded
)

// Place names a node of the funding tree in a finding: its level and the
// caller's handle for it.
type Place struct {
	Kind Kind
	Ref  any
}

// Finding is one funding finding, as data: which figure, which equation,
// what is stated and what fits. The caller turns it into words and a
// position.
//
// For RowSum, PartsSum and PlanSum the finding is a figure of the chosen
// explanation (see [Check]): Stated is the figure as written and
// Suggestion the value it should have, which makes every equation hold
// together with the other findings' suggestions. When two explanations are
// equally good, the finding is where they disagree, Candidates lists the
// figures either could correct, HasSuggestion is false and Computed is the
// sum as written.
type Finding struct {
	Rule Rule
	// Node is the node whose figure the finding points at.
	Node Place
	// Field is the figure of the node's funding the finding is about. For
	// findings about a node as a whole (B204 to B207 where the figure is
	// not written), Figure has only its Ref: the funding key, the number,
	// or Rules.Projects.
	Field  Field
	Figure Figure
	// Stated is the figure as written.
	Stated Amount
	// Computed is, for B201 to B203, the value the equations give the
	// figure: the suggestion when there is one, else the sum of the parts
	// as written. For B204 and B205 it is the central funds, for B206 the
	// allocated funds.
	Computed Amount
	// HasSuggestion is true when Computed is the value the figure should
	// have.
	HasSuggestion bool
	// Reading is true when the suggestion is the figure's other reading
	// (Figure.Reading): the notation finding the caller has already made
	// is the explanation, not a new finding.
	Reading bool
	// WithinTolerance is true when |Stated − Computed| is within the
	// plan's tolerance: rounding, reported as a warning.
	WithinTolerance bool
	// Parts is the level of the rows the figure is compared with, for
	// PartsSum and PlanSum (Project, Subproject or Activity).
	Parts Kind
	// Adjusted is true when the suggestion differs from the sum of the
	// parts as written, because the explanation corrects one of the parts
	// too.
	Adjusted bool
	// Whole is set when the figure is a part of another node's sum and not
	// a sum itself (a detail row's source, on a row with no total): the
	// node whose figure it must add up to.
	Whole *Place
	// Row is, for RowSum on a source, the row's stated total.
	Row Amount
	// NoSource is true for RowSum on a row that states a total and no
	// source: there is nothing to compare it with.
	NoSource bool
	// Candidates are the figures that equally good explanations would
	// correct, when the finding has no suggestion.
	Candidates []Candidate
	// Missing and Reached are, for B204 and B205, the amount short (rounded
	// up to three decimals) and the percent reached (two decimals).
	Missing, Reached Amount
}

// Candidate is a figure that one of several equally good explanations
// would correct, and the value it would then have.
type Candidate struct {
	Node   Place
	Field  Field
	Figure Figure
	To     Amount
}
