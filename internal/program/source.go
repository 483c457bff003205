package program

import (
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
	"os"
	"sort"
	"sync"

	"golang.org/x/tools/go/ssa"

	"github.com/spanhotpath/spanhotpath/internal/catalog"
	"github.com/spanhotpath/spanhotpath/internal/classify"
	"github.com/spanhotpath/spanhotpath/internal/directive"
	"github.com/spanhotpath/spanhotpath/internal/flow"
	"github.com/spanhotpath/spanhotpath/internal/hazard"
	"github.com/spanhotpath/spanhotpath/internal/load"
)

// source is the whole-program graph source. Every function outside the
// standard library has its body here (no facts). In the code of the
// patterns' own modules, calls resolve across packages: interface calls
// through the VTA call graph, function values and the standard library's
// interfaces through the value flow over all of that code. In other
// modules' code (libraries the program uses), calls resolve as go vet
// resolves them, within the package: what a library does with the values
// it makes is its own, and the whole program's flow through its internals
// would only blur it.
type source struct {
	prog     *load.Program
	cat      *catalog.Catalog
	user     func(fn *ssa.Function) bool // the patterns' modules' code
	std      stdPaths
	flow     *flow.Index // over the user's code
	local    map[*ssa.Package]*flow.Index
	funcsOf  func(*ssa.Package) []*ssa.Function
	graph    *graph
	classify *classify.Classifier
	resolver *classify.Resolver
	dirs     map[*token.File]*directive.Set
	starts   *callStarts
}

// Edges implements hazard.Source.
func (s *source) Edges(fn *ssa.Function) []hazard.Edge { return s.resolver.Edges(fn) }

// Reviewed implements hazard.Source.
func (s *source) Reviewed(fn *ssa.Function) *directive.Directive {
	obj := classify.FuncObject(fn)
	if obj == nil {
		return nil
	}
	if d := s.dirSet(obj.Pos()); d != nil {
		if dir := d.Func(obj); dir.Silences() {
			return dir
		}
	}
	return nil
}

func (s *source) dirSet(pos token.Pos) *directive.Set {
	if f := s.prog.Fset.File(pos); f != nil {
		return s.dirs[f]
	}
	return nil
}

// Sources, FuncSources and StoredIn implement classify.Source: the user's
// code's value flow, or a library package's own.
func (s *source) Sources(v ssa.Value) []ssa.Value       { return s.flowOf(v).Sources(v) }
func (s *source) FuncSources(v ssa.Value) []ssa.Value   { return s.flowOf(v).FuncSources(v) }
func (s *source) CallSources(v ssa.Value) []ssa.Value   { return s.flowOf(v).CallSources(v) }
func (s *source) CallsTo(name string) []*ssa.CallCommon { return s.flow.CallsTo(name) }
func (s *source) StoredIn(v ssa.Value) string           { return s.flowOf(v).StoredIn(v) }

// flowOf returns the value-flow index for a value of fn's.
func (s *source) flowOf(v ssa.Value) *flow.Index {
	var fn *ssa.Function
	switch v := v.(type) {
	case *ssa.Function, *ssa.Global, *ssa.Const, *ssa.Builtin:
	case interface{ Parent() *ssa.Function }:
		fn = v.Parent()
	}
	return s.flowFor(fn)
}

// flowFor returns the value-flow index for fn's code.
func (s *source) flowFor(fn *ssa.Function) *flow.Index {
	if fn == nil || s.user(fn) {
		return s.flow
	}
	sp := fn.Pkg
	if o := fn.Origin(); o != nil && sp == nil {
		sp = o.Pkg
	}
	for p := fn; sp == nil && p.Parent() != nil; p = p.Parent() {
		sp = p.Parent().Pkg
	}
	if sp == nil {
		return s.flow
	}
	ix, ok := s.local[sp]
	if !ok {
		ix = flow.New()
		ix.Opaque = func(f *ssa.Function) bool { return fnPackage(f) != sp.Pkg }
		for _, f := range s.funcsOf(sp) {
			ix.Add(f)
		}
		s.local[sp] = ix
	}
	return ix
}

