package analyzer

import (
	"go/token"
	"slices"
	"strings"
)

// A witness is one way a function reaches a sink: the category, the sink
// and the chain of calls from the function to it.
type witness struct {
	cat   Category
	pipe  pipeline // Reentrancy and Deadlock: the pipeline that is re-entered
	base  Category // Reentrancy: the category left when the pipeline is not the hook's ("" if none)
	sink  string   // full name of the sink (or of the once-cache for Deadlock)
	what  string   // what the sink does at run time
	fix   string   // user sink's fix hint
	notes noteSet
	chain []hop // from the first callee to the sink (inclusive)
}

// hop is one call on a witness chain.
type hop struct {
	name  string    // as the message shows it: unqualified for this package's functions
	qual  string    // package-qualified name, for facts ("" if name is qualified)
	pos   token.Pos // call site, when it is in the analysed package
	async bool      // the call starts a goroutine running name
	by    string    // how the call is made: "via sort.Slice", "lazily cached by sync.OnceValue"
}

func (h hop) qualified() string {
	if h.qual != "" {
		return h.qual
	}
	return h.name
}

// noteSet holds qualifications of a witness the message spells out.
type noteSet uint8

const (
	noteDefaultTransport noteSet = 1 << iota // uses http.DefaultTransport
	noteUnknownTransport                     // the client's transport is not visible here
	noteSuppressed                           // instrumented, with a no-op provider
	noteLocked                               // Deadlock through a held mutex, not a once
)

// maxChain bounds witness chains; longer ones keep their head and the sink.
const maxChain = 8

func (w witness) key() witnessKey { return witnessKey{w.cat, w.pipe} }

type witnessKey struct {
	cat  Category
	pipe pipeline
}

// better reports whether w is a better witness than v for the same key:
// shorter, then lexically smaller, so results do not depend on map order.
func (w witness) better(v witness) bool {
	if len(w.chain) != len(v.chain) {
		return len(w.chain) < len(v.chain)
	}
	return w.chainString() < v.chainString()
}

func (w witness) chainString() string {
	var b strings.Builder
	for _, h := range w.chain {
		b.WriteString(h.name)
		b.WriteByte('|')
	}
	b.WriteString(w.sink)
	return b.String()
}

// summary is the set of best witnesses of a function, one per key, sorted.
type summary []witness

func (s summary) add(w witness) summary {
	for i, v := range s {
		if v.key() == w.key() {
			if w.better(v) {
				s[i] = w
			}
			return s
		}
	}
	s = append(s, w)
	slices.SortFunc(s, func(a, b witness) int {
		if a.cat != b.cat {
			return a.cat.rank() - b.cat.rank()
		}
		return int(a.pipe) - int(b.pipe)
	})
	return s
}

func (s summary) equal(t summary) bool {
	if len(s) != len(t) {
		return false
	}
	for i := range s {
		if s[i].key() != t[i].key() || s[i].chainString() != t[i].chainString() {
			return false
		}
	}
	return true
}

// prepend returns w with h (and, for a wrapper such as a once-cache, the
// wrapper's hop before it) at the head of its chain.
func (w witness) prepend(hs ...hop) witness {
	chain := make([]hop, 0, len(hs)+len(w.chain))
	chain = append(chain, hs...)
	chain = append(chain, w.chain...)
	if len(chain) > maxChain {
		chain = append(chain[:maxChain-2:maxChain-2], hop{name: "…"}, chain[len(chain)-1])
	}
	w.chain = chain
	return w
}
