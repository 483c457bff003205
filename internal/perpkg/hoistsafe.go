package perpkg

import (
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ssa"

	"github.com/spanhotpath/spanhotpath/internal/catalog"
	"github.com/spanhotpath/spanhotpath/internal/classify"
)

// hoistSafe reports whether fn, a function of this package, gives the same
// value when it runs during package initialisation as when a hook calls it
// later, and does nothing else that moving it changes. Neither fn nor the
// functions of this package it calls may:
//   - call anything but functions of this package, read-only file system
//     queries and functions that compute from their arguments only (no
//     environment, flags, clock, network, process or other package's code);
//   - read memory other code may write: only its own variables, and
//     package variables of plain value types that only initialisers assign;
//   - write package state, start goroutines, use channels, or call through
//     function or interface values.
func (w *walker) hoistSafe(fn *ssa.Function) bool {
	seen := make(map[*ssa.Function]bool)
	var safe func(fn *ssa.Function) bool
	safe = func(fn *ssa.Function) bool {
		if seen[fn] {
			return true
		}
		seen[fn] = true
		if !w.inPackage(fn) {
			return false
		}
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				switch instr := instr.(type) {
				case *ssa.UnOp:
					if instr.Op == token.ARROW || instr.Op == token.MUL && !w.privateMemory(instr.X) {
						return false
					}
				case *ssa.Store:
					if !w.localAddr(instr.Addr) {
						return false
					}
				case *ssa.MapUpdate:
					if _, ok := instr.Map.(*ssa.MakeMap); !ok {
						return false
					}
				case *ssa.Go, *ssa.Send, *ssa.Select:
					return false
				case ssa.CallInstruction:
					if !w.hoistableCall(instr.Common(), safe) {
						return false
					}
				}
			}
		}
		return true
	}
	return safe(fn)
}

// hoistableCall reports whether a call inside a hoisted function is safe
// to make at program start.
func (w *walker) hoistableCall(c *ssa.CallCommon, safe func(*ssa.Function) bool) bool {
	if _, ok := c.Value.(*ssa.Builtin); ok {
		return true
	}
	var obj *types.Func
	var callee *ssa.Function
	if c.IsInvoke() {
		obj = c.Method // an interface method: only if the catalog knows it
	} else if callee = c.StaticCallee(); callee != nil {
		obj = classify.FuncObject(callee)
	} else {
		return false // a function value
	}
	if obj != nil {
		if spec, name, ok := w.cat.Lookup(obj); ok {
			return spec.Kind == catalog.PlainSink && catalog.ReadOnlyIO(name)
		}
		if catalog.PureForHoist(obj) {
			return true
		}
	}
	return callee != nil && safe(callee)
}

// privateMemory reports whether a load from addr reads memory no other
// code writes: a local variable (or a part of one), or a package variable
// of a plain value type that only initialisers assign.
func (w *walker) privateMemory(addr ssa.Value) bool {
	if g, ok := addr.(*ssa.Global); ok {
		if g.Pkg != w.pkg || !plainValue(g.Type().(*types.Pointer).Elem()) {
			return false
		}
		for _, writer := range w.flow.GlobalWriters(g) {
			if writer.Synthetic != "package initializer" {
				return false
			}
		}
		return true
	}
	return w.localAddr(addr)
}

// localAddr reports whether addr is a local variable of a function, or a
// field or element of one.
func (w *walker) localAddr(addr ssa.Value) bool {
	for {
		switch a := addr.(type) {
		case *ssa.Alloc:
			return true
		case *ssa.FieldAddr:
			addr = a.X
		case *ssa.IndexAddr:
			if _, isArray := a.X.Type().Underlying().(*types.Pointer); !isArray {
				return false // a slice element: the slice may be shared
			}
			addr = a.X
		default:
			return false
		}
	}
}

// plainValue reports whether values of t hold no reference to memory
// another variable can share: numbers, strings, booleans, and arrays and
// structs of them.
func plainValue(t types.Type) bool {
	switch u := t.Underlying().(type) {
	case *types.Basic:
		return u.Kind() != types.UnsafePointer
	case *types.Array:
		return plainValue(u.Elem())
	case *types.Struct:
		for f := range u.Fields() {
			if !plainValue(f.Type()) {
				return false
			}
		}
		return true
	}
	return false
}
