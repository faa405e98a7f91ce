package main

import (
	"bytes"
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"

	"github.com/kehoach/kehoach/plan"
)

// Input is one file to validate.
type Input struct {
	// Name is the path as the user gave it, or found under a folder the
	// user gave (joined to it), or plan.StdinName.
	Name string
	// Explicit is true for a file named on the command line: it is
	// reported even when it is not a plan file (E109). Files found in a
	// folder are validated only when they are plan files.
	Explicit bool
}

// Collect turns command-line paths into inputs: "-" is standard input, a
// file is itself, a folder is searched recursively for *.yaml and *.yml
// files (any case). Hidden folders, node_modules and vendor are not
// entered; symbolic links to folders are not followed, links to files are.
// Problems with single paths (missing, unreadable folder) are returned
// together; the other inputs are still returned.
func Collect(paths []string) ([]Input, []error) {
	var out []Input
	var errs []error
	for _, p := range paths {
		if p == plan.StdinArg {
			out = append(out, Input{Name: plan.StdinName, Explicit: true})
			continue
		}
		info, err := os.Stat(p)
		if err != nil {
			errs = append(errs, pathError(p, err))
			continue
		}
		if !info.IsDir() {
			out = append(out, Input{Name: p, Explicit: true})
			continue
		}
		// A folder named through a symbolic link is searched (WalkDir
		// does not follow a link, even as its root): walk it as p/ and
		// report the files under p.
		root := p
		if st, err := os.Lstat(p); err == nil && st.Mode()&fs.ModeSymlink != 0 {
			root = p + string(filepath.Separator)
		}
		err = filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
			isRoot := path == root
			if root != p {
				if rel, err := filepath.Rel(filepath.Clean(root), path); err == nil {
					path = filepath.Join(p, rel)
				}
			}
			if err != nil {
				errs = append(errs, pathError(path, err))
				if d != nil && d.IsDir() {
					return fs.SkipDir
				}
				return nil
			}
			name := d.Name()
			if d.IsDir() {
				if !isRoot && (strings.HasPrefix(name, ".") || name == "node_modules" || name == "vendor") {
					return fs.SkipDir
				}
				return nil
			}
			ext := strings.ToLower(filepath.Ext(name))
			if ext != ".yaml" && ext != ".yml" {
				return nil
			}
			if d.Type()&fs.ModeSymlink != 0 {
				// Links to files are followed, links to folders (and to
				// pipes and devices, which could block) are not. A link
				// to nothing is not a file (editors make such links as
				// locks: Emacs's .#plan.yaml); a loop of links is a file
				// that cannot be read.
				st, err := os.Stat(path)
				switch {
				case err != nil && !errors.Is(err, fs.ErrNotExist):
					errs = append(errs, pathError(path, err))
					return nil
				case err != nil || !st.Mode().IsRegular():
					return nil
				}
			} else if !d.Type().IsRegular() {
				return nil
			}
			out = append(out, Input{Name: path})
			return nil
		})
		if err != nil {
			errs = append(errs, pathError(p, err))
		}
	}
	return dedupe(out), errs
}

// dedupe keeps one input per file, so that `validate . a.yaml` reports
// a.yaml once: the first, explicit if any of them is.
func dedupe(in []Input) []Input {
	seen := make(map[string]int, len(in))
	out := in[:0]
	for _, x := range in {
		key := x.Name
		if x.Name != plan.StdinName {
			key = filepath.Clean(x.Name)
		}
		if i, dup := seen[key]; dup {
			out[i].Explicit = out[i].Explicit || x.Explicit
			continue
		}
		seen[key] = len(out)
		out = append(out, x)
	}
	return out
}

func pathError(p string, err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		err = pe.Err
	}
	return &PathError{Path: p, Err: err}
}

// PathError is a path given or found that could not be used: it does not
// exist, or cannot be read. Err is the system's reason.
type PathError struct {
	Path string
	Err  error
}

func (e *PathError) Error() string { return e.Path + ": " + e.Err.Error() }
func (e *PathError) Unwrap() error { return e.Err }

