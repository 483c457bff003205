package classify

import (
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ssa"

	"github.com/spanhotpath/spanhotpath/internal/catalog"
	"github.com/spanhotpath/spanhotpath/internal/directive"
	"github.com/spanhotpath/spanhotpath/internal/hazard"
)

// Source is what the call-site rules need from a graph source: value flow,
// which functions it summarises, what it knows of the others, how dynamic
// calls resolve, and the directives and names of its code.
type Source interface {
	Oracle
	// FuncSources is Sources for a function value about to be called:
	// a function-typed parameter is a leaf, resolved per caller by the
	// engine.
	FuncSources(v ssa.Value) []ssa.Value
	// StoredIn names the variable or field a value is stored in ("" if
	// none): a once-cached function is reported by that name.
	StoredIn(v ssa.Value) string
	// Local reports whether the engine summarises fn (its body is in
	// the code the source reads).
	Local(fn *ssa.Function) bool
	// External returns what a function the source does not read
	// reaches, as witnesses whose chain starts with a call at pos (from
	// facts), or nil.
	External(fn *types.Func, pos token.Pos) []hazard.Witness
	// Implementations returns the methods an interface method call in
	// caller can run.
	Implementations(caller *ssa.Function, call ssa.CallInstruction) []*ssa.Function
	// Hop names a call of fn, a Local function (label: the variable a
	// once-cached function is stored in, if any).
	Hop(fn *ssa.Function, label string) *hazard.Hop
	// Ignored returns the //spanhotpath:ignore directive of the call at
	// pos, or nil.
	Ignored(pos token.Pos) *directive.Directive
}

// Resolver turns the calls of a function into the engine's edges, with the
// catalog and the call-site rules: it is the whole of a source's Edges but
// for what the Source answers.
type Resolver struct {
	Cat        *catalog.Catalog
	Src        Source
	Classifier *Classifier
}

