package classify

import (
	"golang.org/x/tools/go/ssa"

	"github.com/spanhotpath/spanhotpath/internal/catalog"
	"github.com/spanhotpath/spanhotpath/internal/hazard"
)

// clientState is what classification learned of a client value.
type clientState uint8

const (
	clientUnknown clientState = iota
	clientPlain
	clientDisabled
	clientSuppressed
	clientInstrumented
)

// ClientCallWitness classifies a call on the client value recv (nil for a
// package-level function of the library), with the context ctx (nil if it
// takes none), by how the client was built.
func (c *Classifier) ClientCallWitness(recv, ctx ssa.Value, cl *catalog.Client, what string) (hazard.Witness, bool) {
	st := clientUnknown
	if recv != nil {
		st = c.clientState(recv, cl, 0)
	}
	var gate hazard.Notes
	if cl.ParentGated && st == clientInstrumented {
		gate = hazard.NoteUnderParent
		if ctx != nil && c.spanless(ctx, 0) {
			st, gate = clientPlain, hazard.NoteNoParent
		}
	}
	if what == "" {
		what = cl.What
	}
	if cl.Global && st != clientSuppressed && st != clientDisabled {
		st = clientInstrumented
	}
	switch st {
	case clientInstrumented:
		w := hazard.Witness{Cat: catalog.Reentrancy, Pipe: cl.Pipe, Base: cl.Base, What: cl.Started, Notes: gate}
		if cl.Unhook != "" {
			w.Fix = catalog.FixEagerOr + cl.Unhook
		}
		return w, true
	case clientSuppressed, clientDisabled:
		if cl.Base == "" {
			return hazard.Witness{}, false
		}
		note := hazard.NoteSuppressed
		if st == clientDisabled {
			note = hazard.NoteDisabled
		}
		return hazard.Witness{Cat: cl.Base, What: what, Notes: note}, true
	}
	if cl.Base == "" {
		return hazard.Witness{}, false // a logger without a bridge: nothing to report
	}
	return hazard.Witness{Cat: cl.Base, What: what, Notes: gate}, true
}

// spanless reports whether every context that flows to ctx is
// context.Background() or context.TODO(), or derived from one without a
// span being added: a context that carries no span.
func (c *Classifier) spanless(ctx ssa.Value, depth int) bool {
	srcs := c.Flow.Sources(ctx)
	if len(srcs) == 0 || depth > 4 {
		return false
	}
	for _, src := range srcs {
		if x, ok := src.(*ssa.Extract); ok {
			src = x.Tuple
		}
		call, ok := src.(*ssa.Call)
		if !ok {
			return false
		}
		name := StaticCallName(call)
		switch {
		case catalog.EmptyContexts[name]:
		case catalog.DerivedContexts[name] && len(call.Call.Args) > 0:
			if !c.spanless(call.Call.Args[0], depth+1) {
				return false
			}
		default:
			return false
		}
	}
	return true
}

// clientState follows a client value back to how it was built.
func (c *Classifier) clientState(v ssa.Value, cl *catalog.Client, depth int) clientState {
	if depth > 4 {
		return clientUnknown
	}
	worst := clientUnknown
	note := func(s clientState) {
		if s > worst {
			worst = s
		}
	}
	srcs := c.Flow.Sources(v)
	for _, o := range ownerOf(v) {
		srcs = append(srcs, c.Flow.Sources(o)...)
	}
	for _, src := range srcs {
		call := callOf(src)
		if call == nil {
			continue
		}
		name := StaticCallName(call)
		if call.Call.IsInvoke() {
			name = call.Call.Method.FullName()
		}
		b, ok := cl.Builders[name]
		if !ok && cl.Builder != nil {
			b, ok = cl.Builder(name)
		}
		switch {
		case ok && b == catalog.BuildInstrumented:
			switch {
			case c.suppressed(call.Call.Args):
				note(clientSuppressed)
			case c.disabled(call.Call.Args, cl.Disabling):
				note(clientDisabled)
			default:
				note(clientInstrumented)
			}
		case ok && b == catalog.BuildWrap:
			for _, a := range call.Call.Args {
				vals := []ssa.Value{a}
				if vs := Varargs(a); len(vs) > 0 {
					vals = vs
				}
				for _, x := range vals {
					note(c.clientState(x, cl, depth+1))
				}
			}
		case ok && b == catalog.BuildDerived:
			if r := receiver(&call.Call); r != nil {
				note(c.clientState(r, cl, depth+1))
			}
		case ok && b == catalog.BuildDefault:
			for _, site := range c.Flow.CallsTo(cl.Replace) {
				if len(site.Args) > 0 {
					note(c.clientState(site.Args[0], cl, depth+1))
				}
			}
		case ok:
			note(clientPlain)
			note(c.instrumentedLater(call, cl))
		}
		for _, r := range cl.Configs {
			switch {
			case !r.Matches(name):
			case r.OptionFuncs:
				note(c.optionFuncState(call.Call.Args, r))
			case r.Arg < len(call.Call.Args):
				note(c.configState(call.Call.Args[r.Arg], r))
			}
		}
		if r := cl.ByName; r != nil && name == r.Builder && len(call.Call.Args) > 0 {
			note(c.nameState(call.Call.Args[0], r))
		}
	}
	return worst
}

