package analyzer

import (
	"go/token"
	"go/types"
	"sort"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"
)

// root is one hot-path entry point: a hook method (or a configured root)
// and the type whose method set makes it one.
type root struct {
	fn    *ssa.Function
	hook  string   // the method or function name, e.g. OnStart
	recv  string   // the implementing type as the message shows it, "" for a function
	pipe  pipeline // the pipelines whose re-entry runs this hook again
	event string   // "span start": the message says "on every <event>"

	// A hook promoted from an embedded type of another package has no
	// body here: its fact's witnesses, reported at the embedded field.
	promoted []witness
	at       token.Pos
}

// allPipelines is what a configured root matches: the user declared it hot,
// so any span or record it starts is treated as re-entering it.
const allPipelines = tracePipeline | logPipeline | propagatePipeline

// roots returns the package's roots in source order, one per function.
func (w *walker) roots() []root {
	pkgs := importedPackages(w.pass.Pkg)
	var out []root
	seen := make(map[*ssa.Function]bool)
	seenPromoted := make(map[string]bool)
	add := func(r root) {
		switch {
		case r.promoted != nil:
			key := r.recv + "." + r.hook
			if !seenPromoted[key] {
				seenPromoted[key] = true
				out = append(out, r)
			}
		case r.fn != nil && !seen[r.fn] && len(r.fn.Blocks) > 0:
			seen[r.fn] = true
			out = append(out, r)
		}
	}
	named := declaredTypes(w.pass)
	for _, n := range named {
		for _, h := range hookInterfaces(pkgs) {
			if impl := implementer(n, h.iface); impl != nil {
				for _, m := range h.Methods {
					add(w.hookRoot(impl, m.Name, h.Pipeline, m.Event))
				}
			}
		}
	}
	for _, rn := range w.cat.roots {
		switch {
		case rn.Recv == "" && rn.Pkg == w.pass.Pkg.Path():
			if f, ok := w.pass.Pkg.Scope().Lookup(rn.Name).(*types.Func); ok {
				add(root{fn: w.pkg.Prog.FuncValue(f), hook: rn.Name, pipe: allPipelines, event: "call of " + rn.Name})
			}
		case rn.Recv != "":
			p := pkgs[rn.Pkg]
			if rn.Pkg == w.pass.Pkg.Path() {
				p = w.pass.Pkg
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
						add(w.hookRoot(impl, rn.Name, allPipelines, event))
					}
				}
			} else if p == w.pass.Pkg {
				if n, ok := tn.Type().(*types.Named); ok {
					add(w.hookRoot(types.NewPointer(instantiateOwn(n)), rn.Name, allPipelines, event))
				}
			}
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].pos() < out[j].pos() })
	return out
}

// declaredTypes returns the package's non-interface named types, in
// source order: the types whose methods can be hooks.
func declaredTypes(pass *analysis.Pass) []*types.Named {
	var named []*types.Named
	for _, id := range sortedDefs(pass) {
		tn, ok := pass.TypesInfo.Defs[id].(*types.TypeName)
		if !ok || tn.IsAlias() || tn.Parent() != pass.Pkg.Scope() {
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
	hookSpec
	iface *types.Interface
}

// hookInterfaces returns the hook specs whose interfaces are among pkgs
// (the package's dependencies): only those can have implementations here.
func hookInterfaces(pkgs map[string]*types.Package) []hookInterface {
	var out []hookInterface
	for _, h := range hooks {
		if iface := lookupInterface(pkgs[h.Pkg], h.Iface); iface != nil {
			out = append(out, hookInterface{h, iface})
		}
	}
	return out
}

// hookRoot returns the root for method name of impl, if the method's body
// is in this package (a method promoted from another package's type is
// that package's root).
func (w *walker) hookRoot(impl types.Type, name string, pipe pipeline, event string) root {
	sel := types.NewMethodSet(impl).Lookup(w.pass.Pkg, name)
	if sel == nil {
		return root{}
	}
	m, ok := sel.Obj().(*types.Func)
	if !ok {
		return root{}
	}
	if m.Pkg() != w.pass.Pkg {
		return w.promotedRoot(impl, sel, m, name, pipe, event)
	}
	return root{
		fn:    w.pkg.Prog.FuncValue(m.Origin()),
		hook:  name,
		recv:  recvString(impl, w.pass.Pkg, false),
		pipe:  pipe,
		event: event,
	}
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

func (r root) pos() token.Pos {
	if r.fn != nil {
		return r.fn.Pos()
	}
	return r.at
}

// promotedRoot returns the root for hook m of impl, promoted from an
// embedded type declared in another package. That package may never report
// it (its type need not be a hook on its own, and a dependency's findings are
// not shown), so the finding is here, at the embedded field.
func (w *walker) promotedRoot(impl types.Type, sel *types.Selection, m *types.Func, name string, pipe pipeline, event string) root {
	var fact ReachFact
	if len(sel.Index()) < 2 || !w.pass.ImportObjectFact(m.Origin(), &fact) {
		return root{}
	}
	t := impl
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem()
	}
	st, ok := t.Underlying().(*types.Struct)
	if !ok || sel.Index()[0] >= st.NumFields() {
		return root{}
	}
	field := st.Field(sel.Index()[0])
	if field.Pkg() != w.pass.Pkg {
		return root{}
	}
	return root{
		hook:     name,
		recv:     recvString(impl, w.pass.Pkg, false),
		pipe:     pipe,
		event:    event,
		promoted: fact.witnesses(m.Origin().FullName(), field.Pos()),
		at:       field.Pos(),
	}
}
