package plan

import (
	"fmt"
	"regexp"
	"testing"
	"time"

	"golang.org/x/text/unicode/norm"
)

func TestValidCommuneID(t *testing.T) {
	re := regexp.MustCompile(communeIDPattern)
	for _, id := range []string{
		"", "a", "bao-ha", "xa-00001", "pho-rang-2", "9", "a-b-c",
		"-a", "a-", "a--b", "Bao-Ha", "bảo-hà", "a_b", "a b", "a.b", "-", "--", "a\n",
	} {
		if got, want := validCommuneID(id), re.MatchString(id); got != want {
			t.Errorf("validCommuneID(%q) = %v, want %v", id, got, want)
		}
	}
}

func TestStableRune(t *testing.T) {
	for r := rune(0); r <= 0x2FFF; r++ {
		if !stableRune(r) {
			continue
		}
		s := string(r)
		p := norm.NFC.PropertiesString(s)
		if !p.BoundaryBefore() || p.CCC() != 0 || !norm.NFC.IsNormalString(s) {
			t.Errorf("U+%04X %q is not stable: boundary before %v, combining class %d, NFC %v",
				r, s, p.BoundaryBefore(), p.CCC(), norm.NFC.IsNormalString(s))
		}
	}
}

func TestIsNFC(t *testing.T) {
	for _, s := range []string{
		"", "plain ascii", "Bảo Yên", "Nghĩa Đô", "Xuân Thượng", "«Dự án 2» – “quotes”…",
		"Ba\u0309o Ye\u0302n", // decomposed
		"e\u0301",             // a combining mark after a letter
		"\u1EA1\u0301",        // a precomposed letter and a further mark
		"Ơ\u0301", "ư\u0303", "A\u030A", "\u212B", "\u2000", "\uAC00\u11A8", "日本語", "\xff invalid",
		"ệ\u0323", "ā\u0300",
	} {
		if got, want := isNFC(s), norm.NFC.IsNormalString(s); got != want {
			t.Errorf("isNFC(%q) = %v, want %v", s, got, want)
		}
	}
}

func FuzzIsNFC(f *testing.F) {
	for _, s := range []string{"Bảo Yên", "Ba\u0309o", "ư\u0303", "\u2000", "«x»"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := isNFC(s), norm.NFC.IsNormalString(s); got != want {
			t.Errorf("isNFC(%q) = %v, want %v", s, got, want)
		}
	})
}

// TestParseDate checks ParseDate against the regular expression it
// stands for, and that it returns the numbers written.
func TestParseDate(t *testing.T) {
	re := regexp.MustCompile(datePattern)
	for _, s := range []string{
		"", "2022", "2022-08", "2022-08-15", "2022-8", "2022-08-1", "2022-00", "2022-13", "2022-12",
		"2022-01-00", "2022-01-31", "2022-01-32", "2022-02-30", "2022-10-09", "2022-08-15x", "x2022-08",
		"2022/08", "2022-08/15", "20a2-08", "2022-0a", "2022-08-1a", "2022-08-", "+022-08", "2022-1-01",
		"2022-02-29", "2024-02-29", "2100-02-29", "2000-02-29", "2022-04-31", "2022-04-30", "2022-12-31",
	} {
		y, m, d, got := ParseDate(s)
		if want := realDate(re, s); got != want {
			t.Errorf("ParseDate(%q) ok = %v, want %v", s, got, want)
			continue
		}
		if !got {
			continue
		}
		written := fmt.Sprintf("%04d-%02d", y, m)
		if d > 0 {
			written += fmt.Sprintf("-%02d", d)
		}
		if written != s {
			t.Errorf("ParseDate(%q) = %d, %d, %d", s, y, m, d)
		}
	}
}

// realDate is what ParseDate must accept: the schema's form, and a day
// that the calendar has (time.Parse knows the months and leap years).
func realDate(form *regexp.Regexp, s string) bool {
	if !form.MatchString(s) {
		return false
	}
	if len(s) == 7 {
		return true
	}
	_, err := time.Parse("2006-01-02", s)
	return err == nil
}

func FuzzParseDate(f *testing.F) {
	re := regexp.MustCompile(datePattern)
	for _, s := range []string{"2022-08", "2022-08-15", "2022-13-01"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if _, _, _, got := ParseDate(s); got != realDate(re, s) {
			t.Errorf("ParseDate(%q) ok = %v, want %v", s, got, !got)
		}
	})
}

func FuzzValidCommuneID(f *testing.F) {
	re := regexp.MustCompile(communeIDPattern)
	for _, s := range []string{"bao-ha", "a--b", "-a"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := validCommuneID(s), re.MatchString(s); got != want {
			t.Errorf("validCommuneID(%q) = %v, want %v", s, got, want)
		}
	})
}
