package report

import (
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode"

	"github.com/kehoach/kehoach/budget"
	"github.com/kehoach/kehoach/plan"
	"github.com/kehoach/kehoach/report/appendix"
)

// PlanSummaryText writes the figures of Phụ lục 1 and 2 of p, as the
// workbook's cells have them (appendix.Summarize), for a terminal: the
// funding by project and source, the targets and the targets by commune,
// as aligned tables in the language's notation (7.604; 6,8 in Vietnamese).
func PlanSummaryText(w io.Writer, lang plan.Lang, p *plan.Plan) error {
	s := appendix.Summarize(p)
	vi := lang != plan.EN
	num := func(n appendix.Number) string {
		if !n.Known {
			return "–" // not stated, or unknown
		}
		return n.Value.Format(vi)
	}
	var b strings.Builder
	if t := p.Info.Title.Value; t != "" {
		b.WriteString(t + "\n")
	}
	if is := p.Info.Issuer.Value; is != "" {
		b.WriteString(is + "\n")
	}

	fmt.Fprintf(&b, "\n%s (%s)\n\n", inLang(lang, "KINH PHÍ", "FUNDING"), unitName(lang, p))
	tb := &textTable{wrap: 1, width: 52}
	heads := []string{inLang(lang, "STT", "No."), inLang(lang, "Dự án, tiểu dự án", "Project, sub-project"), inLang(lang, "Tổng", "Total")}
	for _, src := range s.Sources {
		switch src.ID {
		case "central":
			heads = append(heads, inLang(lang, "NSTW", "Central"))
		case "local":
			heads = append(heads, inLang(lang, "NSĐP", "Local"))
		case "other":
			heads = append(heads, inLang(lang, "Khác", "Other"))
		default:
			heads = append(heads, inLang(lang, src.Short, src.ID))
		}
	}
	tb.header(append(heads, inLang(lang, "Phụ lục", "Appendix"))...)
	right := []int{2}
	for j := range s.Sources {
		right = append(right, 3+j)
	}
	tb.right(append(right, 3+len(s.Sources))...)
	for _, r := range s.Funding {
		name := r.Name
		if r.Level == appendix.SubprojectLevel {
			name = "  " + name
		}
		app := ""
		if r.Appendix > 0 {
			app = strconv.Itoa(r.Appendix)
		}
		cells := []string{r.STT, name, num(r.Total)}
		for _, v := range r.Sources {
			cells = append(cells, num(v))
		}
		tb.row(append(cells, app)...)
	}
	tb.write(&b)

	if s.Targets != nil {
		year := ""
		if p.Info.Year.Valid {
			year = " " + strconv.Itoa(p.Info.Year.Value)
		}
		fmt.Fprintf(&b, "\n%s\n\n", inLang(lang, "CHỈ TIÊU NĂM", "TARGETS")+year)
		tb := &textTable{wrap: 1, width: 60}
		tb.header(inLang(lang, "STT", "No."), inLang(lang, "Chỉ tiêu", "Target"), inLang(lang, "Kế hoạch", "Planned"), inLang(lang, "Đơn vị tính", "Unit"))
		tb.right(2)
		for _, r := range s.Targets {
			name := r.Name
			if r.Level == appendix.TargetDetailLevel {
				name = "  " + name
			}
			v := ""
			if r.Value.Known {
				if r.Percent {
					v = r.Value.Value.FormatFixed(vi, r.Decimals)
				} else {
					v = r.Value.Value.Format(vi)
				}
			}
			tb.row(r.STT, name, v, r.Unit)
		}
		tb.write(&b)
	}

	if s.Communes != nil {
		fmt.Fprintf(&b, "\n%s\n\n", inLang(lang, "CHỈ TIÊU THEO XÃ, THỊ TRẤN (tỷ lệ: % tổng số hộ)", "TARGETS BY COMMUNE (rates: % of all households)"))
		tb := &textTable{wrap: 1, width: 24}
		tb.header(inLang(lang, "STT", "No."), inLang(lang, "Xã, thị trấn", "Commune"), inLang(lang, "Tổng số hộ", "Households"),
			inLang(lang, "Nghèo", "Poor"), "%", inLang(lang, "Giảm", "Cut"), "%", inLang(lang, "Cuối năm", "End"), "%",
			inLang(lang, "Cận nghèo", "Near-poor"), "%", inLang(lang, "Giảm", "Cut"), "%", inLang(lang, "Cuối năm", "End"), "%",
			inLang(lang, "Việc làm mới", "New jobs"))
		tb.right(2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15)
		rate := func(r appendix.Rate) string {
			if !r.Known {
				return ""
			}
			return budget.Amount(r.Hundredths*10).FormatFixed(vi, 2)
		}
		for _, r := range s.Communes {
			tb.row(r.STT, r.Name, num(r.Households),
				num(r.Poor), rate(r.PoorRate), num(r.PoorCut), rate(r.PoorCutRate), num(r.PoorEnd), rate(r.PoorEndRate),
				num(r.Near), rate(r.NearRate), num(r.NearCut), rate(r.NearCutRate), num(r.NearEnd), rate(r.NearEndRate),
				num(r.NewJobs))
		}
		tb.write(&b)
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// unitName is the plan's currency unit in words.
func unitName(lang plan.Lang, p *plan.Plan) string { return p.Info.UnitName().In(lang) }

// textTable lays out columns for a terminal: text left-aligned, numbers
// right-aligned, one column wrapped at a width.
type textTable struct {
	rows [][]string
	// rightCols are right-aligned.
	rightCols map[int]bool
	// wrap is the column that wraps at width characters.
	wrap, width int
}

func (t *textTable) header(cells ...string) { t.rows = append(t.rows, cells) }
func (t *textTable) row(cells ...string)    { t.rows = append(t.rows, cells) }

func (t *textTable) right(cols ...int) {
	t.rightCols = map[int]bool{}
	for _, c := range cols {
		t.rightCols[c] = true
	}
}

func (t *textTable) write(b *strings.Builder) {
	if len(t.rows) == 0 {
		return
	}
	n := len(t.rows[0])
	widths := make([]int, n)
	// Wrap first, so that widths count the lines.
	var lines [][][]string // row → column → lines
	for _, r := range t.rows {
		cells := make([][]string, n)
		for c := range n {
			v := ""
			if c < len(r) {
				v = r[c]
			}
			if c == t.wrap && t.width > 0 {
				cells[c] = wrapText(v, t.width)
			} else {
				cells[c] = []string{v}
			}
			for _, l := range cells[c] {
				widths[c] = max(widths[c], textWidth(l))
			}
		}
		lines = append(lines, cells)
	}
	for i, cells := range lines {
		height := 1
		for _, c := range cells {
			height = max(height, len(c))
		}
		for l := range height {
			var sb strings.Builder
			for c := range n {
				v := ""
				if l < len(cells[c]) {
					v = cells[c][l]
				}
				pad := strings.Repeat(" ", widths[c]-textWidth(v))
				if c > 0 {
					sb.WriteString("  ")
				}
				if t.rightCols[c] {
					sb.WriteString(pad + v)
				} else {
					sb.WriteString(v + pad)
				}
			}
			b.WriteString(strings.TrimRight(sb.String(), " ") + "\n")
		}
		if i == 0 {
			total := 2 * (n - 1)
			for _, w := range widths {
				total += w
			}
			b.WriteString(strings.Repeat("-", total) + "\n")
		}
	}
}

// textWidth is the width of s on a terminal: one column a character,
// none for combining marks.
func textWidth(s string) int {
	n := 0
	for _, r := range s {
		if !unicode.Is(unicode.Mn, r) {
			n++
		}
	}
	return n
}

// wrapText breaks s at spaces into lines of at most width characters
// (a longer word stays whole); continuation lines are indented like the
// first.
func wrapText(s string, width int) []string {
	indent := s[:len(s)-len(strings.TrimLeft(s, " "))]
	var out []string
	line := ""
	for _, word := range strings.Fields(s) {
		switch {
		case line == "":
			line = indent + word
		case textWidth(line)+1+textWidth(word) <= width:
			line += " " + word
		default:
			out = append(out, line)
			line = indent + word
		}
	}
	if line != "" || len(out) == 0 {
		out = append(out, line)
	}
	return out
}

// summaryJSON is the JSON summary: amounts are exact strings in the
// plan's unit, absent when unknown.
type summaryJSON struct {
	Version      int           `json:"version"`
	File         string        `json:"file"`
	Title        string        `json:"title"`
	Issuer       string        `json:"issuer"`
	Year         int           `json:"year,omitempty"`
	CurrencyUnit string        `json:"currency_unit"`
	Funding      fundingJSON   `json:"funding"`
	Targets      []targetJSON  `json:"targets,omitempty"`
	ByCommune    []communeJSON `json:"by_commune,omitempty"`
}

type amountsJSON struct {
	Total   *string `json:"total,omitempty"`
	Central *string `json:"central,omitempty"`
	Local   *string `json:"local,omitempty"`
	Other   *string `json:"other,omitempty"`
	// Sources are the sources beyond the 2021–2025 programme's three,
	// by id.
	Sources map[string]*string `json:"sources,omitempty"`
}

type fundingJSON struct {
	Total    amountsJSON   `json:"total"`
	Projects []projectJSON `json:"projects"`
}

type projectJSON struct {
	STT         string           `json:"stt"`
	Project     int              `json:"project,omitempty"`
	Name        string           `json:"name"`
	Lead        string           `json:"lead,omitempty"`
	Appendix    int              `json:"appendix,omitempty"`
	Funding     amountsJSON      `json:"funding"`
	Subprojects []subprojectJSON `json:"subprojects,omitempty"`
}

type subprojectJSON struct {
	STT        string      `json:"stt"`
	Subproject int         `json:"subproject,omitempty"`
	Name       string      `json:"name"`
	Lead       string      `json:"lead,omitempty"`
	Funding    amountsJSON `json:"funding"`
}

type targetJSON struct {
	STT   string  `json:"stt,omitempty"`
	Name  string  `json:"name"`
	Unit  string  `json:"unit"`
	Value *string `json:"value,omitempty"`
}

type communeJSON struct {
	STT         string  `json:"stt,omitempty"`
	Name        string  `json:"name"`
	Households  *string `json:"households,omitempty"`
	Poor        *string `json:"poor,omitempty"`
	PoorRate    *string `json:"poor_percent,omitempty"`
	PoorCut     *string `json:"poverty_reduction,omitempty"`
	PoorCutRate *string `json:"poverty_reduction_percent,omitempty"`
	PoorEnd     *string `json:"poor_end,omitempty"`
	PoorEndRate *string `json:"poor_end_percent,omitempty"`
	Near        *string `json:"near_poor,omitempty"`
	NearRate    *string `json:"near_poor_percent,omitempty"`
	NearCut     *string `json:"near_poverty_reduction,omitempty"`
	NearCutRate *string `json:"near_poverty_reduction_percent,omitempty"`
	NearEnd     *string `json:"near_poor_end,omitempty"`
	NearEndRate *string `json:"near_poor_end_percent,omitempty"`
	NewJobs     *string `json:"new_jobs,omitempty"`
}

// PlanSummaryJSON writes the figures of Phụ lục 1 and 2 of p for
// scripts: amounts are exact strings in the plan's unit ("7604", "6.8"),
// absent when unknown. name is the plan's file as reports name it.
func PlanSummaryJSON(w io.Writer, name string, p *plan.Plan) error {
	s := appendix.Summarize(p)
	str := func(n appendix.Number) *string {
		if !n.Known {
			return nil
		}
		v := n.Value.String()
		return &v
	}
	rate := func(r appendix.Rate) *string {
		if !r.Known {
			return nil
		}
		v := budget.Amount(r.Hundredths*10).FormatFixed(false, 2)
		return &v
	}
	amounts := func(r appendix.FundingRow) amountsJSON {
		a := amountsJSON{Total: str(r.Total), Central: str(r.Central), Local: str(r.Local), Other: str(r.Other)}
		for j, src := range s.Sources {
			switch src.ID {
			case "central", "local", "other":
			default:
				if a.Sources == nil {
					a.Sources = map[string]*string{}
				}
				a.Sources[src.ID] = str(r.Sources[j])
			}
		}
		return a
	}
	unit := p.Info.Unit()
	out := summaryJSON{Version: 1, File: name, Title: p.Info.Title.Value, Issuer: p.Info.Issuer.Value, CurrencyUnit: unit}
	if p.Info.Year.Valid {
		out.Year = p.Info.Year.Value
	}
	out.Funding.Projects = []projectJSON{}
	for _, r := range s.Funding {
		switch r.Level {
		case appendix.GrandTotal:
			out.Funding.Total = amounts(r)
		case appendix.ProjectLevel:
			out.Funding.Projects = append(out.Funding.Projects, projectJSON{STT: r.STT, Project: r.Number, Name: r.Name, Lead: r.Lead, Appendix: r.Appendix, Funding: amounts(r)})
		case appendix.SubprojectLevel:
			if n := len(out.Funding.Projects); n > 0 {
				pj := &out.Funding.Projects[n-1]
				pj.Subprojects = append(pj.Subprojects, subprojectJSON{STT: r.STT, Subproject: r.Number, Name: r.Name, Lead: r.Lead, Funding: amounts(r)})
			}
		}
	}
	for _, r := range s.Targets {
		out.Targets = append(out.Targets, targetJSON{STT: r.STT, Name: r.Name, Unit: r.Unit, Value: str(r.Value)})
	}
	for _, r := range s.Communes {
		out.ByCommune = append(out.ByCommune, communeJSON{
			STT: r.STT, Name: r.Name, Households: str(r.Households),
			Poor: str(r.Poor), PoorRate: rate(r.PoorRate), PoorCut: str(r.PoorCut), PoorCutRate: rate(r.PoorCutRate),
			PoorEnd: str(r.PoorEnd), PoorEndRate: rate(r.PoorEndRate),
			Near: str(r.Near), NearRate: rate(r.NearRate), NearCut: str(r.NearCut), NearCutRate: rate(r.NearCutRate),
			NearEnd: str(r.NearEnd), NearEndRate: rate(r.NearEndRate),
			NewJobs: str(r.NewJobs),
		})
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}

// inLang picks the message in the language.
func inLang(lang plan.Lang, vi, en string) string { return plan.Message{VI: vi, EN: en}.In(lang) }
