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
	sinks    map[string]Spec // built-in, by full name as go/types prints it
	user     map[string]Spec // configured sinks and safe functions, by the name the user wrote
	roots    []FullName      // every reading of every configured root
	disabled map[Category]bool
}

// Compile validates cfg and applies it to the built-in catalog.
func Compile(cfg Config) (*Catalog, error) {
	if err := cfg.Validate(); err != nil {
		return nil, err
	}
	c := &Catalog{
		config:   cfg,
		sinks:    sinks,
		user:     make(map[string]Spec, len(cfg.Sinks)+len(cfg.Safe)),
		disabled: make(map[Category]bool),
	}
	for _, s := range cfg.Sinks {
		name := strings.TrimSpace(s.Name)
		cat, _ := ParseCategory(s.Category)
		spec := Spec{Category: cat, What: "a call to " + name + " (configured sink)", Fix: s.Fix}
		if cat == Reentrancy || cat == Deadlock {
			spec.Pipeline = AllPipelines
		}
		c.user[name] = spec
	}
	// Safe wins over every sink, built-in or configured.
	for _, s := range cfg.Safe {
		c.user[strings.TrimSpace(s)] = Spec{Kind: SafeCall}
	}
	for _, s := range cfg.Roots {
		ns, _ := Candidates(s)
		c.roots = append(c.roots, ns...)
	}
	for _, d := range cfg.Disable {
		cat, _ := ParseCategory(d)
		c.disabled[cat] = true
	}
	return c, nil
}

// Config returns the configuration the catalog was compiled from.
func (c *Catalog) Config() Config { return c.config }

// Roots returns every reading of the configured roots (a name with dots in
// its path has more than one; the packages that exist decide).
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
	if len(c.user) > 0 {
		if s, ok := c.user[name]; ok {
			return s, name, true
		}
		if dotted := dottedName(fn); dotted != "" {
			if s, ok := c.user[dotted]; ok {
				return s, name, true
			}
		}
	}
	if s, ok := c.sinks[name]; ok {
		return s, name, true
	}
	if fn.Pkg() == nil {
		return Spec{}, "", false
	}
	// Wildcards: every method of a type, every function of a package;
	// then the methods of a library's API by their shape.
	if recv := fn.Signature().Recv(); recv != nil {
		if i := strings.LastIndex(name, ")."); i >= 0 {
			if s, ok := c.sinks[name[:i]+").*"]; ok {
				return s, name, true
			}
		}
		if s, ok := shapeLookup(fn); ok {
			return s, name, true
		}
		return Spec{}, "", false
	}
	if s, ok := c.sinks[fn.Pkg().Path()+".*"]; ok {
		return s, name, true
	}
	return Spec{}, "", false
}

// dottedName is a method's name in the form pkg/path.T.M (receiver of
// either kind), or "" for a function.
func dottedName(fn *types.Func) string {
	recv := fn.Signature().Recv()
	if recv == nil || fn.Pkg() == nil {
		return ""
	}
	t := recv.Type()
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem()
	}
	named, ok := types.Unalias(t).(*types.Named)
	if !ok {
		return ""
	}
	return fn.Pkg().Path() + "." + named.Obj().Name() + "." + fn.Name()
}

// IsSink reports whether a catalog entry is itself a finding (not a
// higher-order function the walk looks through, nor a safe call).
func (s Spec) IsSink() bool {
	switch s.Kind {
	case PlainSink, DefaultHTTP, HTTPClientCall, GRPCConnCall, RoundTripper, BridgeConstructor, ExportCall, ClientCall, LogrusCall, TransportCall:
		return true
	}
	return false
}
