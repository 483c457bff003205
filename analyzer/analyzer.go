package analyzer

import (
	"flag"
	"fmt"
	"strings"

	"golang.org/x/tools/go/analysis"
)

// Analyzer is spanhotpath with the default configuration. Its flags
// (-roots, -sinks, -safe, -disable) adjust the configuration it runs with.
var Analyzer = newFlagAnalyzer()

const url = "https://github.com/spanhotpath/spanhotpath#readme"

// New returns an analyzer for cfg, or an error naming the first bad setting.
func New(cfg Config) (*analysis.Analyzer, error) {
	if err := cfg.Validate(); err != nil {
		return nil, err
	}
	r := &runner{cfg: cfg}
	return r.analyzer(), nil
}

type runner struct {
	cfg Config
}

func (r *runner) analyzer() *analysis.Analyzer {
	return &analysis.Analyzer{
		Name:      "spanhotpath",
		Doc:       doc,
		URL:       url,
		Run:       r.run,
		FactTypes: []analysis.Fact{new(ReachFact)},
	}
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
		r.cfg = cfg
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
