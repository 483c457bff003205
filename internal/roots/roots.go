// Package roots finds the hot-path roots a package declares: the hook
// methods of every named type whose value or pointer method set implements
// a hook interface (promoted methods and generic types included), and the
// configured roots.
package roots

import (
	"go/token"
	"go/types"
	"sort"
	"strings"

	"golang.org/x/tools/go/ssa"

	"github.com/spanhotpath/spanhotpath/internal/catalog"
	"github.com/spanhotpath/spanhotpath/internal/classify"
	"github.com/spanhotpath/spanhotpath/internal/directive"
	"github.com/spanhotpath/spanhotpath/internal/hazard"
)

// Finder finds roots in the packages of one SSA program.
type Finder struct {
	Prog *ssa.Program
	Cat  *catalog.Catalog
	// Reviewed returns the reasoned directive in a function's doc
	// comment, or nil.
	Reviewed func(fn *ssa.Function) *directive.Directive
	// Promoted returns what method m of another package reaches, as
	// witnesses whose chain starts with a call of m at pos, or nil: a
	// hook promoted from an embedded type of another package is reported
	// at the embedded field.
	Promoted func(m *types.Func, pos token.Pos) []hazard.Witness
}

// Find returns pkg's roots in source order, one per function.
func (w *Finder) Find(pkg *types.Package) []hazard.Root {
	pkgs := ImportedPackages(pkg)
	var out []hazard.Root
	seen := make(map[*ssa.Function]bool)
	seenPromoted := make(map[string]bool)
	add := func(r hazard.Root) {
		switch {
		case r.Promoted != nil:
			key := r.Recv + "." + r.Hook
			if !seenPromoted[key] {
				seenPromoted[key] = true
				out = append(out, r)
			}
		case r.Fn != nil && !seen[r.Fn] && len(r.Fn.Blocks) > 0:
			seen[r.Fn] = true
			out = append(out, r)
		}
	}
	named := DeclaredTypes(pkg)
	for _, n := range named {
		for _, h := range HookInterfaces(pkgs) {
			if impl := Implementer(n, h.Iface); impl != nil {
				for _, m := range h.Methods {
					add(w.hookRoot(pkg, impl, m.Name, h.Pipeline, m.Event))
				}
			}
		}
	}
	for _, rn := range w.Cat.Roots() {
		switch {
		case rn.Recv == "" && rn.Pkg == pkg.Path():
			if f, ok := pkg.Scope().Lookup(rn.Name).(*types.Func); ok {
				add(w.withReview(hazard.Root{Fn: w.Prog.FuncValue(f), Hook: rn.Name, Pkg: pkg.Path(), Pipe: catalog.AllPipelines, Event: "call of " + rn.Name}))
			}
		case rn.Recv != "":
			p := pkgs[rn.Pkg]
			if rn.Pkg == pkg.Path() {
				p = pkg
			}
			if p == nil {
				continue
			}
			tn, ok := p.Scope().Lookup(rn.Recv).(*types.TypeName)
			if !ok {
				continue
			}
			event := "call of " + rn.Name
			if iface, ok := tn.Type().Underlying().(*types.Interface); ok {
				// Every implementation declared here.
				for _, n := range named {
					if impl := Implementer(n, iface); impl != nil {
						add(w.hookRoot(pkg, impl, rn.Name, catalog.AllPipelines, event))
					}
				}
			} else if p == pkg {
				if n, ok := tn.Type().(*types.Named); ok {
					add(w.hookRoot(pkg, types.NewPointer(instantiateOwn(n)), rn.Name, catalog.AllPipelines, event))
				}
			}
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Pos() < out[j].Pos() })
	return out
}

// DeclaredTypes returns the package's non-interface named types, in
// source order: the types whose methods can be hooks.
func DeclaredTypes(pkg *types.Package) []*types.Named {
	var named []*types.Named
	scope := pkg.Scope()
	for _, name := range scope.Names() {
		tn, ok := scope.Lookup(name).(*types.TypeName)
		if !ok || tn.IsAlias() {
			continue
		}
		if n, ok := tn.Type().(*types.Named); ok && !types.IsInterface(n) {
			named = append(named, n)
		}
	}
	sort.SliceStable(named, func(i, j int) bool { return named[i].Obj().Pos() < named[j].Obj().Pos() })
	return named
}

// HookInterface is a hook spec whose interface the package can see.
type HookInterface struct {
	catalog.HookSpec
	Iface *types.Interface
}

// HookInterfaces returns the hook specs whose interfaces are among pkgs
// (the package's dependencies): only those can have implementations here.
func HookInterfaces(pkgs map[string]*types.Package) []HookInterface {
	var out []HookInterface
	for _, h := range catalog.Hooks {
		if iface := lookupInterface(pkgs[h.Pkg], h.Iface); iface != nil {
			out = append(out, HookInterface{h, iface})
		} else if iface := shapeInterface(pkgs, h.Shape); iface != nil {
			out = append(out, HookInterface{h, iface})
		}
	}
	return out
}

