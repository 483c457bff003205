package analyzer

import (
	"go/token"
	"go/types"
	"sort"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"
)

// edgeMode says how a call's callee runs relative to the caller.
type edgeMode uint8

const (
	syncCall   edgeMode = iota // on the caller's goroutine (calls, defer, closures called in place)
	asyncCall                  // in a new goroutine (go, errgroup.Go, time.AfterFunc)
	onceCached                 // inside a once-cache that outlives the call (field or package variable)
	lockedCall                 // while the caller holds a mutex
)

// edge is one call from a function: either to a function of this package
// (callee, whose summary is lifted through the edge) or to code elsewhere,
// whose witnesses are known (direct, from the catalog or facts).
type edge struct {
	pos     token.Pos // call site
	mode    edgeMode
	wrapper string // hop before the callee: the once-cache or higher-order function
	callee  *ssa.Function
	label   string     // names the callee instead of its own name (the variable holding a once-cached function)
	ignored *directive // the //spanhotpath:ignore directive on the call's line
	memo    bool       // inside a field or package-variable memo
	direct  []witness
}

// walker holds one package's analysis: its SSA, the value-flow index, the
// call edges of every function and their summaries.
type walker struct {
	pass    *analysis.Pass
	cat     *compiledCatalog
	cfg     Config
	starts  map[token.Pos]token.Pos // call Lparen -> call expression start
	ignores *directives
	pkg     *ssa.Package
	flow    *flowIndex
	funcs   []*ssa.Function // every function with a body, in a stable order
	known   map[*ssa.Function]bool
	edges   map[*ssa.Function][]edge
	sums    map[*ssa.Function]summary
	// instrumentedDefault is where this package sets http.DefaultTransport
	// to an instrumented transport (NoPos if it does not).
	instrumentedDefault token.Pos
	// bridgedDefault is where this package makes slog's default logger an
	// otelslog one (NoPos if it does not).
	bridgedDefault token.Pos
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

// solve computes every function's summary: edges once, then a fixpoint,
// since recursion makes summaries depend on each other.
func (w *walker) solve() {
	sort.SliceStable(w.funcs, func(i, j int) bool { return funcLess(w.funcs[i], w.funcs[j]) })
	for _, fn := range w.funcs {
		w.edges[fn] = w.callEdges(fn)
	}
	for changed := true; changed; {
		changed = false
		for _, fn := range w.funcs {
			s := w.compute(fn)
			if !s.equal(w.sums[fn]) {
				w.sums[fn] = s
				changed = true
			}
		}
	}
}

func funcLess(a, b *ssa.Function) bool {
	if a.Pos() != b.Pos() {
		return a.Pos() < b.Pos()
	}
	return a.String() < b.String()
}

func (w *walker) compute(fn *ssa.Function) summary {
	var s summary
	for _, e := range w.edges[fn] {
		for _, wit := range w.through(e) {
			s = s.add(wit)
		}
	}
	if obj := funcObject(fn); obj != nil && len(s) > 0 {
		// A reviewed function reaches nothing, for every caller.
		if d := w.ignores.funcs[obj]; d != nil && d.reason != "" {
			d.used = true
			return nil
		}
	}
	return s
}

// through returns the witnesses a call edge contributes to its caller: none
// through a call a reviewer marked with a reasoned ignore directive.
func (w *walker) through(e edge) []witness {
	wits := w.lift(e)
	if e.ignored != nil && e.ignored.reason != "" {
		if len(wits) > 0 {
			e.ignored.used = true
		}
		return nil
	}
	return wits
}

// lift returns the witnesses of the callee as seen from the call.
func (w *walker) lift(e edge) []witness {
	var in []witness
	var head []hop
	by := e.wrapper
	if by != "" && e.mode == onceCached {
		by = "lazily cached by " + by
	} else if by != "" {
		by = "via " + by
	}
	if e.callee != nil {
		if e.callee.Synthetic == "" || e.callee.Parent() != nil || e.callee.Origin() != nil {
			h := hop{name: w.displayName(e.callee), qual: qualifiedName(e.callee), pos: e.pos, async: e.mode == asyncCall, by: by}
			if e.label != "" {
				h.name, h.qual = e.label, w.pass.Pkg.Path()+"."+e.label
			}
			head = append(head, h)
		}
		in = w.sums[e.callee]
	} else {
		// Direct witnesses already start with the callee's hop.
		for _, wit := range e.direct {
			if len(wit.chain) > 0 {
				h := wit.chain[0]
				h.async = e.mode == asyncCall
				h.by = by
				wit.chain = append([]hop{h}, wit.chain[1:]...)
			}
			in = append(in, wit)
		}
	}
	var out []witness
	for _, wit := range in {
		if e.memo && (wit.cat == Network || wit.cat == IO) {
			continue // runs when the memo is empty or stale, not on every call
		}
		switch e.mode {
		case asyncCall:
			// Off the caller's path: plain I/O is fine there; a span
			// started in it still multiplies without bound.
			if wit.cat != Reentrancy {
				continue
			}
		case onceCached:
			switch wit.cat {
			case Network, IO:
				continue // cached: runs once, starts no span
			case Reentrancy:
				wit.cat, wit.base = Deadlock, ""
				wit.sink = e.wrapper
			}
		case lockedCall:
			if wit.cat == Reentrancy {
				wit.cat, wit.base = Deadlock, ""
				wit.notes |= noteLocked
			}
		}
		out = append(out, wit.prepend(head...))
	}
	return out
}

// callEdges resolves every call in fn.
func (w *walker) callEdges(fn *ssa.Function) []edge {
	var edges []edge
	held := w.heldLocks(fn)
	memo := w.memoCalls(fn)
	for _, b := range fn.Blocks {
		for _, instr := range b.Instrs {
			call, ok := instr.(ssa.CallInstruction)
			if !ok {
				continue
			}
			mode := syncCall
			if _, isGo := instr.(*ssa.Go); isGo {
				mode = asyncCall
			} else if held[call] {
				mode = lockedCall
			}
			es := w.resolve(fn, call.Common(), mode)
			if d := w.ignoreAt(call.Pos()); d != nil {
				for i := range es {
					es[i].ignored = d
				}
			}
			for i := range es {
				es[i].memo = memo[call]
			}
			edges = append(edges, es...)
		}
	}
	return edges
}

// resolve returns the edges of one call.
func (w *walker) resolve(fn *ssa.Function, c *ssa.CallCommon, mode edgeMode) []edge {
	pos := c.Pos()
	if _, ok := c.Value.(*ssa.Builtin); ok {
		return nil
	}
	if c.IsInvoke() {
		if spec, name, ok := w.cat.lookup(c.Method); ok {
			return w.catalogEdges(fn, c, spec, name, pos, mode, true)
		}
		if isGRPCStubMethod(c.Method) {
			wit := w.grpcStubWitness(c.Value)
			wit.chain = []hop{{name: c.Method.FullName(), pos: pos}}
			wit.sink = c.Method.FullName()
			return []edge{{pos: pos, mode: mode, direct: []witness{wit}}}
		}
		// Resolve to the concrete types that flow to the receiver.
		var edges []edge
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
	var edges []edge
	for _, src := range w.flow.sources(c.Value) {
		edges = append(edges, w.valueEdges(fn, src, pos, mode)...)
	}
	return edges
}

// valueEdges returns the edges of calling the function value src.
func (w *walker) valueEdges(fn *ssa.Function, src ssa.Value, pos token.Pos, mode edgeMode) []edge {
	switch src := src.(type) {
	case *ssa.Function:
		return w.target(fn, nil, src, pos, mode)
	case *ssa.MakeClosure:
		if f, ok := src.Fn.(*ssa.Function); ok {
			return w.target(fn, nil, f, pos, mode)
		}
	case *ssa.Call:
		// The function returned by sync.OnceFunc/OnceValue(s): a once-cache
		// unless it was created in the calling function itself.
		callee := src.Call.StaticCallee()
		if callee == nil {
			return nil
		}
		obj := funcObject(callee)
		if obj == nil {
			return nil
		}
		spec, name, ok := w.cat.lookup(obj)
		if !ok || spec.Kind != onceWrap {
			return nil
		}
		m := onceCached
		if createdIn(src.Parent(), fn) {
			m = mode
		}
		var edges []edge
		for _, i := range spec.Args {
			if i < len(src.Call.Args) {
				for _, f := range w.flow.sources(src.Call.Args[i]) {
					for _, e := range w.valueEdges(fn, f, pos, m) {
						if m == onceCached {
							e.wrapper = name
							e.label = w.flow.storedIn[src]
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
func (w *walker) target(fn *ssa.Function, c *ssa.CallCommon, callee *ssa.Function, pos token.Pos, mode edgeMode) []edge {
	obj := funcObject(callee)
	if obj != nil {
		if spec, name, ok := w.cat.lookup(obj); ok {
			return w.catalogEdges(fn, c, spec, name, pos, mode, false)
		}
	}
	if w.inPackage(callee) {
		return []edge{{pos: pos, mode: mode, callee: callee}}
	}
	if obj == nil {
		return nil
	}
	var fact ReachFact
	if !w.pass.ImportObjectFact(obj, &fact) {
		return nil
	}
	wits := fact.witnesses(obj.Origin().FullName(), pos)
	for i, wit := range wits {
		// A helper elsewhere that uses http.DefaultTransport re-enters
		// when this package instruments the default transport.
		if wit.notes&noteDefaultTransport != 0 && w.instrumentedDefault.IsValid() {
			d := w.defaultTransportWitness()
			d.chain, d.sink = wit.chain, wit.sink
			wits[i] = d
		}
	}
	return []edge{{pos: pos, mode: mode, direct: wits}}
}

// catalogEdges applies a catalog entry at a call.
func (w *walker) catalogEdges(fn *ssa.Function, c *ssa.CallCommon, spec sinkSpec, name string, pos token.Pos, mode edgeMode, invoke bool) []edge {
	sink := func(wit witness) []edge {
		if wit.what == "" {
			wit.what = spec.What
		}
		wit.fix = spec.Fix
		wit.sink = name
		wit.chain = []hop{{name: name, pos: pos}}
		return []edge{{pos: pos, mode: mode, direct: []witness{wit}}}
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
	case safeCall:
		return nil
	case plainSink:
		return sink(witness{cat: spec.Category, pipe: spec.Pipeline})
	case defaultHTTP:
		return sink(w.defaultTransportWitness())
	case httpClientCall:
		if c == nil || len(c.Args) == 0 {
			return sink(witness{cat: Network, what: "an HTTP request", notes: noteUnknownTransport})
		}
		return sink(w.clientWitness(c.Args[0]))
	case roundTripper:
		return sink(witness{cat: Reentrancy, pipe: instrumentedPipeline, base: Network,
			what: "the otelhttp transport starts a span for the request"})
	case slogLoggerCall:
		if c != nil && len(c.Args) > 0 && w.bridgedLogger(c.Args[0]) {
			return sink(bridgedLoggerWitness())
		}
		return nil
	case slogDefaultCall:
		if w.bridgedDefault.IsValid() {
			return sink(w.bridgedDefaultWitness())
		}
		return nil
	case grpcConnCall:
		if c == nil || len(c.Args) == 0 {
			return sink(witness{cat: Network, what: "a gRPC call"})
		}
		return sink(w.grpcWitness(c.Args[0]))
	case callsArgs, callsArgsAsync, onceDo:
		m := mode
		wrapper := ""
		switch spec.Kind {
		case callsArgsAsync:
			m = asyncCall
			wrapper = name
		case onceDo:
			wrapper = name
			if c != nil && !w.localOnce(fn, c) {
				m = onceCached
			}
		}
		var edges []edge
		a := args()
		for _, i := range spec.Args {
			if i >= len(a) {
				continue
			}
			for _, src := range w.flow.sources(a[i]) {
				for _, e := range w.valueEdges(fn, src, pos, m) {
					if e.wrapper == "" {
						e.wrapper = wrapper
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
	obj := funcObject(fn)
	if obj == nil {
		return strings.TrimSuffix(strings.TrimSuffix(fn.Name(), "$bound"), "$thunk")
	}
	if obj.Pkg() != nil && obj.Pkg() != w.pass.Pkg {
		return obj.FullName()
	}
	sig := obj.Signature()
	if sig.Recv() == nil {
		return obj.Name()
	}
	return recvString(sig.Recv().Type(), w.pass.Pkg, true) + "." + obj.Name()
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
func (w *walker) ignoreAt(pos token.Pos) *directive {
	if len(w.ignores.lines) == 0 {
		return nil
	}
	return w.ignores.at(w.pass.Fset, w.posOf(pos))
}
