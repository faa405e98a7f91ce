package plan

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Vietnamese tone marks as combining characters (in NFD).
const (
	toneGrave = '\u0300'
	toneAcute = '\u0301'
	toneTilde = '\u0303'
	toneHook  = '\u0309'
	toneDot   = '\u0323'
)

func isTone(r rune) bool {
	switch r {
	case toneGrave, toneAcute, toneTilde, toneHook, toneDot:
		return true
	}
	return false
}

// FoldName returns the form in which names are compared: NFC, case folded,
// dashes and spaces unified, and the tone mark of each word moved to the
// word's end, so that the old and new tone-mark placements compare equal
// (`hoà` = `hòa`, `thuý` = `thúy`, `uỷ` = `ủy`), as they are the same
// words. The seed itself writes `Văn hoá` and `Văn hóa`.
func FoldName(s string) string {
	d := norm.NFD.String(s)
	var b strings.Builder
	b.Grow(len(d))
	var tone rune
	space := false
	flush := func() {
		if tone != 0 {
			b.WriteRune(tone)
			tone = 0
		}
	}
	for _, r := range d {
		switch {
		case isTone(r):
			tone = r
			continue
		case unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r):
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			b.WriteRune(unicode.ToLower(r))
			continue
		}
		flush()
		switch {
		case unicode.IsSpace(r):
			space = true
		case r == '–' || r == '—' || r == '‐' || r == '-':
			if b.Len() > 0 {
				b.WriteByte(' ')
			}
			b.WriteByte('-')
			space = true
		default:
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			b.WriteRune(r)
		}
	}
	flush()
	return norm.NFC.String(b.String())
}

// stripMarks removes every diacritic and maps đ to d: "Bảo Hà" → "Bao Ha".
func stripMarks(s string) string {
	var b strings.Builder
	for _, r := range norm.NFD.String(s) {
		switch {
		case unicode.Is(unicode.Mn, r):
		case r == 'đ':
			b.WriteByte('d')
		case r == 'Đ':
			b.WriteByte('D')
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

func capitalize(s string) string {
	r, size := utf8.DecodeRuneInString(s)
	if size == 0 {
		return s
	}
	return string(unicode.ToUpper(r)) + s[size:]
}
