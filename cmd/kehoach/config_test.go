package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/kehoach/kehoach/plan"
	"github.com/spf13/cobra"
)

// settingsSeen are the flag values a command runs with.
type settingsSeen struct {
	Lang, Format, Out string
	Strict            bool
}

// runWithConfig runs kehoach through newRootCmd with the environment env,
// in a fresh current folder holding the given files, and returns the
// settings validate or export would run with, the exit code and stderr.
// The commands' work is replaced by capturing their flags.
func runWithConfig(t *testing.T, args []string, env map[string]string, files map[string]string) (settingsSeen, exitCode, string) {
	t.Helper()
	dir := t.TempDir()
	t.Chdir(dir)
	for name, content := range files {
		name = strings.ReplaceAll(name, "$DIR", dir)
		if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(name, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	s, _, errOut := testStreams()
	s.getenv = func(k string) string { return strings.ReplaceAll(env[k], "$DIR", dir) }
	root := newRootCmd(s, plan.VI)
	var seen settingsSeen
	capture := func(cmd *cobra.Command, _ []string) error {
		f := cmd.Flags()
		seen.Lang = f.Lookup("lang").Value.String()
		if fl := f.Lookup("format"); fl != nil {
			seen.Format = fl.Value.String()
		}
		if fl := f.Lookup("out"); fl != nil {
			seen.Out = fl.Value.String()
		}
		seen.Strict = f.Lookup("strict").Value.String() == "true"
		return nil
	}
	validate, _, err := root.Find([]string{"validate"})
	if err != nil {
		t.Fatal(err)
	}
	validate.RunE = capture
	export, _, err := root.Find([]string{"export"})
	if err != nil {
		t.Fatal(err)
	}
	if export.Flags().Lookup("out") == nil || export.Flags().Lookup("strict") == nil {
		// export is not written yet: stand in for it with its flags.
		root.RemoveCommand(export)
		export = &cobra.Command{Use: "export"}
		export.Flags().StringP("out", "o", ".", "")
		export.Flags().Bool("strict", false, "")
		root.AddCommand(export)
	}
	export.RunE = capture
	root.SetArgs(args)
	code := exitFor(root.Execute(), s)
	return seen, code, errOut.String()
}

// TestConfigPrecedence checks flag > environment > file > default for
// every setting.
func TestConfigPrecedence(t *testing.T) {
	full := "lang: en\nstrict: true\nvalidate:\n  format: json\nexport:\n  out: from-file\n"
	for _, tc := range []struct {
		name  string
		args  []string
		env   map[string]string
		files map[string]string
		want  settingsSeen
	}{
		{"defaults", []string{"validate"}, nil, nil,
			settingsSeen{Lang: "vi", Format: "text"}},
		{"file", []string{"validate"}, nil, map[string]string{".kehoach.yaml": full},
			settingsSeen{Lang: "en", Format: "json", Strict: true}},
		{"environment over file", []string{"validate"},
			map[string]string{"KEHOACH_LANG": "vi", "KEHOACH_STRICT": "false", "KEHOACH_VALIDATE_FORMAT": "sarif"},
			map[string]string{".kehoach.yaml": full},
			settingsSeen{Lang: "vi", Format: "sarif"}},
		{"environment without file", []string{"validate"},
			map[string]string{"KEHOACH_LANG": "en", "KEHOACH_STRICT": "1", "KEHOACH_VALIDATE_FORMAT": "github"}, nil,
			settingsSeen{Lang: "en", Format: "github", Strict: true}},
		{"flags over environment", []string{"validate", "--lang", "vi", "--strict=false", "--format", "junit"},
			map[string]string{"KEHOACH_LANG": "en", "KEHOACH_STRICT": "true", "KEHOACH_VALIDATE_FORMAT": "sarif"},
			map[string]string{".kehoach.yaml": full},
			settingsSeen{Lang: "vi", Format: "junit"}},
		{"flags over file", []string{"--lang=vi", "validate", "--format", "text"}, nil,
			map[string]string{".kehoach.yaml": full},
			settingsSeen{Lang: "vi", Format: "text", Strict: true}},
		{"an empty variable is not set", []string{"validate"}, map[string]string{"KEHOACH_VALIDATE_FORMAT": ""},
			map[string]string{".kehoach.yaml": full},
			settingsSeen{Lang: "en", Format: "json", Strict: true}},
		{"export: file", []string{"export", "plan.yaml"}, nil, map[string]string{".kehoach.yaml": full},
			settingsSeen{Lang: "en", Out: "from-file", Strict: true}},
		{"export: environment over file", []string{"export", "plan.yaml"}, map[string]string{"KEHOACH_EXPORT_OUT": "from-env"},
			map[string]string{".kehoach.yaml": full},
			settingsSeen{Lang: "en", Out: "from-env", Strict: true}},
		{"export: flag over environment", []string{"export", "plan.yaml", "-o", "from-flag"}, map[string]string{"KEHOACH_EXPORT_OUT": "from-env"}, nil,
			settingsSeen{Lang: "vi", Out: "from-flag"}},
		{"user configuration folder", []string{"validate"}, map[string]string{"XDG_CONFIG_HOME": "$DIR/xdg", "HOME": "$DIR/home"},
			map[string]string{"$DIR/xdg/kehoach/config.yaml": "validate: {format: junit}\n"},
			settingsSeen{Lang: "vi", Format: "junit"}},
		{"user configuration folder under HOME", []string{"validate"}, map[string]string{"HOME": "$DIR/home"},
			map[string]string{"$DIR/home/.config/kehoach/config.yaml": "lang: en\n"},
			settingsSeen{Lang: "en", Format: "text"}},
		{"current folder over user configuration folder", []string{"validate"}, map[string]string{"XDG_CONFIG_HOME": "$DIR/xdg"},
			map[string]string{"$DIR/xdg/kehoach/config.yaml": "lang: en\nstrict: true\n", ".kehoach.yaml": "validate: {format: json}\n"},
			settingsSeen{Lang: "vi", Format: "json"}},
		{"--config names the file", []string{"validate", "--config", "ci/kehoach.yml"}, nil,
			map[string]string{"ci/kehoach.yml": "validate: {format: sarif}\n", ".kehoach.yaml": full},
			settingsSeen{Lang: "vi", Format: "sarif"}},
		{"--config without a YAML extension", []string{"--config", "kehoach.conf", "validate"}, nil,
			map[string]string{"kehoach.conf": "strict: true\n"},
			settingsSeen{Lang: "vi", Format: "text", Strict: true}},
		{"an empty file", []string{"validate"}, nil, map[string]string{".kehoach.yaml": ""},
			settingsSeen{Lang: "vi", Format: "text"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, code, stderr := runWithConfig(t, tc.args, tc.env, tc.files)
			if code != exitOK {
				t.Fatalf("exit %d: %s", code, stderr)
			}
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("settings (-want +got):\n%s", diff)
			}
		})
	}
}

// TestConfigErrors checks that a bad configuration is a clear error (exit
// 2) naming where the bad value came from.
func TestConfigErrors(t *testing.T) {
	for _, tc := range []struct {
		name  string
		args  []string
		env   map[string]string
		files map[string]string
		want  string
	}{
		{"not YAML", []string{"validate"}, nil, map[string]string{".kehoach.yaml": "lang: [en\n"},
			"kehoach: config .kehoach.yaml: "},
		{"unknown key", []string{"validate"}, nil, map[string]string{".kehoach.yaml": "validate:\n  formt: json\n"},
			"kehoach: config .kehoach.yaml: unknown key validate.formt; the keys are lang, strict, validate.format, export.out\n"},
		{"unknown key for another command", []string{"validate"}, nil, map[string]string{".kehoach.yaml": "export: {output: x}\n"},
			"unknown key export.output"},
		{"a rule of the plan", []string{"validate"}, nil, map[string]string{".kehoach.yaml": "rules:\n  tolerance: 1\n"},
			"kehoach: config .kehoach.yaml: rules.tolerance is a rule of the plan, not a setting: write it under `rules:` in the plan file"},
		{"bad boolean", []string{"validate"}, nil, map[string]string{".kehoach.yaml": "strict: maybe\n"},
			"kehoach: config .kehoach.yaml: strict: \"maybe\" is not a valid value for --strict (bool)\n"},
		{"bad language in the file", []string{"validate"}, nil, map[string]string{".kehoach.yaml": "lang: fr\n"},
			"kehoach: config .kehoach.yaml: lang: \"fr\": dùng một trong các giá trị vi, en\n"},
		{"bad format in the file", []string{"validate"}, nil, map[string]string{".kehoach.yaml": "validate: {format: xml}\n"},
			"kehoach: config .kehoach.yaml: validate.format: \"xml\": dùng một trong các giá trị github, json, junit, sarif, text\n"},
		{"a list for a value", []string{"validate"}, nil, map[string]string{".kehoach.yaml": "lang: [vi, en]\n"},
			"kehoach: config .kehoach.yaml: lang must be a single value"},
		{"bad language in the environment", []string{"validate"}, map[string]string{"KEHOACH_LANG": "fr"}, nil,
			"kehoach: KEHOACH_LANG: \"fr\": dùng một trong các giá trị vi, en\n"},
		{"bad boolean in the environment", []string{"validate"}, map[string]string{"KEHOACH_STRICT": "yes please"}, nil,
			"kehoach: KEHOACH_STRICT: \"yes please\" is not a valid value for --strict (bool)\n"},
		{"bad format in the environment", []string{"validate"}, map[string]string{"KEHOACH_VALIDATE_FORMAT": "xml"}, nil,
			"kehoach: KEHOACH_VALIDATE_FORMAT: \"xml\": dùng một trong các giá trị github"},
		{"--config names no file", []string{"validate", "--config", "missing.yaml"}, nil, nil,
			"kehoach: --config missing.yaml: no such file or directory\n(xem / see: kehoach --help)\n"},
		{"--config names a folder", []string{"validate", "--config", "."}, nil, nil,
			"kehoach: --config .: is a folder, not a file\n"},
		{"a folder named .kehoach.yaml", []string{"validate"}, nil, map[string]string{".kehoach.yaml/x": ""},
			"kehoach: config .kehoach.yaml: is a folder, not a file\n"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, code, stderr := runWithConfig(t, tc.args, tc.env, tc.files)
			if code != exitTrouble {
				t.Errorf("exit %d, want %d", code, exitTrouble)
			}
			if !strings.Contains(stderr, tc.want) {
				t.Errorf("stderr %q, want it to contain %q", stderr, tc.want)
			}
		})
	}
}

// TestConfigNotForVersion checks that a broken configuration file does
// not keep `kehoach version` from answering.
func TestConfigNotForVersion(t *testing.T) {
	t.Chdir(t.TempDir())
	if err := os.WriteFile(".kehoach.yaml", []byte("lang: [\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	s, out, errOut := testStreams()
	if code := Main([]string{"version"}, s); code != exitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if !strings.HasPrefix(out.String(), "kehoach ") {
		t.Errorf("stdout %q", out)
	}
}

func TestEnvName(t *testing.T) {
	for key, want := range map[string]string{
		"lang": "KEHOACH_LANG", "strict": "KEHOACH_STRICT",
		"validate.format": "KEHOACH_VALIDATE_FORMAT", "export.out": "KEHOACH_EXPORT_OUT",
	} {
		if got := envName(key); got != want {
			t.Errorf("envName(%q) = %q, want %q", key, got, want)
		}
	}
}
