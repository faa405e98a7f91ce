package plan

import "github.com/kehoach/kehoach/plan/internal/yamltext"

// Lines indexes the lines of a plan file as findings count them: LF, CRLF
// and a lone CR each end a line, as the YAML library ends them, and a
// UTF-8 byte order mark is not part of line 1. Reports use it to show the
// line a finding is on.
type Lines = yamltext.Lines

// NewLines indexes src.
func NewLines(src []byte) *Lines { return yamltext.NewLines(src) }
