package synthetic

import (
	"fmt"
	"io"
	mrand "math/rand/v2"
)

// A Slip is one typing slip written into the national plan: one written
// amount of a funding row, two of its adjacent digits swapped or one digit
// changed.
type Slip struct {
	// Line and Column (from 1; the line is ASCII up to the figure) are
	// where the figure is written.
	Line, Column int
	// Was is the figure's text in the clean plan, Now its text as
	// written.
	Was, Now string
}

// NationalWithSlips writes National(communes) with slips typing slips, and
// returns them in the order of the file. Each slip is in a different
// figure: an activity's central, local or other funds, or one of the
// figures of a sub-project's or project's funding (the plan's grand
// totals are never slipped). The figures and the slips are chosen by a PCG
// generator seeded with seed: the same arguments write the same bytes.
// A slip never gives a negative or zero value, the same value, a leading
// zero or a trailing decimal zero, so every slipped figure reads as the
// amount its text says, and undoing it is a typing slip to package budget.
func NationalWithSlips(w io.Writer, communes, slips int, seed uint64) ([]Slip, error) {
	s := nationalSpec(communes)
	if communes < 1 {
		return nil, fmt.Errorf("synthetic: a plan needs at least one commune, not %d", communes)
	}
	m := slippable(s)
	if slips < 0 || slips > m {
		return nil, fmt.Errorf("synthetic: %d slips, but the plan of %d communes has %d figures to slip", slips, communes, m)
	}
	r := mrand.New(mrand.NewPCG(seed, 0x6b65686f616368)) // "kehoach"
	// Floyd's sample of slips figures out of m, in any order.
	chosen := make(map[int]bool, slips)
	for j := m - slips; j < m; j++ {
		t := r.IntN(j + 1)
		if chosen[t] {
			t = j
		}
		chosen[t] = true
	}
	sl := &slipper{r: r, chosen: chosen, n: slips}
	out, err := write(w, s, sl)
	if err != nil {
		return nil, err
	}
	if sl.seen != m || len(out) != slips {
		return nil, fmt.Errorf("synthetic: internal error: %d figures written, %d counted; %d slips, want %d", sl.seen, m, len(out), slips)
	}
	return out, nil
}

// WriteNationalWithSlips writes NationalWithSlips(communes, slips, seed) to
// the file name.
func WriteNationalWithSlips(name string, communes, slips int, seed uint64) ([]Slip, error) {
	var out []Slip
	err := writeFile(name, func(w io.Writer) error {
		var err error
		out, err = NationalWithSlips(w, communes, slips, seed)
		return err
	})
	return out, err
}

// slippable is the number of figures of s that may be slipped, in the
// order write writes them: every figure of a project's or sub-project's
// funding and of an activity's.
func slippable(s spec) int {
	row := func(f funds, total bool) int {
		n := 2
		if total {
			n++
		}
		if f.other != 0 {
			n++
		}
		return n
	}
	m := 0
	var pr funds
	for k := range funded {
		var node funds
		for i := range s.communes {
			f := activityFunds(s, k, i)
			node = node.plus(f)
			m += row(f, false)
		}
		if funded[k].sub != 0 {
			m += row(node, true)
		}
		pr = pr.plus(node)
		if k+1 == len(funded) || funded[k+1].project != funded[k].project {
			m += row(pr, true)
			pr = funds{}
		}
	}
	return m
}

// slipper slips the chosen figures as write writes them.
type slipper struct {
	r      *mrand.Rand
	chosen map[int]bool
	n      int
	seen   int // figures written so far
	slips  []Slip
}

// figure returns the text to write for the next figure, text in the clean
// plan, at the given line and column.
func (sl *slipper) figure(text string, line, col int) string {
	i := sl.seen
	sl.seen++
	if !sl.chosen[i] {
		return text
	}
	now := slip(sl.r, text)
	sl.slips = append(sl.slips, Slip{Line: line, Column: col, Was: text, Now: now})
	return now
}

// slip returns a typing slip of the amount text (digits, with at most one
// decimal after a '.'): two adjacent digits swapped or, when no swap
// gives a plain amount of another value, or at random, one digit changed.
func slip(r *mrand.Rand, text string) string {
	var swaps, changes []string
	b := []byte(text)
	for i := range b {
		if !isDigit(b[i]) {
			continue
		}
		if i+1 < len(b) && isDigit(b[i+1]) && b[i] != b[i+1] {
			c := append([]byte(nil), b...)
			c[i], c[i+1] = c[i+1], c[i]
			if plainAmount(c) {
				swaps = append(swaps, string(c))
			}
		}
		for d := byte('0'); d <= '9'; d++ {
			if d == b[i] {
				continue
			}
			c := append([]byte(nil), b...)
			c[i] = d
			if plainAmount(c) {
				changes = append(changes, string(c))
			}
		}
	}
	if len(swaps) > 0 && (len(changes) == 0 || r.IntN(2) == 0) {
		return swaps[r.IntN(len(swaps))]
	}
	// Every amount has a change: its first digit to another non-zero one.
	return changes[r.IntN(len(changes))]
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

// plainAmount reports whether b is an amount written as tenths.String
// writes one, and not zero: no leading zero in the units (but "0.5"), no
// decimal zero.
func plainAmount(b []byte) bool {
	units := b
	for i, c := range b {
		if c == '.' {
			units = b[:i]
			if b[len(b)-1] == '0' {
				return false
			}
		}
	}
	if len(units) > 1 && units[0] == '0' {
		return false
	}
	for _, c := range b {
		if c != '0' && c != '.' {
			return true
		}
	}
	return false
}
