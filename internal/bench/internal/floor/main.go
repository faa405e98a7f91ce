// Command floor is the floor of kehoach's start-up benchmark
// (bench.BenchmarkStartupFloor): it reads each file named on the command
// line and decodes it into a yaml.Node, as kehoach does first, with the
// same YAML library, and nothing else. It exits 1 when a file cannot be
// read or decoded.
package main

import (
	"bytes"
	"fmt"
	"os"

	"go.yaml.in/yaml/v3"
)

func main() {
	for _, name := range os.Args[1:] {
		data, err := os.ReadFile(name)
		if err == nil {
			var doc yaml.Node
			err = yaml.NewDecoder(bytes.NewReader(data)).Decode(&doc)
		}
		if err != nil {
			fmt.Fprintln(os.Stderr, "floor:", err)
			os.Exit(1)
		}
	}
}
