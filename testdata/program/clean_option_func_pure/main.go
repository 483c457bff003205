// Command clean_option_func_pure renames spans with a pure function; the
// file-reading function in the program is used at start-up only.
package main

import (
	"os"
	"strings"

	sdktrace "go.opentelemetry.io/otel/sdk/trace"

	"example.com/prog/clean_option_func_pure/telemetry"
)

func readPrefix() string {
	b, _ := os.ReadFile("/etc/span-prefix")
	return string(b)
}

func main() {
	prefix := readPrefix()
	p := telemetry.NewRenameProcessor(func(name string) string { return prefix + strings.ToLower(name) })
	_ = sdktrace.NewTracerProvider(sdktrace.WithSpanProcessor(p))
}
