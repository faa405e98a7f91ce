package appendix

import (
	"fmt"
	"io"
	"slices"
	"strconv"
	"time"

	"github.com/kehoach/kehoach/plan"
)

// NumberStyle says how amounts and counts group their thousands.
type NumberStyle int

const (
	// Vietnamese groups thousands with a dot whatever the viewer's locale
	// (7.604), with a number format that writes the dot as a literal: the
	// cells stay numbers.
	Vietnamese NumberStyle = iota
	// Locale uses the plain #,##0, which groups thousands as the viewer's
	// locale does.
	Locale
)

// ParseNumberStyle reads the --number-style flag: "vi" or "locale".
func ParseNumberStyle(s string) (NumberStyle, bool) {
	switch s {
	case "vi":
		return Vietnamese, true
	case "locale":
		return Locale, true
	}
	return Vietnamese, false
}

// Options configure a workbook.
type Options struct {
	// NumberStyle is how numbers group their thousands.
	NumberStyle NumberStyle
	// Date is the document date written into the workbook's properties
	// and as the time of its parts (see DocumentDate). The zero time means
	// the 1st of January of the plan year.
	Date time.Time
	// Progress, when set, hears how far Write has got: at the start and
	// the end of each sheet, every thousand rows in between, and once
	// more with Saving set when every sheet is written and the workbook
	// is compressed and written out. It is called on Write's goroutine.
	Progress func(Progress)
}

// Progress is how far Write has got, for a progress bar.
type Progress struct {
	// Appendix is the number of the appendix being written, the Sheet-th
	// of Sheets (from 1).
	Appendix, Sheet, Sheets int
	// Row is the row of its sheet about to be written (0 as the sheet
	// starts, Rows once it is written), of Rows.
	Row, Rows int
	// Saving is true once every sheet is written.
	Saving bool
}

// Write writes a workbook with the given appendices of p, in the order
// of their numbers, to w. A number the plan has no appendix for is an
// error (see Numbers). The same plan and options always give the same
// bytes.
func Write(w io.Writer, p *plan.Plan, numbers []int, o Options) error {
	if len(numbers) == 0 {
		return fmt.Errorf("no appendix to write")
	}
	numbers = slices.Clone(numbers)
	slices.Sort(numbers)
	numbers = slices.Compact(numbers)
	b := newBuilder(p)
	var sheets []*sheet
	for _, n := range numbers {
		s, ok := b.sheet(n)
		if !ok {
			return fmt.Errorf("the plan has no appendix %d", n)
		}
		sheets = append(sheets, s)
	}
	date := o.Date
	if date.IsZero() {
		date, _ = DocumentDate(p, "")
	}
	return writeWorkbook(w, p, sheets, o, date.UTC())
}

// DocumentDate returns the date a workbook of p carries: the plan's date
// (its first day when the plan gives only a month), else the time
// SOURCE_DATE_EPOCH gives (seconds since 1970, as reproducible builds set
// it; pass "" when it is not set), else the 1st of January of the plan
// year. Never the clock, so that the same plan gives the same workbook. A
// SOURCE_DATE_EPOCH that is not a whole number of seconds is an error.
func DocumentDate(p *plan.Plan, sourceDateEpoch string) (time.Time, error) {
	if y, m, d, ok := planDate(p); ok {
		return time.Date(y, time.Month(m), max(d, 1), 0, 0, 0, 0, time.UTC), nil
	}
	if sourceDateEpoch != "" {
		s, err := strconv.ParseInt(sourceDateEpoch, 10, 64)
		if err != nil || s < 0 || s > 253402300799 {
			return time.Time{}, fmt.Errorf("SOURCE_DATE_EPOCH=%q is not a number of seconds since 1970", sourceDateEpoch)
		}
		return time.Unix(s, 0).UTC(), nil
	}
	year := 1980
	if p.Info.Year.Valid && p.Info.Year.Value >= 1980 && p.Info.Year.Value <= 9999 {
		year = p.Info.Year.Value
	}
	return time.Date(year, time.January, 1, 0, 0, 0, 0, time.UTC), nil
}

// planDate returns the plan's date: year, month and day (0 when the plan
// gives only a month).
func planDate(p *plan.Plan) (y, m, d int, ok bool) {
	if !p.Info.Date.Written {
		return 0, 0, 0, false
	}
	return plan.ParseDate(p.Info.Date.Value)
}
