// Package roundtrip_iface sends a request from a sampler through an
// http.RoundTripper value: through otelhttp's transport the round trip
// starts a span, which samples again; through a plain transport it is
// network I/O on every decision.
package roundtrip_iface

import (
	"net/http"

	"go.opentelemetry.io/contrib/instrumentation/net/http/otelhttp"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
)

// RemoteSampler asks a sampling service.
type RemoteSampler struct {
	traced http.RoundTripper
	plain  http.RoundTripper
	req    *http.Request
}

// NewRemoteSampler builds both transports.
func NewRemoteSampler(req *http.Request) *RemoteSampler {
	return &RemoteSampler{
		traced: otelhttp.NewTransport(http.DefaultTransport),
		plain:  &http.Transport{},
		req:    req,
	}
}

// ShouldSample asks twice.
func (s *RemoteSampler) ShouldSample(p sdktrace.SamplingParameters) sdktrace.SamplingResult {
	if resp, err := s.traced.RoundTrip(s.req); err == nil { // want `reentrancy: ShouldSample of \*RemoteSampler calls \(net/http\.RoundTripper\)\.RoundTrip`
		resp.Body.Close()
	}
	if resp, err := s.plain.RoundTrip(s.req); err == nil { // want `network: ShouldSample of \*RemoteSampler calls \(net/http\.RoundTripper\)\.RoundTrip: an HTTP round trip`
		resp.Body.Close()
	}
	return sdktrace.AlwaysSample().ShouldSample(p)
}

// Description names the sampler.
func (s *RemoteSampler) Description() string { return "RemoteSampler" }
