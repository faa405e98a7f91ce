package yamltext

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestLines(t *testing.T) {
	tests := []struct {
		name string
		src  string
		want []string
	}{
		{"empty", "", []string{""}},
		{"no final newline", "a\nb", []string{"a", "b"}},
		{"final newline", "a\nb\n", []string{"a", "b"}},
		{"crlf", "a\r\nb\r\n", []string{"a", "b"}},
		{"lone cr", "a\rb\r\nc", []string{"a", "b", "c"}},
		{"bom", "\xef\xbb\xbfkehoach: 1\nplan:", []string{"kehoach: 1", "plan:"}},
		{"blank lines", "a\n\n\nb", []string{"a", "", "", "b"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			l := NewLines([]byte(tt.src))
			var got []string
			for i := 1; i <= l.Count(); i++ {
				s, ok := l.Line(i)
				if !ok {
					t.Fatalf("Line(%d) not ok with Count() = %d", i, l.Count())
				}
				got = append(got, s)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("lines of %q (-want +got):\n%s", tt.src, diff)
			}
			if _, ok := l.Line(l.Count() + 1); ok {
				t.Errorf("Line(%d) ok past the end", l.Count()+1)
			}
			if _, ok := l.Line(0); ok {
				t.Error("Line(0) ok: lines count from 1")
			}
		})
	}
}

func TestPosition(t *testing.T) {
	src := []byte("\xef\xbb\xbfab\r\ncđ\rx\n")
	l := NewLines(src)
	tests := []struct{ offset, line, col int }{
		{3, 1, 1}, {4, 1, 2}, {5, 1, 3}, // the BOM is not part of line 1
		{7, 2, 1}, {8, 2, 2}, {10, 2, 3}, // đ is two bytes, one column
		{11, 3, 1}, {12, 3, 2},
	}
	for _, tt := range tests {
		if line, col := l.Position(tt.offset); line != tt.line || col != tt.col {
			t.Errorf("Position(%d) = %d:%d, want %d:%d", tt.offset, line, col, tt.line, tt.col)
		}
	}
}
