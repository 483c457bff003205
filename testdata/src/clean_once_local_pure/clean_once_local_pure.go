// Package clean_once_local_pure uses a sync.Once made inside the hook
// around pure work: it caches nothing, but there is nothing to report.
package clean_once_local_pure

import (
	"context"
	"strings"
	"sync"

	"go.opentelemetry.io/otel/attribute"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
)

// NameProcessor stamps the span name in upper case.
type NameProcessor struct{}

var _ sdktrace.SpanProcessor = (*NameProcessor)(nil)

// OnStart stamps the name.
func (p *NameProcessor) OnStart(_ context.Context, s sdktrace.ReadWriteSpan) {
	var once sync.Once
	var upper string
	once.Do(func() { upper = strings.ToUpper(s.Name()) })
	s.SetAttributes(attribute.String("name.upper", upper))
}

// OnEnd does nothing.
func (p *NameProcessor) OnEnd(sdktrace.ReadOnlySpan) {}

// Shutdown does nothing.
func (p *NameProcessor) Shutdown(context.Context) error { return nil }

// ForceFlush does nothing.
func (p *NameProcessor) ForceFlush(context.Context) error { return nil }
