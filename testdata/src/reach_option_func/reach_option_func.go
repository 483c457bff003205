// Package reach_option_func sets the hook's dependency with a functional
// option: the value reaches the field through a closure that captures the
// option's parameter. (Regression: captured variables read through the
// closure's free variable were not followed.)
package reach_option_func

import (
	"context"
	"net/http"

	"go.opentelemetry.io/otel/attribute"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
)

// Fetcher fetches a value.
type Fetcher interface{ Fetch() string }

type httpFetcher struct{ url string }

func (h *httpFetcher) Fetch() string {
	resp, err := http.Get(h.url)
	if err != nil {
		return ""
	}
	_ = resp.Body.Close()
	return resp.Status
}

// Option configures a ZoneProcessor.
type Option func(*ZoneProcessor)

// WithFetcher sets the fetcher.
func WithFetcher(f Fetcher) Option { return func(p *ZoneProcessor) { p.fetcher = f } }

// ZoneProcessor stamps the zone.
type ZoneProcessor struct{ fetcher Fetcher }

var _ sdktrace.SpanProcessor = (*ZoneProcessor)(nil)

// New applies the options.
func New(opts ...Option) *ZoneProcessor {
	p := &ZoneProcessor{}
	for _, o := range opts {
		o(p)
	}
	return p
}

// Default is the processor with the metadata fetcher.
func Default() *ZoneProcessor {
	return New(WithFetcher(&httpFetcher{url: "http://169.254.169.254/latest/meta-data/placement/availability-zone"}))
}

// OnStart stamps the zone.
func (p *ZoneProcessor) OnStart(_ context.Context, s sdktrace.ReadWriteSpan) {
	s.SetAttributes(attribute.String("cloud.availability_zone", p.fetcher.Fetch())) // want `network: OnStart of \*ZoneProcessor calls \(\*httpFetcher\)\.Fetch, which calls net/http\.Get`
}

// OnEnd does nothing.
func (p *ZoneProcessor) OnEnd(sdktrace.ReadOnlySpan) {}

// Shutdown does nothing.
func (p *ZoneProcessor) Shutdown(context.Context) error { return nil }

// ForceFlush does nothing.
func (p *ZoneProcessor) ForceFlush(context.Context) error { return nil }
