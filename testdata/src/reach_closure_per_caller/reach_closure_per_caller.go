// Package reach_closure_per_caller passes different function literals to
// one helper: each call is charged with its own literal only. OnStart's
// literal reads a file; OnEnd's only counts; a command-line helper's
// literal writes a file, which no hook runs.
package reach_closure_per_caller

import (
	"context"
	"os"

	sdktrace "go.opentelemetry.io/otel/sdk/trace"
)

// LabelProcessor labels spans from a table of keys.
type LabelProcessor struct {
	keys []string
}

var _ sdktrace.SpanProcessor = (*LabelProcessor)(nil)

// each calls f for every key.
func each(keys []string, f func(k string)) {
	for _, k := range keys {
		f(k)
	}
}

// OnStart reads a file per key.
func (p *LabelProcessor) OnStart(context.Context, sdktrace.ReadWriteSpan) {
	each(p.keys, func(k string) { // want `io: OnStart of \*LabelProcessor calls each, which calls \(\*LabelProcessor\)\.OnStart\.func1, which calls os\.ReadFile`
		_, _ = os.ReadFile("/etc/labels/" + k)
	})
}

// OnEnd only counts the keys: the file write below is another caller's.
func (p *LabelProcessor) OnEnd(sdktrace.ReadOnlySpan) {
	n := 0
	each(p.keys, func(string) { n++ })
	_ = n
}

// Shutdown does nothing.
func (p *LabelProcessor) Shutdown(context.Context) error { return nil }

// ForceFlush does nothing.
func (p *LabelProcessor) ForceFlush(context.Context) error { return nil }

// DumpKeys is a command-line helper: it writes every key to a file.
func DumpKeys(keys []string) {
	each(keys, func(k string) {
		_ = os.WriteFile("/tmp/"+k, nil, 0o600)
	})
}