// instrumentedBy is the state of a client an instrumenting call with args
// made: instrumented, unless an option gives it a no-op provider.
func (c *Classifier) instrumentedBy(args []ssa.Value) clientState {
	if c.suppressed(args) {
		return clientSuppressed
	}
	return clientInstrumented
}

// nameState follows the name a client is built from (a driver name) to the
// call that made it instrumented: a Namer's result, or a constant that
// Register registered with a driver a Wrapper returned.
func (c *Classifier) nameState(name ssa.Value, r *catalog.NameRule) clientState {
	st := clientUnknown
	for _, n := range c.Flow.Sources(name) {
		if call := callOf(n); call != nil && r.Namers[StaticCallName(call)] {
			st = max(st, c.instrumentedBy(call.Call.Args))
		}
		k, ok := n.(*ssa.Const)
		if !ok || k.Value == nil {
			continue
		}
		for _, site := range c.Flow.CallsTo(r.Register) {
			if len(site.Args) != 2 {
				continue
			}
			if rk, ok := site.Args[0].(*ssa.Const); !ok || rk.Value == nil || rk.Value.ExactString() != k.Value.ExactString() {
				continue
			}
			for _, d := range c.Flow.Sources(site.Args[1]) {
				if dc := callOf(d); dc != nil && r.Wrappers[StaticCallName(dc)] {
					st = max(st, c.instrumentedBy(dc.Call.Args))
				}
			}
		}
	}
	return st
}

// optionFuncState looks in the option functions among args (func(o
// *Options) literals and functions) for a store into the rule's field of
// a value a Set function returned.
func (c *Classifier) optionFuncState(args []ssa.Value, r catalog.ConfigRule) clientState {
	st := clientUnknown
	field := r.Field[len(r.Field)-1]
	for _, a := range args {
		for _, opt := range c.options(a) {
			for _, src := range c.Flow.Sources(opt) {
				var fn *ssa.Function
				switch v := src.(type) {
				case *ssa.Function:
					fn = v
				case *ssa.MakeClosure:
					fn, _ = v.Fn.(*ssa.Function)
				}
				if fn == nil {
					continue
				}
				for _, b := range fn.Blocks {
					for _, instr := range b.Instrs {
						store, ok := instr.(*ssa.Store)
						if !ok {
							continue
						}
						fa, ok := store.Addr.(*ssa.FieldAddr)
						if !ok {
							continue
						}
						if f := FieldOf(fa.X.Type(), fa.Field, true); f == nil || f.Name() != field {
							continue
						}
						for _, v := range c.Flow.Sources(store.Val) {
							if call := callOf(v); call != nil && r.Set[StaticCallName(call)] {
								st = max(st, c.adaptedState(call))
							}
						}
					}
				}
			}
		}
	}
	return st
}

// adaptedState is the state an adapter of a tracer provider gives: no-op
// when the provider it adapts is a no-op one.
func (c *Classifier) adaptedState(call *ssa.Call) clientState {
	for _, a := range call.Call.Args {
		for _, p := range c.Flow.Sources(a) {
			if catalog.IsNoopProvider(StaticCallName(p)) {
				return clientSuppressed
			}
		}
	}
	return clientInstrumented
}

// instrumentedLater reports whether an instrumenter is called, in the code
// the source reads, on the client the builder call made.
func (c *Classifier) instrumentedLater(built *ssa.Call, cl *catalog.Client) clientState {
	st := clientUnknown
	for name := range cl.Instrumenters {
		for _, site := range c.Flow.CallsTo(name) {
			if len(site.Args) == 0 {
				continue
			}
			for _, src := range c.Flow.Sources(site.Args[0]) {
				if callOf(src) == built {
					if c.suppressed(site.Args[1:]) {
						st = max(st, clientSuppressed)
					} else {
						st = clientInstrumented
					}
				}
			}
		}
	}
	return st
}

