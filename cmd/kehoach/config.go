package main

import "github.com/spf13/cobra"

// applyConfig fills the flags that were not given on the command line from
// the environment and the configuration file.
func applyConfig(cmd *cobra.Command, s *streams) error { return nil }
