package main

import (
	"github.com/spf13/cobra"

	"github.com/kehoach/kehoach/plan"
)

type schemaOptions struct {
	io *streams
}

func newSchemaCmd(s *streams, g *globalOptions) *cobra.Command {
	o := &schemaOptions{io: s}
	return &cobra.Command{
		Use:   "schema",
		Short: "In JSON Schema của định dạng kế hoạch / print the JSON Schema of the plan format",
		Long: `In JSON Schema (draft-07) của định dạng kế hoạch, với mô tả tiếng Việt và tiếng Anh
cho mọi khóa, để trình soạn thảo (VS Code với phần mở rộng YAML của Red Hat) gợi ý
khóa và gạch chân lỗi khi gõ. Đặt dòng đầu tệp kế hoạch:

  # yaml-language-server: $schema=kehoach.schema.json

Prints the JSON Schema (draft-07) of the plan format, with Vietnamese and
English descriptions of every key, so that editors (VS Code with Red Hat's
YAML extension) complete keys and underline mistakes as you type. Name it in
the plan's first line, as above. The same schema is plan/kehoach.schema.json
in kehoach's repository.`,
		Example: "  kehoach schema > kehoach.schema.json",
		Args:    cobra.NoArgs,
		RunE: func(*cobra.Command, []string) error {
			return runSchema(o)
		},
	}
}

func runSchema(o *schemaOptions) error {
	_, err := o.io.Out.Write(plan.Schema())
	return err
}
