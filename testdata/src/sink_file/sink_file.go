// Package sink_file reads a feature flag file on every span start and writes
// a debug dump on every span end.
package sink_file

import (
	"context"
	"os"
	"strings"

	"go.opentelemetry.io/otel/attribute"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
)

// FlagProcessor tags spans with the current feature flags.
type FlagProcessor struct {
	flagsPath, dumpPath string
}

var _ sdktrace.SpanProcessor = (*FlagProcessor)(nil)

// OnStart adds the feature flags.
func (p *FlagProcessor) OnStart(_ context.Context, s sdktrace.ReadWriteSpan) {
	b, err := os.ReadFile(p.flagsPath) // want `io: OnStart of \*FlagProcessor calls os\.ReadFile`
	if err != nil {
		return
	}
	s.SetAttributes(attribute.StringSlice("feature.flags", strings.Fields(string(b))))
}

// OnEnd dumps the span name.
func (p *FlagProcessor) OnEnd(s sdktrace.ReadOnlySpan) {
	dump(p.dumpPath, s.Name()) // want `io: OnEnd of \*FlagProcessor calls dump, which calls os\.WriteFile`
}

func dump(path, name string) {
	_ = os.WriteFile(path, []byte(name+"\n"), 0o644)
}

// Shutdown does nothing.
func (p *FlagProcessor) Shutdown(context.Context) error { return nil }

// ForceFlush does nothing.
func (p *FlagProcessor) ForceFlush(context.Context) error { return nil }
