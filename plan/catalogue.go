package plan

import (
	"bytes"
	"embed"
	"fmt"
	"io/fs"
	"path"
	"slices"
	"sync"

	"go.yaml.in/yaml/v3"
)

// Programme is one national target programme of the embedded catalogue:
// its period, its component projects with their official numbers and
// names, and the counterpart bands of its funding decision.
type Programme struct {
	ID               string                 `yaml:"id"`
	Name             string                 `yaml:"name"`
	Decision         string                 `yaml:"decision"`
	FundingDecision  string                 `yaml:"funding_decision"`
	Period           struct{ From, To int } `yaml:"period"`
	CounterpartBands []CounterpartBand      `yaml:"counterpart_bands"`
	// Sources are the programme's funding sources, in the order of the
	// appendix columns: the keys of a plan's `funding`.
	Sources []SourceDef `yaml:"sources"`
	// Kinds are the kinds of funds (investment, recurrent) a source or a
	// total may be split into.
	Kinds    []KindDef          `yaml:"kinds"`
	Projects []CatalogueProject `yaml:"projects"`
}

// SourceDef is one funding source of a programme, or one a plan adds
// (`sources:`): its id is the key in `funding`.
type SourceDef struct {
	ID string `yaml:"id"`
	// Name is its full name; Short the label of its appendix column
	// (NSTW); Says how a Vietnamese message names it in running text
	// (NSTW, vốn huy động khác), EN how an English one does (central
	// funds).
	Name  string `yaml:"name"`
	Short string `yaml:"short"`
	Says  string `yaml:"says"`
	EN    string `yaml:"en"`
	// Counts is "central" or "local" for the sources the counterpart rule
	// compares (local funds against central funds), "" for the others.
	Counts string `yaml:"counts"`
}

// KindDef is one kind of funds: investment (vốn đầu tư phát triển) or
// recurrent (vốn sự nghiệp, kinh phí thường xuyên).
type KindDef struct {
	ID    string `yaml:"id"`
	Name  string `yaml:"name"`
	EN    string `yaml:"en"`
	Short string `yaml:"short"`
}

// CounterpartBand is one legal minimum of local counterpart funds.
type CounterpartBand struct {
	Percent int    `yaml:"percent"`
	When    string `yaml:"when"`
}

// CatalogueProject is a component project as the programme's decision
// names it. Its appendix in a new plan follows its position (3, 4, 5, …).
type CatalogueProject struct {
	Number            int                   `yaml:"project"`
	Name              string                `yaml:"name"`
	PoorDistrictsOnly bool                  `yaml:"poor_districts_only"`
	Subprojects       []CatalogueSubproject `yaml:"subprojects"`
}

// CatalogueSubproject is a sub-project as the programme's decision names it.
type CatalogueSubproject struct {
	Number int    `yaml:"subproject"`
	Name   string `yaml:"name"`
}

// DefaultProgramme is the programme a plan belongs to when it names none.
const DefaultProgramme = "giam-ngheo-ben-vung-2021-2025"

//go:embed catalogue/*.yaml
var catalogueFS embed.FS

// The catalogue is parsed on first use, not at start-up: `version` and
// `completion` never pay for it.
var loadCatalogue = sync.OnceValues(func() (map[string]*Programme, error) {
	entries, err := fs.ReadDir(catalogueFS, "catalogue")
	if err != nil {
		return nil, err
	}
	progs := make(map[string]*Programme)
	for _, e := range entries {
		b, err := catalogueFS.ReadFile(path.Join("catalogue", e.Name()))
		if err != nil {
			return nil, err
		}
		dec := yaml.NewDecoder(bytes.NewReader(b))
		dec.KnownFields(true)
		p := new(Programme)
		if err := dec.Decode(p); err != nil {
			return nil, fmt.Errorf("catalogue %s: %w", e.Name(), err)
		}
		if p.ID+".yaml" != e.Name() {
			return nil, fmt.Errorf("catalogue %s: id %q does not match the file name", e.Name(), p.ID)
		}
		progs[p.ID] = p
	}
	return progs, nil
})

// LookupProgramme returns the catalogue entry of a programme id.
func LookupProgramme(id string) (*Programme, bool) {
	progs, err := loadCatalogue()
	if err != nil {
		// The catalogue is embedded and tested; a broken one is a build defect.
		panic(err)
	}
	p, ok := progs[id]
	return p, ok
}

// ProgrammeIDs lists the ids of the embedded programmes, sorted.
func ProgrammeIDs() []string {
	progs, err := loadCatalogue()
	if err != nil {
		panic(err)
	}
	ids := make([]string, 0, len(progs))
	for id := range progs {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	return ids
}

// Project returns the catalogue's project with the given number.
func (p *Programme) Project(n int) (*CatalogueProject, bool) {
	for i := range p.Projects {
		if p.Projects[i].Number == n {
			return &p.Projects[i], true
		}
	}
	return nil, false
}

// Subproject returns the project's sub-project with the given number.
func (p *CatalogueProject) Subproject(n int) (*CatalogueSubproject, bool) {
	for i := range p.Subprojects {
		if p.Subprojects[i].Number == n {
			return &p.Subprojects[i], true
		}
	}
	return nil, false
}
