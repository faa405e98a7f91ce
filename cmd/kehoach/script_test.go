package main

import (
	"errors"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"
)

var update = flag.Bool("update", false, "update golden files")

func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){"kehoach": func() { os.Exit(int(Main(os.Args[1:], systemStreams()))) }})
}

func TestScripts(t *testing.T) {
	testscript.Run(t, testscript.Params{
		Dir: "testdata/script", RequireExplicitExec: true, RequireUniqueNames: true, UpdateScripts: *update,
		Cmds: scriptCommands(), Setup: copyExamples,
	})
}

// copyExamples puts the example plans of the repository in the script's
// work folder, under examples/, before the script runs: scripts use the
// reference plan as users have it, never a copy of their own that could
// drift from it (TestScriptsHoldNoReferencePlan).
func copyExamples(env *testscript.Env) error {
	names, err := filepath.Glob(filepath.Join("..", "..", "examples", "*.yaml"))
	if err != nil {
		return err
	}
	if len(names) == 0 {
		return errors.New("no example plans in ../../examples")
	}
	dir := filepath.Join(env.WorkDir, "examples")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	for _, name := range names {
		data, err := os.ReadFile(name)
		if err != nil {
			return err
		}
		if err := os.WriteFile(filepath.Join(dir, filepath.Base(name)), data, 0o644); err != nil {
			return err
		}
	}
	return nil
}

// replaceCmd is the script command `replace FILE OLD NEW`: it replaces the
// first OLD in FILE by NEW (\n in them is a line break), and fails when
// FILE has no OLD, so that a script's edit of an example cannot silently
// stop applying when the example changes.
func replaceCmd(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 3 {
		ts.Fatalf("usage: replace FILE OLD NEW")
	}
	name := ts.MkAbs(args[0])
	data, err := os.ReadFile(name)
	ts.Check(err)
	old, repl := strings.ReplaceAll(args[1], `\n`, "\n"), strings.ReplaceAll(args[2], `\n`, "\n")
	if !strings.Contains(string(data), old) {
		ts.Fatalf("%s has no %q", args[0], old)
	}
	ts.Check(os.WriteFile(name, []byte(strings.Replace(string(data), old, repl, 1)), 0o644))
}
