// Command sampler_injected_sql backs its sampler's rules with a database.
package main

import (
	"database/sql"

	sdktrace "go.opentelemetry.io/otel/sdk/trace"

	"example.com/prog/sampler_injected_sql/store"
	"example.com/prog/sampler_injected_sql/telemetry"
)

func main() {
	db, err := sql.Open("postgres", "postgres://rules")
	if err != nil {
		panic(err)
	}
	_ = sdktrace.NewTracerProvider(sdktrace.WithSampler(telemetry.NewRuleSampler(&store.SQL{DB: db})))
}
