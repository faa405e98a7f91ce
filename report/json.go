package report

import (
	"encoding/json"
	"io"

	"github.com/kehoach/kehoach/plan"
)

// jsonFormat is one JSON document for scripts, with the field names of the
// specification; only message, help and related messages depend on the
// language.
type jsonFormat struct{ o Options }

type jsonDoc struct {
	Version int        `json:"version"`
	Tool    jsonTool   `json:"tool"`
	Files   []jsonFile `json:"files"`
	Summary jsonSum    `json:"summary"`
}

type jsonTool struct {
	Name    string `json:"name"`
	Version string `json:"version"`
}

type jsonFile struct {
	File        string     `json:"file"`
	Valid       bool       `json:"valid"`
	Diagnostics []jsonDiag `json:"diagnostics"`
}

type jsonDiag struct {
	Code       string        `json:"code"`
	Severity   string        `json:"severity"`
	Message    string        `json:"message"`
	Help       string        `json:"help,omitempty"`
	Line       int           `json:"line"`
	Column     int           `json:"column"`
	Path       string        `json:"path"`
	Stated     string        `json:"stated,omitempty"`
	Computed   string        `json:"computed,omitempty"`
	Difference string        `json:"difference,omitempty"`
	Suggestion string        `json:"suggestion,omitempty"`
	Related    []jsonRelated `json:"related,omitempty"`
}

type jsonRelated struct {
	Line    int    `json:"line"`
	Column  int    `json:"column"`
	Path    string `json:"path"`
	Message string `json:"message"`
}

type jsonSum struct {
	Files    int `json:"files"`
	Errors   int `json:"errors"`
	Warnings int `json:"warnings"`
}

func (j *jsonFormat) Format(w io.Writer, files []File) error {
	doc := jsonDoc{Version: 1, Tool: jsonTool{"kehoach", j.o.ToolVersion}, Files: make([]jsonFile, 0, len(files))}
	for _, f := range files {
		jf := jsonFile{File: f.Name, Valid: f.Valid(), Diagnostics: make([]jsonDiag, 0, len(f.Diagnostics))}
		for _, d := range f.Diagnostics {
			jf.Diagnostics = append(jf.Diagnostics, j.diag(d))
		}
		doc.Files = append(doc.Files, jf)
	}
	s := Summarize(files)
	doc.Summary = jsonSum{s.Files, s.Errors, s.Warnings}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(doc)
}

func (j *jsonFormat) diag(d plan.Diagnostic) jsonDiag {
	jd := jsonDiag{
		Code: string(d.Code), Severity: d.Severity.String(),
		Message: d.Message.In(j.o.Lang), Help: d.Help.In(j.o.Lang),
		Line: d.Line, Column: d.Column, Path: d.Path,
		Stated: d.Stated, Computed: d.Computed, Difference: d.Difference,
		Suggestion: d.Suggestion,
	}
	for _, r := range d.Related {
		jd.Related = append(jd.Related, jsonRelated{r.Line, r.Column, r.Path, r.Message.In(j.o.Lang)})
	}
	return jd
}
