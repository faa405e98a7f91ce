package main

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/kehoach/kehoach/plan"
)

func TestLoadPlan(t *testing.T) {
	example := filepath.Join("..", "..", "examples", "bao-yen-2022.yaml")
	data, err := os.ReadFile(example)
	if err != nil {
		t.Fatal(err)
	}
	t.Run("findings reported", func(t *testing.T) {
		var errOut bytes.Buffer
		file, p, err := loadPlan(nil, &errOut, plan.EN, example, false)
		if err != nil || p == nil {
			t.Fatalf("loadPlan = %v, %v; want the plan", p, err)
		}
		if file.Name != example || !file.Valid() || len(file.Diagnostics) == 0 {
			t.Errorf("file %q valid %v with %d findings; want the example's warnings", file.Name, file.Valid(), len(file.Diagnostics))
		}
		if !strings.Contains(errOut.String(), "warning[B203]") || !strings.HasSuffix(errOut.String(), "1 file, 0 errors, 2 warnings\n") {
			t.Errorf("findings:\n%s", errOut.String())
		}
	})
	t.Run("standard input", func(t *testing.T) {
		var errOut bytes.Buffer
		file, p, err := loadPlan(bytes.NewReader(data), &errOut, plan.VI, "-", false)
		if err != nil || p == nil || file.Name != plan.StdinName {
			t.Fatalf("loadPlan(-) = %q, %v, %v; want the plan as %s", file.Name, p, err, plan.StdinName)
		}
	})
	t.Run("no findings, no report", func(t *testing.T) {
		var errOut bytes.Buffer
		src := strings.Replace(string(data), "funding: {total: 7603, central: 6220, local: 622, other: 761}", "", 1)
		if _, p, err := loadPlan(strings.NewReader(src), &errOut, plan.VI, "-", false); err != nil || p == nil || errOut.Len() > 0 {
			t.Errorf("loadPlan = %v, %v; standard error %q; want the plan and nothing said", p, err, errOut.String())
		}
	})
	t.Run("missing", func(t *testing.T) {
		_, p, err := loadPlan(nil, new(bytes.Buffer), plan.VI, filepath.Join(t.TempDir(), "missing.yaml"), false)
		var pp *pathProblem
		if p != nil || !errors.As(err, &pp) || !strings.Contains(err.Error(), "không có tệp hoặc thư mục này") {
			t.Errorf("loadPlan(missing) = %v, %v; want the path's problem in Vietnamese", p, err)
		}
	})
}
