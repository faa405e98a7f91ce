package synthetic

import (
	"bytes"
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/kehoach/kehoach/plan"
)

// TestSlips checks that the national plan with n slips is the clean plan
// with exactly n amounts changed, each where and as the returned slips
// say, each a swap of two adjacent digits or one digit changed, and that
// the same arguments write the same bytes.
func TestSlips(t *testing.T) {
	for _, tt := range []struct {
		communes, slips int
		seed            uint64
	}{{1, 0, 1}, {1, 1, 1}, {3, 17, 2}, {250, 100, 3}, {250, 1000, 4}} {
		t.Run(fmt.Sprintf("communes=%d,slips=%d", tt.communes, tt.slips), func(t *testing.T) {
			var clean, a, b bytes.Buffer
			if err := National(&clean, tt.communes); err != nil {
				t.Fatal(err)
			}
			slips, err := NationalWithSlips(&a, tt.communes, tt.slips, tt.seed)
			if err != nil {
				t.Fatal(err)
			}
			again, err := NationalWithSlips(&b, tt.communes, tt.slips, tt.seed)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(a.Bytes(), b.Bytes()) || !reflect.DeepEqual(slips, again) {
				t.Error("two calls wrote different bytes or slips")
			}
			if len(slips) != tt.slips {
				t.Fatalf("%d slips returned, want %d", len(slips), tt.slips)
			}
			at := map[[2]int]Slip{}
			for _, s := range slips {
				at[[2]int{s.Line, s.Column}] = s
			}
			if len(at) != len(slips) {
				t.Errorf("%d slips at %d places", len(slips), len(at))
			}

			cl, sl := strings.Split(clean.String(), "\n"), strings.Split(a.String(), "\n")
			if len(cl) != len(sl) {
				t.Fatalf("%d lines, the clean plan %d", len(sl), len(cl))
			}
			changed := 0
			for i := range cl {
				if strings.HasPrefix(cl[i], "#") || cl[i] == sl[i] {
					continue
				}
				// Compare the two lines token by token: a token is a run of
				// digits and dots.
				ct, st := tokens(cl[i]), tokens(sl[i])
				if len(ct) != len(st) {
					t.Fatalf("line %d: %q, clean %q", i+1, sl[i], cl[i])
				}
				for j := range ct {
					if ct[j] == st[j] {
						continue
					}
					changed++
					s, ok := at[[2]int{i + 1, st[j].col}]
					if !ok || s.Was != ct[j].text || s.Now != st[j].text {
						t.Errorf("%d:%d: %s for %s, not a slip returned (%+v)", i+1, st[j].col, st[j].text, ct[j].text, s)
						continue
					}
					if !typingSlip(s.Was, s.Now) {
						t.Errorf("%d:%d: %s for %s is not a swap or a changed digit", i+1, st[j].col, s.Now, s.Was)
					}
				}
			}
			if changed != tt.slips {
				t.Errorf("%d amounts differ from the clean plan, want %d", changed, tt.slips)
			}

			r := plan.Validate("slips.yaml", a.Bytes())
			if r.Plan == nil {
				t.Fatal("the plan could not be read")
			}
			for _, d := range r.Diagnostics {
				if !strings.HasPrefix(string(d.Code), "B") {
					t.Errorf("%d:%d: %s %s: a slip gave a finding that is not a funding rule's", d.Line, d.Column, d.Code, d.Message.EN)
				}
			}
			if tt.slips > 0 && len(r.Diagnostics) == 0 {
				t.Error("no findings")
			}
		})
	}
}

func TestSlipsTooMany(t *testing.T) {
	var b bytes.Buffer
	if _, err := NationalWithSlips(&b, 1, 1000, 1); err == nil {
		t.Error("1,000 slips in a plan of one commune")
	}
	if _, err := NationalWithSlips(&b, 0, 0, 1); err == nil {
		t.Error("a plan of no communes")
	}
}

type token struct {
	text string
	col  int
}

// tokens returns the runs of digits and dots of an ASCII line.
func tokens(line string) []token {
	var out []token
	for i := 0; i < len(line); {
		if !isDigit(line[i]) {
			i++
			continue
		}
		j := i
		for j < len(line) && (isDigit(line[j]) || line[j] == '.') {
			j++
		}
		out = append(out, token{line[i:j], i + 1})
		i = j
	}
	return out
}

// typingSlip reports whether now is was with two adjacent digits swapped
// or one digit changed.
func typingSlip(was, now string) bool {
	if len(was) != len(now) || was == now {
		return false
	}
	var diff []int
	for i := range was {
		if was[i] != now[i] {
			diff = append(diff, i)
		}
	}
	switch len(diff) {
	case 1:
		return isDigit(was[diff[0]]) && isDigit(now[diff[0]])
	case 2:
		i, j := diff[0], diff[1]
		return j == i+1 && was[i] == now[j] && was[j] == now[i]
	}
	return false
}
