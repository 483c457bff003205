// Package clean_batch_like hands spans to an exporter goroutine over a
// channel, as the SDK's batch processor does: the hook never blocks and does
// no I/O; the goroutine the constructor starts does.
package clean_batch_like

import (
	"bytes"
	"context"
	"net/http"
	"os"
	"sync/atomic"

	sdktrace "go.opentelemetry.io/otel/sdk/trace"
)

// QueueProcessor queues span names for export.
type QueueProcessor struct {
	queue   chan string
	done    chan struct{}
	url     string
	spill   string
	dropped atomic.Int64
}

var _ sdktrace.SpanProcessor = (*QueueProcessor)(nil)

// NewQueueProcessor starts the exporter goroutine.
func NewQueueProcessor(url, spill string) *QueueProcessor {
	p := &QueueProcessor{queue: make(chan string, 1024), done: make(chan struct{}), url: url, spill: spill}
	go p.export()
	return p
}

func (p *QueueProcessor) export() {
	defer close(p.done)
	var batch bytes.Buffer
	for name := range p.queue {
		batch.WriteString(name)
		batch.WriteByte('\n')
		if batch.Len() < 4096 {
			continue
		}
		resp, err := http.Post(p.url, "text/plain", bytes.NewReader(batch.Bytes()))
		if err != nil {
			_ = os.WriteFile(p.spill, batch.Bytes(), 0o644)
		} else {
			resp.Body.Close()
		}
		batch.Reset()
	}
}

// OnStart does nothing.
func (p *QueueProcessor) OnStart(context.Context, sdktrace.ReadWriteSpan) {}

// OnEnd queues the span, dropping it when the queue is full.
func (p *QueueProcessor) OnEnd(s sdktrace.ReadOnlySpan) {
	select {
	case p.queue <- s.Name():
	default:
		p.dropped.Add(1)
	}
}

// Shutdown drains the queue.
func (p *QueueProcessor) Shutdown(ctx context.Context) error {
	close(p.queue)
	select {
	case <-p.done:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// ForceFlush does nothing.
func (p *QueueProcessor) ForceFlush(context.Context) error { return nil }
