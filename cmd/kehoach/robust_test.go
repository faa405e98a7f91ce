package main

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/kehoach/kehoach/plan"
	"github.com/kehoach/kehoach/report"
)

// TestValidateNonUTF8Names: a folder holding a file whose name is not
// UTF-8 (Latin-1 or TCVN3 bytes, from an old Windows share) is validated,
// and every format stays valid: JSON and SARIF parse, JUnit is well-formed
// XML, the text report names the file as it is.
func TestValidateNonUTF8Names(t *testing.T) {
	dir := t.TempDir()
	name := "k\xe9 ho\xb9ch.yaml"
	if err := os.WriteFile(filepath.Join(dir, name), []byte(planError), 0o644); err != nil {
		t.Skipf("the file system refuses names that are not UTF-8: %v", err)
	}
	t.Chdir(dir)
	for _, format := range report.Formats() {
		t.Run(format, func(t *testing.T) {
			s, out, errOut := testStreams()
			o := &validateOptions{io: s, g: &globalOptions{lang: plan.EN}, paths: []string{"."}, format: format}
			if got := exitFor(runValidate(o), s); got != exitFindings {
				t.Errorf("exit %d, want %d (stderr %q)", got, exitFindings, errOut)
			}
			b := out.Bytes()
			switch format {
			case "json", "sarif":
				if !json.Valid(b) {
					t.Errorf("%s report is not valid JSON:\n%s", format, b)
				}
			case "junit":
				dec := xml.NewDecoder(bytes.NewReader(b))
				for {
					_, err := dec.Token()
					if errors.Is(err, io.EOF) {
						break
					}
					if err != nil {
						t.Fatalf("JUnit report is not well-formed XML: %v\n%s", err, b)
					}
				}
			case "text":
				if !strings.HasPrefix(out.String(), name+":4:95: error[B201]") {
					t.Errorf("the text report does not name the file as it is:\n%s", b)
				}
			}
		})
	}
}
