package main

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestSchemaCommand keeps `kehoach schema` identical to the committed
// plan/kehoach.schema.json, which the example plans name.
func TestSchemaCommand(t *testing.T) {
	s, out, errOut := testStreams()
	if code := Main([]string{"schema"}, s); code != exitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	want, err := os.ReadFile(filepath.Join("..", "..", "plan", "kehoach.schema.json"))
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(string(want), out.String()); diff != "" {
		t.Errorf("kehoach schema differs from plan/kehoach.schema.json (-file +command):\n%s", diff)
	}
}

func TestSchemaCommandArgs(t *testing.T) {
	s, _, errOut := testStreams()
	if code := Main([]string{"schema", "extra"}, s); code != exitTrouble {
		t.Errorf("exit %d, want %d; stderr: %s", code, exitTrouble, errOut)
	}
}
