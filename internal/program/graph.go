package program

import (
	"go/types"
	"sort"

	"golang.org/x/tools/go/callgraph"
	"golang.org/x/tools/go/callgraph/vta"
	"golang.org/x/tools/go/ssa"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/spanhotpath/spanhotpath/internal/catalog"
	"github.com/spanhotpath/spanhotpath/internal/classify"
)

// The call graph, as govulncheck builds it but sized for a hot path:
//
//  1. a forward slice from the roots, through static calls and, for
//     dynamic calls, the class hierarchy (lazily, over the program's own
//     code: the standard library has no bodies here, and a catalogued
//     callee is never entered);
//  2. the producers: every function whose signature or code holds a value
//     of a type the slice's dynamic calls dispatch on (so the values that
//     reach those calls, from main through constructors into fields, are
//     in VTA's view);
//  3. VTA over both; then slice again on VTA's graph, and VTA again when
//     the new slice is much smaller.
//
// A whole-program CHA graph is never built: on gRPC-sized programs it has
// tens of millions of edges.

// graph is the resolved call graph: VTA's edges for the calls in the slice.
type graph struct {
	cg     *callgraph.Graph
	slice  map[*ssa.Function]bool
	rounds []round // sizes of each round, for the bench report
}

// round is one VTA round: the slice from the roots and the producers
// added to it.
type round struct{ Slice, Producers int }

// buildGraph builds the call graph for roots over all, the user's code:
// the slice stays in it (a library's calls resolve within its package).
//
// funcValues resolves a call of a function value by the value flow: a
// class hierarchy by signature would take every func() literal of the
// program for every call of a func().
func buildGraph(all []*ssa.Function, roots []*ssa.Function, user func(*ssa.Function) bool, std stdPaths, cat *catalog.Catalog, funcValues func(ssa.CallInstruction) []*ssa.Function) *graph {
	cha := newLazyCHA(all)
	callees := func(call ssa.CallInstruction) []*ssa.Function {
		c := call.Common()
		switch {
		case c.StaticCallee() != nil:
			return []*ssa.Function{c.StaticCallee()}
		case !c.IsInvoke():
			return funcValues(call)
		case std.declares(c.Value.Type()):
			return nil // error, io.Writer, ...: the value flow resolves them
		}
		return cha.callees(call)
	}
	g := &graph{}
	var userRoots []*ssa.Function
	for _, r := range roots {
		if user(r) {
			userRoots = append(userRoots, r)
		}
	}
	roots = userRoots
	inUser := func(f *ssa.Function) bool { return user(f) }
	slice := forward(roots, callees, inUser, cat)
	for i := 0; ; i++ {
		funcs := producers(all, slice, std)
		g.rounds = append(g.rounds, round{Slice: len(slice), Producers: len(funcs) - len(slice)})
		g.cg = vta.CallGraph(funcs, nil)
		g.slice = slice
		if i == 1 {
			break
		}
		next := forward(roots, func(call ssa.CallInstruction) []*ssa.Function { return g.callees(call) }, inUser, cat)
		if len(next)*2 > len(slice) {
			g.slice = next
			break // another round would not pay
		}
		slice = next
	}
	return g
}

// callees returns the functions VTA resolves a call to.
func (g *graph) callees(call ssa.CallInstruction) []*ssa.Function {
	if c := call.Common().StaticCallee(); c != nil {
		return []*ssa.Function{c}
	}
	n := g.cg.Nodes[call.Parent()]
	if n == nil {
		return nil
	}
	var out []*ssa.Function
	for _, e := range n.Out {
		if e.Site == call {
			out = append(out, e.Callee.Func)
		}
	}
	sort.Slice(out, func(i, j int) bool { return funcLess(out[i], out[j]) })
	return out
}

// forward returns the functions reachable from roots, not entering the
// bodies of catalogued functions (the catalog says what they do).
func forward(roots []*ssa.Function, callees func(ssa.CallInstruction) []*ssa.Function, keep func(*ssa.Function) bool, cat *catalog.Catalog) map[*ssa.Function]bool {
	seen := make(map[*ssa.Function]bool)
	work := append([]*ssa.Function(nil), roots...)
	for len(work) > 0 {
		fn := work[len(work)-1]
		work = work[:len(work)-1]
		if seen[fn] || len(fn.Blocks) == 0 || !keep(fn) {
			continue
		}
		if obj := classify.FuncObject(fn); obj != nil && !roots2(roots, fn) {
			if _, _, ok := cat.Lookup(obj); ok {
				continue
			}
		}
		seen[fn] = true
		work = append(work, fn.AnonFuncs...)
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				call, ok := instr.(ssa.CallInstruction)
				if !ok {
					continue
				}
				if c := call.Common(); c.IsInvoke() {
					if _, _, ok := cat.Lookup(c.Method); ok {
						continue
					}
				}
				work = append(work, callees(call)...)
			}
		}
	}
	return seen
}

func roots2(roots []*ssa.Function, fn *ssa.Function) bool {
	for _, r := range roots {
		if r == fn {
			return true
		}
	}
	return false
}

