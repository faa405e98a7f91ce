package plan_test

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/kehoach/kehoach/budget"
	"github.com/kehoach/kehoach/plan"
)

// A slip is one typing slip injected into one written amount.
type slip struct {
	line, col int    // where the figure is written
	path      string // and its path
	was, now  string // its text, before and after
	kind      string
}

// writtenAmounts returns the funding figures a plan writes and validates,
// with where they are.
func writtenAmounts(p *plan.Plan) []plan.Figure {
	var out []plan.Figure
	add := func(f *plan.Funding) {
		for _, s := range f.Sources {
			if s.Written && s.Valid {
				out = append(out, s)
			}
		}
		if f.Total.Written && f.Total.Valid {
			out = append(out, f.Total)
		}
	}
	add(&p.Funding)
	for _, pr := range p.Projects {
		add(&pr.Funding)
		for _, a := range pr.Activities {
			add(&a.Funding)
		}
		for _, s := range pr.Subprojects {
			add(&s.Funding)
			for _, a := range s.Activities {
				add(&a.Funding)
			}
		}
	}
	return out
}

// slipsOf returns every typing slip of the text of an amount: two adjacent
// digits swapped, one digit changed (up by one), one digit dropped or
// doubled, and the Vietnamese thousands dot (3188 typed 3.188). Slips that
// do not change the value, or give a text that is not a plain amount, are
// left out.
func slipsOf(text string, millions bool) []slip {
	var out []slip
	value, err := budget.Parse(text)
	if err != nil {
		return nil
	}
	try := func(kind, now string) {
		v, err := budget.Parse(now)
		if err != nil || v == value || (len(now) > 1 && now[0] == '0' && now[1] != '.') {
			return
		}
		out = append(out, slip{was: text, now: now, kind: kind})
	}
	isDigit := func(c byte) bool { return c >= '0' && c <= '9' }
	for i := 0; i+1 < len(text); i++ {
		if isDigit(text[i]) && isDigit(text[i+1]) && text[i] != text[i+1] {
			try("swap", text[:i]+string(text[i+1])+string(text[i])+text[i+2:])
		}
	}
	for i := 0; i < len(text); i++ {
		if !isDigit(text[i]) {
			continue
		}
		try("digit", text[:i]+string('0'+(text[i]-'0'+1)%10)+text[i+1:])
		if len(text) > 1 {
			try("drop", text[:i]+text[i+1:])
		}
		try("double", text[:i+1]+text[i:])
	}
	if millions && value.IsWhole() && value >= 1000*budget.Scale && value < 1000000*budget.Scale {
		s := value.String()
		try("thousands dot", s[:len(s)-3]+"."+s[len(s)-3:])
	}
	return out
}

// replaceAt replaces the text that starts at line:col (col in characters)
// and is len(was) bytes long.
func replaceAt(data []byte, line, col int, was, now string) ([]byte, bool) {
	lines := strings.SplitAfter(string(data), "\n")
	if line < 1 || line > len(lines) {
		return nil, false
	}
	l := lines[line-1]
	off := 0
	for c := 1; c < col && off < len(l); c++ {
		_, n := utf8.DecodeRuneInString(l[off:])
		off += n
	}
	if !strings.HasPrefix(l[off:], was) {
		return nil, false
	}
	lines[line-1] = l[:off] + now + l[off+len(was):]
	return []byte(strings.Join(lines, "")), true
}

// applySuggestions writes every suggestion of ds into data.
func applySuggestions(t *testing.T, data []byte, ds []plan.Diagnostic) []byte {
	t.Helper()
	// Right to left within a line, so that columns stay right.
	for i := len(ds) - 1; i >= 0; i-- {
		d := ds[i]
		if d.Suggestion == "" {
			continue
		}
		if d.EndColumn <= d.Column {
			t.Fatalf("%s at %d:%d has a suggestion and no span", d.Code, d.Line, d.Column)
		}
		line := strings.SplitAfter(string(data), "\n")[d.Line-1]
		r := []rune(line)
		was := string(r[d.Column-1 : d.EndColumn-1])
		var ok bool
		if data, ok = replaceAt(data, d.Line, d.Column, was, d.Suggestion); !ok {
			t.Fatalf("cannot apply %s at %d:%d", d.Code, d.Line, d.Column)
		}
	}
	return data
}

