package report

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"io"
	"net/url"
	"path/filepath"
	"strconv"
	"strings"
	"unicode"

	"github.com/kehoach/kehoach/plan"
)

// sarif is SARIF 2.1.0 as GitHub code scanning reads it: one run, every
// rule of plan.Rules described in tool.driver.rules (with the long text of
// `kehoach explain` as help), every finding a result with its rule, level,
// location and a fingerprint that does not depend on line numbers, so that
// an alert survives lines added above it.
//
// Locations are URIs relative to the current folder (the repository root
// in CI), with forward slashes and percent-encoding; a file outside the
// current folder is an absolute file:// URI.
type sarif struct {
	o Options
	// wd returns the current folder; tests replace it.
	wd func() (string, error)
}

// stdinURI stands for standard input, which has no file: a relative URI
// that names what it is.
const stdinURI = "stdin"

// The SARIF document, with only the properties kehoach fills, in the order
// the specification lists them.
type (
	sarifLog struct {
		Schema  string     `json:"$schema"`
		Version string     `json:"version"`
		Runs    []sarifRun `json:"runs"`
	}
	sarifRun struct {
		Tool       sarifTool     `json:"tool"`
		Language   string        `json:"language"`
		ColumnKind string        `json:"columnKind"`
		Results    []sarifResult `json:"results"`
	}
	sarifTool struct {
		Driver sarifDriver `json:"driver"`
	}
	sarifDriver struct {
		Name            string      `json:"name"`
		Version         string      `json:"version,omitempty"`
		SemanticVersion string      `json:"semanticVersion,omitempty"`
		InformationURI  string      `json:"informationUri"`
		Rules           []sarifRule `json:"rules"`
	}
	sarifRule struct {
		ID                   string       `json:"id"`
		Name                 string       `json:"name"`
		ShortDescription     sarifMessage `json:"shortDescription"`
		FullDescription      sarifMessage `json:"fullDescription"`
		Help                 sarifMessage `json:"help"`
		DefaultConfiguration sarifConfig  `json:"defaultConfiguration"`
	}
	sarifConfig struct {
		Level string `json:"level"`
	}
	sarifMessage struct {
		Text string `json:"text"`
	}
	sarifResult struct {
		RuleID              string             `json:"ruleId"`
		RuleIndex           int                `json:"ruleIndex"`
		Level               string             `json:"level"`
		Message             sarifMessage       `json:"message"`
		Locations           []sarifLocation    `json:"locations"`
		PartialFingerprints map[string]string  `json:"partialFingerprints"`
		RelatedLocations    []sarifLocation    `json:"relatedLocations,omitempty"`
		Fixes               []sarifFix         `json:"fixes,omitempty"`
		Properties          *sarifResultDetail `json:"properties,omitempty"`
	}
	// sarifFix replaces the figure with the value it should have.
	sarifFix struct {
		Description     sarifMessage          `json:"description"`
		ArtifactChanges []sarifArtifactChange `json:"artifactChanges"`
	}
	sarifArtifactChange struct {
		ArtifactLocation sarifArtifact      `json:"artifactLocation"`
		Replacements     []sarifReplacement `json:"replacements"`
	}
	sarifReplacement struct {
		DeletedRegion   sarifSpan     `json:"deletedRegion"`
		InsertedContent *sarifContent `json:"insertedContent"`
	}
	sarifSpan struct {
		StartLine   int `json:"startLine"`
		StartColumn int `json:"startColumn"`
		EndColumn   int `json:"endColumn"`
	}
	sarifContent struct {
		Text string `json:"text"`
	}
	sarifLocation struct {
		ID               *int                   `json:"id,omitempty"`
		PhysicalLocation sarifPhysical          `json:"physicalLocation"`
		LogicalLocations []sarifLogicalLocation `json:"logicalLocations,omitempty"`
		Message          *sarifMessage          `json:"message,omitempty"`
	}
	sarifPhysical struct {
		ArtifactLocation sarifArtifact `json:"artifactLocation"`
		Region           sarifRegion   `json:"region"`
	}
	sarifArtifact struct {
		URI string `json:"uri"`
	}
	sarifRegion struct {
		StartLine   int `json:"startLine"`
		StartColumn int `json:"startColumn"`
	}
	sarifLogicalLocation struct {
		FullyQualifiedName string `json:"fullyQualifiedName"`
		Kind               string `json:"kind"`
	}
	// sarifResultDetail is the result's property bag: the YAML path and,
	// for a number mismatch, the exact amounts.
	sarifResultDetail struct {
		Path       string `json:"path,omitempty"`
		Stated     string `json:"stated,omitempty"`
		Computed   string `json:"computed,omitempty"`
		Difference string `json:"difference,omitempty"`
		Suggestion string `json:"suggestion,omitempty"`
	}
)

