package program

import (
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/packages"
	"golang.org/x/tools/go/ssa"

	"github.com/spanhotpath/spanhotpath/internal/catalog"
	"github.com/spanhotpath/spanhotpath/internal/classify"
	"github.com/spanhotpath/spanhotpath/internal/hazard"
	"github.com/spanhotpath/spanhotpath/internal/load"
)

// Two hazards have no hook of the user's and are reported where the user's
// code wires them:
//   - an exporter handed to a synchronous processor (sdktrace.WithSyncer,
//     NewSimpleSpanProcessor, sdklog.NewSimpleProcessor), whose export runs
//     on every span end or record, under the processor's mutex;
//   - a hook type of another module registered by the user's code
//     (WithSpanProcessor, WithSampler, ...), whose hook reaches a hazard.

// wiring is one function of the SDK that wires a component into the
// pipeline: which argument, which of its methods run on the hot path, and
// how.
type wiring struct {
	arg     int
	methods []catalog.HookMethod
	pipe    catalog.Pipeline
	sync    bool   // a simple processor: the methods run under its mutex on every event
	recv    string // for a simple processor: how the message names it
	hook    string // for a simple processor: its method that exports (OnEnd, OnEmit)
	// unwired: a simple processor's constructor, whose processor runs only
	// once a registration is given it (a test's table of expected
	// processors never runs).
	unwired bool
}

const (
	sdkTrace = "go.opentelemetry.io/otel/sdk/trace"
	sdkLog   = "go.opentelemetry.io/otel/sdk/log"
)

var (
	exportSpans = []catalog.HookMethod{{Name: "ExportSpans", Event: "span end"}}
	exportLogs  = []catalog.HookMethod{{Name: "Export", Event: "log record"}}
)

// wirings is keyed by the full name of the wiring function.
var wirings = map[string]wiring{
	sdkTrace + ".WithSyncer":                                   {arg: 0, methods: exportSpans, pipe: catalog.TracePipeline, sync: true, recv: "the simple span processor", hook: "OnEnd"},
	sdkTrace + ".NewSimpleSpanProcessor":                       {arg: 0, methods: exportSpans, pipe: catalog.TracePipeline, sync: true, recv: "the simple span processor", hook: "OnEnd", unwired: true},
	sdkLog + ".NewSimpleProcessor":                             {arg: 0, methods: exportLogs, pipe: catalog.LogPipeline, sync: true, recv: "the simple log processor", hook: "OnEmit", unwired: true},
	sdkTrace + ".WithSpanProcessor":                            {arg: 0},
	"(*" + sdkTrace + ".TracerProvider).RegisterSpanProcessor": {arg: 0},
	sdkTrace + ".WithSampler":                                  {arg: 0},
	sdkTrace + ".WithIDGenerator":                              {arg: 0},
	sdkLog + ".WithProcessor":                                  {arg: 0},
	"go.opentelemetry.io/otel.SetTextMapPropagator":            {arg: 0},
}

// registration is one component wired by the user's code, and the method
// of it that runs on the hot path.
type registration struct {
	pkg  *packages.Package // the user's package that wires it
	pos  token.Pos         // the wiring call
	fn   *ssa.Function     // the method that runs on the hot path
	recv ssa.Value         // the component, as the wiring call is given it
	root hazard.Root
	sync bool
}

// registrations finds the wiring calls in the root packages. A simple
// processor counts where it may run (mayRun).
func registrations(p *load.Program, s *source, rootPkgs []*packages.Package, cat *catalog.Catalog) []registration {
	type site struct {
		lp   *packages.Package
		call ssa.CallInstruction
		obj  *types.Func
		w    wiring
	}
	var sites []site
	for _, lp := range rootPkgs {
		sp := p.Packages[lp]
		for _, fn := range ownFunctions(p.SSA, []*ssa.Package{sp}) {
			if fnPackage(fn) != sp.Pkg {
				continue
			}
			for _, b := range fn.Blocks {
				for _, instr := range b.Instrs {
					call, ok := instr.(ssa.CallInstruction)
					if !ok {
						continue
					}
					callee := call.Common().StaticCallee()
					if callee == nil {
						continue
					}
					obj := classify.FuncObject(callee)
					if obj == nil {
						continue
					}
					if w, ok := wirings[obj.FullName()]; ok {
						sites = append(sites, site{lp, call, obj, w})
					}
				}
			}
		}
	}
	var out []registration
	for _, st := range sites {
		if st.w.unwired {
			if v := st.call.Value(); v == nil || !s.mayRun(v) {
				continue
			}
		}
		out = append(out, s.wired(st.lp, st.call.Common(), st.obj, st.w, cat)...)
	}
	return out
}

