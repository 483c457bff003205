// Package fix_hoist has findings with the mechanical fix (hoist a call with
// constant arguments into an eagerly initialised package variable) and
// findings without it: arguments from the span, a result that is not used,
// and functions whose value at program start could differ from their value
// on the hot path (a variable main assigns, a flag, the environment, a
// slice's elements) or that do more than read files (the network, a write).
package fix_hoist

import (
	"context"
	"flag"
	"net/http"
	"os"
	"strings"
	"time"

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

// hostFile is a flag: flag.Parse sets it after package initialisation.
var hostFile = flag.String("hostfile", "/etc/hostname", "file with the host name")

func readHostFile() string {
	b, _ := os.ReadFile(*hostFile)
	return string(b)
}

func readEnvFile() string {
	b, _ := os.ReadFile(os.Getenv("HOST_FILE")) // main may os.Setenv it first
	return string(b)
}

// paths is a slice: other code may change its elements.
var paths = []string{"/etc/hostname"}

func readFirstPath() string {
	b, _ := os.ReadFile(paths[0])
	return string(b)
}

func writeMarker() string {
	_ = os.WriteFile("/tmp/marker", nil, 0o600)
	return "marked"
}

func fetchRegion() string {
	c := &http.Client{Timeout: 30 * time.Second}
	resp, err := c.Get("http://169.254.169.254/latest/meta-data/placement/region")
	if err != nil {
		return ""
	}
	defer resp.Body.Close()
	return resp.Status
}

// OnStart adds host attributes.
func (p *HostProcessor) OnStart(_ context.Context, s sdktrace.ReadWriteSpan) { // want OnStart:"reaches io via os.ReadFile"
	s.SetAttributes(attribute.String("host.name", readHostname()))             // want `io: OnStart of \*HostProcessor calls readHostname, which calls os\.ReadFile`
	s.SetAttributes(attribute.String("host.id", fileValue("/etc/machine-id"))) // want `io: OnStart of \*HostProcessor calls fileValue, which calls os\.ReadFile`
	s.SetAttributes(attribute.String("span.file", fileValue(s.Name())))        // want `io: OnStart of \*HostProcessor calls fileValue, which calls os\.ReadFile`
	s.SetAttributes(attribute.String("config", readConfig()))                  // want `io: OnStart of \*HostProcessor calls readConfig, which calls os\.ReadFile`
	readHostname()                                                             // want `io: OnStart of \*HostProcessor calls readHostname, which calls os\.ReadFile`
	s.SetAttributes(attribute.String("host.file", readHostFile()))             // want `io: OnStart of \*HostProcessor calls readHostFile, which calls os\.ReadFile`
	s.SetAttributes(attribute.String("host.env", readEnvFile()))               // want `io: OnStart of \*HostProcessor calls readEnvFile, which calls os\.ReadFile`
	s.SetAttributes(attribute.String("host.first", readFirstPath()))           // want `io: OnStart of \*HostProcessor calls readFirstPath, which calls os\.ReadFile`
	s.SetAttributes(attribute.String("marker", writeMarker()))                 // want `io: OnStart of \*HostProcessor calls writeMarker, which calls os\.WriteFile`
	s.SetAttributes(attribute.String("region", fetchRegion()))                 // want `network: OnStart of \*HostProcessor calls fetchRegion, which calls \(\*net/http\.Client\)\.Get`
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
	_ = os.Setenv("HOST_FILE", "/run/host")
	flag.Parse()
}
