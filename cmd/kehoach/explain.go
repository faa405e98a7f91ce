package main

import (
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/kehoach/kehoach/plan"
)

type explainOptions struct {
	io   *streams
	g    *globalOptions
	code string
}

func newExplainCmd(s *streams, g *globalOptions) *cobra.Command {
	o := &explainOptions{io: s, g: g}
	return &cobra.Command{
		Use:   "explain CODE",
		Short: "Giải thích một mã lỗi / explain a diagnostic code",
		Long: `Giải thích đầy đủ một mã: kiểm tra gì, vì sao (căn cứ pháp lý), cách sửa, ví dụ.
The long form of a code: what it checks, why (legal basis), how to fix it, an example.`,
		Example: "  kehoach explain B203\n  kehoach explain e104 --lang en",
		Args:    cobra.ExactArgs(1),
		ValidArgsFunction: func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
			var codes []string
			for _, r := range plan.AllRules() {
				codes = append(codes, string(r.Code)+"\t"+r.Title.EN)
			}
			return codes, cobra.ShellCompDirectiveNoFileComp
		},
		RunE: func(_ *cobra.Command, args []string) error {
			o.code = args[0]
			return runExplain(o)
		},
	}
}

func runExplain(o *explainOptions) error {
	lang, err := o.g.language()
	if err != nil {
		return err
	}
	text, ok := plan.Explain(o.code, lang)
	if !ok {
		var b strings.Builder
		for _, r := range plan.AllRules() {
			fmt.Fprintf(&b, "  %s  %s\n", r.Code, r.Title.In(lang))
		}
		if lang == plan.EN {
			return flagErrorf("unknown code %q; the codes are:\n%s", o.code, b.String())
		}
		return flagErrorf("không có mã %q; các mã là:\n%s", o.code, b.String())
	}
	_, err = fmt.Fprint(o.io.Out, text)
	return err
}
