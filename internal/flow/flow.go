// Package flow answers "which values can this value be" on demand, from an
// index of where a set of functions store values: through phis,
// conversions, fields, package variables, local variables, parameters (from
// the calls of their function), free variables and returns. It is
// field-based (a field stands for that field of every value of its type)
// and bounded per query.
package flow

import (
	"go/token"
	"go/types"
	"sort"

	"golang.org/x/tools/go/ssa"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/spanhotpath/spanhotpath/internal/classify"
)

// Index records where the indexed functions store values. Values that
// come from code it does not index are leaves.
type Index struct {
	// Callers, if set, adds the call sites a call graph knows for fn to
	// its static ones (whole-program mode: calls through interfaces and
	// function values).
	Callers func(fn *ssa.Function) []*ssa.CallCommon
	// Opaque, if set, reports the functions whose results are leaves
	// although they have bodies: code the index does not read.
	Opaque func(fn *ssa.Function) bool

	fieldStores   map[*types.Var][]ssa.Value          // struct field (origin) -> stored values
	globalStores  map[*ssa.Global][]ssa.Value         // package variable -> stored values
	callers       map[*ssa.Function][]*ssa.CallCommon // static call sites, for parameters
	closures      map[*ssa.Function][]*ssa.MakeClosure
	storedIn      map[ssa.Value]string // value -> name of the variable or field it is stored in
	globalWriters map[*ssa.Global][]*ssa.Function
	globalSites   map[*ssa.Global][]*ssa.Store
	siteParent    map[*ssa.CallCommon]*ssa.Function
	conversions   []*ssa.MakeInterface
	sends         typeutil.Map // element type -> []ssa.Value sent on channels of it
	mapValues     typeutil.Map // map type -> []ssa.Value stored in maps of it
}

// New returns an empty index.
func New() *Index {
	return &Index{
		fieldStores:   make(map[*types.Var][]ssa.Value),
		globalStores:  make(map[*ssa.Global][]ssa.Value),
		callers:       make(map[*ssa.Function][]*ssa.CallCommon),
		closures:      make(map[*ssa.Function][]*ssa.MakeClosure),
		storedIn:      make(map[ssa.Value]string),
		globalWriters: make(map[*ssa.Global][]*ssa.Function),
		globalSites:   make(map[*ssa.Global][]*ssa.Store),
		siteParent:    make(map[*ssa.CallCommon]*ssa.Function),
	}
}

// Add indexes the stores, closures and static calls of fn.
func (ix *Index) Add(fn *ssa.Function) {
	for _, b := range fn.Blocks {
		for _, instr := range b.Instrs {
			switch instr := instr.(type) {
			case *ssa.Store:
				switch addr := instr.Addr.(type) {
				case *ssa.FieldAddr:
					if f := classify.FieldOf(addr.X.Type(), addr.Field, true); f != nil {
						ix.fieldStores[f] = append(ix.fieldStores[f], instr.Val)
						ix.storedIn[instr.Val] = f.Name()
					}
				case *ssa.Global:
					ix.globalStores[addr] = append(ix.globalStores[addr], instr.Val)
					ix.globalWriters[addr] = append(ix.globalWriters[addr], fn)
					ix.globalSites[addr] = append(ix.globalSites[addr], instr)
					ix.storedIn[instr.Val] = addr.Name()
				}
			case *ssa.MakeClosure:
				if fn, ok := instr.Fn.(*ssa.Function); ok {
					ix.closures[fn] = append(ix.closures[fn], instr)
				}
			case *ssa.MakeInterface:
				ix.conversions = append(ix.conversions, instr)
			case *ssa.Send:
				sent, _ := ix.sends.At(instr.X.Type()).([]ssa.Value)
				ix.sends.Set(instr.X.Type(), append(sent, instr.X))
			case *ssa.MapUpdate:
				t := instr.Map.Type().Underlying()
				vals, _ := ix.mapValues.At(t).([]ssa.Value)
				ix.mapValues.Set(t, append(vals, instr.Value))
			case ssa.CallInstruction:
				if callee := instr.Common().StaticCallee(); callee != nil {
					ix.callers[callee] = append(ix.callers[callee], instr.Common())
					ix.siteParent[instr.Common()] = fn
				}
			}
		}
	}
}

