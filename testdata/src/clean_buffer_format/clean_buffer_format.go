// Package clean_buffer_format formats into a bytes.Buffer and a
// strings.Builder in the hook: no I/O, though fmt.Fprintf takes an io.Writer.
package clean_buffer_format

import (
	"bytes"
	"context"
	"fmt"
	"strconv"
	"strings"

	"go.opentelemetry.io/otel/attribute"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
)

// SummaryProcessor adds a one-line summary of the span.
type SummaryProcessor struct{}

var _ sdktrace.SpanProcessor = (*SummaryProcessor)(nil)

// OnStart adds the summary.
func (p *SummaryProcessor) OnStart(_ context.Context, s sdktrace.ReadWriteSpan) {
	var buf bytes.Buffer
	fmt.Fprintf(&buf, "%s kind=%s", s.Name(), s.SpanKind())
	buf.WriteString(" attrs=")
	buf.WriteString(strconv.Itoa(len(s.Attributes())))
	var b strings.Builder
	fmt.Fprint(&b, s.SpanContext().TraceID())
	s.SetAttributes(
		attribute.String("span.summary", buf.String()),
		attribute.String("span.trace", b.String()),
		attribute.String("span.label", fmt.Sprintf("%s/%d", s.Name(), len(s.Links()))),
	)
}

// OnEnd does nothing.
func (p *SummaryProcessor) OnEnd(sdktrace.ReadOnlySpan) {}

// Shutdown does nothing.
func (p *SummaryProcessor) Shutdown(context.Context) error { return nil }

// ForceFlush does nothing.
func (p *SummaryProcessor) ForceFlush(context.Context) error { return nil }
