package hazard

import (
	"go/token"
	"sort"

	"golang.org/x/tools/go/ssa"

	"github.com/spanhotpath/spanhotpath/internal/catalog"
	"github.com/spanhotpath/spanhotpath/internal/directive"
)

// Root is one hot-path entry point: a hook method (or a configured root)
// and the type whose method set makes it one.
type Root struct {
	Fn    *ssa.Function
	Hook  string           // the method or function name, e.g. OnStart
	Recv  string           // the implementing type as the message shows it, "" for a function
	Note  string           // how the hook came to run, shown after Recv: "registered with sdktrace.WithSpanProcessor"
	Pkg   string           // the package whose readers the message is written for
	Pipe  catalog.Pipeline // the pipelines whose re-entry runs this hook again
	Event string           // "span start": the message says "on every <event>"

	// Reviewed is the reasoned directive in the hook's doc comment: it
	// silences every finding of the hook.
	Reviewed *directive.Directive

	// A hook promoted from an embedded type of another package has no
	// body here: its witnesses (from facts), reported at the embedded field.
	Promoted []Witness
	At       token.Pos
}

// Pos is where the root is declared.
func (r *Root) Pos() token.Pos {
	if r.Fn != nil {
		return r.Fn.Pos()
	}
	return r.At
}

// Findings returns the findings of one root: one per offending call in the
// hook's own body (function literals it contains included), with the most
// severe witness of that call, in source order. Findings silenced by a
// reviewed directive are included, with Suppressed set.
func (r *Result) Findings(root *Root) []Finding {
	best := make(map[token.Pos]Finding)
	var order []token.Pos
	consider := func(pos token.Pos, wit Witness, ignoreBy *directive.Directive) {
		wit, ok := r.forRoot(root, wit)
		if !ok {
			return
		}
		cur, seen := best[pos]
		if !seen {
			order = append(order, pos)
		}
		if !seen || moreSevere(wit, cur.Witness) {
			best[pos] = Finding{Category: wit.Cat, Pos: pos, Root: root, Witness: wit, Suppressed: ignoreBy}
		}
	}
	var hookDirective *directive.Directive
	if root.Reviewed.Silences() {
		hookDirective = root.Reviewed
	}
	for _, wit := range root.Promoted {
		consider(root.At, wit, nil)
	}
	visited := make(map[*ssa.Function]bool)
	var visit func(fn *ssa.Function, prefix []Hop, async bool)
	visit = func(fn *ssa.Function, prefix []Hop, async bool) {
		if visited[fn] {
			return
		}
		visited[fn] = true
		for _, e := range r.edgesOf(fn) {
			if e.Callee != nil && e.Mode != OnceCached && nestedIn(e.Callee, root.Fn) {
				// A function literal of the hook: its calls are in the
				// hook's body. Through a goroutine, its hop is kept.
				p := prefix
				if e.Mode == AsyncCall && e.Hop != nil {
					h := *e.Hop
					h.Pos, h.Async, h.By = e.Pos, true, ""
					p = append(append([]Hop(nil), prefix...), h)
				}
				visit(e.Callee, p, async || e.Mode == AsyncCall)
				continue
			}
			ignoreBy := hookDirective
			if e.Ignored.Silences() {
				ignoreBy = e.Ignored
			}
			for _, wit := range r.Lift(e) {
				if async && wit.Cat != catalog.Reentrancy {
					continue // off the hook's path: only spans multiply
				}
				pos := e.Pos
				if len(prefix) > 0 {
					pos = prefix[0].Pos
				}
				consider(pos, wit.Prepend(prefix...), ignoreBy)
			}
		}
	}
	if root.Fn != nil {
		visit(root.Fn, nil, false)
	}

	sort.Slice(order, func(i, j int) bool { return order[i] < order[j] })
	out := make([]Finding, 0, len(order))
	for _, pos := range order {
		f := best[pos]
		if f.Suppressed != nil {
			f.Suppressed.Used = true
		}
		out = append(out, f)
	}
	return out
}

// nestedIn reports whether fn is a function literal inside outer.
func nestedIn(fn, outer *ssa.Function) bool {
	for p := fn.Parent(); p != nil; p = p.Parent() {
		if p == outer {
			return true
		}
	}
	return false
}
