// Command kehoach checks and exports the yearly implementation plans of
// Vietnam's National Target Programme on Sustainable Poverty Reduction.
// See the README for the commands.
//
// The command parses flags, loads plans and hands them to the packages
// that do the work: plan validates, report writes findings and summaries,
// report/appendix builds the workbooks. Each command is a file with an
// options struct and a newXxxCmd constructor (root.go gathers them);
// load.go reads and validates one plan file and reports its findings, for
// export and summary. What stays here is the command line's own: exit
// codes (exit.go), the configuration file (config.go), the streams
// (iostreams.go), path problems told in the user's language (problem.go),
// and export's files: written whole or not at all (internal/atomicfile),
// refused while a spreadsheet has them open, compared with --check, with a
// progress bar on a terminal (progress.go).
package main
