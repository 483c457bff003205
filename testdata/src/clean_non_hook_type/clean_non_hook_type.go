// Package clean_non_hook_type has methods named like hooks on types that do
// not implement any hook interface: not roots.
package clean_non_hook_type

import (
	"context"
	"net/http"
	"os"

	sdktrace "go.opentelemetry.io/otel/sdk/trace"
)

// Lifecycle has OnStart and OnEnd with other signatures.
type Lifecycle struct {
	url string
}

// OnStart announces a job.
func (l *Lifecycle) OnStart(job string) {
	resp, err := http.Get(l.url + "/start?job=" + job)
	if err == nil {
		resp.Body.Close()
	}
}

// OnEnd announces the end of a job.
func (l *Lifecycle) OnEnd(job string) error {
	return os.WriteFile("/tmp/"+job+".done", nil, 0o644)
}

// HalfProcessor has OnStart with the SpanProcessor signature, but no OnEnd,
// Shutdown or ForceFlush.
type HalfProcessor struct{}

// OnStart reads a file.
func (HalfProcessor) OnStart(_ context.Context, s sdktrace.ReadWriteSpan) {
	_, _ = os.ReadFile("/etc/hosts")
}

// Sampler has ShouldSample with another signature.
type Sampler struct{}

// ShouldSample asks a service.
func (Sampler) ShouldSample(name string) bool {
	resp, err := http.Get("http://sampling.internal/" + name)
	if err != nil {
		return false
	}
	resp.Body.Close()
	return resp.StatusCode == http.StatusOK
}
