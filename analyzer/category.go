package analyzer

// Category classifies a finding by what happens at run time. It is the
// Diagnostic.Category of every report and the first word of its message.
type Category string

const (
	// Reentrancy: the hot path starts a span (or emits a log record inside
	// a log hook), which runs the hook again: unbounded recursion.
	Reentrancy Category = "reentrancy"
	// Deadlock: a lazy once-cache or a held mutex around a call that
	// re-enters the hook; the nested hook blocks on it forever.
	Deadlock Category = "deadlock"
	// Network: network I/O on every hook call.
	Network Category = "network"
	// IO: file system or process I/O on every hook call.
	IO Category = "io"
)

// allCategories is in order of severity, most severe first.
var allCategories = [...]Category{Reentrancy, Deadlock, Network, IO}

func parseCategory(s string) (Category, bool) {
	for _, c := range allCategories {
		if string(c) == s {
			return c, true
		}
	}
	return "", false
}

// rank orders categories by severity (lower is more severe).
func (c Category) rank() int {
	for i, k := range allCategories {
		if k == c {
			return i
		}
	}
	return len(allCategories)
}