// Outcome is the result of validating one input.
type Outcome struct {
	Input
	// Source is the file's content when it has findings and is not
	// skipped, for the lines a report shows; nil otherwise.
	Source []byte
	// plan.Result is the findings; its Plan is nil. A folder of 700 district
	// plans would otherwise hold every plan's model, and the content of
	// every file, until the report is written; plan.Validate gives the model.
	plan.Result
	// Err is set when the file could not be read; the tool could not do
	// its job for it (exit 2).
	Err error
	// Skipped is true for a file found in a folder that is not a plan
	// file.
	Skipped bool
}

// Open reads an input; tests replace it to inject faults.
type Open func(in Input) ([]byte, error)

// ReadInput reads a file, or standard input, refusing more than
// plan.MaxFileSize+1 bytes (Load reports E110 for a file over the limit).
func ReadInput(stdin io.Reader) Open {
	return func(in Input) ([]byte, error) {
		var r io.Reader = stdin
		var size int64
		if in.Name != plan.StdinName || !in.Explicit {
			f, err := os.Open(in.Name)
			if err != nil {
				return nil, pathError(in.Name, err)
			}
			defer f.Close()
			r = f
			if fi, err := f.Stat(); err == nil && fi.Mode().IsRegular() {
				size = fi.Size()
			}
		}
		// Read into a buffer of the file's size (a byte over the limit at
		// most, which is enough to tell a file over it), rather than
		// growing one by doubling: a national plan would otherwise take
		// twice its size in garbage before decoding starts.
		buf := bytes.NewBuffer(make([]byte, 0, min(size, plan.MaxFileSize+1)+bytes.MinRead))
		if _, err := buf.ReadFrom(io.LimitReader(r, plan.MaxFileSize+1)); err != nil {
			return nil, pathError(in.Name, err)
		}
		return buf.Bytes(), nil
	}
}

// ValidateAll validates the inputs concurrently, on as many workers as
// there are cores, and returns the outcomes sorted by name, whatever the
// scheduling.
func ValidateAll(inputs []Input, open Open) []Outcome {
	out := make([]Outcome, len(inputs))
	workers := min(runtime.GOMAXPROCS(0), len(inputs))
	var wg sync.WaitGroup
	next := make(chan int)
	for range workers {
		wg.Go(func() {
			for i := range next {
				out[i] = validateOne(inputs[i], open)
			}
		})
	}
	for i := range inputs {
		next <- i
	}
	close(next)
	wg.Wait()
	slices.SortStableFunc(out, func(a, b Outcome) int { return strings.Compare(a.Name, b.Name) })
	return out
}

func validateOne(in Input, open Open) Outcome {
	o := Outcome{Input: in}
	data, err := open(in)
	if err != nil {
		o.Err = err
		return o
	}
	o.Result = plan.Validate(in.Name, data)
	if !in.Explicit && skip(o.Result, data) {
		o.Skipped = true
	}
	o.Plan = nil
	if len(o.Diagnostics) > 0 && !o.Skipped {
		o.Source = data
	}
	return o
}

// skip decides whether a file found in a folder is left alone: YAML
// without the `kehoach` key, or a file that cannot be parsed and has no
// line starting with `kehoach:`.
func skip(r plan.Result, data []byte) bool {
	if r.NotPlan {
		return true
	}
	for _, d := range r.Diagnostics {
		switch d.Code {
		case "E101", "E110", "E111":
			return !hasKehoachLine(data)
		}
	}
	return false
}

// hasKehoachLine reports whether a line of data starts with `kehoach:`, in
// UTF-8 (or an ASCII-compatible legacy encoding) or in UTF-16, so that a
// plan saved as Notepad's "Unicode" is reported (E111), not skipped.
func hasKehoachLine(data []byte) bool {
	const key = "kehoach:"
	le, be := make([]byte, 0, 2*len(key)), make([]byte, 0, 2*len(key))
	for i := range len(key) {
		le = append(le, key[i], 0)
		be = append(be, 0, key[i])
	}
	for _, enc := range []struct{ bom, key, nl []byte }{
		{[]byte("\xef\xbb\xbf"), []byte(key), []byte("\n")},
		{[]byte{0xff, 0xfe}, le, []byte{'\n', 0}},
		{[]byte{0xfe, 0xff}, be, []byte{0, '\n'}},
	} {
		d := bytes.TrimPrefix(data, enc.bom)
		if bytes.HasPrefix(d, enc.key) || bytes.Contains(d, append(enc.nl, enc.key...)) {
			return true
		}
	}
	return false
}
