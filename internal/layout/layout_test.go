package layout

import (
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

const module = "github.com/kehoach/kehoach"

// root is the repository's root, from this package's folder.
var root = filepath.Join("..", "..")

// TestTopLevel checks that the top level holds what the design names and
// nothing else (hidden entries such as .ci and .git aside).
func TestTopLevel(t *testing.T) {
	want := []string{".pre-commit-hooks.yaml", "README.md", "budget", "cmd", "docs", "examples", "go.mod", "go.sum", "internal", "plan", "report"}
	entries, err := os.ReadDir(root)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, e := range entries {
		if name := e.Name(); !strings.HasPrefix(name, ".") || name == ".pre-commit-hooks.yaml" {
			got = append(got, name)
		}
	}
	for _, name := range got {
		if !slices.Contains(want, name) {
			t.Errorf("top level has %s, which the design does not name", name)
		}
	}
	for _, name := range want {
		if !slices.Contains(got, name) {
			t.Errorf("top level has no %s", name)
		}
	}
}

// allowed says which of our packages a package may import: cmd → {plan,
// budget, report}, report → {plan, budget}, plan → budget, budget →
// nothing; a package's own sub-packages and internal/ test support are
// its own business.
func allowed(from, to string) bool {
	area := func(p string) string { return strings.SplitN(p, "/", 2)[0] }
	a, b := area(from), area(to)
	if strings.HasPrefix(to, from+"/") || a == b && a != "plan" && a != "report" {
		return true
	}
	switch a {
	case "cmd":
		return b == "plan" || b == "budget" || b == "report"
	case "report":
		return b == "plan" || b == "budget" || strings.HasPrefix(to, "report/")
	case "plan":
		return b == "budget" || strings.HasPrefix(to, "plan/")
	case "internal":
		return true
	}
	return false
}

// TestImportArrows checks the imports of every package, tests aside (a
// test may use the test support of internal/), and that each package has
// a doc comment.
func TestImportArrows(t *testing.T) {
	goTool, err := exec.LookPath("go")
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal("no go command in CI")
		}
		t.Skip("no go command")
	}
	cmd := exec.Command(goTool, "list", "-f", "{{.ImportPath}}\t{{join .Imports \" \"}}\t{{if .Doc}}doc{{end}}", "./...")
	cmd.Dir = root
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	n := 0
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		fields := strings.Split(line, "\t")
		pkg := strings.TrimPrefix(fields[0], module+"/")
		n++
		if fields[2] != "doc" && !strings.HasSuffix(pkg, "/cmd/synthplan") {
			t.Errorf("%s has no doc comment", pkg)
		}
		for _, imp := range strings.Fields(fields[1]) {
			to, ours := strings.CutPrefix(imp, module+"/")
			if ours && !allowed(pkg, to) {
				t.Errorf("%s imports %s, against the arrows of the design", pkg, to)
			}
		}
	}
	if n < 8 {
		t.Fatalf("go list gave %d packages", n)
	}
}

// TestAllowed checks the arrows themselves.
func TestAllowed(t *testing.T) {
	for _, tt := range []struct {
		from, to string
		want     bool
	}{
		{"cmd/kehoach", "plan", true},
		{"cmd/kehoach", "cmd/kehoach/internal/atomicfile", true},
		{"cmd/kehoach", "report/appendix", true},
		{"report", "plan", true},
		{"report", "report/appendix", true},
		{"report/appendix", "budget", true},
		{"plan", "budget", true},
		{"plan", "plan/internal/yamltext", true},
		{"budget", "plan", false},
		{"plan", "report", false},
		{"report", "cmd/kehoach", false},
		{"plan", "cmd/kehoach", false},
		{"report/appendix", "report", false},
		{"plan/internal/yamltext", "plan", false},
	} {
		if got := allowed(tt.from, tt.to); got != tt.want {
			t.Errorf("allowed(%s, %s) = %v, want %v", tt.from, tt.to, got, tt.want)
		}
	}
}
