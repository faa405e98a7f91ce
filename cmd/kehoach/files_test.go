package main

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"unicode/utf16"

	gocmp "github.com/google/go-cmp/cmp"

	"github.com/kehoach/kehoach/plan"
)

func utf16LE(s string) []byte {
	b := []byte{0xff, 0xfe}
	for _, u := range utf16.Encode([]rune(s)) {
		b = append(b, byte(u), byte(u>>8))
	}
	return b
}

func utf16BE(s string) []byte {
	b := []byte{0xfe, 0xff}
	for _, u := range utf16.Encode([]rune(s)) {
		b = append(b, byte(u>>8), byte(u))
	}
	return b
}

// TestValidateAllSkips checks which files found in a folder are left
// alone: YAML without the `kehoach` key, and files that cannot be read as
// YAML unless a line starts with `kehoach:`, in whatever encoding.
func TestValidateAllSkips(t *testing.T) {
	const plan1 = "kehoach: 1\nplan: {title: [x\n"
	tests := []struct {
		name string
		data []byte
		skip bool
	}{
		{"other YAML", []byte("services:\n  web: {image: nginx}\n"), true},
		{"empty", nil, true},
		{"a list", []byte("- a\n- b\n"), true},
		{"a CI file with a job named kehoach", []byte("kehoach:\n  script: [kehoach validate .]\n"), true},
		{"not YAML, no kehoach line", []byte("services: [web\n"), true},
		{"not YAML, kehoach line", []byte(plan1), false},
		{"not YAML, kehoach line after a comment", []byte("# plan\n" + plan1), false},
		{"not YAML, kehoach line after a UTF-8 byte order mark", append([]byte("\xef\xbb\xbf"), plan1...), false},
		{"a plan of an unsupported version", []byte("kehoach: 2\n"), false},
		{"a plan in UTF-16, little-endian", utf16LE("kehoach: 1\nplan: {}\n"), false},
		{"a plan in UTF-16, big-endian", utf16BE("# x\nkehoach: 1\n"), false},
		{"other YAML in UTF-16", utf16LE("services: {}\n"), true},
		{"a plan in TCVN3", []byte("kehoach: 1\nplan:\n  title: K\xd5 ho\xb9ch\n"), false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			open := func(Input) ([]byte, error) { return tc.data, nil }
			out := ValidateAll([]Input{{Name: "dir/x.yaml"}}, open)
			if got := out[0].Skipped; got != tc.skip {
				t.Errorf("Skipped = %v, want %v (findings %v)", got, tc.skip, out[0].Diagnostics)
			}
			// Named explicitly, no file is skipped.
			out = ValidateAll([]Input{{Name: "x.yaml", Explicit: true}}, open)
			if out[0].Skipped {
				t.Error("an explicit file was skipped")
			}
		})
	}
}

// TestValidateAllOrder checks that outcomes come sorted by name whatever
// the order of the inputs and the scheduling, and that a file that cannot
// be read is an outcome with an error, not the end of the run.
func TestValidateAllOrder(t *testing.T) {
	var inputs []Input
	for i := 40; i > 0; i-- {
		inputs = append(inputs, Input{Name: fmt.Sprintf("p%02d.yaml", i), Explicit: true})
	}
	broken := errors.New("p07.yaml: permission denied")
	open := func(in Input) ([]byte, error) {
		if in.Name == "p07.yaml" {
			return nil, broken
		}
		return []byte("kehoach: 1\n"), nil
	}
	out := ValidateAll(inputs, open)
	var names []string
	for _, o := range out {
		names = append(names, o.Name)
		if (o.Err != nil) != (o.Name == "p07.yaml") {
			t.Errorf("%s: Err = %v", o.Name, o.Err)
		}
		if o.Err == nil && len(o.Diagnostics) == 0 {
			t.Errorf("%s: no findings for a plan without its required keys", o.Name)
		}
	}
	if !slices.IsSorted(names) || len(names) != 40 {
		t.Errorf("outcomes not sorted by name: %v", names)
	}
}

// TestCollect checks what a folder holds.
func TestCollect(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{
		"a.yaml", "b.YML", "c.Yaml", "notes.txt", "sub/d.yml",
		".git/e.yaml", "node_modules/f.yaml", "vendor/g.yaml", "sub/.hidden/h.yaml", "sub/vendor/i.yaml",
	} {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte("kehoach: 1\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	t.Chdir(dir)
	// a.yaml is both in the folder and named: one input, explicit.
	got, errs := Collect([]string{".", "-", "./a.yaml", "missing.yaml", "sub"})
	want := []Input{
		{Name: "a.yaml", Explicit: true}, {Name: "b.YML"}, {Name: "c.Yaml"}, {Name: filepath.Join("sub", "d.yml")},
		{Name: plan.StdinName, Explicit: true},
	}
	if diff := gocmp.Diff(want, got); diff != "" {
		t.Errorf("Collect() inputs mismatch (-want +got):\n%s", diff)
	}
	if len(errs) != 1 || !errors.Is(errs[0], fs.ErrNotExist) || errs[0].Error() != "missing.yaml: no such file or directory" {
		t.Errorf("Collect() errors = %v, want one: missing.yaml: no such file or directory", errs)
	}
}

// TestValidateAllKeepsLittle: the outcomes of a folder keep the findings,
// and the content of the files that have some (for the report's source
// lines), but no plan model: 700 district plans are not all held until
// the report is written.
func TestValidateAllKeepsLittle(t *testing.T) {
	src, err := os.ReadFile(filepath.Join("..", "..", "examples", "bao-yen-2022.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	// Without its stated grand totals, the reference plan has no finding.
	clean := bytes.Replace(src, []byte("\nfunding: {total: 7603, central: 6220, local: 622, other: 761}\n"), []byte("\n"), 1)
	if bytes.Equal(clean, src) {
		t.Fatal("the reference plan has no grand totals line")
	}
	for name, data := range map[string][]byte{"a.yaml": src, "b.yaml": clean} {
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	inputs, errs := Collect([]string{dir})
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	out := ValidateAll(inputs, ReadInput(nil))
	if len(out) != 2 {
		t.Fatalf("%d outcomes, want 2", len(out))
	}
	a, b := out[0], out[1]
	if len(a.Diagnostics) == 0 || !slices.Equal(a.Source, src) {
		t.Errorf("a.yaml: %d findings, source kept %v; want its findings and its source", len(a.Diagnostics), a.Source != nil)
	}
	if len(b.Diagnostics) != 0 || b.Source != nil {
		t.Errorf("b.yaml: %d findings, source kept %v; want none and no source", len(b.Diagnostics), b.Source != nil)
	}
	if a.Plan != nil || b.Plan != nil {
		t.Error("an outcome holds the plan's model")
	}
}
