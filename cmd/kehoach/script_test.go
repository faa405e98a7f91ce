package main

import (
	"flag"
	"os"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"
)

var update = flag.Bool("update", false, "update golden files")

func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){"kehoach": func() { os.Exit(int(Main(os.Args[1:], systemStreams()))) }})
}

func TestScripts(t *testing.T) {
	testscript.Run(t, testscript.Params{Dir: "testdata/script", RequireExplicitExec: true, RequireUniqueNames: true, UpdateScripts: *update, Cmds: scriptCommands()})
}
