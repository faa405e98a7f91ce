package fuzzing

import (
	"strings"
	"testing"
)

func TestExpansive(t *testing.T) {
	// Each level holds ten aliases of the one above: about 1.2 million
	// nodes from six lines.
	var bomb strings.Builder
	bomb.WriteString("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n")
	for i := 1; i <= 5; i++ {
		prev := "*a" + string(rune('0'+i-1))
		bomb.WriteString("a" + string(rune('0'+i)) + ": &a" + string(rune('0'+i)) + " [" + strings.Repeat(prev+", ", 9) + prev + "]\n")
	}
	tests := []struct {
		name string
		data string
		want bool
	}{
		{"a plan", "kehoach: 1\nplan: {title: x}\n", false},
		{"not YAML", "a: [", false},
		{"aliases to a million nodes", bomb.String(), true},
		{"beyond the node limit, refused at once", bomb.String(), false},
	}
	for i, tc := range tests {
		maxNodes := 8_000_000
		if i == 3 {
			maxNodes = 500_000
		}
		if got := Expansive([]byte(tc.data), 64, maxNodes); got != tc.want {
			t.Errorf("%s: Expansive = %v, want %v", tc.name, got, tc.want)
		}
	}

	Seeds(t, "../..") // the seed corpus is found from the root
}
