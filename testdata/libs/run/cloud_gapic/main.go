// Run: overflows the stack on the first span.
//
// Command cloud_gapic starts one span under a provider whose processor
// calls a generated Google Cloud client built with default options, on a
// connection to a closed port: otelgrpc starts the RPC's span before any
// byte is sent.
package main

import (
	"context"
	"runtime/debug"

	"example.com/libs/cloud_gapic"
	"go.opentelemetry.io/otel"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
	"google.golang.org/api/option"
	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"
)

func main() {
	debug.SetMaxStack(64 << 20)
	tp := sdktrace.NewTracerProvider()
	otel.SetTracerProvider(tp)
	ctx := context.Background()
	p, err := cloud_gapic.NewPolicyProcessor(ctx, "projects/p",
		option.WithEndpoint("127.0.0.1:1"), option.WithoutAuthentication(),
		option.WithGRPCDialOption(grpc.WithTransportCredentials(insecure.NewCredentials())))
	if err != nil {
		panic(err)
	}
	tp.RegisterSpanProcessor(p)
	_, span := tp.Tracer("run").Start(ctx, "request")
	span.End()
}
