// Package clean_idgenerator_crypto makes IDs with crypto/rand: a getrandom
// call, not file or network I/O.
package clean_idgenerator_crypto

import (
	"context"
	"crypto/rand"

	sdktrace "go.opentelemetry.io/otel/sdk/trace"
	"go.opentelemetry.io/otel/trace"
)

// CryptoIDs generates IDs from the system's secure random source.
type CryptoIDs struct{}

var _ sdktrace.IDGenerator = CryptoIDs{}

// NewIDs returns a new trace and span ID.
func (CryptoIDs) NewIDs(context.Context) (trace.TraceID, trace.SpanID) {
	var t trace.TraceID
	var s trace.SpanID
	_, _ = rand.Read(t[:])
	_, _ = rand.Read(s[:])
	return t, s
}

// NewSpanID returns a new span ID.
func (CryptoIDs) NewSpanID(context.Context, trace.TraceID) trace.SpanID {
	var s trace.SpanID
	_, _ = rand.Read(s[:])
	return s
}
