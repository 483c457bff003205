package classify

import (
	"go/token"
	"go/types"
	"strconv"

	"golang.org/x/tools/go/ssa"

	"github.com/spanhotpath/spanhotpath/internal/catalog"
	"github.com/spanhotpath/spanhotpath/internal/hazard"
)

// Oracle answers the value-flow question the rules ask: which values can
// v be? Leaves are allocations, calls the flow does not look into,
// constants, functions, package variables of code it does not read. A call
// of code it reads is followed into what the callee returns there, with
// the callee's parameters bound to that call's arguments.
type Oracle interface {
	Sources(v ssa.Value) []ssa.Value
	// CallSources is Sources with every call a leaf.
	CallSources(v ssa.Value) []ssa.Value
	// CallsTo returns the static calls of the function named name in
	// the code the source reads.
	CallsTo(name string) []*ssa.CallCommon
}

// Classifier applies the call-site rules with one source's value flow and
// program facts.
type Classifier struct {
	Flow Oracle
	Fset *token.FileSet

	// InstrumentedDefault is where http.DefaultTransport is set to an
	// instrumented transport (NoPos if it is not, as far as the source
	// sees); BridgedDefault is where slog's default logger is bridged.
	InstrumentedDefault, BridgedDefault token.Pos
	// DefaultWhere and BridgeWhere name the code that sets the default,
	// for messages: "this package".
	DefaultWhere, BridgeWhere string
	// WholeProgram says the defaults above are the whole program's: a
	// default that is not set is known not to be (no "re-enters when
	// http.DefaultTransport is instrumented").
	WholeProgram bool
}

// Whether an HTTP or gRPC call starts a span depends on how its client was
// built. These functions classify a client by the values that flow into it.

// transportKind classifies the transport behind an HTTP client.
type transportKind uint8

const (
	transportUnknown      transportKind = iota // not visible in this package
	transportDefault                           // http.DefaultTransport (nil Transport, DefaultClient)
	transportOwn                               // a transport the code builds itself: no span
	transportSuppressed                        // otelhttp with a no-op tracer provider: no span
	transportInstrumented                      // otelhttp: starts a span
)

// DefaultTransportWitness is an HTTP call on http.DefaultTransport.
func (c *Classifier) DefaultTransportWitness() hazard.Witness {
	if c.InstrumentedDefault.IsValid() {
		p := c.Fset.Position(c.InstrumentedDefault)
		return hazard.Witness{Cat: catalog.Reentrancy, Pipe: catalog.InstrumentedPipeline, Base: catalog.Network,
			What: "http.DefaultTransport is instrumented by otelhttp in " + c.DefaultWhere + " (" + ShortPos(p) + "), so the call starts a span"}
	}
	if c.WholeProgram {
		return hazard.Witness{Cat: catalog.Network, What: "network I/O"}
	}
	return hazard.Witness{Cat: catalog.Network, What: "network I/O", Notes: hazard.NoteDefaultTransport}
}

// ClientWitness classifies a call on the *http.Client value client.
func (c *Classifier) ClientWitness(client ssa.Value) hazard.Witness {
	kinds := make(map[transportKind]bool)
	for _, src := range c.Flow.Sources(client) {
		kinds[c.clientTransport(src)] = true
	}
	return c.transportWitness(kinds)
}

func (c *Classifier) transportWitness(kinds map[transportKind]bool) hazard.Witness {
	switch {
	case kinds[transportInstrumented]:
		return hazard.Witness{Cat: catalog.Reentrancy, Pipe: catalog.InstrumentedPipeline, Base: catalog.Network,
			What: "the client's transport is instrumented by otelhttp, so the call starts a span"}
	case kinds[transportDefault]:
		return c.DefaultTransportWitness()
	case kinds[transportUnknown] || len(kinds) == 0:
		return hazard.Witness{Cat: catalog.Network, What: "network I/O", Notes: hazard.NoteUnknownTransport}
	case kinds[transportSuppressed]:
		return hazard.Witness{Cat: catalog.Network, What: "network I/O", Notes: hazard.NoteSuppressed}
	}
	return hazard.Witness{Cat: catalog.Network, What: "network I/O"}
}

