package plan

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/santhosh-tekuri/jsonschema/v6"
	"go.yaml.in/yaml/v3"
)

var update = flag.Bool("update", false, "update golden files")

const schemaFile = "kehoach.schema.json"

// TestSchemaFile keeps plan/kehoach.schema.json equal to Schema(); run
// `go test ./plan -run TestSchemaFile -update` after changing the schema.
func TestSchemaFile(t *testing.T) {
	got := Schema()
	if *update {
		if err := os.WriteFile(schemaFile, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(schemaFile)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(string(want), string(got)); diff != "" {
		t.Errorf("%s differs from Schema() (-file +Schema); run go test ./plan -update:\n%s", schemaFile, diff)
	}
}

// compileSchema compiles Schema() as draft-07, the draft the YAML
// language server implements.
func compileSchema(t *testing.T) *jsonschema.Schema {
	t.Helper()
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(Schema()))
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	c.DefaultDraft(jsonschema.Draft7)
	if err := c.AddResource(schemaFile, doc); err != nil {
		t.Fatal(err)
	}
	s, err := c.Compile(schemaFile)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// yamlValue turns a YAML document into the values a JSON Schema validator
// reads, as the YAML language server sees them: numbers stay exact, dates
// are text.
func yamlValue(t *testing.T, src []byte) any {
	t.Helper()
	var doc yaml.Node
	if err := yaml.Unmarshal(src, &doc); err != nil {
		t.Fatal(err)
	}
	var conv func(n *yaml.Node) any
	conv = func(n *yaml.Node) any {
		for n.Kind == yaml.AliasNode {
			n = n.Alias
		}
		switch n.Kind {
		case yaml.DocumentNode:
			return conv(n.Content[0])
		case yaml.MappingNode:
			m := make(map[string]any, len(n.Content)/2)
			for i := 0; i+1 < len(n.Content); i += 2 {
				m[n.Content[i].Value] = conv(n.Content[i+1])
			}
			return m
		case yaml.SequenceNode:
			s := make([]any, 0, len(n.Content))
			for _, c := range n.Content {
				s = append(s, conv(c))
			}
			return s
		}
		switch n.Tag {
		case "!!null":
			return nil
		case "!!bool":
			return n.Value == "true"
		case "!!int", "!!float":
			return json.Number(n.Value)
		}
		return n.Value
	}
	return conv(&doc)
}

func examplePlans(t *testing.T) []string {
	t.Helper()
	paths, err := filepath.Glob(filepath.Join("..", "examples", "*.yaml"))
	if err != nil || len(paths) == 0 {
		t.Fatalf("no example plans: %v", err)
	}
	return paths
}

// TestSchemaExamples checks that every example plan names the schema in
// its first line, for the YAML language server, and passes it.
func TestSchemaExamples(t *testing.T) {
	s := compileSchema(t)
	for _, p := range examplePlans(t) {
		t.Run(filepath.Base(p), func(t *testing.T) {
			src, err := os.ReadFile(p)
			if err != nil {
				t.Fatal(err)
			}
			first, _, _ := strings.Cut(string(src), "\n")
			if want := "# yaml-language-server: $schema=../plan/kehoach.schema.json"; first != want {
				t.Errorf("first line %q, want %q", first, want)
			}
			if err := s.Validate(yamlValue(t, src)); err != nil {
				t.Errorf("%s does not pass the schema: %v", p, err)
			}
		})
	}
}

// TestSchemaMistakes checks that typical mistakes fail the schema, as they
// fail validation.
func TestSchemaMistakes(t *testing.T) {
	s := compileSchema(t)
	base, err := os.ReadFile(filepath.Join("..", "examples", "bao-yen-2022.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name, old, new string
	}{
		{"unknown key", "    appendix: 3", "    apendix: 3"},
		{"unknown key at the top", "funding: {total: 7603", "fundings: {total: 7603"},
		{"text for a number", "funding: {total: 3188, central: 2416", "funding: {total: 3188, central: hai nghìn"},
		{"amount in Vietnamese notation", "funding: {total: 3188, central: 2416", `funding: {total: "3.188", central: 2416`},
		{"negative amount", "local: 241,", "local: -241,"},
		{"appendix 1", "appendix: 3", "appendix: 1"},
		{"year as text", "year: 2022", "year: năm 2022"},
		{"missing required key", "  issuer: UBND huyện Bảo Yên\n", ""},
		{"district plan without district", "  district: Bảo Yên\n", ""},
		{"unknown currency unit", "currency_unit: million_vnd", "currency_unit: trieu_dong"},
		{"percent above 100", "job_support_percent: 100", "job_support_percent: 101"},
		{"households not whole", "households: 1438", "households: 1438.5"},
		{"unsupported version", "kehoach: 1", "kehoach: 2"},
		{"sub-projects and activities", "    appendix: 4\n", "    appendix: 4\n    activities: []\n"},
		{"no projects", "projects:\n", "projects: []\nx-old:\n"},
		{"projects empty", "projects:\n", "projects:\nx-old:\n"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			src := strings.Replace(string(base), tc.old, tc.new, 1)
			if src == string(base) {
				t.Fatalf("%q is not in the example", tc.old)
			}
			if err := s.Validate(yamlValue(t, []byte(src))); err == nil {
				t.Errorf("the schema accepts the mistake")
			}
			if e, _ := Count(Validate("x.yaml", []byte(src)).Diagnostics); e == 0 {
				t.Errorf("validate finds no error in the mistake: the schema is stricter than the loader")
			}
		})
	}
}

// farKey is a key no valid key is close to, so that the loader's E102
// lists the valid keys instead of suggesting one.
const farKey = "qqqqqqqqqqqqqqqqqqqqqq"

// TestSchemaMatchesLoader builds from the schema a plan with every key it
// describes, then checks that the loader reads all of them, and that in
// every mapping of that plan the loader and the schema accept the same
// keys: the keys E102 lists as valid are the schema's properties, a key
// outside them fails both, and `notes` and `x-` keys pass both.
func TestSchemaMatchesLoader(t *testing.T) {
	var root map[string]any
	if err := json.Unmarshal(Schema(), &root); err != nil {
		t.Fatal(err)
	}
	s := compileSchema(t)
	full := instance(root)
	// not_stated names sources of the plan, which a schema cannot know
	// (TestNotStated checks it).
	var drop func(v any)
	drop = func(v any) {
		switch v := v.(type) {
		case map[string]any:
			delete(v, "not_stated")
			for _, x := range v {
				drop(x)
			}
		case []any:
			for _, x := range v {
				drop(x)
			}
		}
	}
	drop(full)
	src, err := yaml.Marshal(full)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Validate(yamlValue(t, src)); err != nil {
		t.Fatalf("the schema rejects the plan built from it: %v\n%s", err, src)
	}
	_, ds := Load("full.yaml", src)
	for _, d := range ds {
		switch d.Code {
		case "E102", "E103", "E104", "E106", "E109":
			t.Errorf("the loader does not accept the plan built from the schema: %s at %s: %s\n%s", d.Code, d.Path, d.Message.EN, src)
		}
	}
	for _, m := range mappings(root, full, "") {
		t.Run(displayPath(m.path), func(t *testing.T) {
			want := slices.Sorted(func(yield func(string) bool) {
				for k := range m.schema["properties"].(map[string]any) {
					if k != "notes" && !yield(k) {
						return
					}
				}
			})
			m.value[farKey] = 1
			src, err := yaml.Marshal(full)
			delete(m.value, farKey)
			if err != nil {
				t.Fatal(err)
			}
			// A funding's keys are the sources of the programme and of
			// the plan's `sources:`: the schema names the 2021–2025
			// programme's and admits any other, which the loader checks
			// against the plan's sources (the built plan adds bao-ha).
			open := m.schema["additionalProperties"] != false
			if err := s.Validate(yamlValue(t, src)); err == nil && !open {
				t.Errorf("the schema accepts the unknown key %s", farKey)
			}
			if open {
				want = slices.Sorted(slices.Values(append(want, "bao-ha")))
			}
			_, ds := Load("full.yaml", src)
			var got []string
			for _, d := range ds {
				if d.Code == "E102" && d.Path == joinPath(m.path, farKey) {
					list, ok := strings.CutPrefix(d.Help.EN, "Valid keys here: ")
					list, _, _ = strings.Cut(list, ". ")
					if !ok {
						t.Fatalf("E102 help does not list the valid keys: %q", d.Help.EN)
					}
					got = strings.Split(list, ", ")
					slices.Sort(got)
				}
			}
			if got == nil {
				t.Fatalf("the loader accepts the unknown key %s", farKey)
			}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("keys of the schema (-) and of the loader (+) differ:\n%s", diff)
			}

			m.value["notes"] = map[string]any{"any": []any{1, "shape"}}
			m.value["x-extra"] = "free"
			src, err = yaml.Marshal(full)
			delete(m.value, "notes")
			delete(m.value, "x-extra")
			if err != nil {
				t.Fatal(err)
			}
			if err := s.Validate(yamlValue(t, src)); err != nil {
				t.Errorf("the schema rejects notes or an x- key: %v", err)
			}
			_, ds = Load("full.yaml", src)
			for _, d := range ds {
				if d.Code == "E102" || d.Code == "E103" {
					t.Errorf("the loader rejects notes or an x- key: %s at %s: %s", d.Code, d.Path, d.Message.EN)
				}
			}
		})
	}
}

func displayPath(p string) string {
	if p == "" {
		return "top"
	}
	return p
}

// instance returns a value for a schema node with every key the schema
// describes, each with a valid value. A list whose items exclude a pair of
// keys (a project has sub-projects or activities) gets one item for each.
func instance(s map[string]any) any {
	if alts, ok := s["anyOf"].([]any); ok {
		// texts: the list form.
		for _, a := range alts {
			if a.(map[string]any)["type"] == "array" {
				return instance(a.(map[string]any))
			}
		}
		return instance(alts[0].(map[string]any))
	}
	if e, ok := s["enum"].([]any); ok {
		return e[0]
	}
	typ := s["type"]
	if ts, ok := typ.([]any); ok {
		typ = ts[0]
	}
	switch typ {
	case "object":
		m := make(map[string]any)
		for k, v := range s["properties"].(map[string]any) {
			if k != "notes" {
				m[k] = instance(v.(map[string]any))
			}
		}
		return m
	case "array":
		items := s["items"].(map[string]any)
		not, _ := items["not"].(map[string]any)
		excl, _ := not["required"].([]any)
		if len(excl) == 0 {
			return []any{instance(items)}
		}
		var out []any
		for _, drop := range excl {
			m := instance(items).(map[string]any)
			for _, k := range excl {
				if k != drop {
					delete(m, k.(string))
				}
			}
			out = append(out, m)
		}
		return out
	case "integer", "number":
		if lo, ok := s["minimum"].(float64); ok && lo > 0 {
			return int(lo)
		}
		return 1
	case "string":
		switch p, _ := s["pattern"].(string); {
		case strings.Contains(p, `\d{4}`):
			return "2024-08"
		case p != "":
			return "bao-ha"
		}
		return "văn bản"
	}
	return "văn bản"
}

type mapping struct {
	path   string
	schema map[string]any
	value  map[string]any
}

// mappings lists every mapping of v with its schema and YAML path.
func mappings(s map[string]any, v any, path string) []mapping {
	var out []mapping
	switch v := v.(type) {
	case map[string]any:
		out = append(out, mapping{path, s, v})
		props := s["properties"].(map[string]any)
		for _, k := range slices.Sorted(func(yield func(string) bool) {
			for k := range v {
				if !yield(k) {
					return
				}
			}
		}) {
			out = append(out, mappings(props[k].(map[string]any), v[k], joinPath(path, k))...)
		}
	case []any:
		items, ok := s["items"].(map[string]any)
		if !ok {
			// texts: anyOf with a list form.
			for _, a := range s["anyOf"].([]any) {
				if a.(map[string]any)["type"] == "array" {
					items = a.(map[string]any)["items"].(map[string]any)
				}
			}
		}
		for i, e := range v {
			out = append(out, mappings(items, e, Index(path, i).String())...)
		}
	}
	return out
}

// joinPath spells the path of key in the mapping at path.
func joinPath(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}
