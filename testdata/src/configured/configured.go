// Package configured is analysed with a non-default configuration only (see
// TestConfigured in analyzer/fixtures_test.go):
//
//	roots:   (*example.com/fx/configured.Handler).Serve
//	sinks:   example.com/fx/configured.slowCall=network:cache it
//	safe:    example.com/fx/configured.cachedRegion
//	disable: io
//
// The default configuration reports only AuditProcessor.OnStart's os.Stat.
package configured

import (
	"context"
	"crypto/sha256"
	"net"
	"os"

	sdktrace "go.opentelemetry.io/otel/sdk/trace"
)

// Handler serves requests; Serve is hot, which only the user knows.
type Handler struct {
	key, digest, region string
}

// Serve runs on every request.
func (h *Handler) Serve(ctx context.Context) {
	h.digest = slowCall(h.key)          // want `network: Serve of \*Handler calls (example\.com/fx/configured\.)?slowCall: .*; cache it`
	h.region = cachedRegion()           // declared safe: silent
	_, _ = os.ReadFile("/etc/handler")  // io is disabled: silent
	_, _ = net.LookupHost("peer.local") // want `network: Serve of \*Handler calls net\.LookupHost`
}

// slowCall is pure computation, but slow: the user declares it a sink.
func slowCall(key string) string {
	sum := []byte(key)
	for i := 0; i < 100000; i++ {
		s := sha256.Sum256(sum)
		sum = s[:]
	}
	return string(sum)
}

// cachedRegion looks the region up; the user declares it safe (say, the
// resolver in front of it caches).
func cachedRegion() string {
	recs, err := net.LookupTXT("region.internal")
	if err != nil || len(recs) == 0 {
		return ""
	}
	return recs[0]
}

// AuditProcessor is a default root.
type AuditProcessor struct {
	key string
}

var _ sdktrace.SpanProcessor = (*AuditProcessor)(nil)

// OnStart checks a file: io, which is disabled here.
func (p *AuditProcessor) OnStart(context.Context, sdktrace.ReadWriteSpan) {
	_, _ = os.Stat("/etc/audit")
}

// OnEnd calls the user sink.
func (p *AuditProcessor) OnEnd(sdktrace.ReadOnlySpan) {
	_ = slowCall(p.key) // want `network: OnEnd of \*AuditProcessor calls (example\.com/fx/configured\.)?slowCall: .*; cache it`
}

// Shutdown does nothing.
func (p *AuditProcessor) Shutdown(context.Context) error { return nil }

// ForceFlush does nothing.
func (p *AuditProcessor) ForceFlush(context.Context) error { return nil }
