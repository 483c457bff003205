package program

import (
	"go/token"
	"strings"

	"golang.org/x/tools/go/packages"
	"golang.org/x/tools/go/ssa"

	"github.com/spanhotpath/spanhotpath/internal/catalog"
	"github.com/spanhotpath/spanhotpath/internal/classify"
	"github.com/spanhotpath/spanhotpath/internal/load"
)

// Process-wide defaults change what a call does in every package of a
// program: http.DefaultTransport instrumented by otelhttp makes every
// http.Get start a span; slog's default logger bridged by otelslog makes
// every slog call emit a record. What counts for a package is what the
// programs it is part of do: the mains (and test mains) that import it, or,
// in a library with no main among the packages, the packages it imports.
// Stores in test files set up a test, not the program, and do not count.

// defaults is what the programs of one package do to the defaults.
type defaults struct {
	transport, bridge           token.Pos
	transportWhere, bridgeWhere string
}

// setting is one place the user's code sets a default.
type setting struct {
	pkg *packages.Package
	pos token.Pos
}

// defaultsOf returns, for each package, the defaults of its programs.
func defaultsOf(p *load.Program, g *load.Graph, s *source) func(lp *packages.Package) defaults {
	c := &classify.Classifier{Flow: s.flow, Fset: p.Fset}
	pkgOf := make(map[*ssa.Package]*packages.Package)
	for lp, sp := range p.Packages {
		pkgOf[sp] = lp
	}
	inTest := func(pos token.Pos) bool {
		f := p.Fset.File(pos)
		return f != nil && strings.HasSuffix(f.Name(), "_test.go")
	}
	var transports, bridges []setting
	for _, st := range s.flow.GlobalStores(catalog.PkgHTTP, "DefaultTransport") {
		if inTest(st.Pos()) {
			continue
		}
		if pos := c.FindInstrumentedDefault([]ssa.Value{st.Val}); pos.IsValid() {
			transports = append(transports, setting{pkgOf[fnSSAPackage(st.Parent())], pos})
		}
	}
	for _, site := range s.flow.CallsTo(catalog.SlogSetDefault) {
		if inTest(site.Pos()) {
			continue
		}
		if pos := c.FindBridgedDefault([]*ssa.CallCommon{site}); pos.IsValid() {
			if fn := s.flow.CallerOf(site); fn != nil {
				bridges = append(bridges, setting{pkgOf[fnSSAPackage(fn)], pos})
			}
		}
	}
	if len(transports) == 0 && len(bridges) == 0 {
		return func(*packages.Package) defaults { return defaults{} }
	}

	// The programs: every main package, with the packages it links.
	closure := func(root *packages.Package) map[*packages.Package]bool {
		seen := make(map[*packages.Package]bool)
		var visit func(p *packages.Package)
		visit = func(p *packages.Package) {
			if !seen[p] {
				seen[p] = true
				for _, imp := range p.Imports {
					visit(imp)
				}
			}
		}
		visit(root)
		return seen
	}
	var programs []map[*packages.Package]bool
	for _, lp := range g.All {
		if lp.Name == "main" {
			programs = append(programs, closure(lp))
		}
	}
	first := func(lp *packages.Package, sets []setting, in func(*packages.Package) bool) (token.Pos, string) {
		best, where := token.NoPos, ""
		for _, st := range sets {
			if st.pkg != nil && in(st.pkg) && (!best.IsValid() || st.pos < best) {
				best, where = st.pos, "package "+st.pkg.PkgPath
				if st.pkg == lp {
					where = "this package"
				}
			}
		}
		return best, where
	}
	return func(lp *packages.Package) defaults {
		var mine []map[*packages.Package]bool
		for _, prog := range programs {
			if prog[lp] {
				mine = append(mine, prog)
			}
		}
		in := func(pkg *packages.Package) bool {
			for _, prog := range mine {
				if prog[pkg] {
					return true
				}
			}
			return false
		}
		if len(mine) == 0 {
			own := closure(lp)
			in = func(pkg *packages.Package) bool { return own[pkg] }
		}
		var d defaults
		d.transport, d.transportWhere = first(lp, transports, in)
		d.bridge, d.bridgeWhere = first(lp, bridges, in)
		return d
	}
}
