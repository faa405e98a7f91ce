package budget

// NumSources is the length of the arrays of sources (see MaxSources).
const NumSources = MaxSources

// Amounts is a node's amount per source, indexed by [Source] in the order
// of the appendix columns. Known is false for a source that involves a
// figure with an E finding, or a sum that does not fit.
type Amounts struct {
	Sources [numSources]Amount
	Known   [numSources]bool
}

// Total returns the sum of the sources; ok is false when a source is
// unknown or the sum does not fit.
func (a Amounts) Total() (Amount, bool) {
	for _, k := range a.Known {
		if !k {
			return 0, false
		}
	}
	return Sum(a.Sources[:]...)
}

// plus adds b source by source; a source is known when it is known in both
// and the sum fits.
func (a Amounts) plus(b Amounts) Amounts {
	var out Amounts
	for s := range numSources {
		if a.Known[s] && b.Known[s] {
			out.Sources[s], out.Known[s] = a.Sources[s].Add(b.Sources[s])
		}
	}
	return out
}

// zeroAmounts is known zeros: the sum of no children.
var zeroAmounts = func() Amounts {
	var a Amounts
	for s := range numSources {
		a.Known[s] = true
	}
	return a
}()

// Effective returns n's effective amounts: each source as n writes it or,
// where n does not write it, the sum of its children's effective amounts
// (zero for a node without children). A written total is only an
// assertion and plays no part.
func Effective(n *Node) Amounts {
	children := zeroAmounts
	for _, ch := range n.Children {
		children = children.plus(Effective(ch))
	}
	return own(n, children)
}

// Computed returns n's amounts as the appendices compute them, with a
// formula over the rows below: a node without children has its effective
// amounts (each source as written, else zero); a node with children has the
// sum of its children's computed amounts, whatever it writes itself. What a
// node with children writes is an assertion that Check compares with its
// children (B202, B203), so Computed and [Effective] agree on every node of
// a plan without such findings; where a stated figure is off (within the
// tolerance, or exported with errors), Computed is the true sum: the
// reference plan states 7.603 and computes 7.604.
func Computed(n *Node) Amounts {
	if len(n.Children) == 0 {
		return own(n, zeroAmounts)
	}
	sum := zeroAmounts
	for _, ch := range n.Children {
		sum = sum.plus(Computed(ch))
	}
	return sum
}

// own returns n's effective amounts given the sum of its children's:
// written and valid, written with an E finding (unknown), or not written
// (the children's sum, zero for a leaf). An unreadable node is unknown.
func own(n *Node, children Amounts) Amounts {
	var out Amounts
	if n.Unreadable {
		return out
	}
	for s := range numSources {
		fig := n.Funding.Sources[s]
		switch {
		case fig.Written && fig.Valid:
			out.Sources[s], out.Known[s] = fig.Value, true
		case fig.Written:
			// An E finding: unknown.
		default:
			out.Sources[s], out.Known[s] = children.Sources[s], children.Known[s]
		}
	}
	return out
}

// writesNoSource reports whether n's funding states a total and no source.
func writesNoSource(n *Node) bool {
	f := &n.Funding
	if !f.Total.Written {
		return false
	}
	for _, s := range f.Sources {
		if s.Written {
			return false
		}
	}
	return true
}