// mayRun reports whether the processor v, as a simple processor's
// constructor returns it, can end up registered: it reaches, through
// conversions, variables, slices and the structs that hold it, a call of
// code outside the standard library (a registration, a setup helper, the
// user's own functions), a field of a hook type (a processor that
// delegates to it), a package variable, a channel or map, or a return. A
// processor only printed or compared (a test's table of expected
// processors) never runs.
func (s *source) mayRun(v ssa.Value) bool {
	seen := make(map[ssa.Value]bool)
	var walk func(v ssa.Value) bool
	walk = func(v ssa.Value) bool {
		if seen[v] || v.Referrers() == nil || len(seen) > 256 {
			return false
		}
		seen[v] = true
		for _, r := range *v.Referrers() {
			switch r := r.(type) {
			case *ssa.MakeInterface, *ssa.ChangeInterface, *ssa.ChangeType, *ssa.Phi, *ssa.Slice, *ssa.TypeAssert:
				if walk(r.(ssa.Value)) {
					return true
				}
			case *ssa.UnOp:
				if r.Op == token.MUL && walk(r) { // a load of a variable that holds it
					return true
				}
			case *ssa.Store:
				if r.Val != v {
					continue
				}
				switch addr := r.Addr.(type) {
				case *ssa.IndexAddr:
					if walk(addr.X) { // an element: the array or slice holds it
						return true
					}
				case *ssa.FieldAddr:
					if isHookType(addr.X.Type()) || walk(addr.X) {
						return true
					}
				case *ssa.Alloc:
					if walk(addr) {
						return true
					}
				default:
					return true // a package variable, a pointer of unknown origin
				}
			case *ssa.Return, *ssa.Send, *ssa.MapUpdate:
				return true
			case ssa.CallInstruction:
				c := r.Common()
				if b, ok := c.Value.(*ssa.Builtin); ok {
					if b.Name() == "append" && r.Value() != nil && walk(r.Value()) {
						return true
					}
					continue
				}
				callee := c.StaticCallee()
				if callee == nil {
					return true
				}
				if pkg := fnPackage(callee); pkg == nil || !s.std.has(pkg.Path()) {
					return true
				}
			}
		}
		return false
	}
	return walk(v)
}

// isHookType reports whether t, or the type it points to, implements one of
// the hook interfaces: a processor that holds another delegates to it.
func isHookType(t types.Type) bool {
	if p, ok := t.Underlying().(*types.Pointer); ok {
		t = p.Elem()
	}
	named := namedOf(t)
	if named == nil || named.Obj().Pkg() == nil {
		return false
	}
	for _, h := range catalog.Hooks {
		if iface := hookIface(named.Obj().Pkg(), h); iface != nil &&
			(types.Implements(t, iface) || types.Implements(types.NewPointer(t), iface)) {
			return true
		}
	}
	return false
}

// wired returns the registrations of one wiring call.
func (s *source) wired(lp *packages.Package, c *ssa.CallCommon, wiringFn *types.Func, w wiring, cat *catalog.Catalog) []registration {
	args := c.Args
	if c.Signature().Recv() != nil && len(args) > 0 {
		args = args[1:]
	}
	if w.arg >= len(args) {
		return nil
	}
	arg := args[w.arg]
	if w.sync {
		// One simple processor per call: its exporter is this argument.
		var out []registration
		for _, t := range s.flow.ConcreteTypes(arg) {
			for _, m := range w.methods {
				fn := s.method(t, m.Name)
				if fn == nil {
					continue
				}
				out = append(out, registration{pkg: lp, pos: c.Pos(), fn: fn, recv: arg, sync: true, root: hazard.Root{
					Hook: w.hook, Recv: w.recv, Note: shortName(wiringFn), Pkg: lp.PkgPath,
					Pipe: w.pipe, Event: m.Event, At: c.Pos(),
				}})
			}
		}
		return out
	}
	// A hook of another module: the methods its interface makes hooks.
	var out []registration
	for _, t := range s.flow.ConcreteTypes(arg) {
		named := namedOf(t)
		if named == nil || named.Obj().Pkg() == nil || sameModule(named.Obj().Pkg().Path(), lp) {
			continue // the user's own hooks are roots of their own
		}
		if isSimpleProcessor(arg) {
			continue // wired by NewSimpleSpanProcessor: reported there
		}
		for _, h := range catalog.Hooks {
			iface := hookIface(named.Obj().Pkg(), h)
			if iface == nil || !types.Implements(t, iface) {
				continue
			}
			for _, m := range h.Methods {
				fn := s.method(t, m.Name)
				if fn == nil {
					continue
				}
				out = append(out, registration{pkg: lp, pos: c.Pos(), fn: fn, root: hazard.Root{
					Hook: m.Name, Recv: types.TypeString(t, nil), Note: "registered with " + shortName(wiringFn),
					Pkg: lp.PkgPath, Pipe: h.Pipeline, Event: m.Event, At: c.Pos(),
				}})
			}
		}
	}
	return out
}

