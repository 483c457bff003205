// Package root_sampler reads its ratio from a file on every sampling
// decision (a value receiver: the receiver prints without a star).
package root_sampler

import (
	"os"
	"strconv"
	"strings"

	sdktrace "go.opentelemetry.io/otel/sdk/trace"
)

// FileSampler samples at the ratio written in a file.
type FileSampler struct {
	path string
}

var _ sdktrace.Sampler = FileSampler{}

// ShouldSample samples at the file's ratio.
func (s FileSampler) ShouldSample(p sdktrace.SamplingParameters) sdktrace.SamplingResult {
	ratio := loadRatio(s.path) // want `io: ShouldSample of FileSampler calls loadRatio, which calls os\.ReadFile`
	return sdktrace.TraceIDRatioBased(ratio).ShouldSample(p)
}

// Description names the sampler.
func (s FileSampler) Description() string { return "FileSampler{" + s.path + "}" }

func loadRatio(path string) float64 {
	b, err := os.ReadFile(path)
	if err != nil {
		return 1
	}
	r, err := strconv.ParseFloat(strings.TrimSpace(string(b)), 64)
	if err != nil {
		return 1
	}
	return r
}