// maxFlowNodes bounds one value-flow query: beyond it, the answer is what
// was found so far (the walk then under-reports rather than hangs).
const maxFlowNodes = 512

// GlobalStores returns the stores the indexed functions make into the
// package variable pkgPath.name.
func (ix *Index) GlobalStores(pkgPath, name string) []*ssa.Store {
	var out []*ssa.Store
	for g, sites := range ix.globalSites {
		if g.Pkg != nil && g.Pkg.Pkg.Path() == pkgPath && g.Name() == name {
			out = append(out, sites...)
		}
	}
	return out
}

// CallsTo returns the indexed static calls of the function named name.
func (ix *Index) CallsTo(name string) []*ssa.CallCommon {
	var out []*ssa.CallCommon
	for callee, sites := range ix.callers {
		if obj := classify.FuncObject(callee); obj != nil && obj.FullName() == name {
			out = append(out, sites...)
		}
	}
	return out
}

// MakeInterfaces returns the indexed conversions of a value of type t to
// an interface.
func (ix *Index) MakeInterfaces(t types.Type) []*ssa.MakeInterface {
	var out []*ssa.MakeInterface
	for _, mi := range ix.conversions {
		if types.Identical(mi.X.Type(), t) {
			out = append(out, mi)
		}
	}
	return out
}

// CallerOf returns the function that makes the indexed static call c.
func (ix *Index) CallerOf(c *ssa.CallCommon) *ssa.Function { return ix.siteParent[c] }

// GlobalWriters returns the functions that store into g.
func (ix *Index) GlobalWriters(g *ssa.Global) []*ssa.Function { return ix.globalWriters[g] }

// StoredIn names the variable or field v is stored in, or "".
func (ix *Index) StoredIn(v ssa.Value) string { return ix.storedIn[v] }

// Sources returns the values that can flow into v within the package:
// leaves of the flow through phis, interface conversions, loads from
// fields, package variables and local variables, parameters (from static
// call sites), free variables and in-package call results. A leaf is a
// value whose origin the flow does not look through: an allocation, a
// function, a closure, a call into another package, a constant, or a
// package variable of another package (the Global itself stands for the
// value stored in it).
func (ix *Index) Sources(v ssa.Value) []ssa.Value { return ix.flow(v, 0) }

// FuncSources is Sources for a function value about to be called: a
// function-typed parameter is a leaf (the engine resolves it per caller,
// instead of merging what every caller passes).
func (ix *Index) FuncSources(v ssa.Value) []ssa.Value { return ix.flow(v, stopAtFuncParams) }

// CallSources is Sources with every call a leaf: where a value is the
// result of a constructor whose body builds it from its arguments (a
// generated gRPC client from its connection), the arguments at that call
// say how it was built.
func (ix *Index) CallSources(v ssa.Value) []ssa.Value { return ix.flow(v, stopAtCalls) }

// flowOptions change where a query stops.
type flowOptions uint8

const (
	stopAtFuncParams flowOptions = 1 << iota
	stopAtCalls
	inElems // a query for an aggregate's origin: elements are leaves

	// The bits from nestShift count the queries a query started for the
	// function values it calls; maxNest bounds them.
	nestShift = 4
	maxNest   = 2
)

func (ix *Index) flow(v ssa.Value, opts flowOptions) []ssa.Value {
	out, _ := ix.trace(v, opts)
	return out
}

// Conversions returns the conversions to an interface the flow into v
// passes through: where a concrete value became the interface value v
// is.
func (ix *Index) Conversions(v ssa.Value) []*ssa.MakeInterface {
	_, convs := ix.trace(v, 0)
	return convs
}

