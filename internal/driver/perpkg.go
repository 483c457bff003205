// Package driver runs spanhotpath outside go vet and golangci-lint: over
// every package of a build, one package at a time in dependency order
// (facts flow from each package to its importers, as under go vet), or over
// the whole program at once.
package driver

import (
	"go/token"
	"go/types"
	"runtime"
	"strings"
	"sync"

	"golang.org/x/tools/go/packages"
	"golang.org/x/tools/go/types/objectpath"

	"github.com/spanhotpath/spanhotpath/internal/catalog"
	"github.com/spanhotpath/spanhotpath/internal/hazard"
	"github.com/spanhotpath/spanhotpath/internal/load"
	"github.com/spanhotpath/spanhotpath/internal/perpkg"
)

// Result is one run over a package graph.
type Result struct {
	Fset  *token.FileSet
	Units []*Unit // the root packages that were analysed, in load order
	// Errors are the packages that could not be loaded or analysed, with
	// their messages, in load order.
	Errors []PackageError
}

// Unit is the result for one root package.
type Unit struct {
	Pkg      *packages.Package
	Findings []hazard.Finding  // detached (no SSA)
	Imports  map[string]string // import path -> package name, for tidying fixed files
}

// PackageError is why a package was not analysed (or not completely).
type PackageError struct {
	Pkg   *packages.Package
	Lines []string
}

// PerPackage analyses every non-standard package of g in dependency order,
// with at most workers packages (their syntax, types and SSA) in memory at
// once, and returns the findings of the root packages. A package that fails
// to load or type-check is reported and skipped; every other package is
// analysed.
func PerPackage(g *load.Graph, cat *catalog.Catalog, workers int) *Result {
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	res := &Result{Fset: token.NewFileSet()}
	isRoot := make(map[*packages.Package]bool)
	for _, p := range g.Roots {
		isRoot[p] = true
	}

	// The packages to analyse: the standard library is modelled by the
	// catalog, and test mains are generated code.
	var todo []*packages.Package
	index := make(map[*packages.Package]int)
	for _, p := range g.All {
		if load.IsStandard(p) || load.IsTestMain(p) {
			continue
		}
		index[p] = len(todo)
		todo = append(todo, p)
	}
	waiting := make([]int, len(todo))     // unfinished imports
	importers := make([][]int, len(todo)) // who waits for whom
	for i, p := range todo {
		for _, imp := range p.Imports {
			if j, ok := index[imp]; ok {
				waiting[i]++
				importers[j] = append(importers[j], i)
			}
		}
	}

	facts := &factStore{byPkg: make(map[string]map[objectpath.Path]*perpkg.Fact)}
	units := make([]*Unit, len(todo))
	errs := make([][]string, len(todo))

	var mu sync.Mutex
	var wg sync.WaitGroup
	ready := make(chan int, len(todo))
	for i := range todo {
		if waiting[i] == 0 {
			ready <- i
		}
	}
	remaining := len(todo)
	if remaining == 0 {
		close(ready)
	}
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range ready {
				units[i], errs[i] = analyse(res.Fset, todo[i], isRoot[todo[i]], cat, facts)
				mu.Lock()
				for _, j := range importers[i] {
					if waiting[j]--; waiting[j] == 0 {
						ready <- j
					}
				}
				if remaining--; remaining == 0 {
					close(ready)
				}
				mu.Unlock()
			}
		}()
	}
	wg.Wait()

	for i, p := range todo {
		if errs[i] != nil {
			res.Errors = append(res.Errors, PackageError{Pkg: p, Lines: errs[i]})
		}
	}
	for _, p := range g.Roots {
		if i, ok := index[p]; ok && units[i] != nil {
			res.Units = append(res.Units, units[i])
		}
	}
	return res
}

// analyse type-checks and analyses one package. It returns the unit for a
// root package, and the lines of any error.
func analyse(fset *token.FileSet, p *packages.Package, root bool, cat *catalog.Catalog, facts *factStore) (*Unit, []string) {
	if lines := load.Errors(p); len(lines) > 0 {
		return nil, lines
	}
	lu, err := load.TypeCheck(fset, p)
	if err != nil {
		return nil, []string{err.Error()}
	}
	module := ""
	if p.Module != nil {
		module = p.Module.Path
	}
	u := &perpkg.Unit{
		Fset:   fset,
		Files:  lu.Files,
		Pkg:    lu.Types,
		Info:   lu.Info,
		Module: module,
		Facts:  facts.forUnit(p),
	}
	findings, err := perpkg.Analyze(u, cat)
	if err != nil {
		return nil, []string{err.Error()}
	}
	if !root {
		return nil, nil
	}
	out := &Unit{Pkg: p, Imports: make(map[string]string)}
	for _, imp := range lu.Types.Imports() {
		// Clone: the names are substrings of the import's whole export
		// data, which they would keep alive.
		out.Imports[strings.Clone(imp.Path())] = strings.Clone(imp.Name())
	}
	for _, f := range findings {
		out.Findings = append(out.Findings, f.Detach())
	}
	return out, nil
}

// factStore holds the facts of every analysed package, by package ID and
// object path: a unit's importers see the objects through export data, as
// other objects, and find the facts by path.
type factStore struct {
	mu    sync.Mutex
	byPkg map[string]map[objectpath.Path]*perpkg.Fact
}

func (s *factStore) forUnit(p *packages.Package) *unitFacts {
	u := &unitFacts{store: s, self: p.ID, idOf: make(map[string]string)}
	var visit func(p *packages.Package)
	visit = func(p *packages.Package) {
		for _, imp := range p.Imports {
			if _, ok := u.idOf[imp.PkgPath]; !ok {
				u.idOf[imp.PkgPath] = imp.ID
				visit(imp)
			}
		}
	}
	visit(p)
	return u
}

// unitFacts is one unit's view of the fact store: a package path means the
// package of that path among the unit's dependencies (a test variant, in a
// test).
type unitFacts struct {
	store *factStore
	self  string
	idOf  map[string]string
	enc   objectpath.Encoder
}

func (u *unitFacts) Import(fn *types.Func) (*perpkg.Fact, bool) {
	if fn.Pkg() == nil {
		return nil, false
	}
	id, ok := u.idOf[fn.Pkg().Path()]
	if !ok {
		return nil, false
	}
	u.store.mu.Lock()
	facts := u.store.byPkg[id]
	u.store.mu.Unlock()
	if len(facts) == 0 {
		return nil, false // most packages export none
	}
	path, err := u.enc.For(fn)
	if err != nil {
		return nil, false
	}
	u.store.mu.Lock()
	defer u.store.mu.Unlock()
	f, ok := facts[path]
	return f, ok
}

func (u *unitFacts) Export(fn *types.Func, f *perpkg.Fact) {
	path, err := u.enc.For(fn)
	if err != nil {
		return // not addressable from another package
	}
	u.store.mu.Lock()
	defer u.store.mu.Unlock()
	m := u.store.byPkg[u.self]
	if m == nil {
		m = make(map[objectpath.Path]*perpkg.Fact)
		u.store.byPkg[u.self] = m
	}
	m[path] = f
}
