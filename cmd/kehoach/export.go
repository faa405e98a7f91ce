package main

import (
	"errors"

	"github.com/spf13/cobra"
)

func newExportCmd(s *streams, g *globalOptions) *cobra.Command {
	return &cobra.Command{
		Use:    "export",
		Hidden: true,
		RunE:   func(*cobra.Command, []string) error { return errors.New("export: not yet implemented") },
	}
}
