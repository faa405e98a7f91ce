// Package plan is the model of a kehoach plan file: loading it from YAML
// with the line and column of every value, strictly (every unknown key,
// wrong type and Vietnamese-notation slip is a finding), the embedded
// programme catalogue, and the target and catalogue rules (T3xx, C4xx).
//
// Load never stops at the first problem: it returns the plan it could read
// and every finding. Check then runs the funding rules of package budget
// and the rules of this package on what was read. Validate does both.
//
// Findings are Diagnostics: data, not Go errors (an error means kehoach
// could not do its job, a Diagnostic means the plan has a problem). Each
// carries a typed Code whose table (codes.go) holds its severity, whether
// it stops the file and its title, and a Message in both languages; the
// long explanations printed by `kehoach explain` are embedded from
// explain/.
package plan
