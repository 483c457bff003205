// Package clean_pkg_initializer reads the container ID in a package-level
// variable's initializer; the hook reads the variable.
package clean_pkg_initializer

import (
	"context"
	"os"
	"strings"

	"go.opentelemetry.io/otel/attribute"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
)

var containerID = readContainerID()

func readContainerID() string {
	b, err := os.ReadFile("/proc/self/cgroup")
	if err != nil {
		return ""
	}
	line, _, _ := strings.Cut(string(b), "\n")
	return line[strings.LastIndex(line, "/")+1:]
}

// ContainerProcessor adds container.id.
type ContainerProcessor struct{}

var _ sdktrace.SpanProcessor = (*ContainerProcessor)(nil)

// OnStart adds the cached container ID.
func (p *ContainerProcessor) OnStart(_ context.Context, s sdktrace.ReadWriteSpan) {
	s.SetAttributes(attribute.String("container.id", containerID))
}

// OnEnd does nothing.
func (p *ContainerProcessor) OnEnd(sdktrace.ReadOnlySpan) {}

// Shutdown does nothing.
func (p *ContainerProcessor) Shutdown(context.Context) error { return nil }

// ForceFlush does nothing.
func (p *ContainerProcessor) ForceFlush(context.Context) error { return nil }
