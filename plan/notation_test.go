package plan

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/kehoach/kehoach/budget"
)

func TestReadNotation(t *testing.T) {
	amt := func(s string) budget.Amount {
		a, err := budget.Parse(s)
		if err != nil {
			t.Fatal(err)
		}
		return a
	}
	for _, tc := range []struct {
		s         string
		kind      numKind
		vi        string // "" for no Vietnamese reading
		commas    string // "" for no reading with commas grouping thousands
		wantShape bool
	}{
		{"3,188", amountNum, "3.188", "3188", true},
		{"3,188", countNum, "", "3188", true},
		{"3,188", percentNum, "3.188", "", true}, // 3188 % is no percent
		{"6,8", percentNum, "6.8", "", true},
		{"6,8", countNum, "", "", true},
		{"1.999,5", amountNum, "1999.5", "", true},
		{"1.999,5", countNum, "", "", true},
		{"1.430", countNum, "1430", "", true}, // dots group thousands: whole
		{"1,234,567", amountNum, "", "1234567", true},
		{"1,234,5", amountNum, "", "", false},
		{"12345,678", amountNum, "12345.678", "", true}, // 12345 is no first group
		{"0,500", amountNum, "0.5", "", true},
		{"12,500", percentNum, "12.5", "", true},
		{"4 568", quantityNum, "4568", "", true},
		{"hai nghìn", amountNum, "", "", false},
	} {
		r := readNotation(tc.s, tc.kind)
		got := [2]string{}
		if r.hasVI {
			got[0] = r.vi.String()
		}
		if r.hasCommas {
			got[1] = r.commas.String()
		}
		want := [2]string{}
		if tc.vi != "" {
			want[0] = amt(tc.vi).String()
		}
		if tc.commas != "" {
			want[1] = amt(tc.commas).String()
		}
		if got != want || r.shape != tc.wantShape {
			t.Errorf("readNotation(%q, %d) = %q, shape %v; want %q, shape %v", tc.s, tc.kind, got, r.shape, want, tc.wantShape)
		}
	}
}

// TestE104Readings checks the whole help of E104: it offers the readings
// that exist for the kind of number, and no other.
func TestE104Readings(t *testing.T) {
	base, err := os.ReadFile(filepath.Join("testdata", "valid", "bao-yen-trimmed.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name, old, new string
		help           string
		not            []string
	}{
		{"amount, both readings", "{total: 3188,", "{total: 3,188,",
			"Write `total: 3188` if you meant 3,188 (YAML takes no thousands separators); write `total: 3.188` if you meant 3.188 (a Vietnamese decimal comma).", nil},
		{"amount, first group too long for thousands", "{total: 3188,", "{total: 3188,500,",
			"In Vietnamese notation (the comma is the decimal mark) `3188,500` is 3,188.5: write `total: 3188.5`.", []string{"total: 0"}},
		{"amount, thousands dot and decimal comma", "other: 530}", "other: 1.999,5}",
			"In Vietnamese notation (dots group thousands, the comma is the decimal mark) `1.999,5` is 1,999.5: write `other: 1999.5`.", nil},
		{"percent, decimal only", "{percent: 6.8,", "{percent: 6,8,",
			"In Vietnamese notation (the comma is the decimal mark) `6,8` is 6.8: write `percent: 6.8`.", []string{"percent: 0"}},
		{"percent, 6800 is no percent", "{percent: 6.8,", "{percent: 6,800,",
			"In Vietnamese notation (the comma is the decimal mark) `6,800` is 6.8: write `percent: 6.8`.", []string{"6800"}},
		{"count, whole only", "households: 1438}", "households: 1,438}",
			"Write `households: 1438` (YAML takes no thousands separators; a count of households or jobs is whole, so the comma cannot be a decimal mark).", []string{"1.438"}},
		{"count, no reading", "households: 630}", "households: 6,30}",
			"No reading of `6,30` fits here: write a non-negative whole number in digits only (no dots, commas or spaces).", []string{"6.3"}},
		{"quoted count, whole only", "households: 1438}", `households: "1,430"}`,
			"Write 1430 (no quotes, no thousands separators; a count of households or jobs is whole, so the comma cannot be a decimal mark).", []string{"1.43"}},
		{"quoted amount, both readings", "central: 2416,", `central: "2,416",`,
			"Write 2.416 if you meant 2.416; write 2416 if you meant 2,416.", nil},
		{"text amount grouped by commas", "central: 2416,", `central: "2,416,000",`,
			"Write 2416000 (no quotes, no thousands separators).", nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if !strings.Contains(string(base), tc.old) {
				t.Fatalf("the plan has no %q", tc.old)
			}
			src := strings.Replace(string(base), tc.old, tc.new, 1)
			r := Validate("plan.yaml", []byte(src))
			if len(r.Diagnostics) != 1 || r.Diagnostics[0].Code != "E104" {
				for _, d := range r.Diagnostics {
					t.Logf("%s %d:%d %s: %s", d.Code, d.Line, d.Column, d.Path, d.Message.EN)
				}
				t.Fatalf("%d findings, want one E104", len(r.Diagnostics))
			}
			d := r.Diagnostics[0]
			if d.Help.EN != tc.help {
				t.Errorf("help\n got %q\nwant %q", d.Help.EN, tc.help)
			}
			for _, s := range tc.not {
				if strings.Contains(d.Help.EN+d.Message.EN, s) {
					t.Errorf("the finding offers %q: %s / %s", s, d.Message.EN, d.Help.EN)
				}
			}
			if d.Help.VI == "" || d.Help.VI == d.Help.EN {
				t.Errorf("help not in Vietnamese: %q", d.Help.VI)
			}
		})
	}
}
