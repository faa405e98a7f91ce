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
	"flag"
	"fmt"
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
	if err := os.MkdirAll(out, 0o777); err != nil {
		return err
	}
	national := filepath.Join(out, "national.yaml")
	if err := synthetic.WriteNational(national, communes); err != nil {
		return err
	}
	fmt.Println(national)
	repo := filepath.Join(out, "repo")
	if err := synthetic.WriteRepo(repo, districts, perDistrict); err != nil {
		return err
	}
	fmt.Printf("%s (%d plans)\n", repo, districts)
	return nil
}
