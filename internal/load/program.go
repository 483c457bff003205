package load

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
	"os"
	"runtime"
	"sort"
	"strings"
	"sync"
	"time"

	"golang.org/x/tools/go/gcexportdata"
	"golang.org/x/tools/go/packages"
	"golang.org/x/tools/go/ssa"

	"github.com/spanhotpath/spanhotpath/internal/directive"
)

// Program is a whole program in one type universe, built as SSA: every
// package outside the standard library from source, with bodies; the
// standard library from export data, without (the catalog models it).
type Program struct {
	Fset *token.FileSet
	SSA  *ssa.Program
	// Packages maps each package of the graph that was loaded to its SSA
	// package (test variants are packages of their own).
	Packages map[*packages.Package]*ssa.Package
	// Directives holds the //spanhotpath:ignore directives of every
	// package loaded from source, by package and by file.
	Directives       map[*ssa.Package]*directive.Set
	DirectivesByFile map[*token.File]*directive.Set
	// Errors are the packages that could not be loaded, with why.
	Errors []ProgramError
	// Check is the wall time of loading from source (type-checking, and
	// building each package's SSA as soon as it is checked), Build the
	// part of it spent building SSA; FromSource the number of packages
	// type-checked.
	Check, Build time.Duration
	FromSource   int
}

// ProgramError is why a package of the graph is not in the program.
type ProgramError struct {
	Pkg   *packages.Package
	Lines []string
}

// Build type-checks and builds the packages of g. A package that
// fails to load, and the packages that import it, are left out and
// reported; the rest of the program is built.
func Build(g *Graph) *Program {
	lp := &programLoader{
		prog: &Program{
			Fset:       token.NewFileSet(),
			Packages:   make(map[*packages.Package]*ssa.Package),
			Directives: make(map[*ssa.Package]*directive.Set),

			DirectivesByFile: make(map[*token.File]*directive.Set),
		},
		roots:   make(map[*packages.Package]bool),
		types:   make(map[*packages.Package]*types.Package),
		stdView: make(map[string]*types.Package),
		errs:    make(map[*packages.Package][]string),
	}
	for _, p := range g.Roots {
		lp.roots[p] = true
	}
	start := time.Now()
	lp.createStd(g)
	lp.check(g)
	lp.prog.Check = time.Since(start)
	lp.finish(g)
	return lp.prog
}

type programLoader struct {
	prog  *Program
	roots map[*packages.Package]bool

	mu      sync.Mutex
	types   map[*packages.Package]*types.Package // every package type-checked or imported
	stdView map[string]*types.Package            // the standard library, from export data, shared
	errs    map[*packages.Package][]string

	// ssaMu serialises creating and building SSA packages (ssa allows
	// neither during the other); type-checking goes on in parallel.
	ssaMu   sync.Mutex
	created map[*types.Package]*ssa.Package
}

// check type-checks every package outside the standard library from
// source, in dependency order, as many at a time as there are CPUs.
func (lp *programLoader) check(g *Graph) {
	var todo []*packages.Package
	index := make(map[*packages.Package]int)
	for _, p := range g.All {
		if IsStandard(p) {
			continue
		}
		index[p] = len(todo)
		todo = append(todo, p)
	}
	waiting := make([]int, len(todo))
	importers := make([][]int, len(todo))
	for i, p := range todo {
		for _, imp := range p.Imports {
			if j, ok := index[imp]; ok {
				waiting[i]++
				importers[j] = append(importers[j], i)
			}
		}
	}
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
	var sched sync.Mutex
	var wg sync.WaitGroup
	for range runtime.GOMAXPROCS(0) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range ready {
				lp.checkOne(todo[i])
				sched.Lock()
				for _, j := range importers[i] {
					if waiting[j]--; waiting[j] == 0 {
						ready <- j
					}
				}
				if remaining--; remaining == 0 {
					close(ready)
				}
				sched.Unlock()
			}
		}()
	}
	wg.Wait()
	for _, p := range todo {
		if lines := lp.errs[p]; len(lines) > 0 {
			lp.prog.Errors = append(lp.prog.Errors, ProgramError{Pkg: p, Lines: lines})
		}
	}
}

func (lp *programLoader) fail(p *packages.Package, lines ...string) {
	lp.mu.Lock()
	defer lp.mu.Unlock()
	lp.errs[p] = append(lp.errs[p], lines...)
}

func (lp *programLoader) checkOne(p *packages.Package) {
	if lines := Errors(p); len(lines) > 0 {
		lp.fail(p, lines...)
		return
	}
	lp.mu.Lock()
	for _, imp := range p.Imports {
		if !IsStandard(imp) && lp.types[imp] == nil && imp.PkgPath != "unsafe" {
			lp.mu.Unlock()
			lp.fail(p, fmt.Sprintf("not analysed: its import %s has errors", imp.ID))
			return
		}
	}
	lp.mu.Unlock()
	files := make([]*ast.File, 0, len(p.CompiledGoFiles))
	for _, name := range p.CompiledGoFiles {
		src, err := os.ReadFile(name)
		if err != nil {
			lp.fail(p, err.Error())
			return
		}
		f, err := parser.ParseFile(lp.prog.Fset, name, src, parser.ParseComments|parser.SkipObjectResolution)
		if err != nil {
			lp.fail(p, err.Error())
			return
		}
		files = append(files, f)
	}
	info := newInfo()
	var errs []string
	cfg := &types.Config{
		Importer: importerFunc(func(path string) (*types.Package, error) { return lp.importFor(p, path) }),
		Sizes:    p.TypesSizes,
		Error:    func(err error) { errs = append(errs, err.Error()) },
	}
	if p.Module != nil && p.Module.GoVersion != "" {
		cfg.GoVersion = "go" + p.Module.GoVersion
	}
	pkg, _ := cfg.Check(p.PkgPath, lp.prog.Fset, files, info)
	if len(errs) > 0 {
		sort.Strings(errs)
		lp.fail(p, strings.Join(errs, "\n"))
		return
	}
	lp.build(p, &Unit{Files: files, Types: pkg, Info: info})
	lp.mu.Lock()
	lp.types[p] = pkg // only now may importers be checked
	lp.mu.Unlock()
}

