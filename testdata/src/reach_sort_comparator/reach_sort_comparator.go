// Package reach_sort_comparator sorts files by modification time with a
// comparator that stats them: sort.Slice calls it synchronously, and the
// comparator, a function literal of the hook, is part of its body.
package reach_sort_comparator

import (
	"context"
	"os"
	"sort"

	"go.opentelemetry.io/otel/attribute"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
)

// LatestDumpProcessor names the newest dump file on every span end.
type LatestDumpProcessor struct {
	files []string
}

var _ sdktrace.SpanProcessor = (*LatestDumpProcessor)(nil)

// OnStart adds the newest dump.
func (p *LatestDumpProcessor) OnStart(_ context.Context, s sdktrace.ReadWriteSpan) {
	files := append([]string(nil), p.files...)
	sort.Slice(files, func(i, j int) bool {
		a, _ := os.Stat(files[i]) // want `io: OnStart of \*LatestDumpProcessor calls os\.Stat`
		b, _ := os.Stat(files[j]) // want `io: OnStart of \*LatestDumpProcessor calls os\.Stat`
		return a != nil && b != nil && a.ModTime().After(b.ModTime())
	})
	if len(files) > 0 {
		s.SetAttributes(attribute.String("dump.latest", files[0]))
	}
}

// OnEnd does nothing.
func (p *LatestDumpProcessor) OnEnd(sdktrace.ReadOnlySpan) {}

// Shutdown does nothing.
func (p *LatestDumpProcessor) Shutdown(context.Context) error { return nil }

// ForceFlush does nothing.
func (p *LatestDumpProcessor) ForceFlush(context.Context) error { return nil }