// keys are the paths that have findings.
func keys(ds []plan.Diagnostic) map[string]bool {
	m := map[string]bool{}
	for _, d := range ds {
		m[d.Path] = true
	}
	return m
}

// slipPlans are the plans the slips are injected into: the examples and
// the corpus plans whose funding validates without an error.
func slipPlans(t *testing.T) []string {
	t.Helper()
	files := []string{"../examples/bao-yen-2022.yaml", "../examples/bao-yen-2022-xa.yaml"}
	for _, dir := range []string{"testdata/valid", "testdata/invalid"} {
		m, err := filepath.Glob(filepath.Join(dir, "*.yaml"))
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, m...)
	}
	return files
}

// TestSlipsAreLocated injects every typing slip into every written amount
// of the examples and the corpus, one at a time, and checks the promise of
// the localisation: the slip gives exactly one new finding, at the slipped
// figure, whose suggestion is the value it had (or, where the plan cannot
// tell the slipped figure from another, one finding without a suggestion
// that names it as a candidate); and applying every suggestion of the run
// gives no finding the plan without the slip did not have. Random pairs of
// slips are checked for the second half of the promise.
func TestSlipsAreLocated(t *testing.T) {
	var exact, ambiguous, slips int
	var missed []string
	rng := rand.New(rand.NewPCG(10, 17))
	for _, name := range slipPlans(t) {
		data, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		base := plan.Validate(name, data)
		if base.Plan == nil {
			continue
		}
		for _, d := range base.Diagnostics {
			if d.Severity == plan.Error && (strings.HasPrefix(string(d.Code), "E") || d.Code == "W105") {
				// A plan with an E finding: its figures take part in fewer
				// equations, and its errors are another test's business.
				base.Plan = nil
				break
			}
		}
		if base.Plan == nil {
			continue
		}
		baseKeys := keys(base.Diagnostics)
		baseSuggestion := map[string]budget.Amount{}
		for _, d := range base.Diagnostics {
			if v, err := budget.Parse(d.Suggestion); err == nil {
				baseSuggestion[d.Path] = v
			}
		}
		millions := base.Plan.Info.CurrencyUnit.Value == "" || base.Plan.Info.CurrencyUnit.Value == "million_vnd"
		var all []slip
		for _, f := range writtenAmounts(base.Plan) {
			if baseKeys[f.Path.String()] {
				// A figure the plan's own explanation corrects: a slip
				// there is a second slip in one figure.
				continue
			}
			line := strings.SplitAfter(string(data), "\n")[f.Line-1]
			r := []rune(line)
			end := f.Column - 1
			for end < len(r) && strings.ContainsRune("0123456789.", r[end]) {
				end++
			}
			text := string(r[f.Column-1 : end])
			for _, s := range slipsOf(text, millions) {
				s.line, s.col, s.path = f.Line, f.Column, f.Path.String()
				all = append(all, s)
			}
		}
		for _, s := range all {
			slipped, ok := replaceAt(data, s.line, s.col, s.was, s.now)
			if !ok {
				t.Fatalf("%s:%d:%d: cannot write the slip", name, s.line, s.col)
			}
			slips++
			res := plan.Validate(name, slipped)
			// The value the slipped figure should have: what it had, or
			// what the plan's own explanation already gave it.
			want, _ := budget.Parse(s.was)
			if v, ok := baseSuggestion[s.path]; ok {
				want = v
			}
			var at *plan.Diagnostic
			var added []plan.Diagnostic
			for i, d := range res.Diagnostics {
				switch {
				case d.Path == s.path && (d.Code == "W105" || d.Suggestion != "" || at == nil):
					at = &res.Diagnostics[i]
				case !baseKeys[d.Path]:
					added = append(added, d)
				}
			}
			where := fmt.Sprintf("%s:%d:%d %s %q for %q", name, s.line, s.col, s.kind, s.now, s.was)
			switch {
			case at != nil && at.Suggestion != "" && len(added) == 0:
				if got, err := budget.Parse(at.Suggestion); err != nil || got != want {
					missed = append(missed, fmt.Sprintf("%s: suggestion %q, want %s: %v", where, at.Suggestion, want, summary(res.Diagnostics)))
					break
				}
				exact++
			case at == nil && len(added) == 1 && added[0].Suggestion == "" && names(added[0], s),
				at != nil && at.Suggestion == "" && len(at.Related) > 0 && len(added) == 0:
				ambiguous++
			default:
				// Another explanation as good as the slip by the rules:
				// a slip that also accounts for a rounding difference the
				// plan already had (the reference plan's 622), so that
				// fewer figures change if the slipped row absorbs it.
				missed = append(missed, fmt.Sprintf("%s: %v", where, summary(res.Diagnostics)))
			}
			promise(t, where, name, slipped, res.Diagnostics, baseKeys)
		}
		// Random pairs of slips: the promise holds.
		for range min(40, len(all)) {
			a, b := all[rng.IntN(len(all))], all[rng.IntN(len(all))]
			if a.line == b.line && a.col == b.col {
				continue
			}
			slipped, ok := replaceAt(data, a.line, a.col, a.was, a.now)
			if ok {
				slipped, ok = replaceAt(slipped, b.line, b.col, b.was, b.now)
			}
			if !ok {
				continue // the first slip moved the second's column
			}
			where := fmt.Sprintf("%s: %q for %q at %d:%d and %q for %q at %d:%d", name, a.now, a.was, a.line, a.col, b.now, b.was, b.line, b.col)
			promise(t, where, name, slipped, plan.Validate(name, slipped).Diagnostics, baseKeys)
		}
	}
	t.Logf("%d slips: %d located exactly, %d where the plan cannot tell which figure, %d explained otherwise", slips, exact, ambiguous, len(missed))
	for i, m := range missed {
		if i == 5 {
			break
		}
		t.Logf("explained otherwise: %s", m)
	}
	// The floor measured when the localisation was written: 6,436 of 6,710
	// exact, 121 ambiguous, 153 explained otherwise (2.3 %), all in the reference
	// plan's rows that share its rounding difference. More than 3 % means
	// the localisation got worse.
	if len(missed)*100 > slips*3 {
		t.Errorf("%d of %d slips explained otherwise than by the slip", len(missed), slips)
	}
	if slips < 1000 {
		t.Errorf("only %d slips injected: the test plans have too few figures", slips)
	}
	// Most slips are told apart; the rest are rows without totals whose
	// siblings' corrections are slips too.
	if exact*10 < slips*8 {
		t.Errorf("only %d of %d slips located exactly", exact, slips)
	}
}

