// Package clean_sampler_pure samples by rules held in memory and delegates to
// an SDK sampler.
package clean_sampler_pure

import (
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
	"go.opentelemetry.io/otel/trace"
)

// RuleSampler drops some span names and samples the rest by ratio.
type RuleSampler struct {
	inner sdktrace.Sampler
	drop  map[string]bool
}

var _ sdktrace.Sampler = (*RuleSampler)(nil)

// NewRuleSampler returns a sampler dropping the given names.
func NewRuleSampler(ratio float64, drop ...string) *RuleSampler {
	s := &RuleSampler{inner: sdktrace.ParentBased(sdktrace.TraceIDRatioBased(ratio)), drop: make(map[string]bool)}
	for _, d := range drop {
		s.drop[d] = true
	}
	return s
}

// ShouldSample applies the rules.
func (s *RuleSampler) ShouldSample(p sdktrace.SamplingParameters) sdktrace.SamplingResult {
	if s.drop[p.Name] {
		return sdktrace.SamplingResult{
			Decision:   sdktrace.Drop,
			Tracestate: trace.SpanContextFromContext(p.ParentContext).TraceState(),
		}
	}
	return s.inner.ShouldSample(p)
}

// Description names the sampler.
func (s *RuleSampler) Description() string { return "RuleSampler{" + s.inner.Description() + "}" }
