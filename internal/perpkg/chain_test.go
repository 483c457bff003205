package perpkg

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
	"strings"
	"testing"

	"github.com/spanhotpath/spanhotpath/internal/catalog"
	"github.com/spanhotpath/spanhotpath/internal/directive"
	"github.com/spanhotpath/spanhotpath/internal/hazard"
)

// chainUnit type-checks a package in which a configured root calls a chain
// of depth functions, the last of which calls a configured sink. The
// functions are declared root first, so that an engine sweeping them in
// source order would need one round per function.
func chainUnit(t testing.TB, depth int) (*Unit, *catalog.Catalog) {
	t.Helper()
	var b strings.Builder
	b.WriteString("package chain\n\nfunc sink() {}\n\nfunc Hot() { f0() }\n")
	for i := range depth {
		if i == depth-1 {
			fmt.Fprintf(&b, "func f%d() { sink() }\n", i)
		} else {
			fmt.Fprintf(&b, "func f%d() { f%d() }\n", i, i+1)
		}
	}
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "chain.go", b.String(), parser.SkipObjectResolution)
	if err != nil {
		t.Fatal(err)
	}
	info := &types.Info{
		Types:        make(map[ast.Expr]types.TypeAndValue),
		Defs:         make(map[*ast.Ident]types.Object),
		Uses:         make(map[*ast.Ident]types.Object),
		Implicits:    make(map[ast.Node]types.Object),
		Instances:    make(map[*ast.Ident]types.Instance),
		Scopes:       make(map[ast.Node]*types.Scope),
		Selections:   make(map[*ast.SelectorExpr]*types.Selection),
		FileVersions: make(map[*ast.File]string),
	}
	pkg, err := new(types.Config).Check("example.com/chain", fset, []*ast.File{f}, info)
	if err != nil {
		t.Fatal(err)
	}
	cat, err := catalog.Compile(catalog.Config{
		Roots: []string{"example.com/chain.Hot"},
		Sinks: []catalog.SinkSetting{{Name: "example.com/chain.sink", Category: "network"}},
	})
	if err != nil {
		t.Fatal(err)
	}
	return &Unit{Fset: fset, Files: []*ast.File{f}, Pkg: pkg, Info: info, Module: "example.com/chain", Facts: noFacts{}}, cat
}

type noFacts struct{}

func (noFacts) Import(*types.Func) (*Fact, bool) { return nil, false }
func (noFacts) Export(*types.Func, *Fact)        {}

// TestChainDepthLinear: the engine computes each function of a call chain
// once, however deep the chain (it used to sweep every function once per
// level: quadratic in the depth).
func TestChainDepthLinear(t *testing.T) {
	const depth = 3000
	u, cat := chainUnit(t, depth)
	w := newWalker(u, cat, directive.Parse(u.Fset, u.Files, u.Info))
	res := hazard.Solve(w, cat, w.funcs)
	if got, limit := res.Computes(), len(w.funcs)+1; got > limit {
		t.Errorf("Solve computed %d summaries for %d functions, want at most %d", got, len(w.funcs), limit)
	}
	findings, err := Analyze(u, cat)
	if err != nil {
		t.Fatal(err)
	}
	if len(findings) != 1 || !strings.HasPrefix(findings[0].Message(), "network: Hot calls f0, which calls f1,") {
		for _, f := range findings {
			t.Log(f.Message())
		}
		t.Fatalf("want one network finding through the chain, got %d", len(findings))
	}
}
