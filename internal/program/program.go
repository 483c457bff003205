// Package program is the whole-program graph source: it loads every package
// of a program into one SSA program, resolves interface and function values
// by where they really flow (VTA over a slice from the roots, and the
// program-wide value flow), knows program-wide facts (an instrumented
// http.DefaultTransport, a bridged slog default), and feeds the same hazard
// engine as the per-package source. It also reports two hazards that have no
// hook of the user's: an exporter wired into a synchronous processor, and a
// hook type of another module registered by the user's code.
package program

import (
	"go/token"
	"go/types"
	"sort"
	"time"

	"golang.org/x/tools/go/packages"
	"golang.org/x/tools/go/ssa"

	"github.com/spanhotpath/spanhotpath/internal/catalog"
	"github.com/spanhotpath/spanhotpath/internal/faults"
	"github.com/spanhotpath/spanhotpath/internal/flow"
	"github.com/spanhotpath/spanhotpath/internal/hazard"
	"github.com/spanhotpath/spanhotpath/internal/load"
	"github.com/spanhotpath/spanhotpath/internal/roots"
)

// Result is the program analysis: findings by root package, and what it
// cost (sizes of the call graph rounds, for the benchmark report).
type Result struct {
	Findings map[*packages.Package][]hazard.Finding
	Stats    Stats
}

// Stats describes the work of one run.
type Stats struct {
	Functions           int           // functions with bodies in the program
	Rounds              []round       // slice and producer sizes of each VTA round
	Solved              int           // summaries computed
	Index, Graph, Solve time.Duration // wall times: value-flow index, call graph, engine
}

