// Command option_func_file passes its processor a lookup that reads a file.
package main

import (
	"os"

	sdktrace "go.opentelemetry.io/otel/sdk/trace"

	"example.com/prog/option_func_file/telemetry"
)

func main() {
	p := telemetry.NewTagProcessor(telemetry.WithLookup(func() string {
		b, _ := os.ReadFile("/etc/deployment-tag")
		return string(b)
	}))
	_ = sdktrace.NewTracerProvider(sdktrace.WithSpanProcessor(p))
}
