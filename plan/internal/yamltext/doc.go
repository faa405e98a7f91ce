// Package yamltext is what kehoach knows of YAML as text rather than as
// plans: decoding one document with the lines and columns an editor shows
// (in parts on every core for a large file), placing the YAML library's
// errors where the problem is, a pre-scan that counts nodes before the
// library builds them, the width of the token a finding underlines, and
// the one line splitter (LF, CRLF or a lone CR end a line). It words
// nothing for users: package plan does, from its structured results.
package yamltext
