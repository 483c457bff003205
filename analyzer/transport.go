package analyzer

import (
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ssa"
)

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

func (w *walker) defaultTransportWitness() witness {
	if w.instrumentedDefault.IsValid() {
		p := w.pass.Fset.Position(w.instrumentedDefault)
		return witness{cat: Reentrancy, pipe: instrumentedPipeline, base: Network,
			what: "http.DefaultTransport is instrumented by otelhttp in this package (" + shortPos(p) + "), so the call starts a span"}
	}
	return witness{cat: Network, what: "network I/O", notes: noteDefaultTransport}
}

// clientWitness classifies a call on the *http.Client value client.
func (w *walker) clientWitness(client ssa.Value) witness {
	kinds := make(map[transportKind]bool)
	for _, src := range w.flow.sources(client) {
		kinds[w.clientTransport(src)] = true
	}
	return w.transportWitness(kinds)
}

func (w *walker) transportWitness(kinds map[transportKind]bool) witness {
	switch {
	case kinds[transportInstrumented]:
		return witness{cat: Reentrancy, pipe: instrumentedPipeline, base: Network,
			what: "the client's transport is instrumented by otelhttp, so the call starts a span"}
	case kinds[transportDefault]:
		return w.defaultTransportWitness()
	case kinds[transportUnknown] || len(kinds) == 0:
		return witness{cat: Network, what: "network I/O", notes: noteUnknownTransport}
	case kinds[transportSuppressed]:
		return witness{cat: Network, what: "network I/O", notes: noteSuppressed}
	}
	return witness{cat: Network, what: "network I/O"}
}

// clientTransport classifies one value an *http.Client can be.
func (w *walker) clientTransport(src ssa.Value) transportKind {
	switch src := src.(type) {
	case *ssa.Global:
		if src.Pkg != nil && src.Pkg.Pkg.Path() == pkgHTTP && src.Name() == "DefaultClient" {
			return transportDefault
		}
	case *ssa.Alloc:
		vals, found := fieldStoresOn(src, "Transport")
		if !found {
			return transportDefault // a nil Transport means http.DefaultTransport
		}
		return w.transportOf(vals)
	}
	return transportUnknown
}

// transportOf classifies the values stored as a client's Transport.
func (w *walker) transportOf(vals []ssa.Value) transportKind {
	worst := transportOwn
	for _, v := range vals {
		for _, src := range w.flow.sources(v) {
			if k := w.transportLeaf(src); k > worst || (k == transportUnknown && worst == transportOwn) {
				worst = k
			}
		}
	}
	return worst
}

func (w *walker) transportLeaf(src ssa.Value) transportKind {
	switch src := src.(type) {
	case *ssa.Const:
		return transportDefault // nil
	case *ssa.Global:
		if src.Pkg != nil && src.Pkg.Pkg.Path() == pkgHTTP && src.Name() == "DefaultTransport" {
			if w.instrumentedDefault.IsValid() {
				return transportInstrumented
			}
			return transportDefault
		}
	case *ssa.Alloc:
		return transportOwn // &http.Transport{...} or another RoundTripper the code builds
	case *ssa.Call:
		switch staticCallName(src) {
		case otelhttpNewTransport:
			if len(src.Call.Args) > 1 && w.noopProvider(varargs(src.Call.Args[1])) {
				return transportSuppressed
			}
			return transportInstrumented
		case "(*net/http.Transport).Clone":
			return transportOwn
		}
	}
	return transportUnknown
}

// noopProvider reports whether instrumentation options include a tracer
// provider that starts no span.
func (w *walker) noopProvider(opts []ssa.Value) bool {
	for _, o := range opts {
		for _, src := range w.flow.sources(o) {
			call, ok := src.(*ssa.Call)
			if !ok || !withTracerProvider[staticCallName(src)] || len(call.Call.Args) == 0 {
				continue
			}
			for _, p := range w.flow.sources(call.Call.Args[0]) {
				if noopProviders[staticCallName(p)] {
					return true
				}
			}
		}
	}
	return false
}

