// Package root_idgenerator reads the kernel's random UUID for every ID.
package root_idgenerator

import (
	"context"
	"encoding/hex"
	"os"
	"strings"

	sdktrace "go.opentelemetry.io/otel/sdk/trace"
	"go.opentelemetry.io/otel/trace"
)

// KernelIDGenerator makes IDs from /proc/sys/kernel/random/uuid.
type KernelIDGenerator struct{}

var _ sdktrace.IDGenerator = (*KernelIDGenerator)(nil)

// NewIDs returns a trace and span ID.
func (g *KernelIDGenerator) NewIDs(ctx context.Context) (trace.TraceID, trace.SpanID) {
	b := g.read() // want `io: NewIDs of \*KernelIDGenerator calls \(\*KernelIDGenerator\)\.read, which calls os\.ReadFile`
	var tid trace.TraceID
	var sid trace.SpanID
	copy(tid[:], b)
	copy(sid[:], b[8:])
	return tid, sid
}

// NewSpanID returns a span ID.
func (g *KernelIDGenerator) NewSpanID(ctx context.Context, traceID trace.TraceID) trace.SpanID {
	b := g.read() // want `io: NewSpanID of \*KernelIDGenerator calls \(\*KernelIDGenerator\)\.read, which calls os\.ReadFile`
	var sid trace.SpanID
	copy(sid[:], b)
	return sid
}

func (g *KernelIDGenerator) read() []byte {
	raw, _ := os.ReadFile("/proc/sys/kernel/random/uuid")
	b, _ := hex.DecodeString(strings.ReplaceAll(strings.TrimSpace(string(raw)), "-", ""))
	if len(b) < 16 {
		b = make([]byte, 16)
	}
	return b
}
