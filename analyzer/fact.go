package analyzer

import (
	"go/token"
	"strings"
)

// ReachFact summarises what a function reaches, for callers in other
// packages. It is exported only for functions that reach a sink. Entries are
// sorted by severity, at most one per category and pipeline. It holds no
// maps, so its encoding is deterministic.
type ReachFact struct {
	Reaches []Reach
}

// Reach is one category a function reaches, with a bounded witness path.
type Reach struct {
	Category Category
	Pipeline uint8    // Reentrancy, Deadlock: the pipelines the call re-enters (bits)
	Base     Category // Reentrancy: what is left outside those pipelines ("" if nothing)
	Sink     string   // full name of the sink (the once-cache, for Deadlock)
	Via      []string // the calls from the function to the sink, inclusive, at most maxVia
	What     string   // what happens at run time
	Fix      string   // the fix hint of a configured sink
	Notes    uint8    // qualifications the message spells out (noteSet)
}

// maxVia bounds the witness path a fact carries.
const maxVia = 6

func (*ReachFact) AFact() {}

func (f *ReachFact) String() string {
	var parts []string
	for _, r := range f.Reaches {
		parts = append(parts, "reaches "+string(r.Category)+" via "+r.Sink)
	}
	return strings.Join(parts, "; ")
}

// newReachFact summarises s for export.
func newReachFact(s summary) *ReachFact {
	f := new(ReachFact)
	for _, wit := range s {
		var via []string
		for _, h := range wit.chain {
			via = append(via, h.qualified())
		}
		if len(via) > maxVia {
			via = append(via[:maxVia-2:maxVia-2], "…", via[len(via)-1])
		}
		f.Reaches = append(f.Reaches, Reach{
			Category: wit.cat, Pipeline: uint8(wit.pipe), Base: wit.base, Sink: wit.sink,
			Via: via, What: wit.what, Fix: wit.fix, Notes: uint8(wit.notes),
		})
	}
	return f
}

// witnesses turns the fact of function name, called at pos, back into
// witnesses whose chain starts with that call.
func (f ReachFact) witnesses(name string, pos token.Pos) []witness {
	var out []witness
	for _, r := range f.Reaches {
		chain := []hop{{name: name, pos: pos}}
		for _, v := range r.Via {
			chain = append(chain, hop{name: v})
		}
		out = append(out, witness{
			cat: r.Category, pipe: pipeline(r.Pipeline), base: r.Base, sink: r.Sink,
			what: r.What, fix: r.Fix, notes: noteSet(r.Notes), chain: chain,
		})
	}
	return out
}
