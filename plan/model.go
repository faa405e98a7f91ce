package plan

import (
	"go.yaml.in/yaml/v3"

	"github.com/kehoach/kehoach/budget"
)

// Pos is a place in the file: line and column from 1, the column counted
// in characters.
type Pos struct{ Line, Column int }

// Text is a text value as written, normalised to NFC.
type Text struct {
	Value   string
	Written bool
	Pos     Pos
	Path    Path
}

// Int is a whole-number value such as a year, a project number or an
// appendix number.
type Int struct {
	Value   int
	Written bool
	// Valid is false when the value has an E finding.
	Valid bool
	Pos   Pos
	Path  Path
}

// Figure is an exact decimal as the file states it, with where.
type Figure struct {
	Value budget.Amount
	// Written is true when the file states the figure.
	Written bool
	// Valid is true when it is written and has no E finding, so it may
	// take part in comparisons.
	Valid bool
	// Thousands is true when W105 suspects the figure: read 1,000 times
	// larger, 3.188 is 3188.
	Thousands bool
	// NotStated is true for a source that `not_stated` names: the
	// document gives no figure. It is Written (the node says something
	// of it) and not Valid, so no equation uses it.
	NotStated bool
	// Split is true for the sum of a figure written by kind of funds
	// (Funding.Parts): it has no text of its own.
	Split bool
	// Pos is where the figure is written.
	Pos
	// Path is the YAML path of the value ("projects[0].funding.local").
	Path Path
}

// Num is an exact decimal value (an amount, a count or a percent) with the
// number of decimals written, which is the precision of a percent.
type Num struct {
	Figure
	Decimals int
}

// Funding is a `funding` object as read: the sources a node writes, and an
// optional stated total that asserts their sum.
type Funding struct {
	// Written is true when the node has a `funding` key; Pos and Path
	// are that key's.
	Written bool
	Pos
	Path Path
	// Sources holds a figure for each source of the plan (Plan.Sources),
	// in that order, once the loader has resolved the keys as written.
	Sources []Figure
	Total   Figure
	// Parts holds, for a source written split by kind of funds
	// (`central: {investment: 776462, recurrent: 331273}`), its figures
	// by kind (Plan.Kinds, in order; unwritten kinds not Written); nil for
	// a source written as one amount. The source's figure in Sources is
	// then the sum of its parts. TotalParts is the same for the total.
	Parts      [][]Figure
	TotalParts []Figure
	// entries are the keys as written, until the loader resolves them
	// against the plan's sources.
	entries []fundingEntry
}

// fundingEntry is a key of a `funding` mapping as written: a source id
// (or `total`), and its amount or its parts by kind of funds.
type fundingEntry struct {
	key   *yaml.Node
	path  Path
	fig   Figure
	parts []kindEntry // nil for one amount
	// notStated is the `not_stated` list.
	notStated bool
	ids       []Text
	// unreadable stands for a `funding` that could not be read at all.
	unreadable bool
}

// kindEntry is one kind of funds of a split figure, as written.
type kindEntry struct {
	key *yaml.Node
	fig Figure
}

// Source returns the figure of the plan's source i; an unwritten figure
// when the funding has none (it was not read, or the plan has fewer
// sources).
func (f *Funding) Source(i int) Figure {
	if i < len(f.Sources) {
		return f.Sources[i]
	}
	return Figure{}
}

// Plan is a plan file as read. Values that could not be read are left
// unwritten or invalid, with a finding.
type Plan struct {
	// File is the name of the file as given (for messages).
	File string

	Version  Int
	Info     Info
	Rules    Rules
	Communes []*Commune
	Targets  *Targets
	// ProjectsPos is the `projects` key.
	ProjectsPos Pos
	Projects    []*Project
	// Funding is the top-level stated grand totals.
	Funding    Funding
	Allocation *Allocation
	// Sources are the funding sources of the plan: the programme's, then
	// those the plan adds (`sources:`), the one that counts as central
	// first and the one that counts as local second (package budget's
	// Central and Local). Kinds are the programme's kinds of funds.
	Sources []SourceDef
	Kinds   []KindDef
	// Added are the sources the plan adds, as written.
	Added []AddedSource
	// used marks the sources some funding writes (Used); split is
	// whether some figure is written by kind of funds.
	used  []bool
	split bool
}

// AddedSource is one item of `sources:`, a source the plan adds to the
// programme's.
type AddedSource struct {
	ID, Name, Short, EN Text
	Pos                 Pos
	Path                Path
}

// Info is the `plan` block: who issues the plan, for which year.
type Info struct {
	Pos          Pos
	Title        Text
	Program      Text
	Level        Text
	Year         Int
	Issuer       Text
	Parent       Text
	Province     Text
	District     Text
	Number       Text
	Date         Text
	Place        Text
	Capital      Text
	CurrencyUnit Text
	Signer       Signer
	Basis        []Text
}