// names reports whether a finding names the slipped figure among its
// related places.
func names(d plan.Diagnostic, s slip) bool {
	for _, r := range d.Related {
		if r.Line == s.line && r.Column == s.col {
			return true
		}
	}
	return false
}

// promise applies every suggestion and validates again: no finding that the
// plan without the slips did not have.
func promise(t *testing.T, where, name string, slipped []byte, ds []plan.Diagnostic, baseKeys map[string]bool) {
	t.Helper()
	fixed := applySuggestions(t, slipped, ds)
	again := plan.Validate(name, fixed)
	ambiguous := false
	for _, d := range ds {
		if (d.Code == "B201" || d.Code == "B202" || d.Code == "B203") && d.Suggestion == "" {
			ambiguous = true
		}
	}
	for _, d := range again.Diagnostics {
		if baseKeys[d.Path] || d.Code == "B204" || d.Code == "B205" {
			// B204 and B205 compare with a minimum, not an equation: a
			// correction may leave local funds short, and they say so.
			continue
		}
		if ambiguous && (d.Code == "B201" || d.Code == "B202" || d.Code == "B203") && d.Suggestion == "" {
			// The finding that names candidates stays until someone
			// chooses.
			continue
		}
		t.Errorf("%s: after applying the suggestions, a new finding: %s at %d:%d %s", where, d.Code, d.Line, d.Column, d.Message.EN)
	}
}

func summary(ds []plan.Diagnostic) []string {
	var out []string
	for _, d := range ds {
		out = append(out, fmt.Sprintf("%s %d:%d %s suggestion=%q", d.Code, d.Line, d.Column, d.Path, d.Suggestion))
	}
	return out
}
