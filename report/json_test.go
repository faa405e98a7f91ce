package report

import (
	"bytes"
	"encoding/json"
	"maps"
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/kehoach/kehoach/plan"
)

func formatJSON(t *testing.T, lang plan.Lang, files []File) []byte {
	t.Helper()
	f, err := New("json", Options{Lang: lang, ToolVersion: "0.1.0"})
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := f.Format(&b, files); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func TestJSONGolden(t *testing.T) {
	for _, tc := range []struct {
		files  string
		lang   plan.Lang
		golden string
	}{
		{"reference", plan.VI, "json_reference_vi.golden"},
		{"tolerance0", plan.VI, "json_tolerance0_vi.golden"},
		{"many", plan.VI, "json_many_vi.golden"},
		{"many", plan.EN, "json_many_en.golden"},
	} {
		t.Run(tc.golden, func(t *testing.T) {
			goldenFile(t, tc.golden, formatJSON(t, tc.lang, reportFiles(t, tc.files)))
		})
	}
}

// TestJSONReference checks the report of the reference plan against the
// example of the specification: its field names, its shapes and its
// values (amounts as exact strings, positions in the printed example).
func TestJSONReference(t *testing.T) {
	var doc any
	if err := json.Unmarshal(formatJSON(t, plan.EN, reportFiles(t, "reference")), &doc); err != nil {
		t.Fatal(err)
	}
	// The findings in report order: by line, then column. Only the texts
	// are left out here.
	want := map[string]any{
		"version": 1.0,
		"tool":    map[string]any{"name": "kehoach", "version": "0.1.0"},
		"files": []any{map[string]any{
			"file": "examples/bao-yen-2022.yaml", "valid": true,
			"diagnostics": []any{
				map[string]any{"code": "B203", "severity": "warning", "line": 82.0, "column": 18.0,
					"path": "funding.total", "stated": "7603", "computed": "7604", "difference": "-1", "suggestion": "7604"},
				map[string]any{"code": "B203", "severity": "warning", "line": 82.0, "column": 46.0,
					"path": "funding.local", "stated": "622", "computed": "623", "difference": "-1", "suggestion": "623"},
			},
		}},
		"summary": map[string]any{"files": 1.0, "errors": 0.0, "warnings": 2.0},
	}
	texts := func(d map[string]any) {
		for _, k := range []string{"message", "help"} {
			if s, ok := d[k].(string); !ok || s == "" {
				t.Errorf("diagnostic %v: %q is not a non-empty string", d["path"], k)
			}
			delete(d, k)
		}
	}
	for _, d := range doc.(map[string]any)["files"].([]any)[0].(map[string]any)["diagnostics"].([]any) {
		texts(d.(map[string]any))
	}
	if diff := cmp.Diff(want, doc); diff != "" {
		t.Errorf("JSON report of the reference plan mismatch (-want +got):\n%s", diff)
	}
}

// TestJSONShape checks every object of a report with findings of every
// shape against the field names of the specification: optional fields
// are omitted when they do not apply, never null or empty.
func TestJSONShape(t *testing.T) {
	var doc map[string]any
	if err := json.Unmarshal(formatJSON(t, plan.VI, reportFiles(t, "many")), &doc); err != nil {
		t.Fatal(err)
	}
	keys := func(m map[string]any) []string { return slices.Sorted(maps.Keys(m)) }
	if diff := cmp.Diff([]string{"files", "summary", "tool", "version"}, keys(doc)); diff != "" {
		t.Errorf("top-level keys (-want +got):\n%s", diff)
	}
	required := []string{"code", "column", "line", "message", "path", "severity"}
	optional := map[string]bool{"help": true, "stated": true, "computed": true, "difference": true, "related": true, "suggestion": true}
	seen := map[string]bool{}
	for _, f := range doc["files"].([]any) {
		f := f.(map[string]any)
		if diff := cmp.Diff([]string{"diagnostics", "file", "valid"}, keys(f)); diff != "" {
			t.Errorf("file %v keys (-want +got):\n%s", f["file"], diff)
		}
		ds, ok := f["diagnostics"].([]any)
		if !ok {
			t.Errorf("file %v: diagnostics is %T, want a list (empty, not null, when there are none)", f["file"], f["diagnostics"])
		}
		for _, d := range ds {
			d := d.(map[string]any)
			for _, k := range required {
				if _, ok := d[k]; !ok {
					t.Errorf("%v: no %q", d["code"], k)
				}
			}
			for k, v := range d {
				switch {
				case slices.Contains(required, k):
				case !optional[k]:
					t.Errorf("%v: unknown key %q", d["code"], k)
				case v == nil || v == "":
					t.Errorf("%v: %q is %v, want it omitted", d["code"], k, v)
				default:
					seen[k] = true
				}
			}
			for _, k := range []string{"stated", "computed", "difference", "suggestion"} {
				if v, ok := d[k]; ok {
					if _, isString := v.(string); !isString {
						t.Errorf("%v: %q is %T, want an amount as a string", d["code"], k, v)
					}
				}
			}
			if sev := d["severity"]; sev != "error" && sev != "warning" {
				t.Errorf("%v: severity %v", d["code"], sev)
			}
			if rel, ok := d["related"]; ok {
				for _, r := range rel.([]any) {
					if diff := cmp.Diff([]string{"column", "line", "message", "path"}, keys(r.(map[string]any))); diff != "" {
						t.Errorf("%v: related keys (-want +got):\n%s", d["code"], diff)
					}
				}
			}
		}
	}
	for k := range optional {
		if !seen[k] {
			t.Errorf("no diagnostic of the test has %q: the test does not cover it", k)
		}
	}
	if diff := cmp.Diff(map[string]any{"files": 3.0, "errors": 6.0, "warnings": 3.0}, doc["summary"]); diff != "" {
		t.Errorf("summary (-want +got):\n%s", diff)
	}
}

// TestJSONLanguages checks that the JSON report is the same in both
// languages but for the texts.
func TestJSONLanguages(t *testing.T) {
	files := reportFiles(t, "many")
	strip := func(b []byte) any {
		var doc map[string]any
		if err := json.Unmarshal(b, &doc); err != nil {
			t.Fatal(err)
		}
		for _, f := range doc["files"].([]any) {
			for _, d := range f.(map[string]any)["diagnostics"].([]any) {
				d := d.(map[string]any)
				delete(d, "message")
				delete(d, "help")
				if rel, ok := d["related"]; ok {
					for _, r := range rel.([]any) {
						delete(r.(map[string]any), "message")
					}
				}
			}
		}
		return doc
	}
	vi, en := formatJSON(t, plan.VI, files), formatJSON(t, plan.EN, files)
	if bytes.Equal(vi, en) {
		t.Fatal("the Vietnamese and English reports are the same")
	}
	if diff := cmp.Diff(strip(vi), strip(en)); diff != "" {
		t.Errorf("reports differ beyond their texts (-vi +en):\n%s", diff)
	}
}

// TestJSONValid checks `valid`: false exactly when the file has an error.
func TestJSONValid(t *testing.T) {
	warning := plan.Diagnostic{Code: "B203", Severity: plan.Warning, Message: plan.Message{VI: "w", EN: "w"}, Pos: plan.Pos{Line: 1, Column: 1}}
	failure := plan.Diagnostic{Code: "B201", Severity: plan.Error, Message: plan.Message{VI: "e", EN: "e"}, Pos: plan.Pos{Line: 2, Column: 1}}
	files := []File{
		{Name: "a.yaml"},
		{Name: "b.yaml", Diagnostics: []plan.Diagnostic{warning}},
		{Name: "c.yaml", Diagnostics: []plan.Diagnostic{warning, failure}},
	}
	var doc struct {
		Files []struct {
			File        string
			Valid       bool
			Diagnostics []json.RawMessage
		}
	}
	if err := json.Unmarshal(formatJSON(t, plan.EN, files), &doc); err != nil {
		t.Fatal(err)
	}
	got := map[string]bool{}
	for _, f := range doc.Files {
		got[f.File] = f.Valid
	}
	if diff := cmp.Diff(map[string]bool{"a.yaml": true, "b.yaml": true, "c.yaml": false}, got); diff != "" {
		t.Errorf("valid (-want +got):\n%s", diff)
	}
}

// TestJSONPositionsFromOne shows a question for the lead: the
// specification says line and column count from 1, but a finding about
// the file as a whole (E110 for a file over 64 MiB) has line 0 and column
// 0 in the JSON report (the text report prints no position for it).
func TestJSONPositionsFromOne(t *testing.T) {
	var doc struct {
		Files []struct {
			Diagnostics []struct{ Line, Column int }
		}
	}
	if err := json.Unmarshal(formatJSON(t, plan.EN, reportFiles(t, "many")), &doc); err != nil {
		t.Fatal(err)
	}
	for _, f := range doc.Files {
		for _, d := range f.Diagnostics {
			if d.Line < 1 || d.Column < 1 {
				t.Errorf("position %d:%d, want lines and columns from 1", d.Line, d.Column)
			}
		}
	}
}
