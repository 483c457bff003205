package perpkg

import (
	"go/types"

	"golang.org/x/tools/go/ssa"

	"github.com/spanhotpath/spanhotpath/internal/catalog"
	"github.com/spanhotpath/spanhotpath/internal/classify"
)

// flowIndex records, for one package, where values are stored: the
// demand-driven value flow below answers "what can this value be" by
// looking them up. Only the analysed package's code is indexed: values that
// come from other packages are unknown, and the walk does not follow them.
type flowIndex struct {
	fieldStores   map[*types.Var][]ssa.Value          // struct field (origin) -> stored values
	globalStores  map[*ssa.Global][]ssa.Value         // package variable -> stored values
	callers       map[*ssa.Function][]*ssa.CallCommon // static call sites, for parameters
	closures      map[*ssa.Function][]*ssa.MakeClosure
	storedIn      map[ssa.Value]string // value -> name of the variable or field it is stored in
	globalWriters map[*ssa.Global][]*ssa.Function
}

func newFlowIndex() *flowIndex {
	return &flowIndex{
		fieldStores:   make(map[*types.Var][]ssa.Value),
		globalStores:  make(map[*ssa.Global][]ssa.Value),
		callers:       make(map[*ssa.Function][]*ssa.CallCommon),
		closures:      make(map[*ssa.Function][]*ssa.MakeClosure),
		storedIn:      make(map[ssa.Value]string),
		globalWriters: make(map[*ssa.Global][]*ssa.Function),
	}
}

func (ix *flowIndex) add(fn *ssa.Function) {
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
					ix.storedIn[instr.Val] = addr.Name()
				}
			case *ssa.MakeClosure:
				if fn, ok := instr.Fn.(*ssa.Function); ok {
					ix.closures[fn] = append(ix.closures[fn], instr)
				}
			case ssa.CallInstruction:
				if callee := instr.Common().StaticCallee(); callee != nil {
					ix.callers[callee] = append(ix.callers[callee], instr.Common())
				}
			}
		}
	}
}

// maxFlowNodes bounds one value-flow query: beyond it, the answer is what
// was found so far (the walk then under-reports rather than hangs).
const maxFlowNodes = 512

// Sources implements classify.Oracle.
func (ix *flowIndex) Sources(v ssa.Value) []ssa.Value { return ix.sources(v) }

// defaultTransportStores returns the values the package stores into
// http.DefaultTransport.
func (ix *flowIndex) defaultTransportStores() []ssa.Value {
	for g, vals := range ix.globalStores {
		if g.Pkg != nil && g.Pkg.Pkg.Path() == catalog.PkgHTTP && g.Name() == "DefaultTransport" {
			return vals
		}
	}
	return nil
}

// setDefaultCalls returns the package's calls of slog.SetDefault.
func (ix *flowIndex) setDefaultCalls() []*ssa.CallCommon {
	for callee, sites := range ix.callers {
		if obj := classify.FuncObject(callee); obj != nil && obj.FullName() == catalog.SlogSetDefault {
			return sites
		}
	}
	return nil
}

// sources returns the values that can flow into v within the package:
// leaves of the flow through phis, interface conversions, loads from
// fields, package variables and local variables, parameters (from static
// call sites), free variables and in-package call results. A leaf is a
// value whose origin the flow does not look through: an allocation, a
// function, a closure, a call into another package, a constant, or a
// package variable of another package (the Global itself stands for the
// value stored in it).
func (ix *flowIndex) sources(v ssa.Value) []ssa.Value { return ix.flow(v, false) }

// funcSources is sources for a function value about to be called: a
// function-typed parameter is a leaf (the engine resolves it per caller,
// instead of merging what every caller passes).
func (ix *flowIndex) funcSources(v ssa.Value) []ssa.Value { return ix.flow(v, true) }

func (ix *flowIndex) flow(v ssa.Value, stopAtFuncParams bool) []ssa.Value {
	var out []ssa.Value
	seen := make(map[ssa.Value]bool)
	var visit func(v ssa.Value)
	visit = func(v ssa.Value) {
		if v == nil || seen[v] || len(seen) > maxFlowNodes {
			return
		}
		seen[v] = true
		switch v := v.(type) {
		case *ssa.Phi:
			for _, e := range v.Edges {
				visit(e)
			}
		case *ssa.MakeInterface:
			visit(v.X)
		case *ssa.ChangeInterface:
			visit(v.X)
		case *ssa.ChangeType:
			visit(v.X)
		case *ssa.TypeAssert:
			visit(v.X)
		case *ssa.UnOp:
			if v.Op.String() != "*" {
				out = append(out, v)
				return
			}
			ix.visitLoad(v.X, visit, &out)
		case *ssa.Field:
			if f := classify.FieldOf(v.X.Type(), v.Field, false); f != nil {
				for _, s := range ix.fieldStores[f] {
					visit(s)
				}
			}
		case *ssa.Parameter:
			if stopAtFuncParams && isFuncType(v.Type()) {
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
			for _, c := range ix.callers[fn] {
				if idx >= 0 && idx < len(c.Args) {
					visit(c.Args[idx])
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
			if call, ok := v.Tuple.(*ssa.Call); ok {
				if callee := call.Call.StaticCallee(); callee != nil && len(callee.Blocks) > 0 {
					ix.visitReturns(callee, v.Index, visit)
					return
				}
			}
			out = append(out, v)
		case *ssa.Call:
			if callee := v.Call.StaticCallee(); callee != nil && len(callee.Blocks) > 0 && callee.Pkg != nil && !isLeafCall(callee) {
				ix.visitReturns(callee, 0, visit)
				return
			}
			out = append(out, v)
		default:
			out = append(out, v)
		}
	}
	visit(v)
	return out
}

// isLeafCall reports whether a call with a body is still a leaf of the flow:
// calls into other packages are (their bodies are not indexed).
func isLeafCall(fn *ssa.Function) bool {
	return fn.Synthetic != "" && fn.Object() == nil
}

// visitLoad visits what is stored at address addr.
func (ix *flowIndex) visitLoad(addr ssa.Value, visit func(ssa.Value), out *[]ssa.Value) {
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
func (ix *flowIndex) bindings(v *ssa.FreeVar) []ssa.Value {
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

func (ix *flowIndex) visitReturns(fn *ssa.Function, index int, visit func(ssa.Value)) {
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