// clientTransport classifies one value an *http.Client can be.
func (c *Classifier) clientTransport(src ssa.Value) transportKind {
	switch src := src.(type) {
	case *ssa.Global:
		if src.Pkg != nil && src.Pkg.Pkg.Path() == catalog.PkgHTTP && src.Name() == "DefaultClient" {
			return transportDefault
		}
	case *ssa.Alloc:
		vals, found := FieldStoresOn(src, "Transport")
		if !found {
			return transportDefault // a nil Transport means http.DefaultTransport
		}
		return c.transportOf(vals)
	}
	return transportUnknown
}

// transportOf classifies the values stored as a client's Transport.
func (c *Classifier) transportOf(vals []ssa.Value) transportKind {
	worst := transportOwn
	for _, v := range vals {
		for _, src := range c.Flow.Sources(v) {
			if k := c.transportLeaf(src); k > worst || (k == transportUnknown && worst == transportOwn) {
				worst = k
			}
		}
	}
	return worst
}

func (c *Classifier) transportLeaf(src ssa.Value) transportKind {
	switch src := src.(type) {
	case *ssa.Const:
		return transportDefault // nil
	case *ssa.Global:
		if src.Pkg != nil && src.Pkg.Pkg.Path() == catalog.PkgHTTP && src.Name() == "DefaultTransport" {
			if c.InstrumentedDefault.IsValid() {
				return transportInstrumented
			}
			return transportDefault
		}
	case *ssa.Alloc:
		return transportOwn // &http.Transport{...} or another RoundTripper the code builds
	case *ssa.Call:
		switch StaticCallName(src) {
		case catalog.OtelhttpNewTransport:
			if len(src.Call.Args) > 1 && c.noopProvider(Varargs(src.Call.Args[1])) {
				return transportSuppressed
			}
			return transportInstrumented
		case catalog.TransportClone:
			return transportOwn
		}
	}
	return transportUnknown
}

// noopProvider reports whether instrumentation options include a tracer
// provider that starts no span.
func (c *Classifier) noopProvider(opts []ssa.Value) bool {
	for _, o := range opts {
		for _, src := range c.Flow.Sources(o) {
			call, ok := src.(*ssa.Call)
			if !ok || !catalog.IsWithTracerProvider(StaticCallName(src)) || len(call.Call.Args) == 0 {
				continue
			}
			for _, p := range c.Flow.Sources(call.Call.Args[0]) {
				if catalog.IsNoopProvider(StaticCallName(p)) {
					return true
				}
			}
		}
	}
	return false
}

// GRPCWitness classifies a call on a *grpc.ClientConn by its dial options:
// the otelgrpc stats handler starts a span per call.
func (c *Classifier) GRPCWitness(conn ssa.Value) hazard.Witness {
	for _, src := range c.Flow.Sources(conn) {
		v := src
		if e, ok := src.(*ssa.Extract); ok {
			v = e.Tuple
		}
		call, ok := v.(*ssa.Call)
		if !ok || !catalog.IsGRPCDial(StaticCallName(call)) {
			continue
		}
		for _, a := range call.Call.Args {
			for _, opt := range c.options(a) {
				for _, o := range c.Flow.Sources(opt) {
					oc, ok := o.(*ssa.Call)
					if !ok || StaticCallName(oc) != catalog.GRPCWithStatsHandler || len(oc.Call.Args) == 0 {
						continue
					}
					for _, h := range c.Flow.Sources(oc.Call.Args[0]) {
						hc, ok := h.(*ssa.Call)
						if !ok || StaticCallName(hc) != catalog.OtelgrpcNewClient {
							continue
						}
						if len(hc.Call.Args) > 0 && c.noopProvider(Varargs(hc.Call.Args[0])) {
							return hazard.Witness{Cat: catalog.Network, What: "a gRPC call", Notes: hazard.NoteSuppressed}
						}
						return hazard.Witness{Cat: catalog.Reentrancy, Pipe: catalog.InstrumentedPipeline, Base: catalog.Network,
							What: "the connection uses the otelgrpc stats handler, so the call starts a span", Fix: catalog.FixGRPCReentry}
					}
				}
			}
		}
	}
	return hazard.Witness{Cat: catalog.Network, What: "a gRPC call"}
}

