// Package root_idgenerator_trace_only writes an ID generator against the
// trace API alone (no SDK import): its methods match the SDK's IDGenerator,
// so they are hooks, and it opens the random device for every ID.
package root_idgenerator_trace_only

import (
	"context"
	"os"

	"go.opentelemetry.io/otel/trace"
)

// DeviceIDs reads IDs from the random device.
type DeviceIDs struct{}

func (DeviceIDs) fill(b []byte) {
	f, err := os.Open("/dev/urandom")
	if err != nil {
		return
	}
	defer f.Close()
	_, _ = f.Read(b)
}

// NewIDs returns new trace and span IDs.
func (g DeviceIDs) NewIDs(context.Context) (trace.TraceID, trace.SpanID) {
	var t trace.TraceID
	var s trace.SpanID
	g.fill(t[:]) // want `io: NewIDs of DeviceIDs calls DeviceIDs\.fill, which calls`
	g.fill(s[:]) // want `io: NewIDs of DeviceIDs calls DeviceIDs\.fill, which calls`
	return t, s
}

// NewSpanID returns a new span ID.
func (g DeviceIDs) NewSpanID(context.Context, trace.TraceID) trace.SpanID {
	var s trace.SpanID
	g.fill(s[:]) // want `io: NewSpanID of DeviceIDs calls DeviceIDs\.fill, which calls`
	return s
}
