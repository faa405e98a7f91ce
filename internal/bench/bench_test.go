package bench

import (
	"bytes"
	"fmt"
	"os/exec"
	"strconv"
	"testing"

	"github.com/kehoach/kehoach/internal/synthetic"
)

// Each workload is next to its floor; .ci/bench prints their ratios.

func BenchmarkValidateNational(b *testing.B) {
	name := nationalFile(b, synthetic.NationalCommunes)
	measure(b, func() error { return validate(name) }, "validate", name)
}

func BenchmarkFloorDecodeNational(b *testing.B) {
	name := nationalFile(b, synthetic.NationalCommunes)
	measure(b, func() error { _, err := floorDecode(name); return err }, "floor-decode", name)
}

func BenchmarkValidateRepo(b *testing.B) {
	dir := repoDir(b)
	measure(b, func() error { return validate(dir) }, "validate", dir)
}

func BenchmarkFloorDecodeRepo(b *testing.B) {
	dir := repoDir(b)
	measure(b, func() error { return floorDecodeAll(dir) }, "floor-decode-all", dir)
}

func BenchmarkExportNational(b *testing.B) {
	name := nationalFile(b, synthetic.NationalCommunes)
	out := work.dir(b, "out-export")
	measure(b, func() error { return export(name, out) }, "export", name, out)
}

func BenchmarkFloorExportNational(b *testing.B) {
	name := nationalFile(b, synthetic.NationalCommunes)
	out := work.dir(b, "out-floor")
	shape := exportShape(synthetic.NationalCommunes)
	measure(b, func() error { return floorExport(name, shape, out) },
		"floor-export", name, strconv.Itoa(synthetic.NationalCommunes), out)
}

// BenchmarkValidateCurve shows how the cost of validation grows with the
// size of the plan.
func BenchmarkValidateCurve(b *testing.B) {
	for _, n := range []int{1000, 2000, 5000, synthetic.NationalCommunes} {
		b.Run(fmt.Sprintf("communes=%d", n), func(b *testing.B) {
			name := nationalFile(b, n)
			measure(b, func() error { return validate(name) }, "validate", name)
		})
	}
}

// BenchmarkStartupValidate runs the kehoach binary on the reference plan,
// as a process: start-up, validation and report.
func BenchmarkStartupValidate(b *testing.B) {
	bin := binary(b, "./cmd/kehoach")
	runProcess(b, bin, "validate", reference)
}

// BenchmarkStartupFloor runs a program that only decodes the reference
// plan into a yaml.Node (bench/internal/floor), as a process.
func BenchmarkStartupFloor(b *testing.B) {
	bin := binary(b, "./bench/internal/floor")
	runProcess(b, bin, reference)
}

// runProcess runs a program as a process, b.N times.
func runProcess(b *testing.B, bin string, args ...string) {
	for b.Loop() {
		cmd := exec.Command(bin, args...)
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		if err := cmd.Run(); err != nil {
			b.Fatalf("%s: %v\n%s", bin, err, stderr.Bytes())
		}
	}
}
