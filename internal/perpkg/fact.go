package perpkg

import (
	"go/token"
	"go/types"
	"strings"

	"github.com/spanhotpath/spanhotpath/internal/catalog"
	"github.com/spanhotpath/spanhotpath/internal/hazard"
)

// Fact summarises what a function reaches, for callers in other packages.
// It is exported only for functions that reach a sink. Entries are sorted
// by severity, at most one per category and pipeline. It holds no maps, so
// its encoding is deterministic. (The analyzer registers it, unexported, as
// its analysis.Fact.)
type Fact struct {
	Reaches []Reach
}

// Reach is one category a function reaches, with a bounded witness path.
type Reach struct {
	Category catalog.Category
	Pipeline uint8            // Reentrancy, Deadlock: the pipelines the call re-enters (bits)
	Base     catalog.Category // Reentrancy: what is left outside those pipelines ("" if nothing)
	Sink     string           // full name of the sink (the once-cache, for Deadlock)
	Via      []Via            // the calls from the function to the sink, inclusive, at most maxVia
	What     string           // what happens at run time
	Fix      string           // the fix hint of a configured sink
	Notes    uint8            // qualifications the message spells out (hazard.Notes)
}

// Via is one call of a fact's witness path: the callee's full name, and
// how it is called (a goroutine; "lazily cached by sync.OnceValue"), so
// that a message reads the same whether the path crosses a package or not.
type Via struct {
	Qual  string
	By    string
	Async bool
}

// Facts is where a unit's facts come from and go to: the analysis
// framework's fact store under go vet and golangci-lint, the driver's own
// elsewhere.
type Facts interface {
	Import(fn *types.Func) (*Fact, bool)
	Export(fn *types.Func, f *Fact)
}

// maxVia bounds the witness path a fact carries.
const maxVia = 6

func (f *Fact) String() string {
	var parts []string
	for _, r := range f.Reaches {
		parts = append(parts, "reaches "+string(r.Category)+" via "+r.Sink)
	}
	return strings.Join(parts, "; ")
}

// newFact summarises s for export.
func newFact(s hazard.Summary) *Fact {
	f := new(Fact)
	for _, wit := range s {
		var via []Via
		for _, h := range wit.Chain {
			via = append(via, Via{Qual: h.Qual, By: h.By, Async: h.Async})
		}
		if len(via) > maxVia {
			via = append(via[:maxVia-2:maxVia-2], Via{Qual: "…"}, via[len(via)-1])
		}
		f.Reaches = append(f.Reaches, Reach{
			Category: wit.Cat, Pipeline: uint8(wit.Pipe), Base: wit.Base, Sink: wit.Sink,
			Via: via, What: wit.What, Fix: wit.Fix, Notes: uint8(wit.Notes),
		})
	}
	return f
}

// witnesses turns the fact of function name, called at pos, back into
// witnesses whose chain starts with that call.
func (f *Fact) witnesses(name string, pos token.Pos) []hazard.Witness {
	var out []hazard.Witness
	for _, r := range f.Reaches {
		chain := []hazard.Hop{{Name: name, Qual: name, Pos: pos}}
		for _, v := range r.Via {
			chain = append(chain, hazard.Hop{Name: v.Qual, Qual: v.Qual, By: v.By, Async: v.Async})
		}
		out = append(out, hazard.Witness{
			Cat: r.Category, Pipe: catalog.Pipeline(r.Pipeline), Base: r.Base, Sink: r.Sink,
			What: r.What, Fix: r.Fix, Notes: hazard.Notes(r.Notes), Chain: chain,
		})
	}
	return out
}
