// Package telemetry has a sampler that reads its rate from a rule store.
package telemetry

import (
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
	"go.opentelemetry.io/otel/trace"
)

// Rules gives the sampling rate of a span name.
type Rules interface {
	Rate(name string) float64
}

// RuleSampler samples by rule.
type RuleSampler struct{ rules Rules }

// NewRuleSampler returns a sampler asking rules.
func NewRuleSampler(rules Rules) *RuleSampler { return &RuleSampler{rules: rules} }

// ShouldSample asks the rule store.
func (s *RuleSampler) ShouldSample(p sdktrace.SamplingParameters) sdktrace.SamplingResult {
	if s.rules.Rate(p.Name) == 0 { // want `network: ShouldSample of \*RuleSampler calls \(\*example\.com/prog/sampler_injected_sql/store\.SQL\)\.Rate .*which calls \(\*database/sql\.DB\)\.QueryRow: a database query on every sampling decision`
		return sdktrace.SamplingResult{Decision: sdktrace.Drop, Tracestate: trace.SpanContextFromContext(p.ParentContext).TraceState()}
	}
	return sdktrace.SamplingResult{Decision: sdktrace.RecordAndSample}
}

// Description names the sampler.
func (s *RuleSampler) Description() string { return "RuleSampler" }
