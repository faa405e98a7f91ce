package main

import (
	"errors"
	"io/fs"
	"syscall"

	"github.com/kehoach/kehoach/plan"
)

// pathProblem is a path that could not be used, told in the language of
// messages: "missing.yaml: không có tệp hoặc thư mục này (no such file or
// directory)". The system's own words stay, in brackets after Vietnamese,
// for searching the web and for the administrator.
type pathProblem struct {
	lang plan.Lang
	err  *PathError
}

func (p *pathProblem) Error() string {
	system := p.err.Err.Error()
	if p.lang != plan.VI {
		return p.err.Path + ": " + system
	}
	var what string
	switch {
	case errors.Is(p.err.Err, fs.ErrNotExist):
		what = "không có tệp hoặc thư mục này"
	case errors.Is(p.err.Err, fs.ErrPermission):
		what = "không có quyền đọc"
	case errors.Is(p.err.Err, syscall.EISDIR):
		what = "là một thư mục, không phải tệp"
	case errors.Is(p.err.Err, syscall.EIO):
		what = "lỗi đọc đĩa"
	default:
		return p.err.Path + ": " + system
	}
	return p.err.Path + ": " + what + " (" + system + ")"
}

func (p *pathProblem) Unwrap() error { return p.err }

// inLanguage returns err told in the language of messages when it is a
// path that could not be used, else err itself.
func inLanguage(lang plan.Lang, err error) error {
	var pe *PathError
	if errors.As(err, &pe) {
		return &pathProblem{lang, pe}
	}
	return err
}