// producers returns slice and every function of all whose signature or
// code mentions an interface that a call in slice dispatches on (declared
// outside the standard library): the functions through which the values
// that reach those calls flow. (Function values are resolved by the value
// flow; interfaces of the standard library too: their values pass through
// the standard library's own types in every program.)
func producers(all []*ssa.Function, slice map[*ssa.Function]bool, std stdPaths) map[*ssa.Function]bool {
	var wanted typeutil.Map
	for fn := range slice {
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				call, ok := instr.(ssa.CallInstruction)
				if !ok || call.Common().StaticCallee() != nil {
					continue
				}
				c := call.Common()
				if !c.IsInvoke() || std.declares(c.Value.Type()) {
					continue
				}
				wanted.Set(c.Value.Type(), true)
			}
		}
	}
	out := make(map[*ssa.Function]bool, len(slice))
	for fn := range slice {
		out[fn] = true
	}
	if wanted.Len() == 0 {
		return out
	}
	m := &mentions{wanted: &wanted, memo: make(map[types.Type]bool), std: std}
	for _, fn := range all {
		if !out[fn] && m.function(fn) {
			out[fn] = true
		}
	}
	return out
}

// mentions decides whether a function holds a value of a wanted type, or
// of a type that contains one (a struct field, a pointer, a slice, a map, a
// channel, a function's parameters or results).
type mentions struct {
	wanted *typeutil.Map
	memo   map[types.Type]bool
	std    stdPaths
}

func (m *mentions) function(fn *ssa.Function) bool {
	if m.typ(fn.Signature) {
		return true
	}
	for _, b := range fn.Blocks {
		for _, instr := range b.Instrs {
			if v, ok := instr.(ssa.Value); ok && m.typ(v.Type()) {
				return true
			}
		}
	}
	return false
}

func (m *mentions) typ(t types.Type) bool {
	if m.wanted.At(t) != nil {
		return true
	}
	if r, ok := m.memo[t]; ok {
		return r
	}
	m.memo[t] = false // cycles: a recursive type contains what it contains
	r := false
	switch u := types.Unalias(t).(type) {
	case *types.Named:
		if u.Obj().Pkg() == nil || m.std.has(u.Obj().Pkg().Path()) {
			break // the standard library's types hold no value of the program's types
		}
		r = m.typ(u.Underlying())
	case *types.Pointer:
		r = m.typ(u.Elem())
	case *types.Slice:
		r = m.typ(u.Elem())
	case *types.Array:
		r = m.typ(u.Elem())
	case *types.Map:
		r = m.typ(u.Key()) || m.typ(u.Elem())
	case *types.Chan:
		r = m.typ(u.Elem())
	case *types.Struct:
		for f := range u.Fields() {
			if m.typ(f.Type()) {
				r = true
				break
			}
		}
	case *types.Tuple:
		for v := range u.Variables() {
			if m.typ(v.Type()) {
				r = true
				break
			}
		}
	case *types.Signature:
		r = m.typ(u.Params()) || m.typ(u.Results())
	}
	m.memo[t] = r
	return r
}

// lazyCHA resolves dynamic calls by the class hierarchy over a set of
// functions, computing each interface's implementations on first use.
type lazyCHA struct {
	bySig       typeutil.Map // signature -> []*ssa.Function, functions that can be values
	methodsByID map[string][]*ssa.Function
	memo        map[imethod][]*ssa.Function
}

type imethod struct {
	iface *types.Interface
	id    string
}

func newLazyCHA(all []*ssa.Function) *lazyCHA {
	c := &lazyCHA{methodsByID: make(map[string][]*ssa.Function), memo: make(map[imethod][]*ssa.Function)}
	for _, f := range all {
		if f.Signature.Recv() == nil {
			if f.Synthetic == "package initializer" {
				continue
			}
			fs, _ := c.bySig.At(f.Signature).([]*ssa.Function)
			c.bySig.Set(f.Signature, append(fs, f))
		} else if obj, ok := f.Object().(*types.Func); ok {
			c.methodsByID[obj.Id()] = append(c.methodsByID[obj.Id()], f)
		}
	}
	return c
}

func (c *lazyCHA) callees(call ssa.CallInstruction) []*ssa.Function {
	cc := call.Common()
	if f := cc.StaticCallee(); f != nil {
		return []*ssa.Function{f}
	}
	if _, ok := cc.Value.(*ssa.Builtin); ok {
		return nil
	}
	if cc.IsInvoke() {
		iface, _ := cc.Value.Type().Underlying().(*types.Interface)
		key := imethod{iface, cc.Method.Id()}
		ms, ok := c.memo[key]
		if !ok {
			for _, f := range c.methodsByID[cc.Method.Id()] {
				if types.Implements(f.Signature.Recv().Type(), iface) {
					ms = append(ms, f)
				}
			}
			c.memo[key] = ms
		}
		return ms
	}
	fs, _ := c.bySig.At(cc.Signature()).([]*ssa.Function)
	return fs
}

// dynamicCallers returns, for the value flow, the calls through interfaces
// and function values that VTA resolves to a function.
func (g *graph) dynamicCallers() func(fn *ssa.Function) []*ssa.CallCommon {
	return func(fn *ssa.Function) []*ssa.CallCommon {
		n := g.cg.Nodes[fn]
		if n == nil {
			return nil
		}
		var out []*ssa.CallCommon
		for _, e := range n.In {
			if e.Site != nil && e.Site.Common().StaticCallee() == nil {
				out = append(out, e.Site.Common())
			}
		}
		return out
	}
}
