package yamltext

import "testing"

func TestTokenWidth(t *testing.T) {
	tests := []struct {
		line string
		col  int
		want int
	}{
		{`funding: {total: 7603, central: 6220, local: 622, other: 761}`, 18, 4},
		{`funding: {total: 7603, central: 6220, local: 622, other: 761}`, 46, 3},
		{`    funding: {total: 3188, central: "2.416", local: 242}`, 37, 7},
		{`  - {id: bao-ha, name: Xã Bảo Hà, poor: nhiều}`, 41, 5},
		{`  centrl: 2416`, 3, 6},
		{`  name: Đa dạng hóa sinh kế # shortened`, 9, 19},
		{`  year: 2022`, 20, 0},                     // no such column
		{"  title: Kế hoạch\u2028thực hiện", 18, 1}, // an invisible line break, alone
	}
	for _, tc := range tests {
		if got := NewTokens([]byte(tc.line)).Width(1, tc.col); got != tc.want {
			t.Errorf("Width(%q, 1, %d) = %d, want %d", tc.line, tc.col, got, tc.want)
		}
	}
}

// TestTokensInOrder measures tokens on one long line in order, and out of
// order, as findings may come: each answer is the same as measured alone.
func TestTokensInOrder(t *testing.T) {
	src := "a: {x: 1, yy: \"22\", zzz: 333}\nb: [4444, 55555]\n"
	at := [][2]int{{1, 1}, {1, 5}, {1, 8}, {1, 11}, {1, 15}, {1, 21}, {2, 5}, {2, 11}, {1, 5}, {3, 1}}
	want := []int{1, 1, 1, 2, 4, 3, 4, 5, 1, 0}
	tokens := NewTokens([]byte(src))
	for i, p := range at {
		alone := NewTokens([]byte(src)).Width(p[0], p[1])
		if got := tokens.Width(p[0], p[1]); got != want[i] || alone != want[i] {
			t.Errorf("Width(%d, %d) = %d (alone %d), want %d", p[0], p[1], got, alone, want[i])
		}
	}
}