// fingerprintKey names kehoach's partial fingerprint; the version changes
// if the way it is computed ever does.
const fingerprintKey = "kehoachFinding/v1"

func (s *sarif) Format(w io.Writer, files []File) error {
	lang := s.o.Lang
	rules := plan.AllRules()
	index := make(map[string]int, len(rules))
	driver := sarifDriver{
		Name:            "kehoach",
		Version:         s.o.ToolVersion,
		SemanticVersion: s.o.ToolVersion,
		InformationURI:  "https://github.com/kehoach/kehoach",
		Rules:           make([]sarifRule, 0, len(rules)),
	}
	for i, r := range rules {
		index[string(r.Code)] = i
		driver.Rules = append(driver.Rules, ruleDescriptor(r, lang))
	}
	run := sarifRun{
		Tool:     sarifTool{driver},
		Language: map[plan.Lang]string{plan.VI: "vi-VN", plan.EN: "en-US"}[lang],
		// Columns count characters, not UTF-16 code units (SARIF's
		// default): Vietnamese letters outside the BMP are rare, but the
		// report says what it means.
		ColumnKind: "unicodeCodePoints",
		Results:    []sarifResult{},
	}
	for _, f := range files {
		uri, _ := s.uri(f.Name)
		seen := make(map[string]int)
		for _, d := range f.Diagnostics {
			res := sarifResult{
				RuleID:    string(d.Code),
				RuleIndex: index[string(d.Code)],
				Level:     d.Severity.String(),
				Message:   sarifMessage{messageWithHelp(d, lang)},
				Locations: []sarifLocation{location(uri, d.Line, d.Column, d.Path, nil, "")},
			}
			if _, ok := index[string(d.Code)]; !ok {
				// A code without a rule cannot happen (plan lists them all);
				// say so rather than point at rule 0.
				res.RuleIndex = -1
			}
			key := string(d.Code) + "\x00" + uri + "\x00" + d.Path
			seen[key]++
			res.PartialFingerprints = map[string]string{fingerprintKey: fingerprint(key, seen[key])}
			for i, r := range d.Related {
				id := i + 1
				res.RelatedLocations = append(res.RelatedLocations,
					location(uri, r.Line, r.Column, r.Path, &id, r.Message.In(lang)))
			}
			if d.Path != "" || d.Stated != "" || d.Computed != "" || d.Difference != "" {
				res.Properties = &sarifResultDetail{d.Path, d.Stated, d.Computed, d.Difference, d.Suggestion}
			}
			if d.Suggestion != "" && d.EndColumn > d.Column && d.Line > 0 {
				// The fix SARIF defines: replace the figure's text with
				// the value it should have.
				res.Fixes = []sarifFix{{
					Description: sarifMessage{d.Help.In(lang)},
					ArtifactChanges: []sarifArtifactChange{{
						ArtifactLocation: sarifArtifact{uri},
						Replacements: []sarifReplacement{{
							DeletedRegion:   sarifSpan{d.Line, d.Column, d.EndColumn},
							InsertedContent: &sarifContent{d.Suggestion},
						}},
					}},
				}}
			}
			run.Results = append(run.Results, res)
		}
	}
	doc := sarifLog{
		Schema:  "https://json.schemastore.org/sarif-2.1.0.json",
		Version: "2.1.0",
		Runs:    []sarifRun{run},
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(doc)
}

// ruleDescriptor describes a rule: its title as the short description, the
// first paragraph of what it checks as the full description, and the whole
// explanation as help.
func ruleDescriptor(r plan.Rule, lang plan.Lang) sarifRule {
	title := r.Title.In(lang)
	long, ok := plan.Explain(string(r.Code), lang)
	full, help := title, string(r.Code)+": "+title
	if ok {
		help = strings.TrimSpace(long)
		if p := firstParagraph(long); p != "" {
			full = p
		}
	}
	return sarifRule{
		ID:                   string(r.Code),
		Name:                 pascal(r.Title.EN),
		ShortDescription:     sarifMessage{sentence(title)},
		FullDescription:      sarifMessage{sentence(full)},
		Help:                 sarifMessage{help},
		DefaultConfiguration: sarifConfig{r.Severity.String()},
	}
}

// firstParagraph returns the first paragraph of an explanation's body, on
// one line: the text under its first heading ("What it checks"), after the
// title line "CODE: title".
func firstParagraph(text string) string {
	paras := strings.Split(strings.ReplaceAll(text, "\r\n", "\n"), "\n\n")
	for _, p := range paras[min(1, len(paras)):] {
		lines := strings.Split(strings.TrimSpace(p), "\n")
		if len(lines) < 2 {
			continue
		}
		// The heading is the first line; the paragraph is the rest.
		return strings.Join(strings.Fields(strings.Join(lines[1:], " ")), " ")
	}
	return ""
}

// sentence ends a description with a full stop, as SARIF's guidance asks.
func sentence(s string) string {
	s = strings.TrimSpace(s)
	if s == "" || strings.ContainsRune(".!?:", rune(s[len(s)-1])) {
		return s
	}
	return s + "."
}

// pascal turns an English title into a rule name: "Unknown key" →
// "UnknownKey".
func pascal(title string) string {
	var b strings.Builder
	for _, w := range strings.FieldsFunc(title, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
		rs := []rune(w)
		rs[0] = unicode.ToUpper(rs[0])
		b.WriteString(string(rs))
	}
	return b.String()
}

// messageWithHelp is the finding's message followed by its advice, which
// is what a reader of an alert needs.
func messageWithHelp(d plan.Diagnostic, lang plan.Lang) string {
	m := d.Message.In(lang)
	if h := strings.TrimSpace(d.Help.In(lang)); h != "" {
		m += "\n" + h
	}
	return m
}

// location is a place in a file. Findings about the file as a whole (line
// 0) point at its first line: SARIF results that GitHub shows need a line.
func location(uri string, line, col int, path string, id *int, msg string) sarifLocation {
	l := sarifLocation{
		ID: id,
		PhysicalLocation: sarifPhysical{
			ArtifactLocation: sarifArtifact{uri},
			Region:           sarifRegion{max(line, 1), max(col, 1)},
		},
	}
	if path != "" {
		l.LogicalLocations = []sarifLogicalLocation{{FullyQualifiedName: path, Kind: "member"}}
	}
	if msg != "" {
		l.Message = &sarifMessage{msg}
	}
	return l
}

// fingerprint identifies a finding by code, file and YAML path, never by
// line: n counts findings with the same three, in report order.
func fingerprint(key string, n int) string {
	sum := sha256.Sum256([]byte(key))
	return hex.EncodeToString(sum[:16]) + ":" + strconv.Itoa(n)
}

// uri turns a file name as the user gave it into a SARIF URI.
func (s *sarif) uri(name string) (string, bool) {
	if name == plan.StdinName {
		return stdinURI, true
	}
	p, rel := repoPath(name, s.wd)
	if rel {
		return (&url.URL{Path: p}).String(), true
	}
	return fileURL(p), false
}

// repoPath returns a file's path relative to the current folder with
// forward slashes, and true; or, for a file outside the current folder,
// its absolute path with forward slashes and false. A relative name that
// stays inside the folder is used as written (cleaned); wd is needed only
// for the others.
func repoPath(name string, wd func() (string, error)) (string, bool) {
	if !filepath.IsAbs(name) {
		if c := filepath.Clean(name); filepath.IsLocal(c) {
			return filepath.ToSlash(c), true
		}
	}
	dir, err := wd()
	if err != nil {
		return filepath.ToSlash(name), !filepath.IsAbs(name)
	}
	abs := name
	if !filepath.IsAbs(abs) {
		abs = filepath.Join(dir, abs)
	}
	if rel, err := filepath.Rel(dir, abs); err == nil && filepath.IsLocal(rel) {
		return filepath.ToSlash(rel), true
	}
	return filepath.ToSlash(filepath.Clean(abs)), false
}

// fileURL is the file:// URI of an absolute path with forward slashes:
// /home/a/b.yaml, C:/plans/b.yaml or //server/share/b.yaml.
func fileURL(p string) string {
	u := url.URL{Scheme: "file", Path: p}
	switch {
	case strings.HasPrefix(p, "//"):
		host, rest, _ := strings.Cut(p[2:], "/")
		u.Host, u.Path = host, "/"+rest
	case !strings.HasPrefix(p, "/"):
		u.Path = "/" + p
	}
	return u.String()
}
