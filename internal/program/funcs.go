package program

import (
	"go/types"
	"sort"
	"strings"

	"golang.org/x/tools/go/ssa"

	"github.com/spanhotpath/spanhotpath/internal/load"
)

// stdPaths tells the standard library's packages from the program's: a
// path whose first element has no dot is the standard library's, unless a
// module provides it (a module named "myapp" has no dot either).
type stdPaths struct{ modular map[string]bool }

func newStdPaths(g *load.Graph) stdPaths {
	m := make(map[string]bool)
	for _, lp := range g.All {
		if !load.IsStandard(lp) {
			m[lp.PkgPath] = true
		}
	}
	return stdPaths{modular: m}
}

// has reports whether path is a standard-library package path.
func (s stdPaths) has(path string) bool {
	if s.modular[path] {
		return false
	}
	first, _, _ := strings.Cut(path, "/")
	return !strings.Contains(first, ".")
}

// declares reports whether t is a named type of the standard library.
func (s stdPaths) declares(t types.Type) bool {
	n, ok := types.Unalias(t).(*types.Named)
	if !ok || n.Obj().Pkg() == nil {
		return n != nil
	}
	return s.has(n.Obj().Pkg().Path())
}

// ownFunctions returns every function with a body in pkgs: package-level
// functions, the methods of their named types, function literals,
// instantiations and wrappers the code refers to; in a stable order.
func ownFunctions(prog *ssa.Program, pkgs []*ssa.Package) []*ssa.Function {
	seen := make(map[*ssa.Function]bool)
	var out []*ssa.Function
	var add func(fn *ssa.Function)
	add = func(fn *ssa.Function) {
		if fn == nil || seen[fn] || len(fn.Blocks) == 0 {
			return
		}
		seen[fn] = true
		out = append(out, fn)
		for _, anon := range fn.AnonFuncs {
			add(anon)
		}
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				for _, op := range instr.Operands(nil) {
					if f, ok := (*op).(*ssa.Function); ok {
						add(f)
					}
				}
			}
		}
	}
	for _, p := range pkgs {
		names := make([]string, 0, len(p.Members))
		for name := range p.Members {
			names = append(names, name)
		}
		sort.Strings(names)
		for _, name := range names {
			switch m := p.Members[name].(type) {
			case *ssa.Function:
				add(m)
			case *ssa.Type:
				if types.IsInterface(m.Type()) {
					continue
				}
				for _, t := range []types.Type{m.Type(), types.NewPointer(m.Type())} {
					mset := prog.MethodSets.MethodSet(t)
					for i := range mset.Len() {
						add(prog.MethodValue(mset.At(i)))
					}
				}
			}
		}
	}
	return out
}

func funcLess(a, b *ssa.Function) bool {
	if a.Pos() != b.Pos() {
		return a.Pos() < b.Pos()
	}
	return a.String() < b.String()
}