// FindInstrumentedDefault returns the first of the stores into
// http.DefaultTransport that stores an instrumented transport, or NoPos.
func (c *Classifier) FindInstrumentedDefault(vals []ssa.Value) token.Pos {
	{
		best := token.NoPos
		for _, v := range vals {
			for _, src := range c.Flow.Sources(v) {
				if c.transportLeaf(src) == transportInstrumented {
					if p := v.Pos(); !best.IsValid() || (p.IsValid() && p < best) {
						best = p
						if !best.IsValid() {
							best = src.Pos()
						}
					}
				}
			}
		}
		return best
	}
}

// ShortPos is a position as messages quote it: file.go:12.
func ShortPos(p token.Position) string {
	name := p.Filename
	for i := len(name) - 1; i >= 0; i-- {
		if name[i] == '/' || name[i] == '\\' {
			name = name[i+1:]
			break
		}
	}
	return name + ":" + strconv.Itoa(p.Line)
}

// IsGRPCStubMethod reports whether m is a method of a generated gRPC
// client interface (protoc-gen-go-grpc): its last parameter is
// ...grpc.CallOption. Its implementation is generated code in another
// package, behind an interface the walk cannot see through.
func IsGRPCStubMethod(m *types.Func) bool {
	sig := m.Signature()
	if !sig.Variadic() || sig.Params().Len() == 0 {
		return false
	}
	last, ok := sig.Params().At(sig.Params().Len() - 1).Type().(*types.Slice)
	if !ok {
		return false
	}
	named, ok := types.Unalias(last.Elem()).(*types.Named)
	return ok && named.Obj().Pkg() != nil && named.Obj().Pkg().Path() == catalog.GRPCPkg && named.Obj().Name() == "CallOption"
}

// GRPCStubWitness classifies a call on a generated client by the
// connection it was built on (NewXClient(conn)).
func (c *Classifier) GRPCStubWitness(client ssa.Value) hazard.Witness {
	// The constructor's arguments at the call that built this client
	// first (one constructor builds clients on several connections), the
	// stub's fields where its body is readable.
	srcs := append(c.Flow.CallSources(client), c.Flow.Sources(client)...)
	for _, src := range srcs {
		// The connection is an argument of the constructor (the stub's
		// body is elsewhere), or a field of the stub (its body is here).
		var conns []ssa.Value
		switch src := src.(type) {
		case *ssa.Call:
			conns = src.Call.Args
		case *ssa.Alloc:
			for _, r := range *src.Referrers() {
				if fa, ok := r.(*ssa.FieldAddr); ok && fa.X == src {
					conns = append(conns, StoresTo(fa)...)
				}
			}
		}
		for _, a := range conns {
			for _, conn := range c.Flow.Sources(a) {
				if isGRPCConn(conn.Type()) {
					wit := c.GRPCWitness(conn)
					wit.What += " (generated client)"
					return wit
				}
			}
		}
	}
	return hazard.Witness{Cat: catalog.Network, What: "a gRPC call (generated client)"}
}

// isGRPCConn reports whether t is *grpc.ClientConn.
func isGRPCConn(t types.Type) bool {
	p, ok := t.(*types.Pointer)
	if !ok {
		return false
	}
	named, ok := types.Unalias(p.Elem()).(*types.Named)
	return ok && named.Obj().Pkg() != nil && named.Obj().Pkg().Path() == catalog.GRPCPkg && named.Obj().Name() == "ClientConn"
}

// RoundTripWitness classifies a round trip on the http.RoundTripper value
// rt by the transports that flow to it, if they decide it.
func (c *Classifier) RoundTripWitness(rt ssa.Value) (hazard.Witness, bool) {
	kinds := make(map[transportKind]bool)
	for _, src := range c.Flow.Sources(rt) {
		kinds[c.transportLeaf(src)] = true
	}
	if len(kinds) == 0 || kinds[transportUnknown] && len(kinds) == 1 {
		return hazard.Witness{}, false
	}
	w := c.transportWitness(kinds)
	if w.What == "network I/O" {
		w.What = "an HTTP round trip"
	}
	return w, true
}