// grpcWitness classifies a call on a *grpc.ClientConn by its dial options:
// the otelgrpc stats handler starts a span per call.
func (w *walker) grpcWitness(conn ssa.Value) witness {
	for _, src := range w.flow.sources(conn) {
		v := src
		if e, ok := src.(*ssa.Extract); ok {
			v = e.Tuple
		}
		call, ok := v.(*ssa.Call)
		if !ok || !grpcDials[staticCallName(call)] {
			continue
		}
		for _, a := range call.Call.Args {
			for _, opt := range varargs(a) {
				for _, o := range w.flow.sources(opt) {
					oc, ok := o.(*ssa.Call)
					if !ok || staticCallName(oc) != grpcWithStatsHandler || len(oc.Call.Args) == 0 {
						continue
					}
					for _, h := range w.flow.sources(oc.Call.Args[0]) {
						hc, ok := h.(*ssa.Call)
						if !ok || staticCallName(hc) != otelgrpcNewClient {
							continue
						}
						if len(hc.Call.Args) > 0 && w.noopProvider(varargs(hc.Call.Args[0])) {
							return witness{cat: Network, what: "a gRPC call", notes: noteSuppressed}
						}
						return witness{cat: Reentrancy, pipe: instrumentedPipeline, base: Network,
							what: "the connection uses the otelgrpc stats handler, so the call starts a span"}
					}
				}
			}
		}
	}
	return witness{cat: Network, what: "a gRPC call"}
}

// findInstrumentedDefault finds a store of an otelhttp transport into
// http.DefaultTransport in this package.
func (w *walker) findInstrumentedDefault() token.Pos {
	for g, vals := range w.flow.globalStores {
		if g.Pkg == nil || g.Pkg.Pkg.Path() != pkgHTTP || g.Name() != "DefaultTransport" {
			continue
		}
		best := token.NoPos
		for _, v := range vals {
			for _, src := range w.flow.sources(v) {
				if w.transportLeaf(src) == transportInstrumented {
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
	return token.NoPos
}

func shortPos(p token.Position) string {
	name := p.Filename
	for i := len(name) - 1; i >= 0; i-- {
		if name[i] == '/' || name[i] == '\\' {
			name = name[i+1:]
			break
		}
	}
	return name + ":" + itoa(p.Line)
}

// isGRPCStubMethod reports whether m is a method of a generated gRPC
// client interface (protoc-gen-go-grpc): its last parameter is
// ...grpc.CallOption. Its implementation is generated code in another
// package, behind an interface the walk cannot see through.
func isGRPCStubMethod(m *types.Func) bool {
	sig := m.Signature()
	if !sig.Variadic() || sig.Params().Len() == 0 {
		return false
	}
	last, ok := sig.Params().At(sig.Params().Len() - 1).Type().(*types.Slice)
	if !ok {
		return false
	}
	named, ok := types.Unalias(last.Elem()).(*types.Named)
	return ok && named.Obj().Pkg() != nil && named.Obj().Pkg().Path() == grpcPkg && named.Obj().Name() == "CallOption"
}

// grpcStubWitness classifies a call on a generated client by the
// connection it was built on (NewXClient(conn)).
func (w *walker) grpcStubWitness(client ssa.Value) witness {
	for _, src := range w.flow.sources(client) {
		call, ok := src.(*ssa.Call)
		if !ok {
			continue
		}
		for _, a := range call.Call.Args {
			for _, conn := range w.flow.sources(a) {
				if isGRPCConn(conn.Type()) {
					wit := w.grpcWitness(conn)
					wit.what += " (generated client)"
					return wit
				}
			}
		}
	}
	return witness{cat: Network, what: "a gRPC call (generated client)"}
}

// isGRPCConn reports whether t is *grpc.ClientConn.
func isGRPCConn(t types.Type) bool {
	p, ok := t.(*types.Pointer)
	if !ok {
		return false
	}
	named, ok := types.Unalias(p.Elem()).(*types.Named)
	return ok && named.Obj().Pkg() != nil && named.Obj().Pkg().Path() == grpcPkg && named.Obj().Name() == "ClientConn"
}
