// Command grpc_conn_injected dials its services with the otelgrpc stats
// handler and gives the connection to its processor.
//
// Run: overflows the stack on the first span.
package main

import (
	"context"
	"fmt"
	"runtime/debug"

	"go.opentelemetry.io/contrib/instrumentation/google.golang.org/grpc/otelgrpc"
	"go.opentelemetry.io/otel"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"

	"example.com/prog/grpc_conn_injected/telemetry"
)

func main() {
	conn, err := grpc.NewClient("127.0.0.1:1",
		grpc.WithTransportCredentials(insecure.NewCredentials()),
		grpc.WithStatsHandler(otelgrpc.NewClientHandler()))
	if err != nil {
		panic(err)
	}
	tp := sdktrace.NewTracerProvider(sdktrace.WithSpanProcessor(telemetry.NewTenantProcessor(conn)))
	// The instrumentation uses the global provider: this one.
	otel.SetTracerProvider(tp)

	// One span: the hook runs on its start.
	debug.SetMaxStack(64 << 20)
	_, span := tp.Tracer("fixture").Start(context.Background(), "work")
	span.End()
	fmt.Println("ok")
}
