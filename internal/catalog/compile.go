package catalog

import (
	"go/types"
	"strings"
)

// Catalog is the built-in catalog with one configuration applied:
// built-in and user sinks, safe functions and user roots, ready for lookup.
// It is immutable once compiled, so one Catalog serves packages analysed in
// parallel.
type Catalog struct {
	config   Config
	sinks    map[string]Spec
	roots    []FullName
	disabled map[Category]bool
}

// Compile validates cfg and applies it to the built-in catalog.
func Compile(cfg Config) (*Catalog, error) {
	if err := cfg.Validate(); err != nil {
		return nil, err
	}
	c := &Catalog{
		config:   cfg,
		sinks:    make(map[string]Spec, len(sinks)+len(cfg.Sinks)+len(cfg.Safe)),
		disabled: make(map[Category]bool),
	}
	for k, v := range sinks {
		c.sinks[k] = v
	}
	for _, s := range cfg.Sinks {
		n, _ := ParseFullName(s.Name)
		cat, _ := ParseCategory(s.Category)
		spec := Spec{Category: cat, What: "a call to " + n.String() + " (configured sink)", Fix: s.Fix}
		if cat == Reentrancy || cat == Deadlock {
			spec.Pipeline = AllPipelines
		}
		for _, k := range n.keys() {
			c.sinks[k] = spec
		}
	}
	// Safe wins over every sink, built-in or configured.
	for _, s := range cfg.Safe {
		n, _ := ParseFullName(s)
		for _, k := range n.keys() {
			c.sinks[k] = Spec{Kind: SafeCall}
		}
	}
	for _, s := range cfg.Roots {
		n, _ := ParseFullName(s)
		c.roots = append(c.roots, n)
	}
	for _, d := range cfg.Disable {
		cat, _ := ParseCategory(d)
		c.disabled[cat] = true
	}
	return c, nil
}

// Config returns the configuration the catalog was compiled from.
func (c *Catalog) Config() Config { return c.config }

// Roots returns the configured roots.
func (c *Catalog) Roots() []FullName { return c.roots }

// Disabled reports whether the user turned category cat off.
func (c *Catalog) Disabled(cat Category) bool { return c.disabled[cat] }

// Lookup returns the catalog entry for fn and the name it is reported by.
func (c *Catalog) Lookup(fn *types.Func) (Spec, string, bool) {
	if fn == nil {
		return Spec{}, "", false
	}
	fn = fn.Origin()
	name := fn.FullName()
	if s, ok := c.sinks[name]; ok {
		return s, name, true
	}
	if fn.Pkg() == nil {
		return Spec{}, "", false
	}
	// Wildcards: every method of a type, every function of a package.
	if recv := fn.Signature().Recv(); recv != nil {
		if i := strings.LastIndex(name, ")."); i >= 0 {
			if s, ok := c.sinks[name[:i]+").*"]; ok {
				return s, name, true
			}
		}
		return Spec{}, "", false
	}
	if s, ok := c.sinks[fn.Pkg().Path()+".*"]; ok {
		return s, name, true
	}
	return Spec{}, "", false
}

// IsSink reports whether a catalog entry is itself a finding (not a
// higher-order function the walk looks through, nor a safe call).
func (s Spec) IsSink() bool {
	switch s.Kind {
	case PlainSink, DefaultHTTP, HTTPClientCall, GRPCConnCall, RoundTripper, BridgeConstructor:
		return true
	}
	return false
}
