package plan

import (
	"bytes"
	"runtime"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/kehoach/kehoach/internal/synthetic"
	"github.com/kehoach/kehoach/plan/internal/yamltext"
)

// TestValidateSameOnAnyCores validates large plans with slips on one
// core, where they are decoded in one piece, and on two, where they are
// decoded in parts unless a part would differ: the findings are the same,
// positions and all.
func TestValidateSameOnAnyCores(t *testing.T) {
	type slip struct {
		from, to string
		n        int
	}
	var b bytes.Buffer
	if err := synthetic.National(&b, 1000); err != nil {
		t.Fatal(err)
	}
	national := b.Bytes()
	tests := []struct {
		name string
		// slips replace the first occurrence of a text, or each (n = -1).
		slips []slip
		// parts is whether two cores decode the plan in parts.
		parts bool
	}{{
		name: "slips on single lines",
		slips: []slip{
			{"commune: xa-00500\n", "commune: xa-99999\n", 1},               // E108, in an activity
			{"households: ", "households: 1.674, households_x: ", 1},        // W105 and E102, in a commune
			{"commune: xa-00900\n", "commune: xa-00900\n        x: 1\n", 1}, // E102
		},
		parts: true,
	}, {
		// Every activity ends with a key without a value (E103), which
		// the library places at the next token: the next entry, where a
		// part would begin. The parts are refused.
		name:  "a value the library places on the next line",
		slips: []slip{{"}\n      - name:", "}\n        ? quantity\n      - name:", -1}},
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			data := national
			for _, slip := range tt.slips {
				if !bytes.Contains(data, []byte(slip.from)) {
					t.Fatalf("the synthetic plan has no %q", slip.from)
				}
				data = bytes.Replace(data, []byte(slip.from), []byte(slip.to), slip.n)
			}
			validate := func(cores int) []Diagnostic {
				defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(cores))
				if used := yamltext.DecodesInParts(data, MaxDepth); used != (cores > 1 && tt.parts) {
					t.Fatalf("on %d cores, decoded in parts: %v", cores, used)
				}
				return Validate("national.yaml", data).Diagnostics
			}
			one := validate(1)
			if len(one) < len(tt.slips) {
				t.Fatalf("%d findings, want one for each slip at least:\n%v", len(one), one)
			}
			if diff := cmp.Diff(one, validate(2)); diff != "" {
				t.Errorf("findings on 1 core and on 2 (-1 +2):\n%s", diff)
			}
		})
	}
}