// findings returns the findings of a registration, at the wiring call.
func (r registration) findings(res *hazard.Result, s *source) []hazard.Finding {
	var wits []hazard.Witness
	if r.sync {
		// The simple processor exports under its mutex: a span the
		// export starts blocks on it. The export is a call of the
		// exporter: the catalog may know it.
		for _, e := range s.resolver.Call(nil, r.fn, r.recv, r.pos, hazard.LockedCall) {
			wits = append(wits, res.Lift(e)...)
		}
	} else {
		// The hook's own body, as if the hook were the user's.
		wits = res.Lift(hazard.Edge{Pos: r.pos, Callee: r.fn})
	}
	root := r.root
	for _, w := range wits {
		if r.sync {
			// The export is the simple processor's: the fix is to export
			// from a batch processor (or, for a client that starts spans,
			// to turn its instrumentation off), never to cache a value.
			fix := catalog.FixExportSpans
			if r.root.Pipe == catalog.LogPipeline {
				fix = catalog.FixExportLogs
			}
			if unhook, ok := strings.CutPrefix(w.Fix, catalog.FixEagerOr); ok {
				fix += ", or " + unhook
			}
			w.Fix = fix
		}
		root.Promoted = append(root.Promoted, w)
	}
	if len(root.Promoted) == 0 {
		return nil
	}
	var out []hazard.Finding
	for _, f := range res.Findings(&root) {
		out = append(out, f.MapPositions(s.starts.start))
	}
	return out
}

// method returns the method name of type t, or nil.
func (s *source) method(t types.Type, name string) *ssa.Function {
	prog := s.prog.SSA
	sel := prog.MethodSets.MethodSet(t).Lookup(nil, name)
	if sel == nil {
		// An unexported method of another package is not found with a
		// nil package; hook methods are exported.
		return nil
	}
	return prog.MethodValue(sel)
}

func namedOf(t types.Type) *types.Named {
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem()
	}
	n, _ := types.Unalias(t).(*types.Named)
	return n
}

// hookIface returns the hook interface h among the imports of pkg.
func hookIface(pkg *types.Package, h catalog.HookSpec) *types.Interface {
	var find func(p *types.Package, seen map[*types.Package]bool) *types.Interface
	find = func(p *types.Package, seen map[*types.Package]bool) *types.Interface {
		if seen[p] {
			return nil
		}
		seen[p] = true
		if p.Path() == h.Pkg {
			if tn, ok := p.Scope().Lookup(h.Iface).(*types.TypeName); ok {
				iface, _ := tn.Type().Underlying().(*types.Interface)
				return iface
			}
			return nil
		}
		for _, imp := range p.Imports() {
			if i := find(imp, seen); i != nil {
				return i
			}
		}
		return nil
	}
	return find(pkg, make(map[*types.Package]bool))
}

// sameModule reports whether the package at path belongs to lp's module.
func sameModule(path string, lp *packages.Package) bool {
	if lp.Module == nil {
		return false
	}
	mod := lp.Module.Path
	return path == mod || strings.HasPrefix(path, mod+"/")
}

// isSimpleProcessor reports whether v is the result of a simple-processor
// constructor (reported at that call).
func isSimpleProcessor(v ssa.Value) bool {
	if mi, ok := v.(*ssa.MakeInterface); ok {
		v = mi.X
	}
	name := classify.StaticCallName(v)
	return name == sdkTrace+".NewSimpleSpanProcessor" || name == sdkLog+".NewSimpleProcessor"
}

// shortName is a function's name as its package's users write it:
// sdktrace.WithSyncer.
func shortName(fn *types.Func) string {
	if fn.Pkg() == nil {
		return fn.Name()
	}
	name := fn.Pkg().Name()
	switch fn.Pkg().Path() {
	case sdkTrace:
		name = "sdktrace"
	case sdkLog:
		name = "sdklog"
	}
	if recv := fn.Signature().Recv(); recv != nil {
		return "(" + classify.RecvString(recv.Type(), nil, false) + ")." + fn.Name()
	}
	return name + "." + fn.Name()
}
