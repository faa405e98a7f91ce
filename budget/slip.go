package budget

// IsSlip reports whether written is a simple typing slip of meant: their
// digits differ by one edit of Damerau–Levenshtein distance 1 (one digit
// wrong, missing or doubled, or two adjacent digits swapped: 85 for 58,
// 1871 for 1817), or written is meant with its thousands dot read as a
// decimal point (3.188 for 3188). This is the test of Scholtus (Statistics
// Netherlands, discussion paper 09046, 2009) and of deducorrect's
// correctTypos: a correction that undoes such a slip is more likely than
// one that does not.
func IsSlip(written, meant Amount) bool {
	if written == meant {
		return false
	}
	if written >= 0 && meant >= 0 && written.magnitude() <= 1<<53 && written*Scale == meant {
		return true
	}
	var a, b [24]byte
	return distanceOne(written.appendText(a[:0]), meant.appendText(b[:0]))
}

// appendText appends the amount's shortest text, as String gives it.
func (a Amount) appendText(dst []byte) []byte {
	return append(dst, a.String()...)
}

// distanceOne reports whether a and b differ by exactly one substitution,
// insertion, deletion or transposition of adjacent characters.
func distanceOne(a, b []byte) bool {
	if len(a) < len(b) {
		a, b = b, a
	}
	switch len(a) - len(b) {
	case 0:
		i := 0
		for i < len(a) && a[i] == b[i] {
			i++
		}
		if i == len(a) {
			return false
		}
		// One substitution: the rest is equal.
		if string(a[i+1:]) == string(b[i+1:]) {
			return true
		}
		// One transposition of a[i], a[i+1].
		return i+1 < len(a) && a[i] == b[i+1] && a[i+1] == b[i] && string(a[i+2:]) == string(b[i+2:])
	case 1:
		// One character of a deleted gives b.
		i := 0
		for i < len(b) && a[i] == b[i] {
			i++
		}
		return string(a[i+1:]) == string(b[i:])
	}
	return false
}
