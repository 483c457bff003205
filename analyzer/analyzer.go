package analyzer

import (
	"flag"
	"fmt"
	"go/types"
	"strings"

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
	r := &runner{cat: cat}
	return r.analyzer(), nil
}

type runner struct {
	cat *catalog.Catalog
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
	findings, err := perpkg.Analyze(u, r.cat)
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

// newFlagAnalyzer builds the default analyzer and registers the
// configuration flags on it. The flags are read when the analyzer runs,
// after the driver parsed them, so one analyzer value serves go vet,
// singlechecker and tests.
func newFlagAnalyzer() *analysis.Analyzer {
	f := new(configFlags)
	r := &runner{}
	a := r.analyzer()
	a.Flags.Var(&f.roots, "roots", "comma-separated extra hot-path roots by full name, e.g. (*example.com/app.Proc).Handle")
	a.Flags.Var(&f.sinks, "sinks", "comma-separated extra sinks: name=category or name=category:fix hint")
	a.Flags.Var(&f.safe, "safe", "comma-separated functions declared safe (cached or suppressed) by full name")
	a.Flags.Var(&f.disable, "disable", "comma-separated categories to turn off (reentrancy, deadlock, network, io)")
	run := a.Run
	a.Run = func(pass *analysis.Pass) (any, error) {
		cfg, err := f.config()
		if err != nil {
			return nil, fmt.Errorf("bad flag: %v", err)
		}
		cat, err := catalog.Compile(cfg)
		if err != nil {
			return nil, fmt.Errorf("bad flag: %v", err)
		}
		r.cat = cat
		return run(pass)
	}
	return a
}

type configFlags struct {
	roots, sinks, safe, disable listFlag
}

func (f *configFlags) config() (Config, error) {
	cfg := Config{Roots: f.roots, Safe: f.safe, Disable: f.disable}
	for _, s := range f.sinks {
		name, rest, ok := strings.Cut(s, "=")
		if !ok {
			return cfg, fmt.Errorf("-sinks %q: want name=category or name=category:fix", s)
		}
		cat, fix, _ := strings.Cut(rest, ":")
		cfg.Sinks = append(cfg.Sinks, SinkSetting{Name: name, Category: cat, Fix: fix})
	}
	return cfg, cfg.Validate()
}

// listFlag is a comma-separated list flag.
type listFlag []string

func (l *listFlag) String() string { return strings.Join(*l, ",") }
func (l *listFlag) Set(s string) error {
	*l = nil
	for _, e := range strings.Split(s, ",") {
		if e = strings.TrimSpace(e); e != "" {
			*l = append(*l, e)
		}
	}
	return nil
}

var _ flag.Value = (*listFlag)(nil)
