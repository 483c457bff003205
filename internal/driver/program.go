package driver

import (
	"fmt"
	"os"
	"runtime/debug"
	"time"

	"github.com/spanhotpath/spanhotpath/internal/catalog"
	"github.com/spanhotpath/spanhotpath/internal/load"
	"github.com/spanhotpath/spanhotpath/internal/program"
)

// Program analyses the packages of g as one program (whole-program mode)
// and returns the findings of the root packages, in the same form as
// PerPackage.
//
// A bug in the analysis of the program (a panic) is returned as an error:
// nothing of the program can be trusted then, but the command still ends
// with a message and the exit status of an error, not a crash.
func Program(g *load.Graph, cat *catalog.Catalog) (res *Result, st ProgramStats, err error) {
	defer func() {
		if p := recover(); p != nil {
			res, st = nil, ProgramStats{}
			err = fmt.Errorf("internal error in program mode: %v\n%s", p, debug.Stack())
		}
	}()
	res, st = analyseProgram(g, cat)
	return res, st, nil
}

func analyseProgram(g *load.Graph, cat *catalog.Catalog) (*Result, ProgramStats) {
	// The whole program's syntax, types and SSA are live at once: collect
	// garbage at half the default growth (GOGC=50), which keeps W1's peak
	// under 1.5 GB for about 10% more CPU, unless GOGC says otherwise.
	if os.Getenv("GOGC") == "" {
		defer debug.SetGCPercent(debug.SetGCPercent(50))
	}
	if !mayHaveRoots(g, cat) {
		// No type in the graph can be a hook (no package a hook's
		// signature needs is in it), and no root is configured: the
		// whole program has nothing to add to what each package says
		// (a //spanhotpath:ignore without a reason, say), at a fraction
		// of the memory (client-go: 0.3 GB, not 1.8).
		return PerPackage(g, cat, 0), ProgramStats{PerPackage: true}
	}
	p := load.Build(g)
	res := &Result{Fset: p.Fset}
	for _, e := range p.Errors {
		res.Errors = append(res.Errors, PackageError{Pkg: e.Pkg, Lines: e.Lines})
	}
	pr := program.Analyze(p, g, cat)
	for _, lp := range g.Roots {
		fs, ok := pr.Findings[lp]
		if !ok {
			continue
		}
		u := &Unit{Pkg: lp, Imports: make(map[string]string)}
		if sp := p.Packages[lp]; sp != nil {
			for _, imp := range sp.Pkg.Imports() {
				u.Imports[imp.Path()] = imp.Name()
			}
		}
		for _, f := range fs {
			u.Findings = append(u.Findings, f.Detach())
		}
		res.Units = append(res.Units, u)
	}
	return res, ProgramStats{Stats: pr.Stats, Check: p.Check, Build: p.Build, FromSource: p.FromSource}
}

// ProgramStats is what a program run cost, stage by stage.
type ProgramStats struct {
	// PerPackage: no hook can exist in the program, so it was analysed
	// package by package instead.
	PerPackage bool
	program.Stats
	Check, Build time.Duration
	FromSource   int
}

// mayHaveRoots reports whether the program of g can have a hot-path root:
// a root configured by name, or a package a hook's signature needs.
func mayHaveRoots(g *load.Graph, cat *catalog.Catalog) bool {
	if len(cat.Roots()) > 0 {
		return true
	}
	need := catalog.HookPackages()
	for _, p := range g.All {
		if need[p.PkgPath] {
			return true
		}
	}
	return false
}
