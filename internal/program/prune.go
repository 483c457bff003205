package program

import (
	"go/ast"
	"go/parser"
	"go/token"
	"strings"

	"golang.org/x/tools/go/packages"

	"github.com/spanhotpath/spanhotpath/internal/catalog"
	"github.com/spanhotpath/spanhotpath/internal/load"
)

// Prune drops from g the test packages (test variants, external test
// packages and test mains) whose test files declare no hook method and
// wire no component: their findings are their package's, which the package
// itself yields, and loading them would double the program (most packages
// have tests, few of them declare hooks). A test fake that flows into a
// hook of its package is therefore not followed: a test's fakes are not the
// program.
func Prune(g *load.Graph, cat *catalog.Catalog) *load.Graph {
	ns := hookNames{methods: make(map[string]bool), ifaces: make(map[string]bool), wirings: make(map[string]bool)}
	for _, h := range catalog.Hooks {
		ns.ifaces[h.Iface] = true
		for _, m := range h.Methods {
			ns.methods[m.Name] = true
		}
	}
	for _, r := range cat.Roots() {
		ns.methods[r.Name] = true
	}
	for full := range wirings {
		ns.wirings[full[strings.LastIndex(full, ".")+1:]] = true
	}

	keep := make(map[*packages.Package]bool)
	var mains []*packages.Package
	for _, p := range g.All {
		switch {
		case load.IsTestMain(p):
			mains = append(mains, p)
		case isTestPackage(p):
			if declaresHooks(p, ns) {
				keep[p] = true
			}
		default:
			keep[p] = true
		}
	}
	// A kept test package needs the test packages it imports (an external
	// test package imports its package's test variant); a test main is
	// kept with its test packages.
	var need func(p *packages.Package)
	need = func(p *packages.Package) {
		for _, imp := range p.Imports {
			if !keep[imp] {
				keep[imp] = true
				need(imp)
			}
		}
	}
	for _, p := range g.All {
		if keep[p] && isTestPackage(p) {
			need(p)
		}
	}
	for _, m := range mains {
		for _, imp := range m.Imports {
			if isTestPackage(imp) && keep[imp] {
				keep[m] = true
				need(m)
				break
			}
		}
	}
	out := &load.Graph{}
	for _, p := range g.Roots {
		if keep[p] {
			out.Roots = append(out.Roots, p)
		}
	}
	for _, p := range g.All {
		if keep[p] {
			out.All = append(out.All, p)
		}
	}
	return out
}

// isTestPackage reports whether p is a test variant ("p [p.test]") or an
// external test package.
func isTestPackage(p *packages.Package) bool {
	return strings.Contains(p.ID, ".test]") || strings.HasSuffix(p.PkgPath, "_test")
}

// hookNames are the names the syntactic test looks for.
type hookNames struct {
	methods map[string]bool // hook methods and configured roots
	ifaces  map[string]bool // hook interfaces, embedded to promote their methods
	wirings map[string]bool // functions that wire a component into the SDK
}

// declaresHooks reports whether p's test files declare a method named as a
// hook (or a configured root), embed a hook interface, or call a function
// named as a wiring one. It reads syntax only: a cheap, generous test.
func declaresHooks(p *packages.Package, names hookNames) bool {
	fset := token.NewFileSet()
	for _, name := range p.CompiledGoFiles {
		if !strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, parser.SkipObjectResolution)
		if err != nil {
			return true // let the loader report it
		}
		found := false
		ast.Inspect(f, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.FuncDecl:
				if n.Recv != nil && names.methods[n.Name.Name] {
					found = true
				}
			case *ast.Field:
				if len(n.Names) == 0 && names.ifaces[lastIdent(n.Type)] {
					found = true // an embedded hook interface promotes its methods
				}
			case *ast.SelectorExpr:
				if names.wirings[n.Sel.Name] {
					found = true
				}
			}
			return !found
		})
		if found {
			return true
		}
	}
	return false
}

// lastIdent returns the name a type expression ends with: T, *pkg.T.
func lastIdent(e ast.Expr) string {
	switch e := e.(type) {
	case *ast.Ident:
		return e.Name
	case *ast.SelectorExpr:
		return e.Sel.Name
	case *ast.StarExpr:
		return lastIdent(e.X)
	case *ast.IndexExpr:
		return lastIdent(e.X)
	}
	return ""
}
