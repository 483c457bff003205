package analyzer

import (
	"go/token"
	"sort"

	"golang.org/x/tools/go/ssa"
)

// With the otelslog bridge, a log/slog call emits an OpenTelemetry log
// record, which runs every log processor's OnEmit: a log processor that
// logs through a bridged logger re-enters itself. Whether a logger is
// bridged is read from how it was built, as for HTTP clients.

const (
	otelslogPkg        = "go.opentelemetry.io/contrib/bridges/otelslog"
	otelslogNewLogger  = otelslogPkg + ".NewLogger"
	otelslogNewHandler = otelslogPkg + ".NewHandler"
	slogNew            = "log/slog.New"
	slogSetDefault     = "log/slog.SetDefault"
	slogDefault        = "log/slog.Default"
)

// bridgedLogger reports whether the *slog.Logger value v is bridged to
// OpenTelemetry: built by otelslog.NewLogger, by slog.New around an
// otelslog handler, or slog's default logger when this package bridged it.
func (w *walker) bridgedLogger(v ssa.Value) bool {
	for _, src := range w.flow.sources(v) {
		switch staticCallName(src) {
		case otelslogNewLogger:
			return true
		case slogNew:
			if call := src.(*ssa.Call); len(call.Call.Args) > 0 && w.bridgedHandler(call.Call.Args[0]) {
				return true
			}
		case slogDefault:
			if w.bridgedDefault.IsValid() {
				return true
			}
		}
	}
	return false
}

func (w *walker) bridgedHandler(v ssa.Value) bool {
	for _, src := range w.flow.sources(v) {
		if staticCallName(src) == otelslogNewHandler {
			return true
		}
	}
	return false
}

// findBridgedDefault finds where this package makes slog's default logger
// an otelslog one (slog.SetDefault), or NoPos.
func (w *walker) findBridgedDefault() token.Pos {
	var found []token.Pos
	for callee, sites := range w.flow.callers {
		if obj := funcObject(callee); obj == nil || obj.FullName() != slogSetDefault {
			continue
		}
		for _, c := range sites {
			if len(c.Args) > 0 && w.bridgedLogger(c.Args[0]) {
				found = append(found, c.Pos())
			}
		}
	}
	if len(found) == 0 {
		return token.NoPos
	}
	sort.Slice(found, func(i, j int) bool { return found[i] < found[j] })
	return found[0]
}

func bridgedLoggerWitness() witness {
	return witness{cat: Reentrancy, pipe: logPipeline,
		what: "the logger is bridged to OpenTelemetry by otelslog, so the call emits a log record"}
}

func (w *walker) bridgedDefaultWitness() witness {
	p := w.pass.Fset.Position(w.bridgedDefault)
	return witness{cat: Reentrancy, pipe: logPipeline,
		what: "slog's default logger is bridged to OpenTelemetry by otelslog in this package (" + shortPos(p) + "), so the call emits a log record"}
}
