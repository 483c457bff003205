// Package clean_directive_reviewed has I/O on the hot path that a reviewer
// accepted, each with a reason: nothing is reported.
package clean_directive_reviewed

import (
	"context"
	"os"

	"go.opentelemetry.io/otel/attribute"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
)

// FlagProcessor reads a feature flag from tmpfs.
type FlagProcessor struct{}

var _ sdktrace.SpanProcessor = (*FlagProcessor)(nil)

// flag reads a flag file.
//
//spanhotpath:ignore /run/flags is tmpfs; measured at 2 µs per read (PR 17)
func flag(name string) string {
	b, _ := os.ReadFile("/run/flags/" + name)
	return string(b)
}

// OnStart stamps the flags.
func (p *FlagProcessor) OnStart(_ context.Context, s sdktrace.ReadWriteSpan) {
	s.SetAttributes(attribute.String("flag.beta", flag("beta")))
	if _, err := os.Stat("/run/flags/off"); err == nil { //spanhotpath:ignore tmpfs stat, same review (PR 17)
		s.SetAttributes(attribute.Bool("flag.off", true))
	}
}

// OnEnd does nothing.
func (p *FlagProcessor) OnEnd(sdktrace.ReadOnlySpan) {}

// Shutdown does nothing.
func (p *FlagProcessor) Shutdown(context.Context) error { return nil }

// ForceFlush does nothing.
func (p *FlagProcessor) ForceFlush(context.Context) error { return nil }
