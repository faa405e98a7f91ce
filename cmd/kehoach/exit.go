package main

import (
	"errors"
	"fmt"
)

// exitCode is the process's exit status, as the specification fixes it.
type exitCode int

const (
	exitOK       exitCode = 0 // no errors (and no warnings with --strict)
	exitFindings exitCode = 1 // the plans have errors (or warnings with --strict)
	exitTrouble  exitCode = 2 // the tool could not do its job
)

// errFindings means the run worked and found what fails it; the report has
// said everything, so nothing more is printed.
var errFindings = errors.New("findings")

// troubleError means the tool could not do all of its job (a missing path,
// an unreadable file) after doing the rest; it has been reported already.
type troubleError struct{ n int }

func (e *troubleError) Error() string { return fmt.Sprintf("%d problem(s) reported", e.n) }

// flagError is a usage mistake: the message is followed by a hint to --help.
type flagError struct{ err error }

func (e *flagError) Error() string { return e.err.Error() }
func (e *flagError) Unwrap() error { return e.err }

func flagErrorf(format string, a ...any) error { return &flagError{fmt.Errorf(format, a...)} }

// exitFor maps the error a command returned to the exit code, in one
// place; it prints what has not been printed yet.
func exitFor(err error, s *streams) exitCode {
	var fe *flagError
	var te *troubleError
	switch {
	case err == nil:
		return exitOK
	case errors.Is(err, errFindings):
		return exitFindings
	case errors.As(err, &te):
		return exitTrouble
	case errors.As(err, &fe):
		fmt.Fprintf(s.ErrOut, "kehoach: %v\n(xem / see: kehoach --help)\n", err)
		return exitTrouble
	default:
		fmt.Fprintf(s.ErrOut, "kehoach: %v\n", err)
		return exitTrouble
	}
}
