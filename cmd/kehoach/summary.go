package main

import (
	"github.com/spf13/cobra"

	"github.com/kehoach/kehoach/report"
)

type summaryOptions struct {
	io     *streams
	g      *globalOptions
	file   string
	format string
}

func newSummaryCmd(s *streams, g *globalOptions, runF func(*summaryOptions) error) *cobra.Command {
	o := &summaryOptions{io: s, g: g}
	cmd := &cobra.Command{
		Use:   "summary FILE",
		Short: "In kinh phí và chỉ tiêu của kế hoạch / print the plan's funding and targets",
		Long: `In kinh phí theo dự án và nguồn vốn, và các chỉ tiêu của kế hoạch, đúng các số
của Phụ lục 1 và 2 (7.604; 6,8 %). --format json cho các chương trình khác.

Prints the plan's funding by project and source and its targets: the figures
of Phụ lục 1 and 2, in Vietnamese notation (English notation with --lang en).
--format json is for scripts: amounts are exact strings ("7604", "6.8").

Exit codes: 0 printed; 1 the plan has errors (the findings go to standard
error, and what can be computed is printed); 2 the tool could not do its job.`,
		Example: `  kehoach summary examples/bao-yen-2022.yaml
  kehoach summary --format json plan.yaml | jq .funding.total`,
		Args: cobra.ExactArgs(1),
		RunE: func(_ *cobra.Command, args []string) error {
			o.file = args[0]
			if runF != nil {
				return runF(o)
			}
			return runSummary(o)
		},
	}
	cmd.Flags().Var(wordChoice(&o.format, "text", []string{"text", "json"}, &g.early), "format", "định dạng / format")
	return cmd
}

func runSummary(o *summaryOptions) error {
	lang, err := o.g.language()
	if err != nil {
		return err
	}
	file, p, err := loadPlan(o.io.In, o.io.ErrOut, lang, o.file, false)
	if err != nil {
		return err
	}
	if p == nil {
		return errFindings
	}
	if o.format == "json" {
		err = report.PlanSummaryJSON(o.io.Out, file.Name, p)
	} else {
		err = report.PlanSummaryText(o.io.Out, lang, p)
	}
	if err != nil {
		return err
	}
	if !file.Valid() {
		return errFindings
	}
	return nil
}
