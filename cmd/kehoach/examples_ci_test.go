package main

import (
	"encoding/json"
	"encoding/xml"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/kehoach/kehoach/plan"
	"go.yaml.in/yaml/v3"
)

// The ready-to-copy CI integrations, from this folder.
var (
	githubWorkflow  = filepath.Join("..", "..", "examples", "ci", "github-actions.yml")
	gitlabCI        = filepath.Join("..", "..", "examples", "ci", "gitlab-ci.yml")
	preCommitConfig = filepath.Join("..", "..", "examples", "ci", "pre-commit-config.yaml")
	preCommitHooks  = filepath.Join("..", "..", ".pre-commit-hooks.yaml")
)

// shellCommand is one kehoach command line of a CI file: its arguments
// (after `kehoach`) and the file its standard output is redirected to.
type shellCommand struct {
	line   string
	args   []string
	stdout string
}

// kehoachCommands finds the kehoach command lines in shell script text:
// lines starting with `kehoach `, split into words as sh does for the
// simple quoting these files use, up to the first operator.
func kehoachCommands(t *testing.T, script string) []shellCommand {
	t.Helper()
	var out []shellCommand
	for _, line := range strings.Split(script, "\n") {
		line = strings.TrimSpace(line)
		if !strings.HasPrefix(line, "kehoach ") {
			continue
		}
		words, ops := shellWords(t, line)
		c := shellCommand{line: line, args: words[1:]}
		for i, op := range ops {
			if op.op == ">" && i == 0 {
				c.stdout = op.word
			}
		}
		out = append(out, c)
	}
	return out
}

type shellOp struct{ op, word string }

// shellWords splits a command line into words, with '…' and "…" quoting,
// and returns the operators after the command (">" with its file, "||",
// "&&", "|", ";").
func shellWords(t *testing.T, line string) ([]string, []shellOp) {
	t.Helper()
	var words []string
	var ops []shellOp
	var cur strings.Builder
	inWord := false
	var quote rune
	flush := func() {
		if inWord {
			words = append(words, cur.String())
			cur.Reset()
			inWord = false
		}
	}
	rs := []rune(line)
	for i := 0; i < len(rs); i++ {
		r := rs[i]
		switch {
		case quote != 0:
			if r == quote {
				quote = 0
			} else {
				cur.WriteRune(r)
			}
		case r == '\'' || r == '"':
			quote, inWord = r, true
		case r == ' ' || r == '\t':
			flush()
		case r == '#' && !inWord:
			flush()
			return words, ops
		case strings.ContainsRune("><|&;", r):
			flush()
			op := string(r)
			if i+1 < len(rs) && (rs[i+1] == '|' || rs[i+1] == '&') {
				op += string(rs[i+1])
				i++
			}
			// The rest of the line: the operator's first word, then more
			// operators.
			rest, more := shellWords(t, string(rs[i+1:]))
			word := ""
			if len(rest) > 0 {
				word = rest[0]
			}
			return words, append(append(ops, shellOp{op, word}), more...)
		default:
			cur.WriteRune(r)
			inWord = true
		}
	}
	if quote != 0 {
		t.Fatalf("unclosed quote in %q", line)
	}
	flush()
	return words, ops
}

func readYAML(t *testing.T, path string, v any) {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := yaml.Unmarshal(b, v); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
}

// githubCommands returns the kehoach commands of the workflow's steps, and
// checks that the SARIF the workflow writes is the file it uploads.
func githubCommands(t *testing.T) []shellCommand {
	t.Helper()
	var wf struct {
		Jobs map[string]struct {
			Steps []struct {
				Run  string            `yaml:"run"`
				Uses string            `yaml:"uses"`
				With map[string]string `yaml:"with"`
			} `yaml:"steps"`
		} `yaml:"jobs"`
	}
	readYAML(t, githubWorkflow, &wf)
	var cmds []shellCommand
	written := map[string]bool{}
	var uploaded []string
	for _, name := range slices.Sorted(func(yield func(string) bool) {
		for k := range wf.Jobs {
			if !yield(k) {
				return
			}
		}
	}) {
		for _, st := range wf.Jobs[name].Steps {
			for _, c := range kehoachCommands(t, st.Run) {
				cmds = append(cmds, c)
				if c.stdout != "" {
					written[c.stdout] = true
				}
			}
			if strings.HasPrefix(st.Uses, "github/codeql-action/upload-sarif@") {
				uploaded = append(uploaded, st.With["sarif_file"])
			}
		}
	}
	if len(uploaded) == 0 {
		t.Errorf("%s uploads no SARIF", githubWorkflow)
	}
	for _, f := range uploaded {
		if !written[f] {
			t.Errorf("%s uploads %s, which no kehoach command writes", githubWorkflow, f)
		}
	}
	return cmds
}

