package yamltext

// CountNodes returns a lower bound of the number of YAML nodes in data (valid
// UTF-8, without a byte order mark), without parsing it: one for each flow
// collection and each comma inside one, one for each block sequence entry
// (`- `), one for the first block mapping key of a line, and one for each
// scalar after a mapping's `:` (its value). Text the
// scan cannot place for certain (block scalars, continuation lines of
// multi-line scalars, quoted text, comments) is not counted, so the bound
// holds for any file the YAML library parses; the count stops at limit+1.
func CountNodes(data []byte, limit int) int {
	s := nodeScanner{data: data, limit: limit}
	return s.scan()
}

type nodeScanner struct {
	data  []byte
	limit int
	n     int
	// flow is the depth of flow collections ([…], {…}) at the position.
	flow int
	// quote is the quote character of the open quoted scalar, or 0.
	quote byte
	// blockIndent is the indentation of the line that opened a block
	// scalar (| or >), -2 when none is open; its content is every line
	// that is blank or indented more.
	blockIndent int
	// prevIndent is the indentation of the last block line counted, and
	// prevValue whether it ended with a value: a more indented line after
	// it continues a multi-line scalar.
	prevIndent int
	prevValue  bool
}

func (s *nodeScanner) scan() int {
	s.blockIndent = -2
	s.prevIndent = -1
	for i := 0; i < len(s.data) && s.n <= s.limit; {
		var text []byte
		text, i, _ = NextLine(s.data, i)
		s.line(text)
	}
	return s.n
}

func isBlank(b byte) bool { return b == ' ' || b == '\t' }

// line scans one line.
func (s *nodeScanner) line(text []byte) {
	indent := 0
	for indent < len(text) && text[indent] == ' ' {
		indent++
	}
	rest := text[indent:]
	blank := len(rest) == 0 || allBlank(rest)
	if s.blockIndent > -2 {
		if blank || indent > s.blockIndent {
			return // content of the block scalar
		}
		s.blockIndent = -2
	}
	if s.quote != 0 || s.flow > 0 {
		// Inside a quoted scalar or a flow collection the line goes on
		// with what the previous one left.
		s.tokens(text, 0, indent, false)
		return
	}
	if blank || rest[0] == '#' {
		return
	}
	if indent == 0 && (hasMarker(text, "---") || hasMarker(text, "...")) {
		s.prevIndent, s.prevValue = -1, false
		if text[0] == '.' {
			return
		}
		// `--- |` opens a block scalar whose content may start in
		// column 1: the document's root has the indentation -1.
		s.tokens(text, 3, -1, true)
		return
	}
	if indent == 0 && rest[0] == '%' {
		return // a directive
	}
	if s.prevValue && indent > s.prevIndent {
		// A continuation line of a multi-line scalar (or a mistake the
		// parser reports): text, not nodes.
		return
	}
	s.tokens(text, indent, indent, true)
}

func allBlank(b []byte) bool {
	for _, c := range b {
		if !isBlank(c) {
			return false
		}
	}
	return true
}

func hasMarker(text []byte, m string) bool {
	if len(text) < 3 || string(text[:3]) != m {
		return false
	}
	return len(text) == 3 || isBlank(text[3])
}

