package plan

// Limits that hold before memory does. Each is far above what the national
// plan of the benchmarks holds (10,600 communes, about 85,000 rows, about
// 13 MB and a million YAML nodes) and far below what would exhaust a
// 2-core, 24 GiB machine. Exceeding any is E110 with the limit in the
// message, and stops the file.
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
	// (a few lines that expand to billions of nodes) holds far more. The
	// YAML library needs about 200 bytes for each node it parses, so a
	// file is also refused before it is parsed when a scan of its text
	// finds more nodes than this (64 MiB of `[1,1,1,…]` holds 32 million,
	// and took 6.8 GB): a file within the limit takes at most about 3.5 GB
	// to validate (measured: 8 million nodes in 4 million misspelt keys).
	MaxNodes = 8_000_000
	// MaxTextLength is the longest text value, in UTF-16 code units as
	// spreadsheets count them (a Vietnamese letter is one): 32,767, the
	// most an Excel cell holds. A longer name could not be exported
	// whole; names in the national plan are under 500. Free text under
	// `notes` and `x-` keys is not exported and has no limit of its own.
	MaxTextLength = 32_767
	// MaxRows is the most rows a plan may have: communes, commune
	// targets, indicators, projects, sub-projects and activities together,
	// 1,000,000. An appendix sheet holds at most 1,048,576 rows, and a
	// sheet's rows are at most the plan's plus its title and header rows;
	// the national plan has about 85,000.
	MaxRows = 1_000_000
	// MaxFindings is the most findings kept for one file while it is
	// read: 100,000, more than one for each row of the national plan (a
	// slip repeated by a generator or a template on every row). Each
	// finding holds its messages in both languages, about 3 KB: millions
	// of them (4 million misspelt keys fit in 64 MiB) would take more
	// memory than the file. Past it, the file stops with E110 after the
	// first MaxFindings.
	MaxFindings = 100_000
)
