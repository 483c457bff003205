package perpkg

import (
	"go/token"
	"go/types"
	"sort"
	"strings"

	"golang.org/x/tools/go/ssa"

	"github.com/spanhotpath/spanhotpath/internal/catalog"
	"github.com/spanhotpath/spanhotpath/internal/classify"
	"github.com/spanhotpath/spanhotpath/internal/directive"
	"github.com/spanhotpath/spanhotpath/internal/hazard"
)

// walker holds one package's analysis: its SSA, the value-flow index and
// the call-site rules. It is the engine's Source.
type walker struct {
	u        *Unit
	cat      *catalog.Catalog
	starts   map[token.Pos]token.Pos // call Lparen -> call expression start
	ignores  *directive.Set
	pkg      *ssa.Package
	flow     *flowIndex
	funcs    []*ssa.Function // every function with a body, in a stable order
	known    map[*ssa.Function]bool
	classify *classify.Classifier
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
	w.flow.add(fn)
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
func (w *walker) Edges(fn *ssa.Function) []hazard.Edge { return w.callEdges(fn) }

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

// hop is the hop of a call to fn, a function with a body here.
func (w *walker) hop(fn *ssa.Function, label string) *hazard.Hop {
	if label != "" {
		return &hazard.Hop{Name: label, Qual: w.u.Pkg.Path() + "." + label, Pkg: w.u.Pkg.Path()}
	}
	if fn.Synthetic != "" && fn.Parent() == nil && fn.Origin() == nil {
		return nil // a wrapper: its callee's hop follows
	}
	return &hazard.Hop{Name: w.displayName(fn), Qual: qualifiedName(fn), Pkg: w.u.Pkg.Path()}
}

// callEdges resolves every call in fn.
func (w *walker) callEdges(fn *ssa.Function) []hazard.Edge {
	var edges []hazard.Edge
	held := classify.HeldLocks(fn)
	memo := classify.MemoCalls(fn)
	for _, b := range fn.Blocks {
		for _, instr := range b.Instrs {
			call, ok := instr.(ssa.CallInstruction)
			if !ok {
				continue
			}
			mode := hazard.SyncCall
			if _, isGo := instr.(*ssa.Go); isGo {
				mode = hazard.AsyncCall
			} else if held[call] {
				mode = hazard.LockedCall
			}
			es := w.resolve(fn, call.Common(), mode)
			if d := w.ignoreAt(call.Pos()); d != nil {
				for i := range es {
					es[i].Ignored = d
				}
			}
			for i := range es {
				es[i].Memo = memo[call]
			}
			edges = append(edges, es...)
		}
	}
	return edges
}

// resolve returns the edges of one call.
func (w *walker) resolve(fn *ssa.Function, c *ssa.CallCommon, mode hazard.Mode) []hazard.Edge {
	pos := c.Pos()
	if _, ok := c.Value.(*ssa.Builtin); ok {
		return nil
	}
	if c.IsInvoke() {
		if spec, name, ok := w.constructed(c); ok {
			return w.catalogEdges(fn, c, spec, name, pos, mode, true)
		}
		if spec, name, ok := w.cat.Lookup(c.Method); ok {
			return w.catalogEdges(fn, c, spec, name, pos, mode, true)
		}
		if classify.IsGRPCStubMethod(c.Method) {
			wit := w.classify.GRPCStubWitness(c.Value)
			wit.Chain = []hazard.Hop{{Name: c.Method.FullName(), Qual: c.Method.FullName(), Pos: pos}}
			wit.Sink = c.Method.FullName()
			return []hazard.Edge{{Pos: pos, Mode: mode, Direct: []hazard.Witness{wit}}}
		}
		// Resolve to the concrete types that flow to the receiver.
		var edges []hazard.Edge
		for _, t := range w.concreteTypes(c.Value) {
			sel := w.pkg.Prog.MethodSets.MethodSet(t).Lookup(c.Method.Pkg(), c.Method.Name())
			if sel == nil {
				continue
			}
			if callee := w.pkg.Prog.MethodValue(sel); callee != nil {
				edges = append(edges, w.target(fn, c, callee, pos, mode)...)
			}
		}
		return edges
	}
	if callee := c.StaticCallee(); callee != nil {
		return w.target(fn, c, callee, pos, mode)
	}
	// A function value: what flows to it.
	var edges []hazard.Edge
	for _, src := range w.flow.funcSources(c.Value) {
		edges = append(edges, w.valueEdges(fn, c, src, pos, mode)...)
	}
	return edges
}

// constructed returns the catalog entry of an interface method call whose
// receiver a catalogued constructor built (an EC2 resource detector's
// Detect, behind resource.Detector).
func (w *walker) constructed(c *ssa.CallCommon) (catalog.Spec, string, bool) {
	for _, src := range w.flow.sources(c.Value) {
		if name := classify.StaticCallName(src); name != "" {
			if spec, impl, ok := w.cat.Constructed(name, c.Method.FullName()); ok {
				return spec, impl, true
			}
		}
	}
	return catalog.Spec{}, "", false
}

// valueEdges returns the edges of calling the function value src (c is
// the call, or nil when a library function calls it).
func (w *walker) valueEdges(fn *ssa.Function, c *ssa.CallCommon, src ssa.Value, pos token.Pos, mode hazard.Mode) []hazard.Edge {
	switch src := src.(type) {
	case *ssa.Parameter:
		return []hazard.Edge{{Pos: pos, Mode: mode, Param: src}}
	case *ssa.Function:
		return w.target(fn, c, src, pos, mode)
	case *ssa.MakeClosure:
		if f, ok := src.Fn.(*ssa.Function); ok {
			return w.target(fn, c, f, pos, mode)
		}
	case *ssa.Call:
		// The function returned by sync.OnceFunc/OnceValue(s): a once-cache
		// unless it was created in the calling function itself.
		callee := src.Call.StaticCallee()
		if callee == nil {
			return nil
		}
		obj := classify.FuncObject(callee)
		if obj == nil {
			return nil
		}
		spec, name, ok := w.cat.Lookup(obj)
		if !ok || spec.Kind != catalog.OnceWrap {
			return nil
		}
		m := hazard.OnceCached
		if createdIn(src.Parent(), fn) {
			m = mode
		}
		var edges []hazard.Edge
		for _, i := range spec.Args {
			if i < len(src.Call.Args) {
				for _, f := range w.flow.funcSources(src.Call.Args[i]) {
					for _, e := range w.valueEdges(fn, nil, f, pos, m) {
						if m == hazard.OnceCached {
							e.Wrapper = name
							if label := w.flow.storedIn[src]; label != "" && e.Callee != nil {
								e.Hop = w.hop(e.Callee, label)
							}
						}
						edges = append(edges, e)
					}
				}
			}
		}
		return edges
	}
	return nil
}

// createdIn reports whether a value made in function maker is made anew on
// every call of fn: in fn itself or in a function literal fn contains.
func createdIn(maker, fn *ssa.Function) bool {
	for f := fn; f != nil; f = f.Parent() {
		if f == maker {
			return true
		}
	}
	for f := maker; f != nil; f = f.Parent() {
		if f == fn {
			return true
		}
	}
	return false
}

// target returns the edges of a call to callee (c is nil for calls of
// function values, whose arguments the walk does not inspect).
func (w *walker) target(fn *ssa.Function, c *ssa.CallCommon, callee *ssa.Function, pos token.Pos, mode hazard.Mode) []hazard.Edge {
	obj := classify.FuncObject(callee)
	if obj != nil {
		if spec, name, ok := w.cat.Lookup(obj); ok {
			return w.catalogEdges(fn, c, spec, name, pos, mode, false)
		}
	}
	if w.inPackage(callee) {
		return []hazard.Edge{{Pos: pos, Mode: mode, Callee: callee, Hop: w.hop(callee, ""), Args: w.argTargets(fn, c, callee)}}
	}
	if obj == nil {
		return nil
	}
	fact, ok := w.u.Facts.Import(obj)
	if !ok {
		return nil
	}
	wits := fact.witnesses(obj.Origin().FullName(), pos)
	for i, wit := range wits {
		// A helper elsewhere that uses http.DefaultTransport re-enters
		// when this package instruments the default transport.
		if wit.Notes&hazard.NoteDefaultTransport != 0 && w.classify.InstrumentedDefault.IsValid() {
			d := w.classify.DefaultTransportWitness()
			d.Chain, d.Sink = wit.Chain, wit.Sink
			wits[i] = d
		}
	}
	return []hazard.Edge{{Pos: pos, Mode: mode, Direct: wits}}
}

// argTargets returns, for each function-typed parameter of callee, the
// targets of the argument call c passes for it (nil for the others): what
// a call of that parameter inside callee calls, from this call site.
func (w *walker) argTargets(fn *ssa.Function, c *ssa.CallCommon, callee *ssa.Function) [][]hazard.Edge {
	if c == nil {
		return nil
	}
	args := c.Args
	if c.IsInvoke() {
		args = append([]ssa.Value{c.Value}, c.Args...) // the receiver is the method's first parameter
	}
	var out [][]hazard.Edge
	for i, p := range callee.Params {
		if i >= len(args) || !isFuncType(p.Type()) || len(*p.Referrers()) == 0 {
			continue
		}
		if out == nil {
			out = make([][]hazard.Edge, len(callee.Params))
		}
		for _, src := range w.flow.funcSources(args[i]) {
			out[i] = append(out[i], w.valueEdges(fn, nil, src, token.NoPos, hazard.SyncCall)...)
		}
	}
	return out
}

// catalogEdges applies a catalog entry at a call.
func (w *walker) catalogEdges(fn *ssa.Function, c *ssa.CallCommon, spec catalog.Spec, name string, pos token.Pos, mode hazard.Mode, invoke bool) []hazard.Edge {
	sink := func(wit hazard.Witness) []hazard.Edge {
		if wit.What == "" {
			wit.What = spec.What
		}
		wit.Fix = spec.Fix
		wit.Sink = name
		wit.Chain = []hazard.Hop{{Name: name, Qual: name, Pos: pos}}
		return []hazard.Edge{{Pos: pos, Mode: mode, Direct: []hazard.Witness{wit}}}
	}
	args := func() []ssa.Value {
		if c == nil {
			return nil
		}
		if !invoke && c.Signature().Recv() != nil && len(c.Args) > 0 {
			return c.Args[1:] // static method call: receiver first
		}
		return c.Args
	}
	switch spec.Kind {
	case catalog.SafeCall:
		return nil
	case catalog.PlainSink:
		return sink(hazard.Witness{Cat: spec.Category, Pipe: spec.Pipeline})
	case catalog.DefaultHTTP:
		return sink(w.classify.DefaultTransportWitness())
	case catalog.HTTPClientCall:
		if c == nil || len(c.Args) == 0 {
			return sink(hazard.Witness{Cat: catalog.Network, What: "an HTTP request", Notes: hazard.NoteUnknownTransport})
		}
		return sink(w.classify.ClientWitness(c.Args[0]))
	case catalog.RoundTripper:
		return sink(hazard.Witness{Cat: catalog.Reentrancy, Pipe: catalog.InstrumentedPipeline, Base: catalog.Network,
			What: "the otelhttp transport starts a span for the request"})
	case catalog.SlogLoggerCall:
		if c != nil && len(c.Args) > 0 && w.classify.BridgedLogger(c.Args[0]) {
			return sink(classify.BridgedLoggerWitness())
		}
		return nil
	case catalog.SlogDefaultCall:
		if w.classify.BridgedDefault.IsValid() {
			return sink(w.classify.BridgedDefaultWitness())
		}
		return nil
	case catalog.GRPCConnCall:
		if c == nil || len(c.Args) == 0 {
			return sink(hazard.Witness{Cat: catalog.Network, What: "a gRPC call"})
		}
		return sink(w.classify.GRPCWitness(c.Args[0]))
	case catalog.CallsArgs, catalog.CallsArgsAsync, catalog.OnceDo:
		m := mode
		wrapper := ""
		switch spec.Kind {
		case catalog.CallsArgsAsync:
			m = hazard.AsyncCall
			wrapper = name
		case catalog.OnceDo:
			wrapper = name
			if c != nil && !w.localOnce(fn, c) {
				m = hazard.OnceCached
			}
		}
		var edges []hazard.Edge
		a := args()
		for _, i := range spec.Args {
			if i >= len(a) {
				continue
			}
			for _, src := range w.flow.funcSources(a[i]) {
				for _, e := range w.valueEdges(fn, nil, src, pos, m) {
					if e.Wrapper == "" {
						e.Wrapper = wrapper
					}
					edges = append(edges, e)
				}
			}
		}
		return edges
	}
	return nil
}

// localOnce reports whether the sync.Once of a Do call is a local variable
// of the calling function: made anew on every call, it caches nothing.
func (w *walker) localOnce(fn *ssa.Function, c *ssa.CallCommon) bool {
	if len(c.Args) == 0 {
		return false
	}
	alloc, ok := c.Args[0].(*ssa.Alloc)
	return ok && createdIn(alloc.Parent(), fn)
}

// concreteTypes returns the concrete types that flow to an interface value.
func (w *walker) concreteTypes(v ssa.Value) []types.Type {
	var out []types.Type
	seen := make(map[string]bool)
	for _, src := range w.flow.sources(v) {
		t := src.Type()
		if g, ok := src.(*ssa.Global); ok {
			t = g.Type().Underlying().(*types.Pointer).Elem()
		}
		if types.IsInterface(t) {
			continue
		}
		if c, ok := src.(*ssa.Const); ok && c.IsNil() {
			continue // a nil interface calls nothing
		}
		key := types.TypeString(t, nil)
		if !seen[key] {
			seen[key] = true
			out = append(out, t)
		}
	}
	sort.Slice(out, func(i, j int) bool { return types.TypeString(out[i], nil) < types.TypeString(out[j], nil) })
	return out
}

// displayName names a function of this package as Go's stack traces do,
// without the package: getHostIP, (*P).lookup, P.get, (*P).OnStart.func1.
func (w *walker) displayName(fn *ssa.Function) string {
	if o := fn.Origin(); o != nil {
		fn = o
	}
	if p := fn.Parent(); p != nil {
		idx := 0
		for i, a := range p.AnonFuncs {
			if a == fn {
				idx = i + 1
			}
		}
		if p.Parent() == nil {
			return w.displayName(p) + ".func" + itoa(idx)
		}
		return w.displayName(p) + "." + itoa(idx)
	}
	obj := classify.FuncObject(fn)
	if obj == nil {
		return strings.TrimSuffix(strings.TrimSuffix(fn.Name(), "$bound"), "$thunk")
	}
	if obj.Pkg() != nil && obj.Pkg() != w.u.Pkg {
		return obj.FullName()
	}
	sig := obj.Signature()
	if sig.Recv() == nil {
		return obj.Name()
	}
	return recvString(sig.Recv().Type(), w.u.Pkg, true) + "." + obj.Name()
}

// recvString prints a receiver type: *P or P, qualified by package name
// outside pkg; in a method name, a pointer receiver is parenthesised.
func recvString(t types.Type, pkg *types.Package, paren bool) string {
	ptr := false
	if p, ok := t.(*types.Pointer); ok {
		ptr, t = true, p.Elem()
	}
	name := types.TypeString(t, func(p *types.Package) string {
		if p == pkg {
			return ""
		}
		return p.Name()
	})
	if i := strings.IndexByte(name, '['); i >= 0 {
		name = name[:i] // generic receivers: the type's name
	}
	switch {
	case ptr && paren:
		return "(*" + name + ")"
	case ptr:
		return "*" + name
	}
	return name
}

func itoa(i int) string {
	const digits = "0123456789"
	if i < 10 {
		return digits[i : i+1]
	}
	return itoa(i/10) + digits[i%10:i%10+1]
}

// ignoreAt returns the directive on the line where the call at pos starts.
// Most packages have none: then no position is mapped at all.
func (w *walker) ignoreAt(pos token.Pos) *directive.Directive {
	if !w.ignores.HasLines() {
		return nil
	}
	return w.ignores.At(w.u.Fset, w.posOf(pos))
}
