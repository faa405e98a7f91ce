package main

import (
	"errors"

	"github.com/spf13/cobra"
)

func newInitCmd(s *streams, g *globalOptions) *cobra.Command {
	return &cobra.Command{
		Use:    "init",
		Hidden: true,
		RunE:   func(*cobra.Command, []string) error { return errors.New("init: not yet implemented") },
	}
}
