package report

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"

	"github.com/kehoach/kehoach/plan"
)

// github is for a step of a GitHub Actions workflow: one workflow command
// (`::error file=…,line=…,col=…,title=CODE::message`) per finding, errors
// first, which GitHub turns into annotations on the pull request's files;
// then the text report, because GitHub shows only a few annotations per
// step; and, when Options.StepSummary is set (GITHUB_STEP_SUMMARY), a
// Markdown table of the findings for the run's summary page.
type github struct {
	o Options
	// wd returns the current folder; tests replace it.
	wd func() (string, error)
}

// maxSummaryRows bounds the step summary table: GitHub accepts at most 1 MiB
// of summary per step, and a table longer than this is read in the log.
const maxSummaryRows = 500

type located struct {
	file string
	d    plan.Diagnostic
}

func (g *github) Format(w io.Writer, files []File) error {
	var all []located
	for _, f := range files {
		for _, d := range f.Diagnostics {
			all = append(all, located{f.Name, d})
		}
	}
	annotations := slices.Clone(all)
	// Errors first, in report order within each severity.
	slices.SortStableFunc(annotations, func(a, b located) int { return int(a.d.Severity) - int(b.d.Severity) })
	bw := bufio.NewWriter(w)
	for _, a := range annotations {
		g.annotation(bw, a)
	}
	if err := bw.Flush(); err != nil {
		return err
	}
	// The text report quotes the plan (keys, names, file names), and a
	// line of it that starts with "::" would be a workflow command. GitHub
	// ignores commands between ::stop-commands::TOKEN and ::TOKEN::; the
	// token is a hash of the report, so the report cannot contain it.
	t := text{g.o}
	var report bytes.Buffer
	if err := t.Format(&report, files); err != nil {
		return err
	}
	if len(all) == 0 {
		// Only the closing count: nothing from the plan to guard against.
		if _, err := w.Write(report.Bytes()); err != nil {
			return err
		}
	} else {
		sum := sha256.Sum256(report.Bytes())
		token := hex.EncodeToString(sum[:16])
		if _, err := fmt.Fprintf(w, "::stop-commands::%s\n%s::%s::\n", token, report.Bytes(), token); err != nil {
			return err
		}
	}
	if g.o.StepSummary == nil {
		return nil
	}
	return g.summary(g.o.StepSummary, files, all)
}

// annotation writes one workflow command. The file is the path from the
// current folder (the workspace, where GitHub looks for it) with forward
// slashes.
func (g *github) annotation(w io.Writer, a located) {
	var props []string
	if a.file != plan.StdinName {
		p, _ := repoPath(a.file, g.wd)
		props = append(props, "file="+escapeProperty(p))
	}
	if a.d.Line > 0 {
		props = append(props, "line="+strconv.Itoa(a.d.Line), "col="+strconv.Itoa(max(a.d.Column, 1)))
	}
	props = append(props, "title="+escapeProperty(string(a.d.Code)))
	fmt.Fprintf(w, "::%s %s::%s\n", a.d.Severity, strings.Join(props, ","), escapeData(messageWithHelp(a.d, g.o.Lang)))
}

// escapeData and escapeProperty escape a workflow command's message and
// property values as GitHub's toolkit (@actions/core) does.
func escapeData(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A").Replace(s)
}

func escapeProperty(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C").Replace(s)
}

// summary appends the Markdown summary: a verdict, the count and a table
// of the findings in report order.
func (g *github) summary(w io.Writer, files []File, all []located) error {
	l := g.o.Lang
	failed := false
	for _, f := range files {
		failed = failed || f.Failed(g.o.Strict)
	}
	mark := "✅"
	if failed {
		mark = "❌"
	}
	bw := bufio.NewWriter(w)
	fmt.Fprintf(bw, "### kehoach validate\n\n%s %s\n\n", mark, CountLine(Summarize(files), l))
	if len(all) > 0 {
		head := "| Tệp | Dòng | Cột | Mức | Mã | Thông báo |"
		if l == plan.EN {
			head = "| File | Line | Column | Severity | Code | Message |"
		}
		fmt.Fprintf(bw, "%s\n| --- | ---: | ---: | --- | --- | --- |\n", head)
		for i, a := range all {
			if i == maxSummaryRows {
				more := fmt.Sprintf("… và %d phát hiện khác: xem nhật ký của bước này.", len(all)-i)
				if l == plan.EN {
					more = fmt.Sprintf("… and %d more findings: see the log of this step.", len(all)-i)
				}
				fmt.Fprintf(bw, "\n%s\n", more)
				break
			}
			line, col := "", ""
			if a.d.Line > 0 {
				line, col = strconv.Itoa(a.d.Line), strconv.Itoa(a.d.Column)
			}
			fmt.Fprintf(bw, "| %s | %s | %s | %s | %s | %s |\n", cell(a.file), line, col,
				SeverityWord(a.d.Severity, l), a.d.Code, cell(a.d.Message.In(l)))
		}
	}
	fmt.Fprintln(bw)
	return bw.Flush()
}

// cell makes text safe inside a Markdown table cell.
func cell(s string) string {
	return strings.NewReplacer("|", `\|`, "\r\n", "<br>", "\n", "<br>", "<", "&lt;", ">", "&gt;").Replace(s)
}
