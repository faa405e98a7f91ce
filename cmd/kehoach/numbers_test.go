package main

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestParseNumbers reads the sets of --appendix (no limit) and --projects
// (at most 99).
func TestParseNumbers(t *testing.T) {
	tests := []struct {
		in    string
		limit int
		ok    bool
		want  []int  // the numbers, when ok
		bad   string // the part refused, when not
	}{
		{"", 0, true, nil, ""},
		{"1,3-5", 0, true, []int{1, 3, 4, 5}, ""},
		{" 2 , 7 ", 0, true, []int{2, 7}, ""},
		{"2-4, 6", 99, true, []int{2, 3, 4, 6}, ""},
		{"98-99", 99, true, []int{98, 99}, ""},
		{"5-3", 0, false, nil, "5-3"},
		{"0", 0, false, nil, "0"},
		{"a", 0, false, nil, "a"},
		{"1,,2", 0, false, nil, ""},
		{"2,x", 99, false, nil, "x"},
		{"2,", 99, false, nil, ""},
		{"1-100", 99, false, nil, "1-100"},
	}
	for _, tt := range tests {
		set, bad, ok := parseNumbers(tt.in, tt.limit)
		if ok != tt.ok || bad != tt.bad {
			t.Errorf("parseNumbers(%q, %d): ok %v, bad %q; want %v, %q", tt.in, tt.limit, ok, bad, tt.ok, tt.bad)
			continue
		}
		if diff := cmp.Diff(tt.want, set.list()); diff != "" {
			t.Errorf("parseNumbers(%q, %d) (-want +got):\n%s", tt.in, tt.limit, diff)
		}
	}
}
