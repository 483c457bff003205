// Package telemetry has a sampler that asks a policy per span name.
package telemetry

import (
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
)

// Policy decides whether to keep a span.
type Policy interface {
	Keep(name string) bool
}

// PolicySampler samples by the policy registered for the span name.
type PolicySampler struct {
	policies map[string]Policy
}

// NewPolicySampler returns a sampler using policies.
func NewPolicySampler(policies map[string]Policy) *PolicySampler {
	return &PolicySampler{policies: policies}
}

// ShouldSample asks the span name's policy.
func (s *PolicySampler) ShouldSample(p sdktrace.SamplingParameters) sdktrace.SamplingResult {
	if pol, ok := s.policies[p.Name]; ok && !pol.Keep(p.Name) { // want `io: ShouldSample of \*PolicySampler calls \(\*example\.com/prog/iface_in_map/policy\.FileFlag\)\.Keep .*which calls os\.Stat`
		return sdktrace.SamplingResult{Decision: sdktrace.Drop}
	}
	return sdktrace.SamplingResult{Decision: sdktrace.RecordAndSample}
}

// Description names the sampler.
func (s *PolicySampler) Description() string { return "PolicySampler" }