// configState looks in the configuration a client is built from for the
// field that carries instrumentation.
func (c *Classifier) configState(cfg ssa.Value, r catalog.ConfigRule) clientState {
	st := clientUnknown
	var roots []ssa.Value
	roots = append(roots, cfg)
	if u, ok := cfg.(*ssa.UnOp); ok {
		roots = append(roots, u.X) // a struct value loaded from its variable
	}
	roots = append(roots, c.Flow.Sources(cfg)...)
	for _, root := range roots {
		for _, addr := range fieldAddrs(root, r.Field) {
			for _, ref := range *addr.Referrers() {
				switch ref := ref.(type) {
				case *ssa.Store:
					if ref.Addr != addr {
						continue
					}
					for _, v := range c.Flow.Sources(ref.Val) {
						if call := callOf(v); call != nil && r.Set[StaticCallName(call)] {
							if c.suppressed(call.Call.Args) {
								st = max(st, clientSuppressed)
							} else {
								st = clientInstrumented
							}
						}
					}
				case ssa.CallInstruction:
					cc := ref.Common()
					if r.Passed[StaticCallName(asCall(ref))] && len(cc.Args) > 0 && cc.Args[0] == addr {
						if c.suppressed(cc.Args[1:]) {
							st = max(st, clientSuppressed)
						} else {
							st = clientInstrumented
						}
					}
				}
			}
		}
	}
	return st
}

func asCall(ci ssa.CallInstruction) ssa.Value {
	if call, ok := ci.(*ssa.Call); ok {
		return call
	}
	return nil
}

// fieldAddrs returns the addresses of the field path on the struct root
// points to (through loads of intermediate pointer fields).
func fieldAddrs(root ssa.Value, path []string) []*ssa.FieldAddr {
	cur := []ssa.Value{root}
	var out []*ssa.FieldAddr
	for i, name := range path {
		var next []ssa.Value
		for _, v := range cur {
			refs := v.Referrers()
			if refs == nil {
				continue
			}
			for _, ref := range *refs {
				fa, ok := ref.(*ssa.FieldAddr)
				if !ok || fa.X != v {
					continue
				}
				f := FieldOf(fa.X.Type(), fa.Field, true)
				if f == nil || f.Name() != name {
					continue
				}
				if i == len(path)-1 {
					out = append(out, fa)
					continue
				}
				// The next step is on the struct this field points to.
				for _, r := range *fa.Referrers() {
					if load, ok := r.(*ssa.UnOp); ok && load.X == fa {
						next = append(next, load)
					}
				}
				next = append(next, fa)
			}
		}
		cur = next
	}
	return out
}

// disabled reports whether one of the options among args is one that
// turns the client's instrumentation off.
func (c *Classifier) disabled(args []ssa.Value, names map[string]bool) bool {
	if len(names) == 0 {
		return false
	}
	return c.everyOptionSet(args, func(opt ssa.Value) bool {
		for _, o := range c.Flow.Sources(opt) {
			if oc, ok := o.(*ssa.Call); ok && names[StaticCallName(oc)] {
				return true
			}
		}
		return false
	})
}

// suppressed reports whether instrumentation options among args give it a
// no-op tracer or logger provider.
func (c *Classifier) suppressed(args []ssa.Value) bool {
	return c.everyOptionSet(args, func(opt ssa.Value) bool {
		for _, o := range c.Flow.Sources(opt) {
			oc, ok := o.(*ssa.Call)
			if !ok || !catalog.IsProviderOption(StaticCallName(oc)) || len(oc.Call.Args) == 0 {
				continue
			}
			for _, p := range c.Flow.Sources(oc.Call.Args[0]) {
				if n := StaticCallName(p); catalog.IsNoopProvider(n) || catalog.IsNoopLoggerProvider(n) {
					return true
				}
			}
		}
		return false
	})
}

// everyOptionSet reports whether, for one of args, every set of options
// that can be passed there has an option that has: the instrumentation is
// off for sure. A helper passing its own variadic options on (opts...) is
// given one set by each of its callers; one caller's option must not turn
// off what another caller builds.
func (c *Classifier) everyOptionSet(args []ssa.Value, has func(opt ssa.Value) bool) bool {
	for _, a := range args {
		if has(a) {
			return true
		}
		sets := [][]ssa.Value{Varargs(a)}
		if len(sets[0]) == 0 {
			sets = sets[:0]
			for _, src := range c.Flow.Sources(a) {
				sets = append(sets, Varargs(src))
			}
		}
		every := len(sets) > 0
		for _, set := range sets {
			found := false
			for _, opt := range set {
				if has(opt) {
					found = true
					break
				}
			}
			every = every && found
		}
		if every {
			return true
		}
	}
	return false
}

// ownerOf returns, for a value loaded from a field of a struct (a client
// embedding the method's receiver: a Redis client's cmdable, an etcd
// client's KV), the struct it was loaded from.
func ownerOf(v ssa.Value) []ssa.Value {
	switch v := v.(type) {
	case *ssa.UnOp:
		if fa, ok := v.X.(*ssa.FieldAddr); ok {
			return []ssa.Value{fa.X}
		}
	case *ssa.Field:
		return []ssa.Value{v.X}
	}
	return nil
}
