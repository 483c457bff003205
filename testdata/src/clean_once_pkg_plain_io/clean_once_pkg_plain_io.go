// Package clean_once_pkg_plain_io caches a file read lazily in a
// package-level sync.OnceValue: it runs once and starts no span.
package clean_once_pkg_plain_io

import (
	"context"
	"os"
	"strings"
	"sync"

	"go.opentelemetry.io/otel/attribute"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
)

var machineID = sync.OnceValue(func() string {
	b, _ := os.ReadFile("/etc/machine-id")
	return strings.TrimSpace(string(b))
})

// MachineProcessor adds host.id.
type MachineProcessor struct{}

var _ sdktrace.SpanProcessor = (*MachineProcessor)(nil)

// OnStart adds the machine ID, read on first use.
func (p *MachineProcessor) OnStart(_ context.Context, s sdktrace.ReadWriteSpan) {
	s.SetAttributes(attribute.String("host.id", machineID()))
}

// OnEnd does nothing.
func (p *MachineProcessor) OnEnd(sdktrace.ReadOnlySpan) {}

// Shutdown does nothing.
func (p *MachineProcessor) Shutdown(context.Context) error { return nil }

// ForceFlush does nothing.
func (p *MachineProcessor) ForceFlush(context.Context) error { return nil }