// tokens scans text from i. indent is the column a block scalar opened
// first on the line would be indented from; block is true when the line
// starts in block context, where `- ` entries and `key:` keys are counted.
func (s *nodeScanner) tokens(text []byte, i, indent int, block bool) {
	// start is true where a token may start: a quote, a flow collection,
	// a block scalar or an entry; tok is the column of the last token.
	start, tok := true, i
	key := false // a block mapping key was counted on this line
	// value is true after a mapping's `:`: a scalar there is the value,
	// a node of its own.
	value := false
	// structure is true when the line has an entry or a key: the
	// indentation of what follows is then measured from it, else from
	// the node that holds the line.
	structure := false
	lastValue := false
	for i < len(text) {
		c := text[i]
		if s.quote != 0 {
			switch {
			case s.quote == '"' && c == '\\':
				i += 2
				continue
			case s.quote == '\'' && c == '\'' && i+1 < len(text) && text[i+1] == '\'':
				i += 2
				continue
			case c == s.quote:
				s.quote = 0
				start = false
				lastValue = true
			}
			i++
			continue
		}
		switch {
		case isBlank(c):
			i++
			continue
		case c == '#' && (i == 0 || isBlank(text[i-1])):
			i = len(text) // a comment
			continue
		case start && (c == '"' || c == '\''):
			s.quote, tok = c, i
			if value {
				s.n++ // a quoted value
				value = false
			}
			i++
			continue
		case start && (c == '[' || c == '{'):
			s.flow++
			s.n++
			i++
			lastValue, value = false, false
			continue
		case s.flow > 0 && (c == ']' || c == '}'):
			s.flow--
			i++
			start = false
			lastValue, value = true, false
			continue
		case s.flow > 0 && c == ',':
			s.n++
			i++
			start = true
			lastValue, value = false, false
			continue
		case s.flow == 0 && block && start && c == '-' && (i+1 == len(text) || isBlank(text[i+1])):
			s.n++ // a block sequence entry
			indent, structure = i, true
			i++
			lastValue = false
			continue
		case s.flow == 0 && block && start && (c == '|' || c == '>') && blockHeader(text[i+1:]):
			// A block scalar: its content is indented more than the node
			// that holds it (the entry's dash, the key).
			if !structure {
				indent = s.prevIndent
			}
			s.blockIndent = indent
			s.prevIndent, s.prevValue = indent, true
			return
		case mappingValue(text, i, s.flow > 0):
			if s.flow == 0 && block && !key {
				s.n++ // a block mapping key
				key, structure = true, true
				indent = tok
			}
			i++
			start = true
			lastValue, value = false, true
			continue
		case start && c == '&':
			// An anchor: the node follows it. The YAML library ends an
			// anchor's name at the first character that is not a letter,
			// a digit, - or _; what follows it then is plain text (`&a:b`
			// is the anchor a on the scalar `:b`).
			for i++; i < len(text) && isAnchorChar(text[i]); i++ {
			}
			if i < len(text) && !isBlank(text[i]) {
				start = false
			}
			continue
		case start && c == '!':
			// A tag: the node follows it.
			for i < len(text) && !isBlank(text[i]) {
				i++
			}
			continue
		case start && c == '?' && (i+1 == len(text) || isBlank(text[i+1])):
			i++
			continue
		}
		// A plain scalar (or the rest of one): up to the next indicator.
		if start {
			tok = i
			if value {
				s.n++ // a plain value
			}
		}
		value = false
		start = false
		lastValue = true
		for i++; i < len(text); i++ {
			c := text[i]
			if !plainStop[c] {
				continue
			}
			if s.flow > 0 && (c == ',' || c == ']' || c == '}' || c == '[' || c == '{') {
				break
			}
			if mappingValue(text, i, s.flow > 0) || (c == '#' && isBlank(text[i-1])) {
				break
			}
		}
	}
	if !block {
		return
	}
	if structure {
		s.prevIndent = indent
	}
	// A flow collection or a quoted scalar that goes on holds the
	// lines after it until it closes.
	s.prevValue = lastValue || s.flow > 0 || s.quote != 0
}

// plainStop holds the bytes that may end a plain scalar: the flow
// indicators, the colon of a mapping value and the # of a comment.
var plainStop = [256]bool{',': true, '[': true, ']': true, '{': true, '}': true, ':': true, '#': true}

// isAnchorChar reports whether b can be part of an anchor's name, as the
// YAML library reads it.
func isAnchorChar(b byte) bool {
	return b == '-' || b == '_' || (b >= '0' && b <= '9') || (b|0x20 >= 'a' && b|0x20 <= 'z')
}

// mappingValue reports whether the colon at text[i] is the indicator of a
// mapping value: followed by a blank or the end of the line, or in a flow
// collection by a flow indicator.
func mappingValue(text []byte, i int, flow bool) bool {
	if text[i] != ':' {
		return false
	}
	if i+1 == len(text) || isBlank(text[i+1]) {
		return true
	}
	switch text[i+1] {
	case ',', '[', ']', '{', '}':
		return flow
	}
	return false
}

// blockHeader reports whether what follows a | or > is a block scalar
// header: indentation and chomping indicators, then a blank or a comment.
func blockHeader(rest []byte) bool {
	for _, c := range rest {
		switch {
		case c == '+' || c == '-' || (c >= '1' && c <= '9'):
		case isBlank(c):
			return true
		default:
			return false
		}
	}
	return true
}
