package perpkg

import (
	"go/types"
	"sort"

	"golang.org/x/tools/go/ssa"

	"github.com/spanhotpath/spanhotpath/internal/catalog"
	"github.com/spanhotpath/spanhotpath/internal/classify"
	"github.com/spanhotpath/spanhotpath/internal/hazard"
)

// roots returns the package's roots in source order, one per function.
func (w *walker) roots() []hazard.Root {
	pkgs := importedPackages(w.u.Pkg)
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
	named := declaredTypes(w.u)
	for _, n := range named {
		for _, h := range hookInterfaces(pkgs) {
			if impl := implementer(n, h.iface); impl != nil {
				for _, m := range h.Methods {
					add(w.hookRoot(impl, m.Name, h.Pipeline, m.Event))
				}
			}
		}
	}
	for _, rn := range w.cat.Roots() {
		switch {
		case rn.Recv == "" && rn.Pkg == w.u.Pkg.Path():
			if f, ok := w.u.Pkg.Scope().Lookup(rn.Name).(*types.Func); ok {
				add(w.withReview(hazard.Root{Fn: w.pkg.Prog.FuncValue(f), Hook: rn.Name, Pkg: w.u.Pkg.Path(), Pipe: catalog.AllPipelines, Event: "call of " + rn.Name}))
			}
		case rn.Recv != "":
			p := pkgs[rn.Pkg]
			if rn.Pkg == w.u.Pkg.Path() {
				p = w.u.Pkg
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
					if impl := implementer(n, iface); impl != nil {
						add(w.hookRoot(impl, rn.Name, catalog.AllPipelines, event))
					}
				}
			} else if p == w.u.Pkg {
				if n, ok := tn.Type().(*types.Named); ok {
					add(w.hookRoot(types.NewPointer(instantiateOwn(n)), rn.Name, catalog.AllPipelines, event))
				}
			}
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Pos() < out[j].Pos() })
	return out
}

// declaredTypes returns the package's non-interface named types, in
// source order: the types whose methods can be hooks.
func declaredTypes(u *Unit) []*types.Named {
	var named []*types.Named
	for _, id := range sortedDefs(u) {
		tn, ok := u.Info.Defs[id].(*types.TypeName)
		if !ok || tn.IsAlias() || tn.Parent() != u.Pkg.Scope() {
			continue
		}
		if n, ok := tn.Type().(*types.Named); ok && !types.IsInterface(n) {
			named = append(named, n)
		}
	}
	return named
}

// hookInterface is a hook spec whose interface the package can see.
type hookInterface struct {
	catalog.HookSpec
	iface *types.Interface
}

// hookInterfaces returns the hook specs whose interfaces are among pkgs
// (the package's dependencies): only those can have implementations here.
func hookInterfaces(pkgs map[string]*types.Package) []hookInterface {
	var out []hookInterface
	for _, h := range catalog.Hooks {
		if iface := lookupInterface(pkgs[h.Pkg], h.Iface); iface != nil {
			out = append(out, hookInterface{h, iface})
		}
	}
	return out
}

// hookRoot returns the root for method name of impl, if the method's body
// is in this package (a method promoted from another package's type is
// that package's root).
func (w *walker) hookRoot(impl types.Type, name string, pipe catalog.Pipeline, event string) hazard.Root {
	sel := types.NewMethodSet(impl).Lookup(w.u.Pkg, name)
	if sel == nil {
		return hazard.Root{}
	}
	m, ok := sel.Obj().(*types.Func)
	if !ok {
		return hazard.Root{}
	}
	if m.Pkg() != w.u.Pkg {
		return w.promotedRoot(impl, sel, m, name, pipe, event)
	}
	return w.withReview(hazard.Root{
		Fn:    w.pkg.Prog.FuncValue(m.Origin()),
		Hook:  name,
		Recv:  classify.RecvString(impl, w.u.Pkg, false),
		Pkg:   w.u.Pkg.Path(),
		Pipe:  pipe,
		Event: event,
	})
}

// implementer returns T or *T, whichever implements iface (T first), or nil.
// A generic type is checked instantiated with its own type parameters.
func implementer(n *types.Named, iface *types.Interface) types.Type {
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

// importedPackages maps the path of every package pkg depends on to it.
func importedPackages(pkg *types.Package) map[string]*types.Package {
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
func (w *walker) promotedRoot(impl types.Type, sel *types.Selection, m *types.Func, name string, pipe catalog.Pipeline, event string) hazard.Root {
	if len(sel.Index()) < 2 {
		return hazard.Root{}
	}
	fact, ok := w.u.Facts.Import(m.Origin())
	if !ok {
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
	if field.Pkg() != w.u.Pkg {
		return hazard.Root{}
	}
	return hazard.Root{
		Hook:     name,
		Recv:     classify.RecvString(impl, w.u.Pkg, false),
		Pkg:      w.u.Pkg.Path(),
		Pipe:     pipe,
		Event:    event,
		Promoted: fact.witnesses(m.Origin().FullName(), field.Pos()),
		At:       field.Pos(),
	}
}

// withReview attaches the reasoned directive in the hook's doc comment.
func (w *walker) withReview(r hazard.Root) hazard.Root {
	if r.Fn != nil {
		r.Reviewed = w.Reviewed(r.Fn)
	}
	return r
}
