// Package plan is the model of a kehoach plan file: loading it from YAML
// with the line and column of every value, strictly (every unknown key,
// wrong type and Vietnamese-notation slip is a finding), the embedded
// programme catalogue, and the target and catalogue rules (T3xx, C4xx).
//
// Load never stops at the first problem: it returns the plan it could read
// and every finding. Check then runs the funding rules of package budget
// and the rules of this package on what was read. Validate does both.
package plan
