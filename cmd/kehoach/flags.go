package main

import (
	"errors"
	"fmt"
	"strings"

	"github.com/spf13/pflag"

	"github.com/kehoach/kehoach/plan"
)

// choice is a flag whose value is one of a few words, checked while cobra
// parses the command line (or the configuration sets it): a wrong word
// stops the command before it does anything, with the words it takes.
type choice[T any] struct {
	value *T
	words []string
	parse func(string) (T, bool)
	text  string
	// lang is the language of the message: the command line's --lang
	// (or KEHOACH_LANG), read before the flags are parsed (see earlyLang).
	lang *plan.Lang
}

var _ pflag.Value = (*choice[int])(nil)

// newChoice returns a flag that stores in value what parse makes of one
// of words, starting from def.
func newChoice[T any](value *T, def string, words []string, parse func(string) (T, bool), lang *plan.Lang) *choice[T] {
	c := &choice[T]{value: value, words: words, parse: parse, lang: lang}
	if err := c.Set(def); err != nil {
		panic(err) // a default that is not one of the words is a bug here
	}
	return c
}

// wordChoice is a choice of words stored as they are.
func wordChoice(value *string, def string, words []string, lang *plan.Lang) *choice[string] {
	return newChoice(value, def, words, func(s string) (string, bool) {
		for _, w := range words {
			if s == w {
				return s, true
			}
		}
		return "", false
	}, lang)
}

func (c *choice[T]) String() string { return c.text }

// Type is what help shows after the flag: the words it takes.
func (c *choice[T]) Type() string { return strings.Join(c.words, "|") }

func (c *choice[T]) Set(s string) error {
	v, ok := c.parse(s)
	if !ok {
		list := strings.Join(c.words, ", ")
		if c.lang != nil && *c.lang == plan.EN {
			return fmt.Errorf("use one of %s", list)
		}
		return fmt.Errorf("dùng một trong các giá trị %s", list)
	}
	*c.value, c.text = v, s
	return nil
}

// choiceError words a choice's refusal of a value while the command line
// is parsed, as --lang "fr": use one of vi, en. Other flag errors are
// returned as they are.
func choiceError(err error) error {
	var bad *pflag.InvalidValueError
	if errors.As(err, &bad) {
		if _, ok := bad.GetFlag().Value.(interface{ isChoice() }); ok {
			return &flagError{fmt.Errorf("--%s %q: %w", bad.GetFlag().Name, bad.GetValue(), errors.Unwrap(err))}
		}
	}
	return &flagError{err}
}

func (c *choice[T]) isChoice() {}

// earlyLang is the language of messages before the flags are parsed (a
// flag's own error comes while they are): the last --lang of the command
// line, else KEHOACH_LANG, else Vietnamese. A value that is neither vi nor
// en leaves Vietnamese, and --lang reports it.
func earlyLang(args []string, getenv func(string) string) plan.Lang {
	word := getenv("KEHOACH_LANG")
	for i, a := range args {
		if a == "--" {
			break
		}
		if v, ok := strings.CutPrefix(a, "--lang="); ok {
			word = v
		} else if a == "--lang" && i+1 < len(args) {
			word = args[i+1]
		}
	}
	l, _ := plan.ParseLang(word)
	return l
}