// gitlabCommands returns the kehoach commands of the GitLab jobs, and
// checks that the JUnit report is the file the job writes.
func gitlabCommands(t *testing.T) []shellCommand {
	t.Helper()
	var ci map[string]struct {
		BeforeScript []string `yaml:"before_script"`
		Script       []string `yaml:"script"`
		Artifacts    struct {
			When    string `yaml:"when"`
			Reports struct {
				JUnit string `yaml:"junit"`
			} `yaml:"reports"`
		} `yaml:"artifacts"`
	}
	readYAML(t, gitlabCI, &ci)
	var cmds []shellCommand
	for name, job := range ci {
		if name == "kehoach" {
			t.Errorf("%s: a job named kehoach makes the file a plan file to kehoach validate", gitlabCI)
		}
		written := map[string]bool{}
		for _, line := range append(job.BeforeScript, job.Script...) {
			for _, c := range kehoachCommands(t, line) {
				cmds = append(cmds, c)
				written[c.stdout] = true
			}
		}
		if r := job.Artifacts.Reports.JUnit; r == "" || !written[r] || job.Artifacts.When != "always" {
			t.Errorf("%s: job %s: the JUnit report %q is not written by kehoach or not kept always", gitlabCI, name, r)
		}
	}
	return cmds
}

// preCommitCommands returns the commands the pre-commit hooks run, and
// checks the hook definitions and the example configuration that uses
// them.
func preCommitCommands(t *testing.T) []shellCommand {
	t.Helper()
	type hook struct {
		ID            string   `yaml:"id"`
		Name          string   `yaml:"name"`
		Entry         string   `yaml:"entry"`
		Args          []string `yaml:"args"`
		Language      string   `yaml:"language"`
		PassFilenames *bool    `yaml:"pass_filenames"`
		Files         string   `yaml:"files"`
	}
	var hooks []hook
	readYAML(t, preCommitHooks, &hooks)
	var cmds []shellCommand
	ids := map[string]bool{}
	for _, h := range hooks {
		if h.ID == "" || h.Name == "" || h.Entry == "" || h.Language == "" {
			t.Errorf("%s: hook %+v lacks one of id, name, entry, language", preCommitHooks, h)
		}
		ids[h.ID] = true
		// language: golang builds the repository with `go install ./...`,
		// which installs cmd/kehoach as kehoach.
		if h.Language != "golang" || !strings.HasPrefix(h.Entry, "kehoach ") {
			t.Errorf("%s: hook %s: language %s, entry %q; want golang and kehoach", preCommitHooks, h.ID, h.Language, h.Entry)
		}
		// A named YAML file that is not a plan is an error (E109), so the
		// hook validates folders, not the files pre-commit would pass.
		if h.PassFilenames == nil || *h.PassFilenames {
			t.Errorf("%s: hook %s passes file names", preCommitHooks, h.ID)
		}
		words, _ := shellWords(t, h.Entry)
		cmds = append(cmds, shellCommand{line: h.Entry + " " + strings.Join(h.Args, " "), args: append(words[1:], h.Args...)})
	}
	var cfg struct {
		Repos []struct {
			Repo  string `yaml:"repo"`
			Rev   string `yaml:"rev"`
			Hooks []struct {
				ID string `yaml:"id"`
			} `yaml:"hooks"`
		} `yaml:"repos"`
	}
	readYAML(t, preCommitConfig, &cfg)
	for _, r := range cfg.Repos {
		if r.Rev == "" {
			t.Errorf("%s: repo %s has no rev", preCommitConfig, r.Repo)
		}
		for _, h := range r.Hooks {
			if !ids[h.ID] {
				t.Errorf("%s: hook %s is not in %s", preCommitConfig, h.ID, preCommitHooks)
			}
		}
	}
	return cmds
}

