// Package clean_idgenerator_pure makes IDs from a seeded math/rand source
// under a mutex, as the SDK's default generator does.
package clean_idgenerator_pure

import (
	"context"
	"encoding/binary"
	"math/rand"
	"sync"

	sdktrace "go.opentelemetry.io/otel/sdk/trace"
	"go.opentelemetry.io/otel/trace"
)

// SeededIDGenerator is deterministic, for tests.
type SeededIDGenerator struct {
	mu  sync.Mutex
	rnd *rand.Rand
}

var _ sdktrace.IDGenerator = (*SeededIDGenerator)(nil)

// NewSeededIDGenerator seeds the generator.
func NewSeededIDGenerator(seed int64) *SeededIDGenerator {
	return &SeededIDGenerator{rnd: rand.New(rand.NewSource(seed))}
}

// NewIDs returns a trace and span ID.
func (g *SeededIDGenerator) NewIDs(context.Context) (trace.TraceID, trace.SpanID) {
	g.mu.Lock()
	defer g.mu.Unlock()
	var tid trace.TraceID
	var sid trace.SpanID
	binary.BigEndian.PutUint64(tid[:8], g.rnd.Uint64())
	binary.BigEndian.PutUint64(tid[8:], g.rnd.Uint64())
	binary.BigEndian.PutUint64(sid[:], g.rnd.Uint64())
	return tid, sid
}

// NewSpanID returns a span ID.
func (g *SeededIDGenerator) NewSpanID(context.Context, trace.TraceID) trace.SpanID {
	g.mu.Lock()
	defer g.mu.Unlock()
	var sid trace.SpanID
	binary.BigEndian.PutUint64(sid[:], g.rnd.Uint64())
	return sid
}
