// Package sink_net_dial sends a statsd counter per span over a fresh socket.
package sink_net_dial

import (
	"context"
	"net"

	sdktrace "go.opentelemetry.io/otel/sdk/trace"
)

// StatsdProcessor counts started and ended spans in statsd.
type StatsdProcessor struct {
	addr   string
	dialer *net.Dialer
}

var _ sdktrace.SpanProcessor = (*StatsdProcessor)(nil)

// NewStatsdProcessor returns a processor reporting to addr.
func NewStatsdProcessor(addr string) *StatsdProcessor {
	return &StatsdProcessor{addr: addr, dialer: &net.Dialer{}}
}

// OnStart sends spans.started.
func (p *StatsdProcessor) OnStart(_ context.Context, s sdktrace.ReadWriteSpan) {
	conn, err := net.Dial("udp", p.addr) // want `network: OnStart of \*StatsdProcessor calls net\.Dial`
	if err != nil {
		return
	}
	defer conn.Close()
	_, _ = conn.Write([]byte("spans.started:1|c")) // want `network: OnStart of \*StatsdProcessor calls \(net\.Conn\)\.Write`
}

// OnEnd sends spans.ended.
func (p *StatsdProcessor) OnEnd(s sdktrace.ReadOnlySpan) {
	conn, err := p.dialer.DialContext(context.Background(), "tcp", p.addr) // want `network: OnEnd of \*StatsdProcessor calls \(\*net\.Dialer\)\.DialContext`
	if err != nil {
		return
	}
	conn.Close()
}

// Shutdown does nothing.
func (p *StatsdProcessor) Shutdown(context.Context) error { return nil }

// ForceFlush does nothing.
func (p *StatsdProcessor) ForceFlush(context.Context) error { return nil }