// TestExamplesCI checks the CI integrations in examples/ci and
// .pre-commit-hooks.yaml: every kehoach command in them is one the tool
// accepts, and the validate commands run as written on a repository
// holding the example plans, with the results the CI expects.
func TestExamplesCI(t *testing.T) {
	sources := []struct {
		name string
		cmds func(*testing.T) []shellCommand
	}{
		{"github-actions", githubCommands},
		{"gitlab-ci", gitlabCommands},
		{"pre-commit", preCommitCommands},
	}
	examples, err := filepath.Glob(filepath.Join("..", "..", "examples", "*.yaml"))
	if err != nil || len(examples) == 0 {
		t.Fatalf("no example plans: %v", err)
	}
	for _, src := range sources {
		t.Run(src.name, func(t *testing.T) {
			cmds := src.cmds(t)
			if len(cmds) == 0 {
				t.Fatal("no kehoach command found")
			}
			for _, c := range cmds {
				t.Run(c.line, func(t *testing.T) {
					checkCommandLine(t, c)
					if len(c.args) > 0 && c.args[0] == "validate" {
						runValidateExample(t, c, examples)
					}
				})
			}
		})
	}
}

// checkCommandLine parses a command line as kehoach would, without running
// it: the command exists, its flags and their values parse, and it takes
// the arguments given.
func checkCommandLine(t *testing.T, c shellCommand) {
	t.Helper()
	s, _, _ := testStreams()
	root := newRootCmd(s, plan.VI)
	cmd, rest, err := root.Find(c.args)
	if err != nil || cmd == root {
		t.Fatalf("kehoach %s: no such command (%v)", strings.Join(c.args, " "), err)
	}
	if cmd.Hidden {
		t.Fatalf("kehoach %s is a hidden command: the examples must use the documented ones", cmd.Name())
	}
	if err := cmd.ParseFlags(rest); err != nil {
		t.Fatalf("kehoach %s: %v", strings.Join(c.args, " "), err)
	}
	if err := cmd.ValidateArgs(cmd.Flags().Args()); err != nil {
		t.Fatalf("kehoach %s: %v", strings.Join(c.args, " "), err)
	}
	if err := cmd.ValidateRequiredFlags(); err != nil {
		t.Fatalf("kehoach %s: %v", strings.Join(c.args, " "), err)
	}
}

