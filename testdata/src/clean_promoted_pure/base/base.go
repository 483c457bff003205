// Package base has a partial span processor without I/O, to embed.
package base

import (
	"context"

	"go.opentelemetry.io/otel/attribute"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
)

// Env stamps a fixed environment name.
type Env struct{ Name string }

// OnStart stamps the environment.
func (e Env) OnStart(_ context.Context, s sdktrace.ReadWriteSpan) {
	s.SetAttributes(attribute.String("deployment.environment", e.Name))
}
