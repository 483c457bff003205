// Package clean_goroutine_io does plain I/O in goroutines the hooks start:
// off the caller's path, like the SDK's batch processor, and no span starts.
package clean_goroutine_io

import (
	"context"
	"net/http"
	"net/url"
	"os"

	sdktrace "go.opentelemetry.io/otel/sdk/trace"
)

// WebhookProcessor notifies a webhook about every span.
type WebhookProcessor struct {
	webhook, journal string
}

var _ sdktrace.SpanProcessor = (*WebhookProcessor)(nil)

// OnStart notifies the webhook in a goroutine.
func (p *WebhookProcessor) OnStart(_ context.Context, s sdktrace.ReadWriteSpan) {
	name := s.Name()
	go func() {
		resp, err := http.Get(p.webhook + "?span=" + url.QueryEscape(name))
		if err == nil {
			resp.Body.Close()
		}
	}()
}

// OnEnd journals the span in a goroutine.
func (p *WebhookProcessor) OnEnd(s sdktrace.ReadOnlySpan) {
	go p.journalSpan(s.Name())
}

func (p *WebhookProcessor) journalSpan(name string) {
	_ = os.WriteFile(p.journal, []byte(name), 0o644)
}

// Shutdown does nothing.
func (p *WebhookProcessor) Shutdown(context.Context) error { return nil }

// ForceFlush does nothing.
func (p *WebhookProcessor) ForceFlush(context.Context) error { return nil }
