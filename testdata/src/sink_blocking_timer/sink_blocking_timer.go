// Package sink_blocking_timer waits for timers in a span processor and
// refers to no other sink: a receive from time.After, and a select that
// waits for time.After's channel when the queue is empty.
package sink_blocking_timer

import (
	"context"
	"time"

	sdktrace "go.opentelemetry.io/otel/sdk/trace"
)

// PacedProcessor paces spans.
type PacedProcessor struct{ tokens chan struct{} }

// OnStart waits a millisecond.
func (p *PacedProcessor) OnStart(context.Context, sdktrace.ReadWriteSpan) {
	<-time.After(time.Millisecond) // want `blocking: OnStart of \*PacedProcessor calls time\.After: a wait for a timer \(a receive from time\.After\) on every span start`
}

// OnEnd takes a token, or gives up after five milliseconds.
func (p *PacedProcessor) OnEnd(sdktrace.ReadOnlySpan) {
	select { // want `blocking: OnEnd of \*PacedProcessor calls time\.After: a wait for a timer \(a select on time\.After\) on every span end`
	case <-p.tokens:
	case <-time.After(5 * time.Millisecond):
	}
}

// Shutdown does nothing.
func (p *PacedProcessor) Shutdown(context.Context) error { return nil }

// ForceFlush does nothing.
func (p *PacedProcessor) ForceFlush(context.Context) error { return nil }
