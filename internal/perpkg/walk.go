package perpkg

import (
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ssa"

	"github.com/spanhotpath/spanhotpath/internal/catalog"
	"github.com/spanhotpath/spanhotpath/internal/classify"
	"github.com/spanhotpath/spanhotpath/internal/directive"
	"github.com/spanhotpath/spanhotpath/internal/flow"
	"github.com/spanhotpath/spanhotpath/internal/hazard"
)

// walker holds one package's analysis: its SSA, the value-flow index and
// the call-site rules. It is the engine's hazard.Source, and the rules'
// classify.Source: calls resolve within the package, and across packages
// through facts.
type walker struct {
	u        *Unit
	cat      *catalog.Catalog
	starts   map[token.Pos]token.Pos // call Lparen -> call expression start
	ignores  *directive.Set
	pkg      *ssa.Package
	flow     *flow.Index
	funcs    []*ssa.Function // every function with a body, in a stable order
	known    map[*ssa.Function]bool
	classify *classify.Classifier
	resolver *classify.Resolver
	res      *hazard.Result
}

// discover adds fn and every function it contains or calls within the
// package to w.funcs, and indexes their stores.
func (w *walker) discover(fn *ssa.Function) {
	if fn == nil || w.known[fn] || len(fn.Blocks) == 0 {
		return
	}
	w.known[fn] = true
	w.funcs = append(w.funcs, fn)
	w.flow.Add(fn)
	for _, anon := range fn.AnonFuncs {
		w.discover(anon)
	}
	for _, b := range fn.Blocks {
		for _, instr := range b.Instrs {
			// Instantiations and wrappers are created on demand by
			// calls; they have bodies and belong to the walk too.
			for _, op := range instr.Operands(nil) {
				if f, ok := (*op).(*ssa.Function); ok && w.inPackage(f) {
					w.discover(f)
				}
			}
		}
	}
}

// inPackage reports whether fn's body is this package's code: declared
// here, an instantiation of a generic declared here, or a wrapper.
func (w *walker) inPackage(fn *ssa.Function) bool {
	if len(fn.Blocks) == 0 {
		return false
	}
	if fn.Pkg == w.pkg {
		return true
	}
	if o := fn.Origin(); o != nil && o.Pkg == w.pkg {
		return true
	}
	if p := fn.Parent(); p != nil {
		return w.inPackage(p)
	}
	// Synthetic wrappers (bound methods, thunks, promoted methods) are
	// built for this package on demand; walking them reaches the method.
	return fn.Synthetic != "" && fn.Pkg == nil
}

// Edges implements hazard.Source.
func (w *walker) Edges(fn *ssa.Function) []hazard.Edge { return w.resolver.Edges(fn) }

// Reviewed implements hazard.Source: the reasoned directive in the doc
// comment of a declared function.
func (w *walker) Reviewed(fn *ssa.Function) *directive.Directive {
	if obj := classify.FuncObject(fn); obj != nil {
		if d := w.ignores.Func(obj); d.Silences() {
			return d
		}
	}
	return nil
}

// Sources, FuncSources and StoredIn implement classify.Source with the
// package's value flow.
func (w *walker) Sources(v ssa.Value) []ssa.Value       { return w.flow.Sources(v) }
func (w *walker) FuncSources(v ssa.Value) []ssa.Value   { return w.flow.FuncSources(v) }
func (w *walker) CallSources(v ssa.Value) []ssa.Value   { return w.flow.CallSources(v) }
func (w *walker) CallsTo(name string) []*ssa.CallCommon { return w.flow.CallsTo(name) }
func (w *walker) StoredIn(v ssa.Value) string           { return w.flow.StoredIn(v) }

// Local implements classify.Source: the package's own code.
func (w *walker) Local(fn *ssa.Function) bool { return w.inPackage(fn) }

// External implements classify.Source: another package's function, through
// its fact.
func (w *walker) External(obj *types.Func, pos token.Pos) []hazard.Witness {
	fact, ok := w.u.Facts.Import(obj)
	if !ok {
		return nil
	}
	return fact.witnesses(obj.Origin().FullName(), pos)
}

// Implementations implements classify.Source: the methods of the concrete
// types that flow to the receiver within the package (no class-hierarchy
// guess: a type the package never converts to the interface is not called).
func (w *walker) Implementations(_ *ssa.Function, call ssa.CallInstruction) []*ssa.Function {
	c := call.Common()
	var out []*ssa.Function
	for _, t := range w.flow.ConcreteTypes(c.Value) {
		sel := w.pkg.Prog.MethodSets.MethodSet(t).Lookup(c.Method.Pkg(), c.Method.Name())
		if sel == nil {
			continue
		}
		if callee := w.pkg.Prog.MethodValue(sel); callee != nil {
			out = append(out, callee)
		}
	}
	return out
}

// Hop implements classify.Source: the hop of a call to fn, a function with
// a body here.
func (w *walker) Hop(fn *ssa.Function, label string) *hazard.Hop {
	if label != "" {
		return &hazard.Hop{Name: label, Qual: w.u.Pkg.Path() + "." + label, Pkg: w.u.Pkg.Path()}
	}
	if fn.Synthetic != "" && fn.Parent() == nil && fn.Origin() == nil {
		return nil // a wrapper: its callee's hop follows
	}
	return &hazard.Hop{Name: classify.DisplayName(fn, w.u.Pkg), Qual: classify.QualifiedName(fn), Pkg: w.u.Pkg.Path()}
}

// Ignored implements classify.Source: the directive on the line where the
// call at pos starts. Most packages have none: then no position is mapped
// at all.
func (w *walker) Ignored(pos token.Pos) *directive.Directive {
	if !w.ignores.HasLines() {
		return nil
	}
	return w.ignores.At(w.u.Fset, w.posOf(pos))
}