// Edges resolves every call in fn.
func (r *Resolver) Edges(fn *ssa.Function) []hazard.Edge {
	var edges []hazard.Edge
	held := HeldLocks(fn)
	memo := MemoCalls(fn)
	for _, b := range fn.Blocks {
		for _, instr := range b.Instrs {
			if e, ok := r.timerWait(instr); ok {
				edges = append(edges, e)
				continue
			}
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
			es := r.resolve(fn, call, mode)
			if d := r.Src.Ignored(call.Pos()); d != nil {
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

// timerWait returns the edge of a receive from a timer's channel
// (<-time.After(d) sleeps d), alone or in a select without a default,
// which waits for the timer when no other case is ready.
func (r *Resolver) timerWait(instr ssa.Instruction) (hazard.Edge, bool) {
	var chans []ssa.Value
	how := "a receive from "
	switch instr := instr.(type) {
	case *ssa.UnOp:
		if instr.Op == token.ARROW {
			chans = append(chans, instr.X)
		}
	case *ssa.Select:
		if !instr.Blocking {
			return hazard.Edge{}, false
		}
		how = "a select on "
		for _, st := range instr.States {
			if st.Dir == types.RecvOnly {
				chans = append(chans, st.Chan)
			}
		}
	}
	for _, ch := range chans {
		for _, src := range r.Src.Sources(ch) {
			name := StaticCallName(src)
			if !catalog.Timers[name] {
				continue
			}
			pos := instr.Pos()
			w := hazard.Witness{Cat: catalog.Blocking, What: "a wait for a timer (" + how + name + ")",
				Fix: catalog.FixBlocking, Sink: name,
				Chain: []hazard.Hop{{Name: name, Qual: name, Pos: pos}}}
			return hazard.Edge{Pos: pos, Direct: []hazard.Witness{w}}, true
		}
	}
	return hazard.Edge{}, false
}

// resolve returns the edges of one call.
func (r *Resolver) resolve(fn *ssa.Function, call ssa.CallInstruction, mode hazard.Mode) []hazard.Edge {
	c := call.Common()
	pos := c.Pos()
	if _, ok := c.Value.(*ssa.Builtin); ok {
		return nil
	}
	if c.IsInvoke() {
		if spec, name, ok := r.constructed(c); ok {
			return r.catalogEdges(fn, c, receiver(c), spec, name, pos, mode)
		}
		if spec, name, ok := r.Cat.Lookup(c.Method); ok {
			if spec.Kind != catalog.TransportCall {
				return r.catalogEdges(fn, c, receiver(c), spec, name, pos, mode)
			}
			// A round trip on an interface value: the transport that
			// flows to it decides, else its implementations do.
			if w, ok := r.Classifier.RoundTripWitness(c.Value); ok {
				w.Sink = name
				w.Chain = []hazard.Hop{{Name: name, Qual: name, Pos: pos}}
				return []hazard.Edge{{Pos: pos, Mode: mode, Direct: []hazard.Witness{w}}}
			}
		}
		if IsGRPCStubMethod(c.Method) {
			wit := r.Classifier.GRPCStubWitness(c.Value)
			wit.Chain = []hazard.Hop{{Name: c.Method.FullName(), Qual: c.Method.FullName(), Pos: pos}}
			wit.Sink = c.Method.FullName()
			return []hazard.Edge{{Pos: pos, Mode: mode, Direct: []hazard.Witness{wit}}}
		}
		var edges []hazard.Edge
		why, _ := r.Src.(interface {
			Why(call ssa.CallInstruction, callee *ssa.Function) string
		})
		for _, callee := range r.Src.Implementations(fn, call) {
			es := r.target(fn, c, callee, pos, mode)
			if why != nil {
				if w := why.Why(call, callee); w != "" {
					for i := range es {
						if es[i].Hop != nil {
							h := *es[i].Hop
							h.Why = w
							es[i].Hop = &h
						}
					}
				}
			}
			edges = append(edges, es...)
		}
		return edges
	}
	if callee := c.StaticCallee(); callee != nil {
		return r.target(fn, c, callee, pos, mode)
	}
	// A function value: what flows to it.
	var edges []hazard.Edge
	for _, src := range r.Src.FuncSources(c.Value) {
		edges = append(edges, r.valueEdges(fn, c, src, pos, mode)...)
	}
	return edges
}

// Call returns the edges of a call at pos to callee, a function or method
// the caller calls (a library function wiring it, for instance): the
// catalog's entry if it has one, else the callee's own.
func (r *Resolver) Call(caller, callee *ssa.Function, recv ssa.Value, pos token.Pos, mode hazard.Mode) []hazard.Edge {
	return r.targetOn(caller, nil, recv, callee, pos, mode)
}

// target returns the edges of a call to callee (c is nil for calls a
// library makes of a function value, whose arguments are not inspected).
func (r *Resolver) target(fn *ssa.Function, c *ssa.CallCommon, callee *ssa.Function, pos token.Pos, mode hazard.Mode) []hazard.Edge {
	return r.targetOn(fn, c, receiver(c), callee, pos, mode)
}

// targetOn is target with the receiver of a method call given (recv).
func (r *Resolver) targetOn(fn *ssa.Function, c *ssa.CallCommon, recv ssa.Value, callee *ssa.Function, pos token.Pos, mode hazard.Mode) []hazard.Edge {
	obj := FuncObject(callee)
	if obj != nil {
		if spec, name, ok := r.Cat.Lookup(obj); ok {
			return r.catalogEdges(fn, c, recv, spec, name, pos, mode)
		}
	}
	if r.Src.Local(callee) {
		return []hazard.Edge{{Pos: pos, Mode: mode, Callee: callee, Hop: r.Src.Hop(callee, ""), Args: r.argTargets(fn, c, callee)}}
	}
	if obj == nil {
		return nil
	}
	wits := r.Src.External(obj, pos)
	if len(wits) == 0 {
		return nil
	}
	for i, wit := range wits {
		// A helper elsewhere that uses http.DefaultTransport re-enters
		// when the default transport is instrumented.
		if wit.Notes&hazard.NoteDefaultTransport != 0 && r.Classifier.InstrumentedDefault.IsValid() {
			d := r.Classifier.DefaultTransportWitness()
			d.Chain, d.Sink = wit.Chain, wit.Sink
			wits[i] = d
		}
	}
	return []hazard.Edge{{Pos: pos, Mode: mode, Direct: wits}}
}

// receiver returns the receiver of a method call (nil for a function).
func receiver(c *ssa.CallCommon) ssa.Value {
	switch {
	case c == nil:
		return nil
	case c.IsInvoke():
		return c.Value
	case c.Signature().Recv() != nil && len(c.Args) > 0:
		return c.Args[0]
	}
	return nil
}

// isFuncType reports whether t is a function type.
func isFuncType(t types.Type) bool {
	_, ok := t.Underlying().(*types.Signature)
	return ok
}

func (r *Resolver) constructed(c *ssa.CallCommon) (catalog.Spec, string, bool) {
	for _, src := range r.Src.Sources(c.Value) {
		if call := callOf(src); call != nil {
			name := StaticCallName(call)
			if spec, impl, ok := r.Cat.Constructed(name, c.Method.FullName()); ok {
				return spec, impl, true
			}
		}
	}
	return catalog.Spec{}, "", false
}
func (r *Resolver) valueEdges(fn *ssa.Function, c *ssa.CallCommon, src ssa.Value, pos token.Pos, mode hazard.Mode) []hazard.Edge {
	switch src := src.(type) {
	case *ssa.Parameter:
		return []hazard.Edge{{Pos: pos, Mode: mode, Param: src}}
	case *ssa.Function:
		return r.target(fn, c, src, pos, mode)
	case *ssa.MakeClosure:
		if f, ok := src.Fn.(*ssa.Function); ok {
			return r.target(fn, c, f, pos, mode)
		}
	case *ssa.Call:
		// The function returned by sync.OnceFunc/OnceValue(s): a once-cache
		// unless it was created in the calling function itself.
		callee := src.Call.StaticCallee()
		if callee == nil {
			return nil
		}
		obj := FuncObject(callee)
		if obj == nil {
			return nil
		}
		spec, name, ok := r.Cat.Lookup(obj)
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
				for _, f := range r.Src.FuncSources(src.Call.Args[i]) {
					for _, e := range r.valueEdges(fn, nil, f, pos, m) {
						if m == hazard.OnceCached {
							e.Wrapper = name
							if label := r.Src.StoredIn(src); label != "" && e.Callee != nil {
								e.Hop = r.Src.Hop(e.Callee, label)
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
func (r *Resolver) argTargets(fn *ssa.Function, c *ssa.CallCommon, callee *ssa.Function) [][]hazard.Edge {
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
		for _, src := range r.Src.FuncSources(args[i]) {
			out[i] = append(out[i], r.valueEdges(fn, nil, src, token.NoPos, hazard.SyncCall)...)
		}
	}
	return out
}
func (r *Resolver) catalogEdges(fn *ssa.Function, c *ssa.CallCommon, recv ssa.Value, spec catalog.Spec, name string, pos token.Pos, mode hazard.Mode) []hazard.Edge {
	sink := func(wit hazard.Witness) []hazard.Edge {
		if wit.What == "" {
			wit.What = spec.What
		}
		if spec.Fix != "" {
			wit.Fix = spec.Fix // the user's hint wins
		}
		wit.Sink = name
		wit.Chain = []hazard.Hop{{Name: name, Qual: name, Pos: pos}}
		return []hazard.Edge{{Pos: pos, Mode: mode, Direct: []hazard.Witness{wit}}}
	}
	args := func() []ssa.Value {
		if c == nil {
			return nil
		}
		if !c.IsInvoke() && c.Signature().Recv() != nil && len(c.Args) > 0 {
			return c.Args[1:] // static method call: receiver first
		}
		return c.Args
	}
	switch spec.Kind {
	case catalog.SafeCall:
		return nil
	case catalog.ClientCall:
		var ctx ssa.Value
		if as := args(); len(as) > 0 && catalog.IsContext(as[0].Type()) {
			ctx = as[0]
		}
		w, ok := r.Classifier.ClientCallWitness(recv, ctx, spec.Client, spec.What)
		if !ok {
			return nil
		}
		return sink(w)
	case catalog.LogrusCall:
		// Every hook added to a logger fires on the caller's
		// goroutine. The formatted line itself goes to the logger's
		// Out, standard error by default: like a log.Printf, not a
		// finding.
		var edges []hazard.Edge
		for _, hook := range r.logrusHooks(fn, recv) {
			for _, e := range r.target(fn, nil, hook, pos, mode) {
				e.Wrapper = name
				edges = append(edges, e)
			}
		}
		return edges
	case catalog.TransportCall:
		return nil // decided at the call, or left to the implementations
	case catalog.ExportCall:
		w := r.Classifier.ExportWitness(recv, spec.Exporter)
		if w.Cat == "" {
			return nil // an exporter that writes to memory
		}
		if w.Cat.Plain() && w.Fix == "" {
			w.Fix = catalog.FixExport
		}
		return sink(w)
	case catalog.PlainSink:
		return sink(hazard.Witness{Cat: spec.Category, Pipe: spec.Pipeline})
	case catalog.DefaultHTTP:
		return sink(r.Classifier.DefaultTransportWitness())
	case catalog.HTTPClientCall:
		if recv == nil {
			return sink(hazard.Witness{Cat: catalog.Network, What: "an HTTP request", Notes: hazard.NoteUnknownTransport})
		}
		return sink(r.Classifier.ClientWitness(recv))
	case catalog.RoundTripper:
		return sink(hazard.Witness{Cat: catalog.Reentrancy, Pipe: catalog.InstrumentedPipeline, Base: catalog.Network,
			What: "the otelhttp transport starts a span for the request"})
	case catalog.SlogLoggerCall:
		if recv != nil && r.Classifier.BridgedLogger(recv) {
			return sink(BridgedLoggerWitness())
		}
		return nil
	case catalog.SlogDefaultCall:
		if r.Classifier.BridgedDefault.IsValid() {
			return sink(r.Classifier.BridgedDefaultWitness())
		}
		return nil
	case catalog.GRPCConnCall:
		if recv == nil {
			return sink(hazard.Witness{Cat: catalog.Network, What: "a gRPC call"})
		}
		return sink(r.Classifier.GRPCWitness(recv))
	case catalog.CallsArgs, catalog.CallsArgsAsync, catalog.OnceDo:
		m := mode
		wrapper := ""
		switch spec.Kind {
		case catalog.CallsArgsAsync:
			m = hazard.AsyncCall
			wrapper = name
		case catalog.OnceDo:
			wrapper = name
			if c != nil && !r.localOnce(fn, c) {
				m = hazard.OnceCached
			}
		}
		var edges []hazard.Edge
		a := args()
		for _, i := range spec.Args {
			if i >= len(a) {
				continue
			}
			for _, src := range r.Src.FuncSources(a[i]) {
				for _, e := range r.valueEdges(fn, nil, src, pos, m) {
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
func (r *Resolver) localOnce(fn *ssa.Function, c *ssa.CallCommon) bool {
	if len(c.Args) == 0 {
		return false
	}
	alloc, ok := c.Args[0].(*ssa.Alloc)
	return ok && createdIn(alloc.Parent(), fn)
}
