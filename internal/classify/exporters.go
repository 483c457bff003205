package classify

import (
	"go/types"

	"golang.org/x/tools/go/ssa"

	"github.com/spanhotpath/spanhotpath/internal/catalog"
	"github.com/spanhotpath/spanhotpath/internal/hazard"
)

// ExportWitness classifies an export by how the exporter exp was built: the
// constructor's options name the client, connection or writer it uses.
func (c *Classifier) ExportWitness(exp ssa.Value, e *catalog.Exporter) hazard.Witness {
	def := e.Default
	var defs []catalog.ExportDefault // of each constructor that can have built it
	if exp != nil {
		for _, src := range c.Flow.Sources(exp) {
			call := callOf(src)
			if call == nil || !contains(e.Constructors, StaticCallName(call)) {
				continue
			}
			d, ok := e.ByConstructor[StaticCallName(call)]
			if !ok {
				d = e.Default
			}
			calls := []*ssa.Call{call}
			for _, a := range call.Call.Args {
				for _, v := range c.Flow.Sources(a) {
					if cc := callOf(v); cc != nil {
						if cd, ok := e.Clients[StaticCallName(cc)]; ok {
							d = cd
							calls = append(calls, cc) // the client's options
						}
					}
				}
			}
			for _, call := range calls {
				if w, decided := c.exportOptions(call, e); decided {
					return w
				}
			}
			defs = append(defs, d)
		}
	}
	for i, d := range defs {
		if i == 0 {
			def = d
		} else if d != def {
			def = catalog.ExportOTLP // built over HTTP or over gRPC
		}
	}
	return c.exportDefault(e, def)
}

// exportOptions classifies an export by the options among the arguments of
// call, if one decides it.
func (c *Classifier) exportOptions(call *ssa.Call, e *catalog.Exporter) (hazard.Witness, bool) {
	for _, a := range call.Call.Args {
		for _, opt := range c.options(a) {
			for _, o := range c.Flow.Sources(opt) {
				oc, ok := o.(*ssa.Call)
				if !ok || len(oc.Call.Args) == 0 {
					continue
				}
				kind, ok := e.Options[StaticCallName(oc)]
				if !ok {
					continue
				}
				if w, decided := c.exportOption(kind, oc.Call.Args[0], e); decided {
					return w, true
				}
			}
		}
	}
	return hazard.Witness{}, false
}

// exportOption classifies an export by one option's argument.
func (c *Classifier) exportOption(kind catalog.ExportOption, arg ssa.Value, e *catalog.Exporter) (hazard.Witness, bool) {
	switch kind {
	case catalog.OptHTTPClient:
		w := c.ClientWitness(arg)
		w.What = e.What + " over HTTP: " + w.What
		return w, true
	case catalog.OptGRPCConn:
		w := c.GRPCWitness(arg)
		w.What = e.What + " over gRPC: " + w.What
		return w, true
	case catalog.OptDialOption:
		if c.statsHandler(arg) {
			return hazard.Witness{Cat: catalog.Reentrancy, Pipe: catalog.InstrumentedPipeline, Base: catalog.Network,
				What: e.What + " over a connection with the otelgrpc stats handler, so it starts a span", Fix: catalog.FixGRPCReentry}, true
		}
	case catalog.OptWriter:
		if c.inMemory(arg) {
			return hazard.Witness{}, true // nothing to report: Cat "" is dropped
		}
		return hazard.Witness{Cat: catalog.IO, What: e.What + " to the writer it was given"}, true
	}
	return hazard.Witness{}, false
}

func (c *Classifier) exportDefault(e *catalog.Exporter, def catalog.ExportDefault) hazard.Witness {
	switch def {
	case catalog.ExportGRPC:
		return hazard.Witness{Cat: catalog.Network, What: e.What + " over gRPC (the exporter's own connection, without otelgrpc)"}
	case catalog.ExportStdout:
		return hazard.Witness{Cat: catalog.IO, What: e.What + " to standard output"}
	case catalog.ExportDefaultClient:
		w := c.DefaultTransportWitness()
		w.What = e.What + " over http.DefaultClient: " + w.What
		return w
	case catalog.ExportOTLP:
		return hazard.Witness{Cat: catalog.Network, What: e.What + " (over the exporter's own HTTP transport or gRPC connection, without instrumentation)"}
	}
	return hazard.Witness{Cat: catalog.Network, What: e.What + " over HTTP (the exporter's own transport, without otelhttp)"}
}

// statsHandler reports whether a dial option is grpc.WithStatsHandler with
// the otelgrpc client handler.
func (c *Classifier) statsHandler(opt ssa.Value) bool {
	for _, o := range c.Flow.Sources(opt) {
		oc, ok := o.(*ssa.Call)
		if !ok || StaticCallName(oc) != catalog.GRPCWithStatsHandler || len(oc.Call.Args) == 0 {
			continue
		}
		for _, h := range c.Flow.Sources(oc.Call.Args[0]) {
			if StaticCallName(h) == catalog.OtelgrpcNewClient {
				return true
			}
		}
	}
	return false
}

// inMemory reports whether every writer that flows to w writes to memory:
// a bytes.Buffer, a strings.Builder, io.Discard.
func (c *Classifier) inMemory(w ssa.Value) bool {
	srcs := c.Flow.Sources(w)
	if len(srcs) == 0 {
		return false
	}
	for _, s := range srcs {
		if g, ok := s.(*ssa.Global); ok && g.Pkg != nil && g.Pkg.Pkg.Path() == "io" && g.Name() == "Discard" {
			continue
		}
		t := s.Type()
		if p, ok := t.(*types.Pointer); ok {
			t = p.Elem()
		}
		n, ok := types.Unalias(t).(*types.Named)
		if !ok || n.Obj().Pkg() == nil {
			return false
		}
		switch n.Obj().Pkg().Path() + "." + n.Obj().Name() {
		case "bytes.Buffer", "strings.Builder":
			continue
		}
		return false
	}
	return true
}

// callOf returns the call a leaf value is the result of (directly, or one
// result of several).
func callOf(v ssa.Value) *ssa.Call {
	if e, ok := v.(*ssa.Extract); ok {
		v = e.Tuple
	}
	call, _ := v.(*ssa.Call)
	return call
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
