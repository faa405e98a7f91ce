package appendix

import (
	"github.com/kehoach/kehoach/budget"
	"github.com/kehoach/kehoach/plan"
)

// Summary is the figures of Phụ lục 1 and 2 as the sheets compute them,
// for showing elsewhere (kehoach summary): every number in it is the value
// the corresponding cell of the workbook has.
type Summary struct {
	// Funding is PL2's rows: TỔNG CỘNG, then each project followed by its
	// sub-projects.
	Funding []FundingRow
	// Sources are PL2's source columns.
	Sources []plan.SourceDef
	// Targets is PL1's first table; nil when the plan has no targets.
	Targets []TargetRow
	// Communes is PL1's second table, TỔNG CỘNG first; nil when the plan
	// has no targets by commune.
	Communes []CommuneRow
}

// Number is a figure of the summary; Known is false for a blank cell.
type Number struct {
	Value budget.Amount
	Known bool
}

// FundingRow is a row of PL2.
type FundingRow struct {
	// Level is GrandTotal, ProjectLevel or SubprojectLevel.
	Level Level
	// STT is the row's number as the sheet writes it: "I", "1", or "".
	STT string
	// Number is the project's or sub-project's number in the programme,
	// 0 when it has none.
	Number int
	// Name is as the sheet writes it: "Dự án 2: Đa dạng hóa sinh kế, …".
	Name string
	Lead string
	// Appendix is the appendix that details a project, or 0.
	Appendix int
	// Total is the sum of the sources.
	Total Number
	// Sources is the row's amount by source, in the order of
	// Summary.Sources; Central, Local and Other repeat the sources of the
	// 2021–2025 programme.
	Sources               []Number
	Central, Local, Other Number
}

// TargetRow is a row of PL1's first table.
type TargetRow struct {
	// Level is TargetLevel, or TargetDetailLevel for a line that details
	// the target above it (it has no STT).
	Level           Level
	STT, Name, Unit string
	Value           Number
	// Percent is true for a percent, shown with Decimals decimals.
	Percent  bool
	Decimals int
}

// CommuneRow is a row of PL1's second table; rates are percentages of the
// households, in hundredths of a percent (Known false when the commune has
// no households).
type CommuneRow struct {
	STT, Name                                      string
	Households                                     Number
	Poor, PoorCut, PoorEnd, Near, NearCut, NearEnd Number
	PoorRate, PoorCutRate, PoorEndRate             Rate
	NearRate, NearCutRate, NearEndRate             Rate
	NewJobs                                        Number
}

// Rate is a percentage with two decimals, as Hundredths of a percent.
type Rate struct {
	Hundredths int64
	Known      bool
}

// Summarize computes the figures of PL1 and PL2 of p. What each row
// stands for (its level, its project's number, its appendix) is read from
// the rows of the tables the sheets are written from, never from their
// text.
func Summarize(p *plan.Plan) Summary {
	b := newBuilder(p)
	var s Summary
	for _, src := range b.sources {
		s.Sources = append(s.Sources, p.Sources[src])
	}
	walk(b.summary(), func(r *row) {
		fr := FundingRow{
			Level: r.level, STT: r.cells[sumSTT].text, Name: r.cells[sumName].text, Lead: r.cells[sumLead].text,
			Appendix: r.appendix,
		}
		switch {
		case r.subproject != nil:
			if r.subproject.Number.Valid {
				fr.Number = r.subproject.Number.Value
			}
		case r.project != nil:
			if r.project.Number.Valid {
				fr.Number = r.project.Number.Value
			}
		}
		fr.Total = number(r.cells[sumTotal])
		for j, m := range b.money {
			if m.kind >= 0 {
				continue
			}
			src := m.src
			v := number(r.cells[sumCentral+j])
			fr.Sources = append(fr.Sources, v)
			switch p.Sources[src].ID {
			case "central":
				fr.Central = v
			case "local":
				fr.Local = v
			case "other":
				fr.Other = v
			}
		}
		s.Funding = append(s.Funding, fr)
	})
	if p.Targets == nil {
		return s
	}
	walk(b.targets(), func(r *row) {
		v := r.cells[tgtValue]
		s.Targets = append(s.Targets, TargetRow{
			Level: r.level, STT: r.cells[tgtSTT].text, Name: r.cells[tgtName].text, Unit: r.cells[tgtUnit].text,
			Value: number(v), Percent: v.kind == percent, Decimals: v.decimals,
		})
	})
	if len(p.Targets.ByCommune) == 0 {
		return s
	}
	walk(b.targetsByCommune(), func(r *row) {
		c := r.cells
		hh := c[comHouseholds].value()
		rateOf := func(i int) Rate {
			q, ok := budget.Ratio(c[i].value(), hh, 100*100, budget.HalfUp)
			return Rate{q, ok && hh != 0}
		}
		s.Communes = append(s.Communes, CommuneRow{
			STT: c[comSTT].text, Name: c[comName].text,
			Households: number(c[comHouseholds]),
			Poor:       number(c[comPoor]), PoorCut: number(c[comPoorCut]), PoorEnd: number(c[comPoorEnd]),
			Near: number(c[comNear]), NearCut: number(c[comNearCut]), NearEnd: number(c[comNearEnd]),
			PoorRate: rateOf(comPoor), PoorCutRate: rateOf(comPoorCut), PoorEndRate: rateOf(comPoorEnd),
			NearRate: rateOf(comNear), NearCutRate: rateOf(comNearCut), NearEndRate: rateOf(comNearEnd),
			NewJobs: number(c[comJobs]),
		})
	})
	return s
}

// walk computes a table's cells and visits its rows in sheet order.
func walk(t *table, visit func(r *row)) {
	var rec func(r *row)
	rec = func(r *row) {
		visit(r)
		for _, ch := range r.children {
			rec(ch)
		}
	}
	for _, r := range t.rows {
		compute(t, r)
		rec(r)
	}
}

// number is the value a cell shows.
func number(cl cell) Number {
	switch {
	case cl.isFormula && !cl.res.isRatio && !cl.res.empty:
		return Number{cl.res.exact, true}
	case cl.isFormula:
		return Number{}
	}
	return Number{cl.num, cl.has}
}
