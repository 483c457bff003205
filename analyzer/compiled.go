package analyzer

import (
	"go/types"
	"strings"
)

// compiledCatalog is the catalog with the user's configuration applied:
// built-in and user sinks, safe functions and user roots, ready for lookup.
type compiledCatalog struct {
	sinks    map[string]sinkSpec
	safe     map[string]bool
	roots    []fullName
	disabled map[Category]bool
}

func (r *runner) compile() *compiledCatalog {
	c := &compiledCatalog{
		sinks:    make(map[string]sinkSpec, len(sinks)+len(r.cfg.Sinks)),
		safe:     make(map[string]bool),
		disabled: make(map[Category]bool),
	}
	for k, v := range sinks {
		c.sinks[k] = v
	}
	// Config was validated: names parse and categories exist.
	for _, s := range r.cfg.Sinks {
		n, _ := parseFullName(s.Name)
		cat, _ := parseCategory(s.Category)
		spec := sinkSpec{Category: cat, What: "a call to " + n.String() + " (configured sink)", Fix: s.Fix}
		if cat == Reentrancy || cat == Deadlock {
			spec.Pipeline = tracePipeline | logPipeline | propagatePipeline
		}
		for _, k := range n.keys() {
			c.sinks[k] = spec
		}
	}
	for _, s := range r.cfg.Safe {
		n, _ := parseFullName(s)
		for _, k := range n.keys() {
			c.safe[k] = true
		}
	}
	for _, s := range r.cfg.Roots {
		n, _ := parseFullName(s)
		c.roots = append(c.roots, n)
	}
	for _, d := range r.cfg.Disable {
		cat, _ := parseCategory(d)
		c.disabled[cat] = true
	}
	return c
}

// keys returns the catalog keys a user-written name stands for: the form
// pkg.T.M names the method whatever its receiver.
func (n fullName) keys() []string {
	if n.Recv == "" || n.Ptr {
		return []string{n.String()}
	}
	ptr := n
	ptr.Ptr = true
	return []string{n.String(), ptr.String()}
}

// lookup returns the catalog entry for fn and the name it is reported by.
func (c *compiledCatalog) lookup(fn *types.Func) (sinkSpec, string, bool) {
	if fn == nil {
		return sinkSpec{}, "", false
	}
	fn = fn.Origin()
	name := fn.FullName()
	if c.safe[name] {
		return sinkSpec{Kind: safeCall}, name, true
	}
	if s, ok := c.sinks[name]; ok {
		return s, name, true
	}
	if fn.Pkg() == nil {
		return sinkSpec{}, "", false
	}
	// Wildcards: every method of a type, every function of a package.
	if recv := fn.Signature().Recv(); recv != nil {
		if i := strings.LastIndex(name, ")."); i >= 0 {
			if s, ok := c.sinks[name[:i]+").*"]; ok {
				return s, name, true
			}
		}
		return sinkSpec{}, "", false
	}
	if s, ok := c.sinks[fn.Pkg().Path()+".*"]; ok {
		return s, name, true
	}
	return sinkSpec{}, "", false
}

// isSink reports whether a catalog entry is itself a finding (not a
// higher-order function the walk looks through, nor a safe call).
func (s sinkSpec) isSink() bool {
	switch s.Kind {
	case plainSink, defaultHTTP, httpClientCall, grpcConnCall, roundTripper, bridgeConstructor:
		return true
	}
	return false
}