// shapeInterface builds the interface of a hook's method shapes from the
// types of pkgs, or returns nil if a type is not among them.
func shapeInterface(pkgs map[string]*types.Package, shape []catalog.MethodShape) *types.Interface {
	if len(shape) == 0 {
		return nil
	}
	typeOf := func(full string) types.Type {
		i := strings.LastIndex(full, ".")
		if i < 0 {
			return nil
		}
		if tn, ok := lookupObject(pkgs[full[:i]], full[i+1:]).(*types.TypeName); ok {
			return tn.Type()
		}
		return nil
	}
	tuple := func(names []string) *types.Tuple {
		var vars []*types.Var
		for _, n := range names {
			t := typeOf(n)
			if t == nil {
				return nil
			}
			vars = append(vars, types.NewParam(token.NoPos, nil, "", t))
		}
		return types.NewTuple(vars...)
	}
	var methods []*types.Func
	for _, m := range shape {
		params, results := tuple(m.Params), tuple(m.Results)
		if params == nil || results == nil {
			return nil
		}
		sig := types.NewSignatureType(nil, nil, nil, params, results, false)
		methods = append(methods, types.NewFunc(token.NoPos, nil, m.Name, sig))
	}
	return types.NewInterfaceType(methods, nil).Complete()
}

func lookupObject(p *types.Package, name string) types.Object {
	if p == nil {
		return nil
	}
	return p.Scope().Lookup(name)
}

// hookRoot returns the root for method name of impl, declared in pkg (a
// method promoted from another package's type is reported at the embedded
// field).
func (w *Finder) hookRoot(pkg *types.Package, impl types.Type, name string, pipe catalog.Pipeline, event string) hazard.Root {
	sel := types.NewMethodSet(impl).Lookup(pkg, name)
	if sel == nil {
		return hazard.Root{}
	}
	m, ok := sel.Obj().(*types.Func)
	if !ok {
		return hazard.Root{}
	}
	if m.Pkg() != pkg {
		return w.promotedRoot(pkg, impl, sel, m, name, pipe, event)
	}
	return w.withReview(hazard.Root{
		Fn:    w.Prog.FuncValue(m.Origin()),
		Hook:  name,
		Recv:  classify.RecvString(impl, pkg, false),
		Pkg:   pkg.Path(),
		Pipe:  pipe,
		Event: event,
	})
}

// Implementer returns T or *T, whichever implements iface (T first), or nil.
// A generic type is checked instantiated with its own type parameters.
func Implementer(n *types.Named, iface *types.Interface) types.Type {
	t := instantiateOwn(n)
	if types.Implements(t, iface) {
		return t
	}
	if p := types.NewPointer(t); types.Implements(p, iface) {
		return p
	}
	return nil
}

func instantiateOwn(n *types.Named) types.Type {
	tps := n.TypeParams()
	if tps.Len() == 0 {
		return n
	}
	args := make([]types.Type, tps.Len())
	for i := range args {
		args[i] = tps.At(i)
	}
	t, err := types.Instantiate(nil, n, args, false)
	if err != nil {
		return n
	}
	return t
}

func lookupInterface(p *types.Package, name string) *types.Interface {
	if p == nil {
		return nil
	}
	tn, ok := p.Scope().Lookup(name).(*types.TypeName)
	if !ok {
		return nil
	}
	iface, _ := tn.Type().Underlying().(*types.Interface)
	return iface
}

// ImportedPackages maps the path of every package pkg depends on to it.
func ImportedPackages(pkg *types.Package) map[string]*types.Package {
	m := make(map[string]*types.Package)
	var visit func(ps []*types.Package)
	visit = func(ps []*types.Package) {
		for _, p := range ps {
			if m[p.Path()] == nil {
				m[p.Path()] = p
				visit(p.Imports())
			}
		}
	}
	visit(pkg.Imports())
	return m
}

// promotedRoot returns the root for hook m of impl, promoted from an
// embedded type declared in another package. That package may never report
// it (its type need not be a hook on its own, and a dependency's findings are
// not shown), so the finding is here, at the embedded field.
func (w *Finder) promotedRoot(pkg *types.Package, impl types.Type, sel *types.Selection, m *types.Func, name string, pipe catalog.Pipeline, event string) hazard.Root {
	if len(sel.Index()) < 2 || w.Promoted == nil {
		return hazard.Root{}
	}
	t := impl
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem()
	}
	st, ok := t.Underlying().(*types.Struct)
	if !ok || sel.Index()[0] >= st.NumFields() {
		return hazard.Root{}
	}
	field := st.Field(sel.Index()[0])
	if field.Pkg() != pkg {
		return hazard.Root{}
	}
	wits := w.Promoted(m.Origin(), field.Pos())
	if len(wits) == 0 {
		return hazard.Root{}
	}
	return hazard.Root{
		Hook:     name,
		Recv:     classify.RecvString(impl, pkg, false),
		Pkg:      pkg.Path(),
		Pipe:     pipe,
		Event:    event,
		Promoted: wits,
		At:       field.Pos(),
	}
}

// withReview attaches the reasoned directive in the hook's doc comment.
func (w *Finder) withReview(r hazard.Root) hazard.Root {
	if r.Fn != nil && w.Reviewed != nil {
		r.Reviewed = w.Reviewed(r.Fn)
	}
	return r
}
