package main

import (
	"errors"

	"github.com/spf13/cobra"
)

func newSchemaCmd(s *streams, g *globalOptions) *cobra.Command {
	return &cobra.Command{
		Use:    "schema",
		Hidden: true,
		RunE:   func(*cobra.Command, []string) error { return errors.New("schema: not yet implemented") },
	}
}
