// Command clean_simple_unregistered builds simple processors it never
// registers: one it only prints the type of, and a table of the processor
// types a configuration should produce (as a test declares its cases).
// Neither ever exports a span.
package main

import (
	"fmt"
	"reflect"

	"go.opentelemetry.io/otel/exporters/stdout/stdouttrace"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
)

func mustStdout() sdktrace.SpanExporter {
	exp, err := stdouttrace.New()
	if err != nil {
		panic(err)
	}
	return exp
}

func main() {
	expected := []struct {
		name string
		want sdktrace.SpanProcessor
	}{
		{"batch", sdktrace.NewBatchSpanProcessor(nil)},
		{"simple", sdktrace.NewSimpleSpanProcessor(mustStdout())},
	}
	p := sdktrace.NewSimpleSpanProcessor(mustStdout())
	fmt.Printf("%T\n", p)
	for _, e := range expected {
		fmt.Println(e.name, reflect.TypeOf(e.want) == reflect.TypeOf(p))
	}
	tp := sdktrace.NewTracerProvider(sdktrace.WithBatcher(mustStdout()))
	_ = tp
}
