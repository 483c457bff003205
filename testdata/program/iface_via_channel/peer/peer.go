// Package peer names peers.
package peer

import "net"

// DNS names the peer by a reverse lookup.
type DNS struct{ IP string }

// Peer looks the name up.
func (d *DNS) Peer() string {
	names, _ := net.LookupAddr(d.IP)
	if len(names) == 0 {
		return ""
	}
	return names[0]
}
