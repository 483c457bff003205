// Package directive_call has //spanhotpath:ignore directives on calls: with
// a reason they silence the call; without one, or silencing nothing, they
// are reported themselves.
package directive_call

import (
	"context"
	"os"

	sdktrace "go.opentelemetry.io/otel/sdk/trace"
)

// FlagProcessor reads feature flags from files.
type FlagProcessor struct{}

var _ sdktrace.SpanProcessor = (*FlagProcessor)(nil)

// OnStart reads flags.
func (p *FlagProcessor) OnStart(context.Context, sdktrace.ReadWriteSpan) {
	_, _ = os.Stat("/run/flags/a") //spanhotpath:ignore tmpfs, measured at 2 µs per call

	//spanhotpath:ignore reviewed: the next line reads tmpfs
	_, _ = os.Stat("/run/flags/b")

	_, _ = os.Stat("/run/flags/c") //spanhotpath:ignore // want `directive: //spanhotpath:ignore needs a reason` `io: OnStart of \*FlagProcessor calls os\.Stat`

	_ = len("no call to silence") //spanhotpath:ignore nothing here does I/O // want `directive: //spanhotpath:ignore silences nothing here`
}

// OnEnd does nothing.
func (p *FlagProcessor) OnEnd(sdktrace.ReadOnlySpan) {}

// Shutdown does nothing.
func (p *FlagProcessor) Shutdown(context.Context) error { return nil }

// ForceFlush does nothing.
func (p *FlagProcessor) ForceFlush(context.Context) error { return nil }
