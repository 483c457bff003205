package classify

import (
	"go/token"
	"sort"

	"golang.org/x/tools/go/ssa"

	"github.com/spanhotpath/spanhotpath/internal/catalog"
	"github.com/spanhotpath/spanhotpath/internal/hazard"
)

// With the otelslog bridge, a log/slog call emits an OpenTelemetry log
// record, which runs every log processor's OnEmit: a log processor that
// logs through a bridged logger re-enters itself. Whether a logger is
// bridged is read from how it was built, as for HTTP clients.

// BridgedLogger reports whether the *slog.Logger value v is bridged to
// OpenTelemetry: built by otelslog.NewLogger, by slog.New around an
// otelslog handler, or slog's default logger when this package bridged it.
func (c *Classifier) BridgedLogger(v ssa.Value) bool {
	for _, src := range c.Flow.Sources(v) {
		switch StaticCallName(src) {
		case catalog.OtelslogNewLogger:
			return true
		case catalog.SlogNew:
			if call := src.(*ssa.Call); len(call.Call.Args) > 0 && c.bridgedHandler(call.Call.Args[0]) {
				return true
			}
		case catalog.SlogDefault:
			if c.BridgedDefault.IsValid() {
				return true
			}
		}
	}
	return false
}

func (c *Classifier) bridgedHandler(v ssa.Value) bool {
	for _, src := range c.Flow.Sources(v) {
		if StaticCallName(src) == catalog.OtelslogNewHandler {
			return true
		}
	}
	return false
}

// FindBridgedDefault returns the first of the slog.SetDefault call sites
// that installs an otelslog logger, or NoPos.
func (c *Classifier) FindBridgedDefault(setDefault []*ssa.CallCommon) token.Pos {
	var found []token.Pos
	for _, site := range setDefault {
		if len(site.Args) > 0 && c.BridgedLogger(site.Args[0]) {
			found = append(found, site.Pos())
		}
	}
	if len(found) == 0 {
		return token.NoPos
	}
	sort.Slice(found, func(i, j int) bool { return found[i] < found[j] })
	return found[0]
}

// BridgedLoggerWitness is a call on a logger bridged by otelslog.
func BridgedLoggerWitness() hazard.Witness {
	return hazard.Witness{Cat: catalog.Reentrancy, Pipe: catalog.LogPipeline,
		What: "the logger is bridged to OpenTelemetry by otelslog, so the call emits a log record"}
}

// BridgedDefaultWitness is a call through slog's default logger, bridged
// where BridgedDefault says.
func (c *Classifier) BridgedDefaultWitness() hazard.Witness {
	p := c.Fset.Position(c.BridgedDefault)
	return hazard.Witness{Cat: catalog.Reentrancy, Pipe: catalog.LogPipeline,
		What: "slog's default logger is bridged to OpenTelemetry by otelslog in " + c.bridgeWhere() + " (" + ShortPos(p) + "), so the call emits a log record"}
}

func (c *Classifier) bridgeWhere() string {
	if c.BridgeWhere != "" {
		return c.BridgeWhere
	}
	return c.DefaultWhere
}
