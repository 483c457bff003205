package analyzer

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"runtime/debug"
	"sort"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"
)

func (r *runner) run(pass *analysis.Pass) (_ any, err error) {
	defer func() {
		// A bug here must not take down go vet or golangci-lint for the
		// whole build: turn it into this package's error.
		if p := recover(); p != nil {
			err = fmt.Errorf("spanhotpath: internal error analysing %s: %v\n%s", pass.Pkg.Path(), p, debug.Stack())
		}
	}()
	if isStandardLibrary(pass) {
		// The catalog models the standard library; its packages need
		// no analysis (go vet runs us on every dependency).
		return nil, nil
	}
	cat := r.compile()
	dirs := parseDirectives(pass.Fset, pass.Files, pass.TypesInfo)
	if !references(pass, cat) || (factsUnused(pass) && !mayHaveRoots(pass, cat)) {
		// Nothing here can reach a sink, or nothing here is a hook and
		// no other package can use this one's facts: no SSA, no facts.
		reportDirectives(pass, dirs)
		return nil, nil
	}
	w := newWalker(pass, cat, r.cfg, dirs)
	w.solve()
	w.exportFacts()
	for _, root := range w.roots() {
		w.report(root)
	}
	reportDirectives(pass, dirs)
	return nil, nil
}

// isStandardLibrary reports whether pass analyses a standard-library
// package: outside any module, with no dot in its first path element.
func isStandardLibrary(pass *analysis.Pass) bool {
	if pass.Module != nil && pass.Module.Path != "" && pass.Module.Path != "std" {
		return false
	}
	first, _, _ := strings.Cut(pass.Pkg.Path(), "/")
	return !strings.Contains(first, ".")
}

// factsUnused reports whether no other package can use this package's
// facts: a command (package main), or a test variant, whose exports only
// its own test binary's external test package sees.
func factsUnused(pass *analysis.Pass) bool {
	if pass.Pkg.Name() == "main" || strings.HasSuffix(pass.Pkg.Path(), "_test") {
		return true
	}
	for _, f := range pass.Files {
		if strings.HasSuffix(pass.Fset.File(f.Pos()).Name(), "_test.go") {
			return true
		}
	}
	return false
}

// mayHaveRoots reports, from types alone, whether the package declares a
// type that implements a hook interface, or has configured roots.
func mayHaveRoots(pass *analysis.Pass, cat *compiledCatalog) bool {
	if len(cat.roots) > 0 {
		return true
	}
	ifaces := hookInterfaces(importedPackages(pass.Pkg))
	if len(ifaces) == 0 {
		return false
	}
	for _, n := range declaredTypes(pass) {
		for _, h := range ifaces {
			if implementer(n, h.iface) != nil {
				return true
			}
		}
	}
	return false
}

// references reports whether the package refers to anything that can reach
// a sink: a catalog sink, a function or method with a ReachFact, or a
// configured root (whose body may hold a configured sink).
func references(pass *analysis.Pass, cat *compiledCatalog) bool {
	if len(cat.roots) > 0 {
		return true
	}
	checked := make(map[types.Object]bool)
	for _, obj := range pass.TypesInfo.Uses {
		if checked[obj] {
			continue
		}
		checked[obj] = true
		switch obj := obj.(type) {
		case *types.Func:
			if spec, _, ok := cat.lookup(obj); ok && spec.isSink() {
				return true
			}
			if isGRPCStubMethod(obj) {
				return true
			}
			if obj.Pkg() != nil && obj.Pkg() != pass.Pkg && pass.ImportObjectFact(obj.Origin(), new(ReachFact)) {
				return true
			}
		case *types.TypeName:
			// Methods of another package's type, reached through an
			// interface the value is converted to.
			if obj.Pkg() == nil || obj.Pkg() == pass.Pkg {
				continue
			}
			if n, ok := types.Unalias(obj.Type()).(*types.Named); ok {
				for m := range n.Origin().Methods() {
					if pass.ImportObjectFact(m, new(ReachFact)) {
						return true
					}
					if spec, _, ok := cat.lookup(m); ok && spec.isSink() {
						return true
					}
				}
			}
		}
	}
	return false
}

// newWalker builds the package's SSA form and indexes it.
func newWalker(pass *analysis.Pass, cat *compiledCatalog, cfg Config, dirs *directives) *walker {
	prog := ssa.NewProgram(pass.Fset, ssa.InstantiateGenerics)
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
	create(pass.Pkg.Imports())
	pkg := prog.CreatePackage(pass.Pkg, pass.Files, pass.TypesInfo, false)
	pkg.Build()

	w := &walker{
		pass:    pass,
		cat:     cat,
		cfg:     cfg,
		pkg:     pkg,
		flow:    newFlowIndex(),
		known:   make(map[*ssa.Function]bool),
		edges:   make(map[*ssa.Function][]edge),
		sums:    make(map[*ssa.Function]summary),
		ignores: dirs,
	}
	// Every function of the package, so that the flow index holds every
	// store before the first query.
	for _, m := range pkg.Members {
		if fn, ok := m.(*ssa.Function); ok {
			w.discover(fn)
		}
	}
	for _, id := range sortedDefs(pass) {
		if fn, ok := pass.TypesInfo.Defs[id].(*types.Func); ok {
			w.discover(prog.FuncValue(fn))
		}
	}
	w.instrumentedDefault = w.findInstrumentedDefault()
	w.bridgedDefault = w.findBridgedDefault()
	return w
}

// sortedDefs returns the package's defining identifiers in source order.
func sortedDefs(pass *analysis.Pass) []*ast.Ident {
	ids := make([]*ast.Ident, 0, len(pass.TypesInfo.Defs))
	for id, obj := range pass.TypesInfo.Defs {
		if obj != nil {
			ids = append(ids, id)
		}
	}
	sort.Slice(ids, func(i, j int) bool { return ids[i].Pos() < ids[j].Pos() })
	return ids
}

// exportFacts exports a ReachFact for every exported package-level
// function and method that reaches a sink: only those can be called from
// another package (the walk does not follow function values across
// packages), and fewer facts are less for go vet to encode and ship.
func (w *walker) exportFacts() {
	for _, fn := range w.funcs {
		if fn.Parent() != nil || fn.Synthetic != "" || fn.Origin() != nil {
			continue
		}
		obj := funcObject(fn)
		if obj == nil || !obj.Exported() || obj.Pkg() != w.pass.Pkg || len(w.sums[fn]) == 0 {
			continue
		}
		w.pass.ExportObjectFact(obj, newReachFact(w.sums[fn]))
	}
}

// qualifiedName names fn for other packages, as Go's stack traces do:
// example.com/p.getHostIP, (*example.com/p.P).lookup, example.com/p.(*P).OnStart.func1.
func qualifiedName(fn *ssa.Function) string {
	if o := fn.Origin(); o != nil {
		fn = o
	}
	if fn.Parent() != nil {
		outer := fn
		for outer.Parent() != nil {
			outer = outer.Parent()
		}
		path := ""
		if obj := funcObject(outer); obj != nil && obj.Pkg() != nil {
			path = obj.Pkg().Path() + "."
		}
		return path + strings.TrimPrefix(fn.String(), path)
	}
	if obj := funcObject(fn); obj != nil {
		return obj.FullName()
	}
	return fn.String()
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
		for _, f := range w.pass.Files {
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
