package main

import (
	"fmt"
	"os"
	"strings"

	"github.com/spf13/cobra"

	"github.com/kehoach/kehoach/report"
)

type validateOptions struct {
	io     *streams
	g      *globalOptions
	paths  []string
	format string
	strict bool
	// open reads an input; tests replace it to inject faults.
	open Open
}

func newValidateCmd(s *streams, g *globalOptions, runF func(*validateOptions) error) *cobra.Command {
	o := &validateOptions{io: s, g: g}
	cmd := &cobra.Command{
		Use:   "validate [PATH…]",
		Short: "Kiểm tra tệp kế hoạch / check plan files",
		Long: `Kiểm tra các tệp kế hoạch: tệp, thư mục (tìm đệ quy các tệp *.yaml, *.yml có khóa
kehoach), hoặc - cho đầu vào chuẩn. Không có đường dẫn: thư mục hiện tại.

Checks plan files: files, folders (searched recursively for *.yaml and *.yml
files with the top-level key kehoach), or - for standard input. No path: the
current folder.

Exit codes: 0 no errors; 1 errors (or warnings with --strict); 2 the tool
could not do its job (bad flag, missing or unreadable path, no plan file).`,
		Example: `  kehoach validate examples/bao-yen-2022.yaml
  kehoach validate --strict --lang en plans/
  cat plan.yaml | kehoach validate --format json -`,
		RunE: func(_ *cobra.Command, args []string) error {
			o.paths = args
			if len(o.paths) == 0 {
				o.paths = []string{"."}
			}
			if runF != nil {
				return runF(o)
			}
			return runValidate(o)
		},
	}
	cmd.Flags().Var(wordChoice(&o.format, "text", report.Formats(), &g.early), "format", "định dạng báo cáo / report format")
	cmd.Flags().BoolVar(&o.strict, "strict", false, "cảnh báo cũng là lỗi / warnings fail too")
	return cmd
}

func runValidate(o *validateOptions) error {
	lang, err := o.g.language()
	if err != nil {
		return err
	}
	ro := report.Options{Lang: lang, Color: o.io.colorEnabled(), Strict: o.strict, ToolVersion: version}
	if name := o.io.getenv("GITHUB_STEP_SUMMARY"); name != "" && o.format == "github" {
		// The job summary of a GitHub Actions step: append, as every step
		// writing to it does.
		sum, err := os.OpenFile(name, os.O_WRONLY|os.O_APPEND|os.O_CREATE, 0o644)
		if err != nil {
			return fmt.Errorf("GITHUB_STEP_SUMMARY: %w", err)
		}
		defer sum.Close()
		ro.StepSummary = sum
	}
	f, err := report.New(o.format, ro)
	if err != nil {
		return &flagError{err}
	}
	inputs, problems := Collect(o.paths)
	open := o.open
	if open == nil {
		open = ReadInput(o.io.In)
	}
	outcomes := ValidateAll(inputs, open)
	var files []report.File
	failed := false
	for _, oc := range outcomes {
		switch {
		case oc.Err != nil:
			problems = append(problems, oc.Err)
			continue
		case oc.Skipped:
			continue
		}
		rf := report.File{Name: oc.Name, Source: oc.Source, Diagnostics: oc.Diagnostics}
		failed = failed || rf.Failed(o.strict)
		files = append(files, rf)
	}
	if len(files) == 0 && len(problems) == 0 {
		// Validating nothing is not a success.
		problems = append(problems, fmt.Errorf("%s %s", inLang(lang, "không tìm thấy tệp kế hoạch nào trong", "no plan file found in"), strings.Join(o.paths, ", ")))
	}
	if err := f.Format(o.io.Out, files); err != nil {
		return err
	}
	for _, p := range problems {
		fmt.Fprintf(o.io.ErrOut, "kehoach: %v\n", inLanguage(lang, p))
	}
	switch {
	case len(problems) > 0:
		return &troubleError{len(problems)}
	case failed:
		return errFindings
	}
	return nil
}
