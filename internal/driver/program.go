package driver

import (
	"github.com/spanhotpath/spanhotpath/internal/catalog"
	"github.com/spanhotpath/spanhotpath/internal/load"
	"github.com/spanhotpath/spanhotpath/internal/program"
)

// Program analyses the packages of g as one program (whole-program mode)
// and returns the findings of the root packages, in the same form as
// PerPackage.
func Program(g *load.Graph, cat *catalog.Catalog) (*Result, program.Stats) {
	p := load.LoadProgram(g)
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
	return res, pr.Stats
}
