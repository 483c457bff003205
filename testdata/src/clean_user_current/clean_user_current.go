// Package clean_user_current stamps the process owner from os/user.Current,
// which the standard library caches (a sync.Once in os/user/lookup.go): no
// user-database read per span.
package clean_user_current

import (
	"context"
	"os/user"

	"go.opentelemetry.io/otel/attribute"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
)

// OwnerProcessor stamps the process owner.
type OwnerProcessor struct{}

var _ sdktrace.SpanProcessor = OwnerProcessor{}

// OnStart stamps the owner.
func (OwnerProcessor) OnStart(_ context.Context, s sdktrace.ReadWriteSpan) {
	if u, err := user.Current(); err == nil {
		s.SetAttributes(attribute.String("process.owner", u.Username))
	}
}

// OnEnd does nothing.
func (OwnerProcessor) OnEnd(sdktrace.ReadOnlySpan) {}

// Shutdown does nothing.
func (OwnerProcessor) Shutdown(context.Context) error { return nil }

// ForceFlush does nothing.
func (OwnerProcessor) ForceFlush(context.Context) error { return nil }
