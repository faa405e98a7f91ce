package main

import (
	"slices"
	"strconv"
	"strings"
)

// numberSet is numbers and ranges as a flag gives them ("1,3-5"): the
// --appendix subset of export, the --projects of init.
type numberSet [][2]int

// parseNumbers reads "2,3,4,6,7" or "1,3-5"; "" is nil (all). Numbers
// count from 1; limit, when not 0, is the largest allowed. When a part is
// not a number or a range, ok is false and bad is that part, for the
// caller to word.
func parseNumbers(s string, limit int) (set numberSet, bad string, ok bool) {
	if strings.TrimSpace(s) == "" {
		return nil, "", true
	}
	for _, part := range strings.Split(s, ",") {
		part = strings.TrimSpace(part)
		lo, hi, isRange := strings.Cut(part, "-")
		a, err1 := strconv.Atoi(strings.TrimSpace(lo))
		b := a
		var err2 error
		if isRange {
			b, err2 = strconv.Atoi(strings.TrimSpace(hi))
		}
		if err1 != nil || err2 != nil || a < 1 || b < a || (limit > 0 && b > limit) {
			return nil, part, false
		}
		set = append(set, [2]int{a, b})
	}
	return set, "", true
}

// list is every number of the set, in the order given.
func (s numberSet) list() []int {
	var out []int
	for _, r := range s {
		for n := r[0]; n <= r[1]; n++ {
			out = append(out, n)
		}
	}
	return out
}

func (s numberSet) has(n int) bool {
	for _, r := range s {
		if r[0] <= n && n <= r[1] {
			return true
		}
	}
	return false
}

// missing returns the numbers asked for that are not in have: a single
// number the plan lacks, or a range none of whose numbers it has.
func (s numberSet) missing(have []int) []int {
	var out []int
	for _, r := range s {
		any := false
		for _, n := range have {
			if r[0] <= n && n <= r[1] {
				any = true
			}
		}
		if !any && !slices.Contains(out, r[0]) {
			out = append(out, r[0])
		}
	}
	return out
}
