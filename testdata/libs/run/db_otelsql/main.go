// Run: overflows the stack on the first span.
//
// Command db_otelsql starts one span under a provider whose processor
// queries through otelsql (at a closed port: the connect span starts
// before the dial).
package main

import (
	"context"
	"database/sql"
	"runtime/debug"

	"example.com/libs/db_otelsql"
	"github.com/jackc/pgx/v5/stdlib"
	"go.opentelemetry.io/otel"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
)

func main() {
	debug.SetMaxStack(64 << 20)
	sql.Register("postgres", stdlib.GetDefaultDriver())
	tp := sdktrace.NewTracerProvider()
	otel.SetTracerProvider(tp)
	p, err := db_otelsql.NewTenantProcessor("postgres://u@127.0.0.1:1/db?connect_timeout=1")
	if err != nil {
		panic(err)
	}
	tp.RegisterSpanProcessor(p)
	_, span := tp.Tracer("run").Start(context.Background(), "request")
	span.End()
}
