// Package fix_hoist has findings with the mechanical fix (hoist a call with
// constant arguments into an eagerly initialised package variable) and
// findings without it (arguments from the span, a function that reads a
// variable main assigns, a result that is not used).
package fix_hoist

import (
	"context"
	"os"
	"strings"

	"go.opentelemetry.io/otel/attribute"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
)

// HostProcessor adds host attributes.
type HostProcessor struct{}

var _ sdktrace.SpanProcessor = (*HostProcessor)(nil)

func readHostname() string {
	b, _ := os.ReadFile("/etc/hostname")
	return strings.TrimSpace(string(b))
}

func fileValue(path string) string {
	b, _ := os.ReadFile(path)
	return string(b)
}

// configPath is set by main, after package initialisation.
var configPath = "/etc/app.conf"

func readConfig() string {
	b, _ := os.ReadFile(configPath)
	return string(b)
}

// OnStart adds host attributes.
func (p *HostProcessor) OnStart(_ context.Context, s sdktrace.ReadWriteSpan) { // want OnStart:"reaches io via os.ReadFile"
	s.SetAttributes(attribute.String("host.name", readHostname()))             // want `io: OnStart of \*HostProcessor calls readHostname, which calls os\.ReadFile`
	s.SetAttributes(attribute.String("host.id", fileValue("/etc/machine-id"))) // want `io: OnStart of \*HostProcessor calls fileValue, which calls os\.ReadFile`
	s.SetAttributes(attribute.String("span.file", fileValue(s.Name())))        // want `io: OnStart of \*HostProcessor calls fileValue, which calls os\.ReadFile`
	s.SetAttributes(attribute.String("config", readConfig()))                  // want `io: OnStart of \*HostProcessor calls readConfig, which calls os\.ReadFile`
	readHostname()                                                             // want `io: OnStart of \*HostProcessor calls readHostname, which calls os\.ReadFile`
}

// OnEnd reads the host name too: the same hoist, one variable.
func (p *HostProcessor) OnEnd(s sdktrace.ReadOnlySpan) { // want OnEnd:"reaches io via os.ReadFile"
	_ = readHostname() // want `io: OnEnd of \*HostProcessor calls readHostname, which calls os\.ReadFile`
}

// Shutdown does nothing.
func (p *HostProcessor) Shutdown(context.Context) error { return nil }

// ForceFlush does nothing.
func (p *HostProcessor) ForceFlush(context.Context) error { return nil }

func main() {
	configPath = os.Getenv("APP_CONFIG")
}
