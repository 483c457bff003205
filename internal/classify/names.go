package classify

import (
	"go/types"
	"strconv"
	"strings"

	"golang.org/x/tools/go/ssa"
)

// QualifiedName names fn for other packages, as Go's stack traces do:
// example.com/p.getHostIP, (*example.com/p.P).lookup, example.com/p.(*P).OnStart.func1.
func QualifiedName(fn *ssa.Function) string {
	if o := fn.Origin(); o != nil {
		fn = o
	}
	if p := fn.Parent(); p != nil {
		// Function literals as stack traces number them: main.func1,
		// (*P).OnStart.func1.2.
		idx := 0
		for i, a := range p.AnonFuncs {
			if a == fn {
				idx = i + 1
			}
		}
		if p.Parent() == nil {
			return QualifiedName(p) + ".func" + strconv.Itoa(idx)
		}
		return QualifiedName(p) + "." + strconv.Itoa(idx)
	}
	if obj := FuncObject(fn); obj != nil {
		return obj.FullName()
	}
	return fn.String()
}

// DisplayName names fn for a reader of package pkg as Go's stack traces
// do, without the package where it is pkg's: getHostIP, (*P).lookup, P.get, (*P).OnStart.func1.
func DisplayName(fn *ssa.Function, pkg *types.Package) string {
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
			return DisplayName(p, pkg) + ".func" + itoa(idx)
		}
		return DisplayName(p, pkg) + "." + itoa(idx)
	}
	obj := FuncObject(fn)
	if obj == nil {
		return strings.TrimSuffix(strings.TrimSuffix(fn.Name(), "$bound"), "$thunk")
	}
	if obj.Pkg() != nil && obj.Pkg() != pkg {
		return obj.FullName()
	}
	sig := obj.Signature()
	if sig.Recv() == nil {
		return obj.Name()
	}
	return RecvString(sig.Recv().Type(), pkg, true) + "." + obj.Name()
}

// RecvString prints a receiver type: *P or P, qualified by package name
// outside pkg; in a method name, a pointer receiver is parenthesised.
func RecvString(t types.Type, pkg *types.Package, paren bool) string {
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