func (ix *Index) trace(v ssa.Value, opts flowOptions) ([]ssa.Value, []*ssa.MakeInterface) {
	var out []ssa.Value
	var convs []*ssa.MakeInterface
	// A call of a function the index reads is followed into its returns
	// with its parameters bound to that call's arguments: a helper that
	// builds a client from its argument says how the client at this call
	// was built, not at every call of the helper. A value is visited once
	// per binding of its function.
	type visitKey struct {
		v  ssa.Value
		at *ssa.CallCommon
	}
	seen := make(map[visitKey]bool)
	bound := make(map[*ssa.Function]*ssa.CallCommon)
	enter := func(callee *ssa.Function, at *ssa.CallCommon, index int, visit func(ssa.Value)) {
		if _, rec := bound[callee]; rec {
			ix.visitReturns(callee, index, visit) // recursion: keep the outer binding
			return
		}
		bound[callee] = at
		ix.visitReturns(callee, index, visit)
		delete(bound, callee)
	}
	var visit func(v ssa.Value)
	// enterCall follows call c into the returns of what it calls, if the
	// index reads it; index is the result's.
	enterCall := func(c *ssa.CallCommon, index int) bool {
		if opts&stopAtCalls != 0 {
			return false
		}
		callees := ix.callees(c, opts)
		for _, callee := range callees {
			enter(callee, c, index, visit)
		}
		return len(callees) > 0
	}
	// A function-typed parameter is a leaf only if the engine can fill
	// it: a parameter of the function the query is about, or of one
	// enclosing it. One of another function (reached through a field it
	// stored it in) is followed to its callers.
	home := parentOf(v)
	visit = func(v ssa.Value) {
		if v == nil {
			return
		}
		k := visitKey{v, nil}
		if fn := parentOf(v); fn != nil {
			k.at = bound[fn]
		}
		if seen[k] || len(seen) > maxFlowNodes {
			return
		}
		seen[k] = true
		switch v := v.(type) {
		case *ssa.Phi:
			for _, e := range v.Edges {
				visit(e)
			}
		case *ssa.MakeInterface:
			convs = append(convs, v)
			visit(v.X)
		case *ssa.ChangeInterface:
			visit(v.X)
		case *ssa.ChangeType:
			visit(v.X)
		case *ssa.TypeAssert:
			visit(v.X)
		case *ssa.UnOp:
			if v.Op == token.ARROW && !v.CommaOk && ix.visitSent(v.Type(), visit) {
				return // what is sent on channels of its type
			}
			if v.Op.String() != "*" {
				out = append(out, v)
				return
			}
			if ia, ok := v.X.(*ssa.IndexAddr); ok && ix.visitElems(ia.X, opts, visit) {
				return // an element of a slice or array
			}
			if a, ok := v.X.(*ssa.Alloc); ok && len(classify.StoresTo(a)) == 0 {
				// A composite literal built in place, field by field:
				// the value itself is the leaf.
				out = append(out, v)
				return
			}
			ix.visitLoad(v.X, visit, &out)
		case *ssa.Index:
			if !ix.visitElems(v.X, opts, visit) {
				out = append(out, v)
			}
		case *ssa.Lookup:
			if v.CommaOk || !ix.visitMapValues(v.X, visit) {
				out = append(out, v)
			}
		case *ssa.Field:
			if f := classify.FieldOf(v.X.Type(), v.Field, false); f != nil {
				for _, s := range ix.fieldStores[f] {
					visit(s)
				}
			}
		case *ssa.Parameter:
			if opts&stopAtFuncParams != 0 && isFuncType(v.Type()) && encloses(v.Parent(), home) {
				out = append(out, v)
				return
			}
			fn := v.Parent()
			idx := -1
			for i, p := range fn.Params {
				if p == v {
					idx = i
				}
			}
			if at, ok := bound[fn]; ok {
				visit(argFor(at, idx))
				return
			}
			for _, c := range ix.callSites(fn) {
				if arg := argFor(c, idx); arg != nil {
					visit(arg)
				}
			}
		case *ssa.FreeVar:
			for _, b := range ix.bindings(v) {
				if _, isAlloc := b.(*ssa.Alloc); isAlloc {
					// A captured variable: what is stored in it.
					ix.visitLoad(b, visit, &out)
				} else {
					visit(b)
				}
			}
		case *ssa.Extract:
			switch t := v.Tuple.(type) {
			case *ssa.Select:
				// A received value: what is sent on channels of its type.
				if v.Index >= 2 && ix.visitSent(v.Type(), visit) {
					return
				}
			case *ssa.Lookup:
				if v.Index == 0 && ix.visitMapValues(t.X, visit) {
					return
				}
			case *ssa.Next:
				// A map's value in a range loop.
				if r, ok := t.Iter.(*ssa.Range); ok && v.Index == 2 && ix.visitMapValues(r.X, visit) {
					return
				}
			case *ssa.UnOp:
				if t.Op == token.ARROW && v.Index == 0 && ix.visitSent(v.Type(), visit) {
					return
				}
			}
			if call, ok := v.Tuple.(*ssa.Call); ok && enterCall(&call.Call, v.Index) {
				return
			}
			out = append(out, v)
		case *ssa.Call:
			if enterCall(&v.Call, 0) {
				return
			}
			out = append(out, v)
		default:
			out = append(out, v)
		}
	}
	visit(v)
	return out, convs
}