// The values of plan.currency_unit: every amount in a file is in one of
// these units, MillionVND when the file names none.
const (
	MillionVND  = "million_vnd"
	ThousandVND = "thousand_vnd"
	VND         = "vnd"
)

// currencyUnits are the currency units, the default first, with their
// names in words.
var currencyUnits = []struct {
	id   string
	name Message
}{
	{MillionVND, Message{VI: "triệu đồng", EN: "million VND"}},
	{ThousandVND, Message{VI: "nghìn đồng", EN: "thousand VND"}},
	{VND, Message{VI: "đồng", EN: "VND"}},
}

// CurrencyUnits lists the values of plan.currency_unit, the default first.
func CurrencyUnits() []string {
	ids := make([]string, len(currencyUnits))
	for i, u := range currencyUnits {
		ids[i] = u.id
	}
	return ids
}

// Unit returns the plan's currency unit as written, or MillionVND when
// none is.
func (in *Info) Unit() string {
	if in.CurrencyUnit.Value == "" {
		return MillionVND
	}
	return in.CurrencyUnit.Value
}

// UnitName returns the plan's currency unit in words ("triệu đồng",
// "million VND"); million VND for a unit that is not one of
// CurrencyUnits, which the loader has reported.
func (in *Info) UnitName() Message {
	for _, u := range currencyUnits {
		if u.id == in.CurrencyUnit.Value {
			return u.name
		}
	}
	return currencyUnits[0].name
}

// Signer is the signature block.
type Signer struct {
	OnBehalf, Authority, Title, Name Text
}

// Rules are the plan's overrides of the rules' parameters.
type Rules struct {
	Tolerance      Num
	CounterpartMin Num
}

// Commune is a commune-level unit that rows may refer to.
type Commune struct {
	Pos                        Pos
	Path                       Path
	ID, Name                   Text
	Households, Poor, NearPoor Num
	Tags                       []Text
}

// Targets is the `targets` block (Phụ lục 1).
type Targets struct {
	Pos                  Pos
	Baseline             Baseline
	PovertyReduction     Reduction
	NearPovertyReduction Reduction
	JobSupportPercent    Num
	NewJobs              Num
	Indicators           []*Indicator
	ByCommune            []*CommuneTarget
}

// Baseline is the district's counts at the start of the year.
type Baseline struct {
	Written                    bool
	Households, Poor, NearPoor Num
}

// Reduction is a reduction target: percentage points and households.
type Reduction struct {
	Written    bool
	Pos        Pos
	Percent    Num
	Households Num
}

// Indicator is a further target.
type Indicator struct {
	Pos            Pos
	ID, Name, Unit Text
	Value          Num
}

// CommuneTarget is one row of `targets.by_commune`.
type CommuneTarget struct {
	Pos                  Pos
	Path                 Path
	Commune              Text
	PovertyReduction     Num
	NearPovertyReduction Num
	NewJobs              Num
}

// Project is a component project of the programme.
type Project struct {
	Pos                               Pos
	Path                              Path
	Number                            Int
	Name                              Text
	Appendix                          Int
	Lead                              Text
	CoLeads                           []Text
	Partners                          []Text
	Capital                           Text
	Funding                           Funding
	Subprojects                       []*Subproject
	Activities                        []*Activity
	Objective, Beneficiaries, Content []Text
	// Unreadable is true when the project is not a mapping (E103): it
	// takes part in no check.
	Unreadable bool
}

// Subproject is a sub-project of a project.
type Subproject struct {
	Pos                               Pos
	Path                              Path
	Number                            Int
	Name                              Text
	Lead                              Text
	Partners                          []Text
	Capital                           Text
	Funding                           Funding
	Activities                        []*Activity
	Objective, Beneficiaries, Content []Text
	// Unreadable is true when the sub-project is not a mapping (E103).
	Unreadable bool
	project    *Project
}

// Activity is one detail row of an appendix.
type Activity struct {
	Pos      Pos
	Path     Path
	Name     Text
	Commune  Text
	Unit     Text
	Quantity Num
	Lead     Text
	Funding  Funding
	// Unreadable is true when the activity is not a mapping (E103).
	Unreadable bool
	// owner is the project or sub-project the activity belongs to.
	owner any
}

// Allocation is the budget assigned from above.
type Allocation struct {
	Source   Text
	Projects []*Allocated
}

// Allocated is the central funds assigned to a project or sub-project.
type Allocated struct {
	Pos        Pos
	Project    Int
	Subproject Int
	Central    Num
}
