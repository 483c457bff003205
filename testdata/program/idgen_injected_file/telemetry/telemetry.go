// Package telemetry has an ID generator fed by an entropy source.
package telemetry

import (
	"context"

	sdktrace "go.opentelemetry.io/otel/sdk/trace"
	"go.opentelemetry.io/otel/trace"
)

// Entropy fills buffers with random bytes.
type Entropy interface {
	Fill(b []byte)
}

// IDs generates IDs from an entropy source.
type IDs struct{ src Entropy }

var _ sdktrace.IDGenerator = (*IDs)(nil)

// NewIDs returns a generator reading src.
func NewIDs(src Entropy) *IDs { return &IDs{src: src} }

// NewIDs returns a trace and span ID.
func (g *IDs) NewIDs(context.Context) (trace.TraceID, trace.SpanID) {
	var t trace.TraceID
	var s trace.SpanID
	g.src.Fill(t[:]) // want `io: NewIDs of \*IDs calls \(\*example\.com/prog/idgen_injected_file/entropy\.Device\)\.Fill .*which calls (os\.Open|\(\*os\.File\)\.\w+)`
	g.src.Fill(s[:]) // want `io: NewIDs of \*IDs calls \(\*example\.com/prog/idgen_injected_file/entropy\.Device\)\.Fill .*which calls (os\.Open|\(\*os\.File\)\.\w+)`
	return t, s
}

// NewSpanID returns a span ID.
func (g *IDs) NewSpanID(context.Context, trace.TraceID) trace.SpanID {
	var s trace.SpanID
	g.src.Fill(s[:]) // want `io: NewSpanID of \*IDs calls \(\*example\.com/prog/idgen_injected_file/entropy\.Device\)\.Fill .*which calls (os\.Open|\(\*os\.File\)\.\w+)`
	return s
}
