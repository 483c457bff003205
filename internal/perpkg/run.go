// Package perpkg is the per-package graph source: it builds SSA for one
// package, resolves its calls within the package (and across packages
// through facts), and feeds the hazard engine. It serves go vet,
// golangci-lint and the standalone driver alike.
package perpkg

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"runtime/debug"
	"sort"
	"strings"

	"golang.org/x/tools/go/ssa"

	"github.com/spanhotpath/spanhotpath/internal/catalog"
	"github.com/spanhotpath/spanhotpath/internal/classify"
	"github.com/spanhotpath/spanhotpath/internal/directive"
	"github.com/spanhotpath/spanhotpath/internal/faults"
	"github.com/spanhotpath/spanhotpath/internal/flow"
	"github.com/spanhotpath/spanhotpath/internal/hazard"
	"github.com/spanhotpath/spanhotpath/internal/roots"
)

// Unit is one type-checked package to analyse.
type Unit struct {
	Fset   *token.FileSet
	Files  []*ast.File
	Pkg    *types.Package
	Info   *types.Info
	Module string // the path of the package's module; "" or "std" outside one
	Facts  Facts
}

// Analyze analyses one unit with the catalog and returns its findings:
// per root in source order, each root's in source order, then the
// directives that are themselves wrong. Findings silenced by a reviewed
// directive are included, with Suppressed set. It exports a fact for every
// exported function that reaches a sink.
func Analyze(u *Unit, cat *catalog.Catalog) (findings []hazard.Finding, err error) {
	defer func() {
		// A bug here must not take down go vet or golangci-lint for the
		// whole build: it is this package's error.
		if p := recover(); p != nil {
			findings = nil
			err = fmt.Errorf("spanhotpath: internal error analysing %s: %v\n%s", u.Pkg.Path(), p, debug.Stack())
		}
	}()
	faults.Inject(u.Pkg.Path())
	if isStandardLibrary(u) {
		// The catalog models the standard library; its packages need
		// no analysis (go vet runs us on every dependency).
		return nil, nil
	}
	dirs := directive.Parse(u.Fset, u.Files, u.Info)
	if references(u, cat) && (!factsUnused(u) || mayHaveRoots(u, cat)) {
		w := newWalker(u, cat, dirs)
		res := hazard.Solve(w, cat, w.funcs)
		w.res = res
		w.exportFacts()
		finder := &roots.Finder{Prog: w.pkg.Prog, Cat: cat, Reviewed: w.Reviewed, Promoted: w.External}
		for _, root := range finder.Find(u.Pkg) {
			for _, f := range res.Findings(&root) {
				if f.Suppressed == nil {
					f.Fix = w.hoistFix(f)
				}
				findings = append(findings, f.MapPositions(w.posOf))
			}
		}
	}
	// Otherwise nothing here can reach a sink, or nothing here is a hook
	// and no other package can use this one's facts: no SSA, no facts.
	for _, d := range dirs.All() {
		if d.Reason == "" || !d.Used {
			findings = append(findings, hazard.Finding{Category: catalog.Directive, Pos: d.Pos, Directive: d})
		}
	}
	return findings, nil
}

// isStandardLibrary reports whether u is a standard-library package:
// outside any module, with no dot in its first path element.
func isStandardLibrary(u *Unit) bool {
	if u.Module != "" && u.Module != "std" {
		return false
	}
	first, _, _ := strings.Cut(u.Pkg.Path(), "/")
	return !strings.Contains(first, ".")
}

// factsUnused reports whether no other package can use this package's
// facts: a command (package main), or a test variant, whose exports only
// its own test binary's external test package sees.
func factsUnused(u *Unit) bool {
	if u.Pkg.Name() == "main" || strings.HasSuffix(u.Pkg.Path(), "_test") {
		return true
	}
	for _, f := range u.Files {
		if strings.HasSuffix(u.Fset.File(f.Pos()).Name(), "_test.go") {
			return true
		}
	}
	return false
}

// mayHaveRoots reports, from types alone, whether the package declares a
// type that implements a hook interface, or has configured roots.
func mayHaveRoots(u *Unit, cat *catalog.Catalog) bool {
	if len(cat.Roots()) > 0 {
		return true
	}
	ifaces := roots.HookInterfaces(roots.ImportedPackages(u.Pkg))
	if len(ifaces) == 0 {
		return false
	}
	for _, n := range roots.DeclaredTypes(u.Pkg) {
		for _, h := range ifaces {
			if roots.Implementer(n, h.Iface) != nil {
				return true
			}
		}
	}
	return false
}

