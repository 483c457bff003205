// Package clean_idgenerator_trace_only writes an ID generator against the
// trace API alone, from an in-memory source seeded once.
package clean_idgenerator_trace_only

import (
	"context"
	"math/rand/v2"
	"os"

	"go.opentelemetry.io/otel/trace"
)

// SeededIDs draws IDs from a generator seeded at start-up.
type SeededIDs struct{ r *rand.ChaCha8 }

// NewSeededIDs reads the seed once.
func NewSeededIDs() SeededIDs {
	var seed [32]byte
	if f, err := os.Open("/dev/urandom"); err == nil {
		_, _ = f.Read(seed[:])
		f.Close()
	}
	return SeededIDs{r: rand.NewChaCha8(seed)}
}

// NewIDs returns new trace and span IDs.
func (g SeededIDs) NewIDs(context.Context) (trace.TraceID, trace.SpanID) {
	var t trace.TraceID
	var s trace.SpanID
	_, _ = g.r.Read(t[:])
	_, _ = g.r.Read(s[:])
	return t, s
}

// NewSpanID returns a new span ID.
func (g SeededIDs) NewSpanID(context.Context, trace.TraceID) trace.SpanID {
	var s trace.SpanID
	_, _ = g.r.Read(s[:])
	return s
}
