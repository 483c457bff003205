package classify

import (
	"go/types"

	"golang.org/x/tools/go/ssa"
)

// Small SSA helpers the rules and the sources share.

// FuncObject returns the declared function or method of fn (the generic
// origin's for an instantiation), or nil for function literals and
// wrappers without one.
func FuncObject(fn *ssa.Function) *types.Func {
	if o := fn.Origin(); o != nil {
		fn = o
	}
	obj, _ := fn.Object().(*types.Func)
	return obj
}

// StaticCallName is the full name of the function a leaf value calls, if it
// is a static call of a declared function.
func StaticCallName(v ssa.Value) string {
	call, ok := v.(*ssa.Call)
	if !ok {
		return ""
	}
	callee := call.Call.StaticCallee()
	if callee == nil {
		return ""
	}
	if obj := FuncObject(callee); obj != nil {
		return obj.FullName()
	}
	return ""
}

// FieldOf returns the field (its generic origin) selected from a struct or
// pointer-to-struct type.
func FieldOf(t types.Type, index int, ptr bool) *types.Var {
	if ptr {
		p, ok := t.Underlying().(*types.Pointer)
		if !ok {
			return nil
		}
		t = p.Elem()
	}
	s, ok := t.Underlying().(*types.Struct)
	if !ok || index >= s.NumFields() {
		return nil
	}
	return s.Field(index).Origin()
}

// StoresTo returns the values stored directly at a local address.
func StoresTo(addr ssa.Value) []ssa.Value {
	var out []ssa.Value
	for _, r := range *addr.Referrers() {
		if s, ok := r.(*ssa.Store); ok && s.Addr == addr {
			out = append(out, s.Val)
		}
	}
	return out
}

// FieldStoresOn returns the values stored into the named field of the
// struct that alloc allocates (a composite literal &T{Field: v}, or
// later assignments to it in the same function).
func FieldStoresOn(alloc ssa.Value, field string) (vals []ssa.Value, found bool) {
	for _, r := range *alloc.Referrers() {
		fa, ok := r.(*ssa.FieldAddr)
		if !ok || fa.X != alloc {
			continue
		}
		f := FieldOf(fa.X.Type(), fa.Field, true)
		if f == nil || f.Name() != field {
			continue
		}
		for _, s := range StoresTo(fa) {
			vals = append(vals, s)
			found = true
		}
	}
	return vals, found
}

// Varargs returns the values passed in a variadic argument slice built at
// the call site (opts... or a literal list).
func Varargs(v ssa.Value) []ssa.Value {
	// append(opts, more...): the elements of both.
	if call, ok := v.(*ssa.Call); ok {
		if b, ok := call.Call.Value.(*ssa.Builtin); ok && b.Name() == "append" {
			var out []ssa.Value
			for _, a := range call.Call.Args {
				out = append(out, Varargs(a)...)
			}
			return out
		}
	}
	sl, ok := v.(*ssa.Slice)
	if !ok {
		return nil
	}
	var out []ssa.Value
	for _, r := range *sl.X.Referrers() {
		ia, ok := r.(*ssa.IndexAddr)
		if !ok {
			continue
		}
		out = append(out, StoresTo(ia)...)
	}
	return out
}

// options returns the elements of the variadic argument a, also where a
// is a slice passed on (opts...) from a helper's own variadic parameter or
// from a variable: the elements of every slice that flows to it.
func (c *Classifier) options(a ssa.Value) []ssa.Value {
	out := Varargs(a)
	if len(out) == 0 {
		for _, src := range c.Flow.Sources(a) {
			out = append(out, Varargs(src)...)
		}
	}
	return out
}
