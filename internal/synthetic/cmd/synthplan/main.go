// Command synthplan writes the synthetic workloads of the benchmarks
// (package bench) to a folder, for profiling and for trying kehoach on
// plans of national size by hand:
//
//	go run ./internal/synthetic/cmd/synthplan -o /tmp/kehoach-load
//
// writes national.yaml (10,600 communes, about 85,000 rows, 13 MB) and
// repo/huyen-001.yaml … repo/huyen-700.yaml (700 district plans of 20
// communes). Every figure is illustrative; each plan validates with no
// findings.
package main

import (
	"bufio"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/kehoach/kehoach/internal/synthetic"
)

func main() {
	out := flag.String("o", "synthetic", "folder to write the workloads to")
	communes := flag.Int("communes", synthetic.NationalCommunes, "communes of the national plan")
	districts := flag.Int("districts", synthetic.Districts, "district plans in repo/")
	perDistrict := flag.Int("district-communes", synthetic.DistrictCommunes, "communes of each district plan")
	flag.Parse()
	if err := run(*out, *communes, *districts, *perDistrict); err != nil {
		fmt.Fprintln(os.Stderr, "synthplan:", err)
		os.Exit(1)
	}
}

func run(out string, communes, districts, perDistrict int) error {
	repo := filepath.Join(out, "repo")
	if err := os.MkdirAll(repo, 0o777); err != nil {
		return err
	}
	national := filepath.Join(out, "national.yaml")
	if err := writeFile(national, func(w io.Writer) error { return synthetic.National(w, communes) }); err != nil {
		return err
	}
	fmt.Println(national)
	for i := 1; i <= districts; i++ {
		name := filepath.Join(repo, synthetic.DistrictFile(i))
		if err := writeFile(name, func(w io.Writer) error {
			return synthetic.District(w, synthetic.DistrictName(i), perDistrict)
		}); err != nil {
			return err
		}
	}
	fmt.Printf("%s (%d plans)\n", repo, districts)
	return nil
}

func writeFile(name string, write func(io.Writer) error) error {
	f, err := os.Create(name)
	if err != nil {
		return err
	}
	w := bufio.NewWriter(f)
	if err := write(w); err != nil {
		f.Close()
		return err
	}
	if err := w.Flush(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}