// importFor imports path for p: a package of the program as type-checked
// from source, the standard library from export data into the shared view.
func (lp *programLoader) importFor(p *packages.Package, path string) (*types.Package, error) {
	if path == "unsafe" {
		return types.Unsafe, nil
	}
	imp := p.Imports[path]
	if imp == nil {
		return nil, fmt.Errorf("no metadata for import %q", path)
	}
	lp.mu.Lock()
	defer lp.mu.Unlock()
	if pkg := lp.types[imp]; pkg != nil {
		return pkg, nil
	}
	if !IsStandard(imp) {
		return nil, fmt.Errorf("%s was not loaded", imp.ID)
	}
	return lp.readStd(imp)
}

// readStd reads a standard library package's export data into the shared
// view. Called with mu held.
func (lp *programLoader) readStd(imp *packages.Package) (*types.Package, error) {
	if pkg := lp.types[imp]; pkg != nil {
		return pkg, nil
	}
	if pkg := lp.stdView[imp.PkgPath]; pkg != nil && pkg.Complete() {
		lp.types[imp] = pkg
		return pkg, nil
	}
	f, err := os.Open(imp.ExportFile)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	r, err := gcexportdata.NewReader(f) //nolint:staticcheck // SA1019: the go command of Go 1.26 writes archives
	if err != nil {
		return nil, fmt.Errorf("reading export data of %s: %v", imp.ID, err)
	}
	pkg, err := gcexportdata.Read(r, lp.prog.Fset, lp.stdView, imp.PkgPath)
	if err != nil {
		return nil, fmt.Errorf("reading export data of %s: %v", imp.ID, err)
	}
	lp.types[imp] = pkg
	return pkg, nil
}

// build creates and builds the SSA package of a package type-checked from
// source, as soon as it is checked: its syntax and type information are
// garbage once its bodies are built, so the whole program's never are in
// memory at once (W1 with tests: about a quarter of the peak).
func (lp *programLoader) build(p *packages.Package, u *Unit) {
	d := directive.Parse(lp.prog.Fset, u.Files, u.Info)
	lp.ssaMu.Lock()
	defer lp.ssaMu.Unlock()
	start := time.Now()
	sp := lp.prog.SSA.CreatePackage(u.Types, u.Files, u.Info, false)
	lp.created[u.Types] = sp
	lp.prog.Packages[p] = sp
	lp.prog.Directives[sp] = d
	for _, f := range u.Files {
		lp.prog.DirectivesByFile[lp.prog.Fset.File(f.Pos())] = d
	}
	lp.prog.FromSource++
	sp.Build()
	lp.prog.Build += time.Since(start)
}

// createStd reads the export data of every standard library package of
// the graph and creates their SSA packages, before any package is built
// from source: a package created from types holds the members its scope
// has at that moment, and every body may refer to any of them.
func (lp *programLoader) createStd(g *Graph) {
	lp.prog.SSA = ssa.NewProgram(lp.prog.Fset, ssa.InstantiateGenerics)
	lp.created = map[*types.Package]*ssa.Package{
		types.Unsafe: lp.prog.SSA.CreatePackage(types.Unsafe, nil, nil, true),
	}
	lp.mu.Lock()
	for _, p := range g.All {
		if IsStandard(p) && p.PkgPath != "unsafe" {
			if _, err := lp.readStd(p); err != nil {
				lp.errs[p] = append(lp.errs[p], err.Error())
			}
		}
	}
	paths := make([]string, 0, len(lp.stdView))
	for path := range lp.stdView {
		paths = append(paths, path)
	}
	lp.mu.Unlock()
	sort.Strings(paths)
	for _, path := range paths {
		pkg := lp.stdView[path]
		lp.created[pkg] = lp.prog.SSA.CreatePackage(pkg, nil, nil, true)
	}
}

// finish maps every loaded package of the graph to its SSA package.
func (lp *programLoader) finish(g *Graph) {
	for _, p := range g.All {
		if lp.prog.Packages[p] != nil {
			continue
		}
		if pkg := lp.types[p]; pkg != nil && lp.created[pkg] != nil {
			lp.prog.Packages[p] = lp.created[pkg]
		}
	}
}

func newInfo() *types.Info {
	return &types.Info{
		Types:        make(map[ast.Expr]types.TypeAndValue),
		Defs:         make(map[*ast.Ident]types.Object),
		Uses:         make(map[*ast.Ident]types.Object),
		Implicits:    make(map[ast.Node]types.Object),
		Instances:    make(map[*ast.Ident]types.Instance),
		Scopes:       make(map[ast.Node]*types.Scope),
		Selections:   make(map[*ast.SelectorExpr]*types.Selection),
		FileVersions: make(map[*ast.File]string),
	}
}
