// Package reach_closure_arg passes a function literal to a retry helper of
// the package, which calls it.
package reach_closure_arg

import (
	"context"
	"net"

	sdktrace "go.opentelemetry.io/otel/sdk/trace"
)

// BeaconProcessor pings a beacon for every span.
type BeaconProcessor struct {
	addr string
}

var _ sdktrace.SpanProcessor = (*BeaconProcessor)(nil)

// OnStart pings the beacon.
func (p *BeaconProcessor) OnStart(context.Context, sdktrace.ReadWriteSpan) {
	_ = withRetry(3, func() error { // want `network: OnStart of \*BeaconProcessor calls withRetry, which calls \(\*BeaconProcessor\)\.OnStart\.func1, which calls net\.Dial`
		c, err := net.Dial("tcp", p.addr)
		if err != nil {
			return err
		}
		return c.Close()
	})
}

func withRetry(n int, f func() error) error {
	var err error
	for i := 0; i < n; i++ {
		if err = f(); err == nil {
			return nil
		}
	}
	return err
}

// OnEnd does nothing.
func (p *BeaconProcessor) OnEnd(sdktrace.ReadOnlySpan) {}

// Shutdown does nothing.
func (p *BeaconProcessor) Shutdown(context.Context) error { return nil }

// ForceFlush does nothing.
func (p *BeaconProcessor) ForceFlush(context.Context) error { return nil }
