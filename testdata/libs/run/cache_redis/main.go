// Run: overflows the stack on the first span.
//
// Command cache_redis starts one span under a provider whose processor
// asks a redisotel-instrumented client (at a closed port: the span starts
// before the dial).
package main

import (
	"context"
	"runtime/debug"

	"example.com/libs/cache_redis"
	"go.opentelemetry.io/otel"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
)

func main() {
	debug.SetMaxStack(64 << 20)
	tp := sdktrace.NewTracerProvider()
	otel.SetTracerProvider(tp)
	p, err := cache_redis.NewFlagProcessor("127.0.0.1:1")
	if err != nil {
		panic(err)
	}
	tp.RegisterSpanProcessor(p)
	_, span := tp.Tracer("run").Start(context.Background(), "request")
	span.End()
}