// runValidateExample runs a validate command as written, in a fresh
// repository holding the example plans, as CI would: the example plans
// have warnings only, so it succeeds, and its output is what the format
// promises.
func runValidateExample(t *testing.T, c shellCommand, examples []string) {
	t.Helper()
	dir := t.TempDir()
	for _, e := range examples {
		b, err := os.ReadFile(e)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.MkdirAll(filepath.Join(dir, "plans"), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, "plans", filepath.Base(e)), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	t.Chdir(dir)
	summary := filepath.Join(dir, "step-summary.md")
	s, out, errOut := testStreams()
	s.getenv = func(k string) string {
		if k == "GITHUB_STEP_SUMMARY" {
			return summary
		}
		return ""
	}
	if code := Main(c.args, s); code != exitOK {
		t.Fatalf("exit %d; stderr:\n%s\nstdout:\n%s", code, errOut, out)
	}
	switch format := formatOf(c.args); format {
	case "sarif":
		var doc struct {
			Version string `json:"version"`
			Runs    []struct {
				Results []json.RawMessage `json:"results"`
			} `json:"runs"`
		}
		if err := json.Unmarshal(out.Bytes(), &doc); err != nil || doc.Version != "2.1.0" || len(doc.Runs) != 1 {
			t.Errorf("not SARIF 2.1.0 (%v):\n%s", err, out)
		}
	case "junit":
		var doc struct {
			Tests int `xml:"tests,attr"`
		}
		if err := xml.Unmarshal(out.Bytes(), &doc); err != nil || doc.Tests != len(examples) {
			t.Errorf("not JUnit XML with %d tests (%v):\n%s", len(examples), err, out)
		}
	case "github":
		if !strings.Contains(out.String(), "::warning file=plans/") {
			t.Errorf("no annotations:\n%s", out)
		}
		b, err := os.ReadFile(summary)
		if err != nil || !strings.Contains(string(b), "| plans/bao-yen-2022.yaml |") {
			t.Errorf("no step summary (%v):\n%s", err, b)
		}
	}
}

func formatOf(args []string) string {
	for i, a := range args {
		if v, ok := strings.CutPrefix(a, "--format="); ok {
			return v
		}
		if a == "--format" && i+1 < len(args) {
			return args[i+1]
		}
	}
	return "text"
}

// TestPreCommitHook runs the hook of .pre-commit-hooks.yaml with pre-commit
// itself (`pre-commit try-repo`), which builds kehoach from a snapshot of
// this repository with `go install ./...`, on a repository of plans: it
// passes with the example plans, which have warnings only, and fails once
// one has an error. It takes half a minute, so it runs only when asked
// (KEHOACH_TEST_PRECOMMIT=1) or in CI, and only where pre-commit is
// installed (Debian's package pre-commit).
func TestPreCommitHook(t *testing.T) {
	if os.Getenv("KEHOACH_TEST_PRECOMMIT") == "" && os.Getenv("CI") != "true" {
		t.Skip("set KEHOACH_TEST_PRECOMMIT=1 to run pre-commit")
	}
	preCommit, err := exec.LookPath("pre-commit")
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal("pre-commit is not installed; .ci/run installs it (Debian package pre-commit)")
		}
		t.Skip("pre-commit is not installed")
	}
	git, err := exec.LookPath("git")
	if err != nil {
		t.Skip("git is not installed")
	}
	cache := t.TempDir()
	run := func(dir string, name string, args ...string) (string, error) {
		cmd := exec.Command(name, args...)
		cmd.Dir = dir
		cmd.Env = append(os.Environ(), "PRE_COMMIT_HOME="+cache,
			"GIT_AUTHOR_NAME=kehoach", "GIT_AUTHOR_EMAIL=kehoach@example.invalid",
			"GIT_COMMITTER_NAME=kehoach", "GIT_COMMITTER_EMAIL=kehoach@example.invalid")
		b, err := cmd.CombinedOutput()
		return string(b), err
	}
	commit := func(dir string) {
		t.Helper()
		for _, args := range [][]string{{"init", "-q"}, {"add", "-A"}, {"commit", "-q", "-m", "snapshot"}} {
			if out, err := run(dir, git, args...); err != nil {
				t.Fatalf("git %v: %v\n%s", args, err, out)
			}
		}
	}
	// A snapshot of the module as it is on disk, committed: pre-commit
	// clones the hook's repository, and would miss what is not committed.
	hookRepo := t.TempDir()
	root, err := filepath.Abs(filepath.Join("..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	err = filepath.WalkDir(root, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(root, p)
		if d.IsDir() {
			if rel == ".git" || rel == "out" || strings.HasPrefix(d.Name(), ".") && rel != "." {
				return filepath.SkipDir
			}
			return os.MkdirAll(filepath.Join(hookRepo, rel), 0o755)
		}
		if !d.Type().IsRegular() {
			return nil
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(hookRepo, rel), b, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
	commit(hookRepo)

	plans := t.TempDir()
	examples, _ := filepath.Glob(filepath.Join(root, "examples", "*.yaml"))
	for _, e := range examples {
		b, err := os.ReadFile(e)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(plans, filepath.Base(e)), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	// YAML that is not a plan is left alone.
	if err := os.WriteFile(filepath.Join(plans, "other.yaml"), []byte("other: 1\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	commit(plans)
	if out, err := run(plans, preCommit, "try-repo", hookRepo, "kehoach-validate", "--all-files"); err != nil {
		t.Fatalf("pre-commit on the example plans: %v\n%s", err, out)
	}

	bad := filepath.Join(plans, "bao-yen-2022.yaml")
	b, err := os.ReadFile(bad)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(bad, []byte(strings.Replace(string(b), "central: 2416", "centrl: 2416", 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := run(plans, preCommit, "try-repo", hookRepo, "kehoach-validate", "--all-files")
	if err == nil || !strings.Contains(out, "[E102]") {
		t.Errorf("pre-commit passes a plan with an error (%v):\n%s", err, out)
	}
}
