package hazard

import (
	"go/token"
	"slices"
	"strings"

	"github.com/spanhotpath/spanhotpath/internal/catalog"
)

// A Witness is one way a function reaches a sink: the category, the sink
// and the chain of calls from the function to it.
type Witness struct {
	Cat   catalog.Category
	Pipe  catalog.Pipeline // Reentrancy and Deadlock: the pipeline that is re-entered
	Base  catalog.Category // Reentrancy: the category left when the pipeline is not the hook's ("" if none)
	Sink  string           // full name of the sink (or of the once-cache for Deadlock)
	What  string           // what the sink does at run time
	Fix   string           // a configured sink's fix hint
	Notes Notes
	Chain []Hop // from the first callee to the sink (inclusive), at most MaxChain hops
}

// Hop is one call on a witness chain.
type Hop struct {
	Name  string    // as a reader of package Pkg knows it: getHostIP, (*P).lookup
	Qual  string    // package-qualified: example.com/p.getHostIP, (*example.com/p.P).lookup
	Pkg   string    // the package whose readers Name is written for ("": Name is Qual)
	Pos   token.Pos // call site, when it is in analysed code
	Async bool      // the call starts a goroutine running the callee
	By    string    // how the call is made: "via sort.Slice", "lazily cached by sync.OnceValue"
	Why   string    // where the callee was chosen: "telemetry.HostInfo is *hostinfo.IMDS, set at main.go:31"
}

// display is the hop's name for a reader of package pkg.
func (h Hop) display(pkg string) string {
	if h.Pkg != "" && h.Pkg == pkg {
		return h.Name
	}
	return h.Qual
}

// Notes are qualifications of a witness the message spells out.
type Notes uint8

const (
	NoteDefaultTransport Notes = 1 << iota // uses http.DefaultTransport
	NoteUnknownTransport                   // the client's transport is not visible here
	NoteSuppressed                         // instrumented, with a no-op provider
	NoteLocked                             // Deadlock through a held mutex, not a once
	NoteDisabled                           // instrumentation turned off by an option
	NoteUnderParent                        // starts a span only under a recording span in the call's context
	NoteNoParent                           // instrumented, but the call's context carries no span
)

// MaxChain bounds witness chains; longer ones keep their head and the sink,
// so that lifting a witness through a call costs the same at any depth.
const MaxChain = 8

func (w Witness) key() witnessKey { return witnessKey{w.Cat, w.Pipe} }

type witnessKey struct {
	cat  catalog.Category
	pipe catalog.Pipeline
}

// better reports whether w is a better witness than v for the same key:
// shorter, then lexically smaller, so results do not depend on map order.
func (w Witness) better(v Witness) bool {
	if len(w.Chain) != len(v.Chain) {
		return len(w.Chain) < len(v.Chain)
	}
	return w.chainString() < v.chainString()
}

func (w Witness) chainString() string {
	var b strings.Builder
	for _, h := range w.Chain {
		b.WriteString(h.Name)
		b.WriteByte('|')
	}
	b.WriteString(w.Sink)
	return b.String()
}

// Summary is the set of best witnesses of a function, one per category
// and pipeline, most severe first.
type Summary []Witness

func (s Summary) add(w Witness) Summary {
	for i, v := range s {
		if v.key() == w.key() {
			if w.better(v) {
				s[i] = w
			}
			return s
		}
	}
	s = append(s, w)
	slices.SortFunc(s, func(a, b Witness) int {
		if a.Cat != b.Cat {
			return a.Cat.Rank() - b.Cat.Rank()
		}
		return int(a.Pipe) - int(b.Pipe)
	})
	return s
}

func (s Summary) equal(t Summary) bool {
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

// Prepend returns w with hs at the head of its chain.
func (w Witness) Prepend(hs ...Hop) Witness {
	if len(hs) == 0 {
		return w
	}
	chain := make([]Hop, 0, len(hs)+len(w.Chain))
	chain = append(chain, hs...)
	chain = append(chain, w.Chain...)
	if len(chain) > MaxChain {
		chain = append(chain[:MaxChain-2:MaxChain-2], Hop{Name: "…", Qual: "…"}, chain[len(chain)-1])
	}
	w.Chain = chain
	return w
}
