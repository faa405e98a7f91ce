// Package layout holds the test of the repository's layout: the top-level
// entries the design names, the one-way imports between the packages and
// a doc comment on each (README.md, "How the code is organised").
package layout
