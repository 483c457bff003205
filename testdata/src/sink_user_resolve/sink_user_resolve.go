// Package sink_user_resolve looks up the service account and resolves an
// address on every span: a user-database read and a DNS lookup. (The
// current user, os/user.Current, is cached by the standard library:
// clean_user_current.)
package sink_user_resolve

import (
	"context"
	"net"
	"os/user"

	"go.opentelemetry.io/otel/attribute"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
)

// OwnerProcessor stamps the process owner and the collector's address.
type OwnerProcessor struct{}

var _ sdktrace.SpanProcessor = (*OwnerProcessor)(nil)

// OnStart stamps the attributes.
func (OwnerProcessor) OnStart(_ context.Context, s sdktrace.ReadWriteSpan) {
	if u, err := user.Lookup("svc-traces"); err == nil { // want `io: OnStart of OwnerProcessor calls os/user\.Lookup: a user database lookup`
		s.SetAttributes(attribute.String("process.owner", u.Username))
	}
	if a, err := net.ResolveUDPAddr("udp", "collector:4317"); err == nil { // want `network: OnStart of OwnerProcessor calls net\.ResolveUDPAddr: a DNS lookup`
		s.SetAttributes(attribute.String("collector.ip", a.IP.String()))
	}
}

// OnEnd does nothing.
func (OwnerProcessor) OnEnd(sdktrace.ReadOnlySpan) {}

// Shutdown does nothing.
func (OwnerProcessor) Shutdown(context.Context) error { return nil }

// ForceFlush does nothing.
func (OwnerProcessor) ForceFlush(context.Context) error { return nil }
