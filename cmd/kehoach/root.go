package main

import (
	"context"

	"fmt"

	"github.com/spf13/cobra"

	"github.com/kehoach/kehoach/plan"
)

// version is the release of kehoach; it is written into JSON and SARIF
// reports.
const version = "0.1.0"

// globalOptions are the flags every command has.
type globalOptions struct {
	// lang is --lang.
	lang plan.Lang
	// early is the language of the flags' own errors, found before they
	// are parsed (earlyLang).
	early plan.Lang
}

// language is the language of messages. --lang is checked as it is
// parsed, so there is no error left to return; the signature keeps the
// commands' run functions alike.
func (g *globalOptions) language() (plan.Lang, error) { return g.lang, nil }

// Main runs kehoach with the arguments after the program name and returns
// the exit code.
func Main(args []string, s *streams) exitCode {
	root := newRootCmd(s, earlyLang(args, s.getenv))
	root.SetArgs(args)
	err := root.ExecuteContext(context.Background())
	return exitFor(err, s)
}

func newRootCmd(s *streams, lang plan.Lang) *cobra.Command {
	g := &globalOptions{early: lang}
	root := &cobra.Command{
		Use:   "kehoach",
		Short: "Kiểm tra và xuất kế hoạch giảm nghèo / check and export poverty-reduction plans",
		Long: `kehoach kiểm tra tệp kế hoạch thực hiện Chương trình MTQG Giảm nghèo bền vững
(YAML) trước khi trình ký, và xuất các phụ lục Excel kèm theo.

kehoach checks the YAML implementation plans of Vietnam's National Target
Programme on Sustainable Poverty Reduction before they are signed, and
exports the appendix workbooks attached to them.`,
		SilenceErrors: true,
		SilenceUsage:  true,
		PersistentPreRunE: func(cmd *cobra.Command, _ []string) error {
			return applyConfig(cmd, s)
		},
	}
	root.SetOut(s.Out)
	root.SetErr(s.ErrOut)
	root.SetFlagErrorFunc(func(_ *cobra.Command, err error) error { return choiceError(err) })
	root.PersistentFlags().Var(newChoice(&g.lang, "vi", []string{"vi", "en"}, plan.ParseLang, &g.early), "lang", "ngôn ngữ thông báo / language of messages")
	root.PersistentFlags().String("config", "", "tệp cấu hình (mặc định .kehoach.yaml) / configuration file (default .kehoach.yaml)")
	root.AddCommand(
		newValidateCmd(s, g, nil),
		newExportCmd(s, g),
		newSummaryCmd(s, g, nil),
		newSchemaCmd(s, g),
		newInitCmd(s, g),
		newExplainCmd(s, g),
		newVersionCmd(s),
	)
	return root
}

func newVersionCmd(s *streams) *cobra.Command {
	return &cobra.Command{
		Use:   "version",
		Short: "In phiên bản / print the version",
		Args:  cobra.NoArgs,
		RunE: func(*cobra.Command, []string) error {
			_, err := fmt.Fprintf(s.Out, "kehoach %s\n", version)
			return err
		},
	}
}