// Analyze analyses the root packages of g in program p.
func Analyze(p *load.Program, g *load.Graph, cat *catalog.Catalog) *Result {
	t0 := time.Now()
	// The user's code: the packages of the patterns' modules.
	userModules := make(map[string]bool)
	for _, lp := range g.Roots {
		faults.Inject(lp.PkgPath)
		if lp.Module != nil {
			userModules[lp.Module.Path] = true
		}
	}
	std := newStdPaths(g)
	moduleOf := make(map[*types.Package]string)
	var own []*ssa.Package
	for _, lp := range g.All {
		sp := p.Packages[lp]
		if sp == nil || std.has(sp.Pkg.Path()) {
			continue
		}
		own = append(own, sp)
		if lp.Module != nil {
			moduleOf[sp.Pkg] = lp.Module.Path
		}
	}
	user := func(fn *ssa.Function) bool {
		pkg := fnPackage(fn)
		return pkg == nil || userModules[moduleOf[pkg]]
	}
	byPkg := make(map[*ssa.Package][]*ssa.Function)
	all := ownFunctions(p.SSA, own)
	var userFuncs []*ssa.Function
	for _, fn := range all {
		if user(fn) {
			userFuncs = append(userFuncs, fn)
		}
		if sp := fnSSAPackage(fn); sp != nil {
			byPkg[sp] = append(byPkg[sp], fn)
		}
	}
	s := &source{
		prog:    p,
		cat:     cat,
		user:    user,
		std:     std,
		flow:    flow.New(),
		local:   make(map[*ssa.Package]*flow.Index),
		funcsOf: func(sp *ssa.Package) []*ssa.Function { return byPkg[sp] },
		dirs:    p.DirectivesByFile,
		starts:  &callStarts{fset: p.Fset, files: make(map[*token.File]map[int]int)},
	}
	s.flow.Opaque = func(fn *ssa.Function) bool { return !user(fn) }
	for _, fn := range userFuncs {
		s.flow.Add(fn)
	}

	indexTime := time.Since(t0)

	// The roots, from types: declared hooks and configured roots of the
	// root packages; a hook promoted from another package's type is
	// solved first and reported at the embedded field.
	var rootPkgs []*packages.Package
	for _, lp := range g.Roots {
		if p.Packages[lp] != nil && !std.has(lp.PkgPath) {
			rootPkgs = append(rootPkgs, lp)
		}
	}
	var promoted []*ssa.Function
	probe := &roots.Finder{Prog: p.SSA, Cat: cat, Promoted: func(m *types.Func, _ token.Pos) []hazard.Witness {
		if fn := p.SSA.FuncValue(m); fn != nil {
			promoted = append(promoted, fn)
		}
		return nil
	}}
	var entry []*ssa.Function
	entryOf := make(map[*packages.Package][]*ssa.Function)
	for _, lp := range rootPkgs {
		promoted = promoted[:0]
		for _, r := range probe.Find(p.Packages[lp].Pkg) {
			entryOf[lp] = append(entryOf[lp], r.Fn)
		}
		entryOf[lp] = append(entryOf[lp], promoted...)
	}
	regs := registrations(p, s, rootPkgs, cat)
	for _, r := range regs {
		entryOf[r.pkg] = append(entryOf[r.pkg], r.fn)
	}
	for _, lp := range rootPkgs {
		entry = append(entry, entryOf[lp]...)
	}

	start := time.Now()
	s.graph = buildGraph(userFuncs, entry, user, std, cat, s.funcValueCallees)
	graphTime := time.Since(start)
	start = time.Now()
	// Calls through interfaces and function values count as callers of a
	// parameter's function for the value flow.
	s.flow.Callers = s.graph.dynamicCallers()

	// Solve once per distinct process-wide defaults (usually one): the
	// same call is a span in a program that instruments
	// http.DefaultTransport and plain I/O in another.
	defaultsFor := defaultsOf(p, g, s)
	groups := make(map[defaults][]*packages.Package)
	var keys []defaults
	for _, lp := range rootPkgs {
		d := defaultsFor(lp)
		if _, ok := groups[d]; !ok {
			keys = append(keys, d)
		}
		groups[d] = append(groups[d], lp)
	}
	out := &Result{Findings: make(map[*packages.Package][]hazard.Finding)}
	solved := 0
	for _, d := range keys {
		src := s.withDefaults(d)
		var fns []*ssa.Function
		for _, lp := range groups[d] {
			fns = append(fns, entryOf[lp]...)
		}
		res := hazard.Solve(src, cat, sortedFuncs(fns))
		solved += res.Computes()
		finder := &roots.Finder{Prog: p.SSA, Cat: cat, Reviewed: src.Reviewed,
			Promoted: func(m *types.Func, pos token.Pos) []hazard.Witness {
				fn := p.SSA.FuncValue(m)
				if fn == nil {
					return nil
				}
				h := hazard.Hop{Name: m.FullName(), Qual: m.FullName(), Pos: pos}
				var ws []hazard.Witness
				for _, w := range res.Summary(fn) {
					ws = append(ws, w.Prepend(h))
				}
				return ws
			}}
		for _, lp := range groups[d] {
			var fs []hazard.Finding
			for _, root := range finder.Find(p.Packages[lp].Pkg) {
				for _, f := range res.Findings(&root) {
					fs = append(fs, f.MapPositions(s.starts.start))
				}
			}
			for _, r := range regs {
				if r.pkg == lp {
					fs = append(fs, r.findings(res, src)...)
				}
			}
			sort.SliceStable(fs, func(i, j int) bool { return fs[i].Pos < fs[j].Pos })
			out.Findings[lp] = fs
		}
	}
	// Directives: those of the root packages that are wrong.
	for _, lp := range rootPkgs {
		d := p.Directives[p.Packages[lp]]
		if d == nil {
			continue
		}
		for _, dir := range d.All() {
			if dir.Reason == "" || !dir.Used {
				out.Findings[lp] = append(out.Findings[lp], hazard.Finding{Category: catalog.Directive, Pos: dir.Pos, Directive: dir})
			}
		}
	}
	out.Stats = Stats{Functions: len(all), Rounds: s.graph.rounds, Solved: solved, Index: indexTime, Graph: graphTime, Solve: time.Since(start)}
	return out
}

// fnSSAPackage returns the SSA package whose code fn is.
func fnSSAPackage(fn *ssa.Function) *ssa.Package {
	for {
		if o := fn.Origin(); o != nil {
			fn = o
		}
		if p := fn.Parent(); p != nil {
			fn = p
			continue
		}
		return fn.Pkg
	}
}

func sortedFuncs(fns []*ssa.Function) []*ssa.Function {
	out := append([]*ssa.Function(nil), fns...)
	sort.SliceStable(out, func(i, j int) bool { return funcLess(out[i], out[j]) })
	return out
}
