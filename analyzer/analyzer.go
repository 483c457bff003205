package analyzer

import (
	"go/types"

	"golang.org/x/tools/go/analysis"

	"github.com/spanhotpath/spanhotpath/internal/catalog"
	"github.com/spanhotpath/spanhotpath/internal/hazard"
	"github.com/spanhotpath/spanhotpath/internal/perpkg"
)

// Config is the one settings type shared by the command-line flags and the
// golangci-lint plugin settings: roots, sinks, safe, disable. The zero Config
// is the default.
type Config = catalog.Config

// SinkSetting is one user-declared sink.
type SinkSetting = catalog.SinkSetting

// Analyzer is spanhotpath with the default configuration. Its flags
// (-roots, -sinks, -safe, -disable) adjust the configuration it runs with.
var Analyzer = newFlagAnalyzer()

const url = "https://github.com/spanhotpath/spanhotpath#readme"

// New returns an analyzer for cfg, or an error naming the first bad setting.
func New(cfg Config) (*analysis.Analyzer, error) {
	cat, err := catalog.Compile(cfg)
	if err != nil {
		return nil, err
	}
	r := &runner{catalog: func() *catalog.Catalog { return cat }}
	return r.analyzer(), nil
}

type runner struct {
	catalog func() *catalog.Catalog
}

func (r *runner) analyzer() *analysis.Analyzer {
	return &analysis.Analyzer{
		Name:      "spanhotpath",
		Doc:       doc,
		URL:       url,
		Run:       r.run,
		FactTypes: []analysis.Fact{new(reachFact)},
	}
}

// run adapts the per-package source to go/analysis: facts through the
// pass, findings to diagnostics. Findings silenced by a reviewed directive
// are not reported here (the standalone driver shows them, marked).
func (r *runner) run(pass *analysis.Pass) (any, error) {
	module := ""
	if pass.Module != nil {
		module = pass.Module.Path
	}
	u := &perpkg.Unit{
		Fset:   pass.Fset,
		Files:  pass.Files,
		Pkg:    pass.Pkg,
		Info:   pass.TypesInfo,
		Module: module,
		Facts:  passFacts{pass},
	}
	cat := r.catalog()
	// A configured name that should be in this package and is not: a
	// typo that would silently drop coverage.
	if err := cat.CheckPackage(pass.Pkg); err != nil {
		return nil, err
	}
	findings, err := perpkg.Analyze(u, cat)
	if err != nil {
		return nil, err
	}
	for i := range findings {
		if findings[i].Suppressed == nil {
			pass.Report(Diagnostic(&findings[i]))
		}
	}
	return nil, nil
}

// Diagnostic renders a finding as a go/analysis diagnostic: position,
// category, the stand-alone message, a related entry per hop with a
// position, and the suggested fix.
func Diagnostic(f *hazard.Finding) analysis.Diagnostic {
	d := analysis.Diagnostic{
		Pos:      f.Pos,
		Category: string(f.Category),
		Message:  f.Message(),
	}
	for _, r := range f.Related() {
		d.Related = append(d.Related, analysis.RelatedInformation{Pos: r.Pos, Message: r.Message})
	}
	if f.Fix != nil {
		fix := analysis.SuggestedFix{Message: f.Fix.Message}
		for _, e := range f.Fix.Edits {
			fix.TextEdits = append(fix.TextEdits, analysis.TextEdit{Pos: e.Pos, End: e.End, NewText: e.NewText})
		}
		d.SuggestedFixes = []analysis.SuggestedFix{fix}
	}
	return d
}

// reachFact is the per-package source's fact, as go/analysis carries it
// between packages. It stays unexported: it is this analyzer's business.
type reachFact perpkg.Fact

func (*reachFact) AFact() {}

func (f *reachFact) String() string { return (*perpkg.Fact)(f).String() }

// passFacts reads and writes facts through an analysis pass.
type passFacts struct{ pass *analysis.Pass }

func (p passFacts) Import(fn *types.Func) (*perpkg.Fact, bool) {
	f := new(reachFact)
	if !p.pass.ImportObjectFact(fn, f) {
		return nil, false
	}
	return (*perpkg.Fact)(f), true
}

func (p passFacts) Export(fn *types.Func, f *perpkg.Fact) {
	p.pass.ExportObjectFact(fn, (*reachFact)(f))
}

// newFlagAnalyzer builds the default analyzer with the configuration flags
// registered on it. A flag's value is validated, and the catalog compiled,
// when the driver sets the flag: a bad setting fails the command before any
// package is analysed (under go vet too, where a failed analysis of a
// dependency would otherwise be cached as a success), and packages analysed
// in parallel only read the compiled catalog.
func newFlagAnalyzer() *analysis.Analyzer {
	flags := catalog.NewFlags()
	a := (&runner{catalog: flags.Catalog}).analyzer()
	flags.Register(&a.Flags)
	return a
}
