package main

import (
	"errors"

	"github.com/spf13/cobra"
)

func newSummaryCmd(s *streams, g *globalOptions) *cobra.Command {
	return &cobra.Command{
		Use:    "summary",
		Hidden: true,
		RunE:   func(*cobra.Command, []string) error { return errors.New("summary: not yet implemented") },
	}
}