// visitSent visits the values the indexed code sends on channels whose
// element type is t (field-based, like fields: a channel stands for every
// channel of its type).
func (ix *Index) visitSent(t types.Type, visit func(ssa.Value)) bool {
	sent, _ := ix.sends.At(t).([]ssa.Value)
	for _, x := range sent {
		visit(x)
	}
	return len(sent) > 0
}

// visitMapValues visits the values the indexed code stores in maps of m's
// type (field-based: a map stands for every map of its type). A string's
// byte (Lookup on a string) has none.
func (ix *Index) visitMapValues(m ssa.Value, visit func(ssa.Value)) bool {
	if _, ok := m.Type().Underlying().(*types.Map); !ok {
		return false
	}
	vals, _ := ix.mapValues.At(m.Type().Underlying()).([]ssa.Value)
	for _, x := range vals {
		visit(x)
	}
	return len(vals) > 0
}

// visitElems visits the elements stored in the slices and arrays aggregate
// can be: the stores into a composite literal's elements, the values
// appended. The aggregate's own origin is a query of its own (one level
// deep: an element of an element is a leaf).
func (ix *Index) visitElems(aggregate ssa.Value, opts flowOptions, visit func(ssa.Value)) bool {
	if opts&inElems != 0 {
		return false
	}
	found := false
	var elems func(x ssa.Value)
	seen := make(map[ssa.Value]bool)
	elems = func(x ssa.Value) {
		if seen[x] {
			return
		}
		seen[x] = true
		switch x := x.(type) {
		case *ssa.Slice:
			elems(x.X)
		case *ssa.Alloc, *ssa.MakeSlice:
			for _, r := range *x.Referrers() {
				if ia, ok := r.(*ssa.IndexAddr); ok && ia.X == x {
					for _, v := range classify.StoresTo(ia) {
						found = true
						visit(v)
					}
				}
			}
		case *ssa.Call:
			if b, ok := x.Call.Value.(*ssa.Builtin); ok && b.Name() == "append" {
				for _, a := range x.Call.Args {
					for _, src := range ix.flow(a, opts|inElems) {
						elems(src)
					}
				}
			}
		}
	}
	for _, src := range ix.flow(aggregate, opts|inElems) {
		elems(src)
	}
	return found
}

func (ix *Index) opaque(fn *ssa.Function) bool { return ix.Opaque != nil && ix.Opaque(fn) }

// callees returns the functions the flow follows call c into: its static
// callee, or the functions and closures that flow to the function value it
// calls (a closure chosen in a variable), if the index reads their bodies.
func (ix *Index) callees(c *ssa.CallCommon, opts flowOptions) []*ssa.Function {
	if c.IsInvoke() {
		return nil
	}
	if callee := c.StaticCallee(); callee != nil {
		if ix.reads(callee) {
			return []*ssa.Function{callee}
		}
		return nil
	}
	if _, ok := c.Value.(*ssa.Builtin); ok {
		return nil
	}
	if opts>>nestShift >= maxNest {
		return nil // a function value computed by calling a function value ...
	}
	var out []*ssa.Function
	for _, src := range ix.flow(c.Value, opts+1<<nestShift|stopAtFuncParams) {
		var fn *ssa.Function
		switch src := src.(type) {
		case *ssa.Function:
			fn = src
		case *ssa.MakeClosure:
			fn, _ = src.Fn.(*ssa.Function)
		}
		if fn != nil && ix.reads(fn) {
			out = append(out, fn)
		}
	}
	return out
}