// references reports whether the package refers to anything that can reach
// a sink: a catalog sink, a function or method with a fact, or a
// configured root (whose body may hold a configured sink).
func references(u *Unit, cat *catalog.Catalog) bool {
	if len(cat.Roots()) > 0 {
		return true
	}
	checked := make(map[types.Object]bool)
	for _, obj := range u.Info.Uses {
		if checked[obj] {
			continue
		}
		checked[obj] = true
		switch obj := obj.(type) {
		case *types.Func:
			if spec, _, ok := cat.Lookup(obj); ok && spec.IsSink() {
				return true
			}
			if classify.IsGRPCStubMethod(obj) || catalog.Timers[obj.FullName()] {
				return true
			}
			if obj.Pkg() != nil && obj.Pkg() != u.Pkg {
				if _, ok := u.Facts.Import(obj.Origin()); ok {
					return true
				}
			}
		case *types.TypeName:
			// Methods of another package's type, reached through an
			// interface the value is converted to.
			if obj.Pkg() == nil || obj.Pkg() == u.Pkg {
				continue
			}
			if n, ok := types.Unalias(obj.Type()).(*types.Named); ok {
				for m := range n.Origin().Methods() {
					if _, ok := u.Facts.Import(m); ok {
						return true
					}
					if spec, _, ok := cat.Lookup(m); ok && spec.IsSink() {
						return true
					}
				}
			}
		}
	}
	return false
}

// newWalker builds the package's SSA form and indexes it.
func newWalker(u *Unit, cat *catalog.Catalog, dirs *directive.Set) *walker {
	prog := ssa.NewProgram(u.Fset, ssa.InstantiateGenerics)
	created := make(map[*types.Package]bool)
	var create func(pkgs []*types.Package)
	create = func(pkgs []*types.Package) {
		for _, p := range pkgs {
			if !created[p] {
				created[p] = true
				prog.CreatePackage(p, nil, nil, true)
				create(p.Imports())
			}
		}
	}
	create(u.Pkg.Imports())
	pkg := prog.CreatePackage(u.Pkg, u.Files, u.Info, false)
	pkg.Build()

	w := &walker{
		u:       u,
		cat:     cat,
		pkg:     pkg,
		flow:    flow.New(),
		known:   make(map[*ssa.Function]bool),
		ignores: dirs,
	}
	// Every function of the package, so that the flow index holds every
	// store before the first query.
	for _, m := range pkg.Members {
		if fn, ok := m.(*ssa.Function); ok {
			w.discover(fn)
		}
	}
	for _, id := range sortedDefs(u) {
		if fn, ok := u.Info.Defs[id].(*types.Func); ok {
			w.discover(prog.FuncValue(fn))
		}
	}
	sort.SliceStable(w.funcs, func(i, j int) bool { return funcLess(w.funcs[i], w.funcs[j]) })
	w.classify = &classify.Classifier{
		Flow:         w.flow,
		Fset:         u.Fset,
		DefaultWhere: "this package",
	}
	w.classify.InstrumentedDefault = w.classify.FindInstrumentedDefault(storedValues(w.flow.GlobalStores(catalog.PkgHTTP, "DefaultTransport")))
	w.classify.BridgedDefault = w.classify.FindBridgedDefault(w.flow.CallsTo(catalog.SlogSetDefault))
	w.resolver = &classify.Resolver{Cat: cat, Src: w, Classifier: w.classify}
	return w
}

func funcLess(a, b *ssa.Function) bool {
	if a.Pos() != b.Pos() {
		return a.Pos() < b.Pos()
	}
	return a.String() < b.String()
}

// sortedDefs returns the package's defining identifiers in source order.
func sortedDefs(u *Unit) []*ast.Ident {
	ids := make([]*ast.Ident, 0, len(u.Info.Defs))
	for id, obj := range u.Info.Defs {
		if obj != nil {
			ids = append(ids, id)
		}
	}
	sort.Slice(ids, func(i, j int) bool { return ids[i].Pos() < ids[j].Pos() })
	return ids
}

// exportFacts exports a fact for every exported package-level function and
// method that reaches a sink: only those can be called from another
// package (the walk does not follow function values across packages), and
// fewer facts are less for go vet to encode and ship.
func (w *walker) exportFacts() {
	for _, fn := range w.funcs {
		if fn.Parent() != nil || fn.Synthetic != "" || fn.Origin() != nil {
			continue
		}
		obj := classify.FuncObject(fn)
		s := w.res.Summary(fn)
		if obj == nil || !obj.Exported() || obj.Pkg() != w.u.Pkg || len(s) == 0 {
			continue
		}
		w.u.Facts.Export(obj, newFact(s))
	}
}

// posOf maps a call's position (its Lparen) to the start of the call
// expression, where a reader looks for it.
func (w *walker) posOf(pos token.Pos) token.Pos {
	if p, ok := w.callStarts()[pos]; ok {
		return p
	}
	return pos
}

func (w *walker) callStarts() map[token.Pos]token.Pos {
	if w.starts == nil {
		w.starts = make(map[token.Pos]token.Pos)
		for _, f := range w.u.Files {
			ast.Inspect(f, func(n ast.Node) bool {
				switch n := n.(type) {
				case *ast.CallExpr:
					w.starts[n.Lparen] = n.Pos()
				case *ast.GoStmt:
					w.starts[n.Go] = n.Pos()
				case *ast.DeferStmt:
					w.starts[n.Defer] = n.Pos()
				}
				return true
			})
		}
	}
	return w.starts
}

// storedValues returns the values of stores.
func storedValues(stores []*ssa.Store) []ssa.Value {
	out := make([]ssa.Value, len(stores))
	for i, s := range stores {
		out[i] = s.Val
	}
	return out
}
