// Package clean_roundtrip_fake calls RoundTrip on a transport of its own
// that answers from memory: the round trip does no I/O.
package clean_roundtrip_fake

import (
	"io"
	"net/http"
	"strings"

	sdktrace "go.opentelemetry.io/otel/sdk/trace"
)

// canned answers every request with the same body.
type canned struct{ body string }

func (c canned) RoundTrip(*http.Request) (*http.Response, error) {
	return &http.Response{StatusCode: http.StatusOK, Body: io.NopCloser(strings.NewReader(c.body))}, nil
}

// ReplaySampler asks a transport that replays a recorded answer.
type ReplaySampler struct {
	rt  http.RoundTripper
	req *http.Request
}

// NewReplaySampler replays "yes".
func NewReplaySampler(req *http.Request) *ReplaySampler {
	return &ReplaySampler{rt: canned{body: "yes"}, req: req}
}

// ShouldSample samples when the answer is yes.
func (s *ReplaySampler) ShouldSample(p sdktrace.SamplingParameters) sdktrace.SamplingResult {
	if resp, err := s.rt.RoundTrip(s.req); err == nil {
		b, _ := io.ReadAll(resp.Body)
		if string(b) == "yes" {
			return sdktrace.AlwaysSample().ShouldSample(p)
		}
	}
	return sdktrace.NeverSample().ShouldSample(p)
}

// Description names the sampler.
func (s *ReplaySampler) Description() string { return "ReplaySampler" }
