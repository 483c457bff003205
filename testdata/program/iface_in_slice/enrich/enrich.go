// Package enrich has enrichers.
package enrich

import (
	"net"

	"go.opentelemetry.io/otel/attribute"
)

// Static adds a constant.
type Static struct{ Key, Value string }

// Enrich returns the constant.
func (s Static) Enrich() attribute.KeyValue { return attribute.String(s.Key, s.Value) }

// Zone resolves the zone's name server.
type Zone struct{ Host string }

// Enrich resolves it.
func (z *Zone) Enrich() attribute.KeyValue {
	addrs, _ := net.LookupHost(z.Host)
	return attribute.StringSlice("zone.addrs", addrs)
}
