// Package cache_once_local makes its once-caches inside the hook: a new one on
// every call, so they cache nothing and the I/O runs every time. (Function
// literals of a hook are part of its body: the finding is at the I/O call.)
package cache_once_local

import (
	"context"
	"os"
	"sync"

	"go.opentelemetry.io/otel/attribute"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
)

// MachineProcessor adds the machine ID.
type MachineProcessor struct{}

var _ sdktrace.SpanProcessor = (*MachineProcessor)(nil)

// OnStart adds the machine ID through a sync.OnceValue made here.
func (p *MachineProcessor) OnStart(_ context.Context, s sdktrace.ReadWriteSpan) {
	machineID := sync.OnceValue(func() string {
		b, _ := os.ReadFile("/etc/machine-id") // want `io: OnStart of \*MachineProcessor calls os\.ReadFile`
		return string(b)
	})
	s.SetAttributes(attribute.String("host.id", machineID()))
}

// OnEnd reads the boot ID through a local sync.Once.
func (p *MachineProcessor) OnEnd(sdktrace.ReadOnlySpan) {
	var once sync.Once
	var bootID []byte
	once.Do(func() {
		bootID, _ = os.ReadFile("/proc/sys/kernel/random/boot_id") // want `io: OnEnd of \*MachineProcessor calls os\.ReadFile`
	})
	_ = bootID
}

// Shutdown does nothing.
func (p *MachineProcessor) Shutdown(context.Context) error { return nil }

// ForceFlush does nothing.
func (p *MachineProcessor) ForceFlush(context.Context) error { return nil }
