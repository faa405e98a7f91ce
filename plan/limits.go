package plan

// Limits that hold before memory does. Each is far above what the national
// plan of the benchmarks holds (10,600 communes, about 85,000 rows, about
// 13 MB and a million YAML nodes) and far below what would exhaust a
// 2-core, 24 GiB machine. Exceeding any is E110 with the limit in the
// message.
const (
	// MaxFileSize is the largest plan file read: 64 MiB, five times the
	// national plan. Larger files are refused before they are read.
	MaxFileSize = 64 << 20
	// MaxDepth is the deepest nesting of mappings and lists. A plan needs
	// about 8 levels; 64 leaves room for notes and x- keys while stopping
	// pathological nesting long before the YAML library's own limit.
	MaxDepth = 64
	// MaxNodes is the largest number of YAML nodes after alias expansion.
	// A plan written out at 64 MiB holds about 5 million; an alias bomb
	// (a few lines that expand to billions of nodes) holds far more.
	MaxNodes = 8_000_000
)
