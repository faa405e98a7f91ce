package budget_test

import (
	"errors"
	"fmt"

	"github.com/kehoach/kehoach/budget"
)

func ExampleParse() {
	a, _ := budget.Parse("0.1")
	b, _ := budget.Parse("0.2")
	sum, _ := a.Add(b)
	fmt.Println(sum)

	_, err := budget.Parse("1.2345")
	fmt.Println(err)

	var pe *budget.ParseError
	_, err = budget.Parse("1.999,5")
	if errors.As(err, &pe) && pe.Kind == budget.KindVietnamese {
		meant, _ := budget.ParseVietnamese(pe.Text)
		fmt.Println(err, "- meant", meant)
	}
	// Output:
	// 0.3
	// amount "1.2345" has more than 3 decimals
	// amount "1.999,5" is written in Vietnamese notation - meant 1999.5
}

func ExampleParseVietnamese() {
	for _, s := range []string{"3.188", "1.999,5", "3,188", "3 188", "6,8", "3.18"} {
		a, ok := budget.ParseVietnamese(s)
		fmt.Println(s, "->", a, ok)
	}
	// Output:
	// 3.188 -> 3188 true
	// 1.999,5 -> 1999.5 true
	// 3,188 -> 3.188 true
	// 3 188 -> 3188 true
	// 6,8 -> 6.8 true
	// 3.18 -> 0 false
}

func ExampleAmount_Format() {
	a, _ := budget.Parse("1234.5")
	fmt.Println(a.Format(true), a.Format(false), a)

	pct, _ := budget.Ratio(241, 2416, 10000, budget.HalfUp) // hundredths of a percent
	fmt.Println(budget.Amount(pct*10).FormatFixed(true, 2), "%")
	// Output:
	// 1.234,5 1,234.5 1234.5
	// 9,98 %
}