// Local implements classify.Source: code outside the standard library.
func (s *source) Local(fn *ssa.Function) bool {
	if len(fn.Blocks) == 0 {
		return false
	}
	pkg := fnPackage(fn)
	return pkg == nil || !s.std.has(pkg.Path())
}

// External implements classify.Source: the program has no facts; a
// function without a body here is in the standard library, which the
// catalog models.
func (s *source) External(*types.Func, token.Pos) []hazard.Witness { return nil }

// Implementations implements classify.Source: in the user's code, the
// callees VTA resolves the call to; for the standard library's interfaces
// (error, io.Writer, ...), whose values pass through the standard library's
// own types in every program, for calls outside VTA's slice, and in
// libraries' code, the concrete types the value flow finds.
func (s *source) Implementations(caller *ssa.Function, call ssa.CallInstruction) []*ssa.Function {
	c := call.Common()
	seen := make(map[*ssa.Function]bool)
	var out []*ssa.Function
	add := func(f *ssa.Function) {
		if f != nil && !seen[f] {
			seen[f] = true
			out = append(out, f)
		}
	}
	vta := s.graph.slice[caller] && !s.std.declares(c.Value.Type())
	if vta {
		for _, f := range s.graph.callees(call) {
			add(f)
		}
	}
	if len(out) == 0 {
		// The value comes from code the graph does not read (a
		// library's constructor): the types the value flow finds.
		prog := s.prog.SSA
		for _, t := range s.flowOf(c.Value).ConcreteTypes(c.Value) {
			if sel := prog.MethodSets.MethodSet(t).Lookup(c.Method.Pkg(), c.Method.Name()); sel != nil {
				add(prog.MethodValue(sel))
			}
		}
	}
	sort.Slice(out, func(i, j int) bool { return funcLess(out[i], out[j]) })
	return out
}

// Hop implements classify.Source: fn named for readers of its own
// package; the message qualifies it for readers of any other.
func (s *source) Hop(fn *ssa.Function, label string) *hazard.Hop {
	pkg := fnPackage(fn)
	path := ""
	if pkg != nil {
		path = pkg.Path()
	}
	if label != "" {
		return &hazard.Hop{Name: label, Qual: path + "." + label, Pkg: path}
	}
	if fn.Synthetic != "" && fn.Parent() == nil && fn.Origin() == nil {
		return nil // a wrapper: its callee's hop follows
	}
	return &hazard.Hop{Name: classify.DisplayName(fn, pkg), Qual: classify.QualifiedName(fn), Pkg: path}
}

// Ignored implements classify.Source.
func (s *source) Ignored(pos token.Pos) *directive.Directive {
	d := s.dirSet(pos)
	if d == nil || !d.HasLines() {
		return nil
	}
	return d.At(s.prog.Fset, s.starts.start(pos))
}

// fnPackage returns the package whose code fn is: its own, its generic
// origin's, or its enclosing function's.
func fnPackage(fn *ssa.Function) *types.Package {
	for {
		if o := fn.Origin(); o != nil {
			fn = o
		}
		if p := fn.Parent(); p != nil {
			fn = p
			continue
		}
		if fn.Pkg != nil {
			return fn.Pkg.Pkg
		}
		if obj := classify.FuncObject(fn); obj != nil {
			return obj.Pkg()
		}
		return nil
	}
}

// callStarts maps a call's position (its Lparen, where SSA puts it) to
// the start of the call expression, reading a file's syntax again on
// demand: the program keeps syntax only for the root packages.
type callStarts struct {
	fset  *token.FileSet
	mu    sync.Mutex
	files map[*token.File]map[int]int // Lparen offset -> start offset
}