// reads reports whether the flow follows a call of fn into its returns:
// fn's body is the code the index reads.
func (ix *Index) reads(fn *ssa.Function) bool {
	return fn != nil && len(fn.Blocks) > 0 && !isLeafCall(fn) && !ix.opaque(fn)
}

// callSites returns the calls of fn: static, and those the call graph
// adds.
func (ix *Index) callSites(fn *ssa.Function) []*ssa.CallCommon {
	sites := ix.callers[fn]
	if ix.Callers != nil {
		sites = append(sites[:len(sites):len(sites)], ix.Callers(fn)...)
	}
	return sites
}

// argFor returns the argument call c passes for the callee's parameter
// idx (an interface method call passes its receiver first).
func argFor(c *ssa.CallCommon, idx int) ssa.Value {
	if c.IsInvoke() {
		if idx == 0 {
			return c.Value
		}
		idx--
	}
	if idx < 0 || idx >= len(c.Args) {
		return nil
	}
	return c.Args[idx]
}

// isLeafCall reports whether a call with a body is still a leaf of the flow:
// calls into other packages are (their bodies are not indexed).
func isLeafCall(fn *ssa.Function) bool {
	return fn.Synthetic != "" && fn.Object() == nil
}

// visitLoad visits what is stored at address addr.
func (ix *Index) visitLoad(addr ssa.Value, visit func(ssa.Value), out *[]ssa.Value) {
	switch addr := addr.(type) {
	case *ssa.FieldAddr:
		if f := classify.FieldOf(addr.X.Type(), addr.Field, true); f != nil {
			for _, s := range ix.fieldStores[f] {
				visit(s)
			}
		}
	case *ssa.Global:
		stores := ix.globalStores[addr]
		if len(stores) == 0 {
			*out = append(*out, addr)
		}
		for _, s := range stores {
			visit(s)
		}
	case *ssa.Alloc:
		for _, s := range classify.StoresTo(addr) {
			visit(s)
		}
	case *ssa.FreeVar:
		// A variable captured by reference: the closure's maker's
		// variable.
		for _, b := range ix.bindings(addr) {
			ix.visitLoad(b, visit, out)
		}
	default:
		*out = append(*out, addr)
	}
}

// bindings returns the values bound to free variable v where its closure
// is made.
func (ix *Index) bindings(v *ssa.FreeVar) []ssa.Value {
	fn := v.Parent()
	idx := -1
	for i, fv := range fn.FreeVars {
		if fv == v {
			idx = i
		}
	}
	var out []ssa.Value
	for _, mc := range ix.closures[fn] {
		if idx >= 0 && idx < len(mc.Bindings) {
			out = append(out, mc.Bindings[idx])
		}
	}
	return out
}

func (ix *Index) visitReturns(fn *ssa.Function, index int, visit func(ssa.Value)) {
	for _, b := range fn.Blocks {
		if ret, ok := b.Instrs[len(b.Instrs)-1].(*ssa.Return); ok && index < len(ret.Results) {
			visit(ret.Results[index])
		}
	}
}

// isFuncType reports whether t is a function type.
func isFuncType(t types.Type) bool {
	_, ok := t.Underlying().(*types.Signature)
	return ok
}

// ConcreteTypes returns the concrete types that flow to an interface
// value, sorted by name.
func (ix *Index) ConcreteTypes(v ssa.Value) []types.Type {
	var out []types.Type
	seen := make(map[string]bool)
	srcs, convs := ix.trace(v, 0)
	for _, mi := range convs {
		// A conversion of a concrete value whose origin the flow does
		// not reach (a struct literal's local variable): its type.
		srcs = append(srcs, mi.X)
	}
	for _, src := range srcs {
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

// parentOf returns the function whose value v is, or nil.
func parentOf(v ssa.Value) *ssa.Function {
	switch v := v.(type) {
	case *ssa.Function, *ssa.Global, *ssa.Const, *ssa.Builtin:
		return nil
	case interface{ Parent() *ssa.Function }:
		return v.Parent()
	}
	return nil
}

// encloses reports whether fn is outer or a function literal inside it.
func encloses(outer, fn *ssa.Function) bool {
	for f := fn; f != nil; f = f.Parent() {
		if f == outer {
			return true
		}
	}
	return false
}
