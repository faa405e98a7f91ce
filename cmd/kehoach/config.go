package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
	"github.com/spf13/viper"
)

// configFileName is the configuration file kehoach looks for in the
// current folder.
const configFileName = ".kehoach.yaml"

// setting is one key of the configuration: the flag it fills and the
// commands that have that flag (every command when nil).
type setting struct {
	key      string
	flag     string
	commands []string
}

// settings are the tool's settings that the environment and a
// configuration file may hold. Rules about the plan itself (tolerance,
// counterpart minimum) are not among them: they live in the plan file, so
// that everyone who validates the same file gets the same answer.
func settings() []setting {
	return []setting{
		{"lang", "lang", nil},
		{"strict", "strict", []string{"validate", "export"}},
		{"validate.format", "format", []string{"validate"}},
		{"export.out", "out", []string{"export"}},
	}
}

// envName is the environment variable of a key: KEHOACH_VALIDATE_FORMAT
// for validate.format.
func envName(key string) string {
	return "KEHOACH_" + strings.ToUpper(strings.NewReplacer(".", "_", "-", "_").Replace(key))
}

// applyConfig fills the flags that were not given on the command line from
// the environment (KEHOACH_LANG, KEHOACH_STRICT, KEHOACH_VALIDATE_FORMAT,
// KEHOACH_EXPORT_OUT), and those not set there from the configuration
// file: the one --config names, else .kehoach.yaml in the current folder,
// else kehoach/config.yaml in the user's configuration folder
// (os.UserConfigDir: ~/.config on Linux, ~/Library/Application Support on
// macOS, %AppData% on Windows). Only the first file found is read. So
// flags win over the environment, which wins over the file, which wins
// over the defaults.
//
// A configuration file that cannot be read, holds an unknown key or a bad
// value is an error: a typo must not be silently ignored.
//
// The environment is read through s.getenv, not by viper, so that tests
// control it; viper reads the file.
func applyConfig(cmd *cobra.Command, s *streams) error {
	if skipsConfig(cmd) {
		return nil
	}
	path, err := configPath(cmd, s)
	if err != nil {
		return err
	}
	v := viper.New()
	if path != "" {
		if err := readConfig(v, path); err != nil {
			return err
		}
	}
	for _, st := range settings() {
		if st.commands != nil && !slices.Contains(st.commands, cmd.Name()) {
			continue
		}
		f := cmd.Flags().Lookup(st.flag)
		if f == nil || f.Changed {
			continue
		}
		var value, source string
		if env := envName(st.key); s.getenv(env) != "" {
			value, source = s.getenv(env), env
		} else if v.IsSet(st.key) {
			x := v.Get(st.key)
			switch x.(type) {
			case string, bool, int, int64, float64:
				value = fmt.Sprint(x)
			default:
				return fmt.Errorf("config %s: %s must be a single value, not %v", path, st.key, x)
			}
			source = "config " + path + ": " + st.key
		} else {
			continue
		}
		if err := setFlag(f, value); err != nil {
			return fmt.Errorf("%s: %w", source, err)
		}
	}
	return nil
}

// skipsConfig is true for the commands that do not depend on settings, so
// that a broken configuration file never hides the version or completion.
func skipsConfig(cmd *cobra.Command) bool {
	for c := cmd; c != nil; c = c.Parent() {
		switch c.Name() {
		case "version", "completion", "help":
			return true
		}
	}
	return false
}

// setFlag sets a flag from the environment or the file as if it had been
// typed, with the checks the command would make, but leaves it marked as
// not given on the command line.
func setFlag(f *pflag.Flag, value string) error {
	if err := f.Value.Set(value); err != nil {
		if _, ok := f.Value.(interface{ isChoice() }); ok {
			return fmt.Errorf("%q: %w", value, err) // a choice says which words it takes
		}
		return fmt.Errorf("%q is not a valid value for --%s (%s)", value, f.Name, f.Value.Type())
	}
	return nil
}

// configPath returns the configuration file to read, or "" for none.
func configPath(cmd *cobra.Command, s *streams) (string, error) {
	if f := cmd.Flags().Lookup("config"); f != nil && f.Value.String() != "" {
		p := f.Value.String()
		st, err := os.Stat(p)
		if err != nil {
			var pe *fs.PathError
			if errors.As(err, &pe) {
				err = pe.Err
			}
			return "", flagErrorf("--config %s: %v", p, err)
		}
		if st.IsDir() {
			return "", flagErrorf("--config %s: is a folder, not a file", p)
		}
		return p, nil
	}
	candidates := []string{configFileName}
	if dir := userConfigDir(s.getenv); dir != "" {
		candidates = append(candidates, filepath.Join(dir, "kehoach", "config.yaml"))
	}
	for _, p := range candidates {
		st, err := os.Stat(p)
		switch {
		case errors.Is(err, fs.ErrNotExist):
			continue
		case err != nil:
			return "", fmt.Errorf("config: %w", err)
		case st.IsDir():
			return "", fmt.Errorf("config %s: is a folder, not a file", p)
		}
		return p, nil
	}
	return "", nil
}

// userConfigDir is os.UserConfigDir with the environment read through
// getenv; "" when there is none.
func userConfigDir(getenv func(string) string) string {
	var dir string
	switch runtime.GOOS {
	case "windows":
		dir = getenv("AppData")
	case "darwin", "ios":
		if h := getenv("HOME"); h != "" {
			dir = filepath.Join(h, "Library", "Application Support")
		}
	case "plan9":
		if h := getenv("home"); h != "" {
			dir = filepath.Join(h, "lib")
		}
	default:
		dir = getenv("XDG_CONFIG_HOME")
		if dir == "" || !filepath.IsAbs(dir) {
			dir = ""
			if h := getenv("HOME"); h != "" {
				dir = filepath.Join(h, ".config")
			}
		}
	}
	if !filepath.IsAbs(dir) {
		return ""
	}
	return dir
}

// readConfig reads a configuration file into v and checks its keys.
func readConfig(v *viper.Viper, path string) error {
	v.SetConfigFile(path)
	ext := strings.TrimPrefix(filepath.Ext(path), ".")
	if !slices.Contains(viper.SupportedExts, ext) {
		v.SetConfigType("yaml")
	}
	if err := v.ReadInConfig(); err != nil {
		return fmt.Errorf("config %s: %w", path, err)
	}
	var known []string
	for _, st := range settings() {
		known = append(known, st.key)
	}
	for _, k := range v.AllKeys() {
		if slices.Contains(known, k) {
			continue
		}
		if k == "tolerance" || k == "counterpart_min_percent" || k == "rules" || strings.HasPrefix(k, "rules.") {
			return fmt.Errorf("config %s: %s is a rule of the plan, not a setting: write it under `rules:` in the plan file, so that everyone who validates the plan gets the same answer", path, k)
		}
		return fmt.Errorf("config %s: unknown key %s; the keys are %s", path, k, strings.Join(known, ", "))
	}
	return nil
}