func (c *callStarts) start(pos token.Pos) token.Pos {
	tf := c.fset.File(pos)
	if tf == nil {
		return pos
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	m, ok := c.files[tf]
	if !ok {
		m = make(map[int]int)
		if src, err := os.ReadFile(tf.Name()); err == nil && len(src) == tf.Size() {
			fset := token.NewFileSet()
			if f, err := parser.ParseFile(fset, tf.Name(), src, parser.SkipObjectResolution); err == nil {
				file := fset.File(f.Pos())
				ast.Inspect(f, func(n ast.Node) bool {
					switch n := n.(type) {
					case *ast.CallExpr:
						m[file.Offset(n.Lparen)] = file.Offset(n.Pos())
					case *ast.GoStmt:
						m[file.Offset(n.Go)] = file.Offset(n.Pos())
					case *ast.DeferStmt:
						m[file.Offset(n.Defer)] = file.Offset(n.Pos())
					}
					return true
				})
			}
		}
		c.files[tf] = m
	}
	if off, ok := m[tf.Offset(pos)]; ok {
		return tf.Pos(off)
	}
	return pos
}

// withDefaults returns a copy of s whose call-site rules see the
// process-wide defaults d.
func (s *source) withDefaults(d defaults) *source {
	c := *s
	c.classify = &classify.Classifier{
		Flow: &c, Fset: s.prog.Fset,
		InstrumentedDefault: d.transport, DefaultWhere: d.transportWhere,
		BridgedDefault: d.bridge, BridgeWhere: d.bridgeWhere,
		WholeProgram: true,
	}
	c.resolver = &classify.Resolver{Cat: s.cat, Src: &c, Classifier: c.classify}
	return &c
}

// Why implements the rules' optional provenance: for an interface call in
// the user's code resolved to callee, where the program made the value
// that interface holds: "telemetry.HostInfo is *hostinfo.IMDS, set at
// main.go:31". The first conversion on the value's flow, or else the first
// in the user's code.
func (s *source) Why(call ssa.CallInstruction, callee *ssa.Function) string {
	if !s.user(call.Parent()) || callee.Signature.Recv() == nil {
		return ""
	}
	c := call.Common()
	concrete := callee.Signature.Recv().Type()
	var at token.Pos
	for _, mi := range s.flow.Conversions(c.Value) {
		if p := conversionPos(mi); types.Identical(mi.X.Type(), concrete) && p.IsValid() && (!at.IsValid() || p < at) {
			at = p
		}
	}
	if !at.IsValid() {
		for _, mi := range s.flow.MakeInterfaces(concrete) {
			if p := conversionPos(mi); p.IsValid() && (!at.IsValid() || p < at) {
				at = p
			}
		}
	}
	if !at.IsValid() {
		return ""
	}
	here := fnPackage(call.Parent())
	qual := func(p *types.Package) string {
		if p == here {
			return ""
		}
		return p.Name()
	}
	return types.TypeString(c.Value.Type(), qual) + " is " + types.TypeString(concrete, qual) +
		", set at " + classify.ShortPos(s.prog.Fset.Position(at))
}

// conversionPos is where a conversion to an interface is written: the
// conversion, or for an implicit one the value converted (&T{...}), or the
// assignment or call that converts it.
func conversionPos(mi *ssa.MakeInterface) token.Pos {
	if p := mi.Pos(); p.IsValid() {
		return p
	}
	if p := mi.X.Pos(); p.IsValid() {
		return p
	}
	for _, r := range *mi.Referrers() {
		if p := r.Pos(); p.IsValid() {
			return p
		}
	}
	return token.NoPos
}

// funcValueCallees resolves a call of a function value by the user's value
// flow, for the call graph's slice.
func (s *source) funcValueCallees(call ssa.CallInstruction) []*ssa.Function {
	var out []*ssa.Function
	for _, src := range s.flow.FuncSources(call.Common().Value) {
		switch src := src.(type) {
		case *ssa.Function:
			out = append(out, src)
		case *ssa.MakeClosure:
			if f, ok := src.Fn.(*ssa.Function); ok {
				out = append(out, f)
			}
		}
	}
	return out
}
