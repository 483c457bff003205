// Package clean_sampler_delegate wraps the SDK's ratio sampler: the
// delegate is the SDK's, and it does no I/O.
package clean_sampler_delegate

import (
	"strings"

	sdktrace "go.opentelemetry.io/otel/sdk/trace"
)

// DropHealth drops health checks and samples the rest by ratio.
type DropHealth struct{ next sdktrace.Sampler }

var _ sdktrace.Sampler = DropHealth{}

// NewDropHealth samples ratio of the spans that are not health checks.
func NewDropHealth(ratio float64) DropHealth {
	return DropHealth{next: sdktrace.TraceIDRatioBased(ratio)}
}

// ShouldSample drops health checks.
func (d DropHealth) ShouldSample(p sdktrace.SamplingParameters) sdktrace.SamplingResult {
	if strings.HasPrefix(p.Name, "GET /healthz") {
		return sdktrace.SamplingResult{Decision: sdktrace.Drop}
	}
	return d.next.ShouldSample(p)
}

// Description names the sampler.
func (d DropHealth) Description() string { return "DropHealth{" + d.next.Description() + "}" }
