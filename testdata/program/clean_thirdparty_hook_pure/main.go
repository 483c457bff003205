// Command clean_thirdparty_hook_pure registers a processor of another
// module that only stamps a constant.
package main

import (
	sdktrace "go.opentelemetry.io/otel/sdk/trace"

	"example.com/third/pureproc"
)

func main() {
	_ = sdktrace.NewTracerProvider(sdktrace.WithSpanProcessor(&pureproc.Processor{Tier: "web"}))
}
