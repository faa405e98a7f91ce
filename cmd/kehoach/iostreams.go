package main

import (
	"bytes"
	"io"
	"os"
)

// streams are the process's standard streams and what is known about them.
// Data goes to Out, status and errors to ErrOut.
type streams struct {
	In     io.Reader
	Out    io.Writer
	ErrOut io.Writer
	// outTTY is true when Out is a terminal.
	outTTY bool
	// errTTY is true when ErrOut is a terminal, where export shows its
	// progress.
	errTTY bool
	// noColor is true when NO_COLOR is set (https://no-color.org).
	noColor bool
	// getenv reads the environment (tests replace it).
	getenv func(string) string
}

func systemStreams() *streams {
	return &streams{
		In: os.Stdin, Out: os.Stdout, ErrOut: os.Stderr,
		outTTY:  isTerminal(os.Stdout),
		errTTY:  isTerminal(os.Stderr),
		noColor: os.Getenv("NO_COLOR") != "",
		getenv:  os.Getenv,
	}
}

// testStreams returns streams on buffers, as a non-terminal.
func testStreams() (*streams, *bytes.Buffer, *bytes.Buffer) {
	out, errOut := new(bytes.Buffer), new(bytes.Buffer)
	return &streams{In: new(bytes.Buffer), Out: out, ErrOut: errOut, getenv: func(string) string { return "" }}, out, errOut
}

// colorEnabled reports whether the text report may use colour.
func (s *streams) colorEnabled() bool { return s.outTTY && !s.noColor }

func isTerminal(f *os.File) bool {
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}
