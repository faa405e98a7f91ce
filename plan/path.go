package plan

import "strconv"

// Path is the YAML path of a value in a plan, such as
// projects[0].funding.local, as findings name it.
//
// A national plan holds about a million values, each with its path, and
// findings are few: a Path is therefore the path of the mapping that holds
// the value, shared by the value and its siblings, and the value's key,
// and is spelt out only when a finding is made. The zero Path is the top
// level of the file.
type Path struct {
	parent *Path
	key    string
}

// PathOf returns the path spelt s.
func PathOf(s string) Path { return Path{key: s} }

// Key returns the path of the value at key in the mapping at p. Reading
// a mapping's keys one after the other, use Mapping, which shares p.
func (p Path) Key(key string) Path { return p.Mapping().Key(key) }

// Mapping is the path of a mapping, shared by the paths of its values.
type Mapping struct{ path Path }

// Mapping returns p as the path of a mapping, to be shared by the paths of
// its values.
func (p Path) Mapping() *Mapping { return &Mapping{p} }

// Key returns the path of the value at key in the mapping.
func (m *Mapping) Key(key string) Path { return Path{parent: &m.path, key: key} }

// Index returns the path of the i-th item (from 0) of the list at p,
// spelt out.
func (p Path) Index(i int) Path { return Index(p.String(), i) }

// Index returns the path of the i-th item (from 0) of the list whose path
// is spelt list.
func Index(list string, i int) Path {
	var digits [20]byte
	return Path{key: list + "[" + string(strconv.AppendInt(digits[:0], int64(i), 10)) + "]"}
}

// Equal reports whether p and q spell the same path, however they were
// built (go-cmp uses it to compare values that hold paths).
func (p Path) Equal(q Path) bool { return p.String() == q.String() }

// IsZero reports whether p is the top level.
func (p Path) IsZero() bool { return p.String() == "" }

// String spells the path out: keys joined by dots, list indexes in
// brackets, "" for the top level.
func (p Path) String() string {
	if p.parent == nil {
		return p.key
	}
	base := p.parent.String()
	if base == "" {
		return p.key
	}
	return base + "." + p.key
}
