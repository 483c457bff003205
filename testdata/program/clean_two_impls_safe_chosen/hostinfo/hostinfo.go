// Package hostinfo has two HostInfos: one asks the metadata service, one
// holds a value computed at start-up.
package hostinfo

import "net/http"

// IMDS asks the EC2 instance metadata service on every call.
type IMDS struct{ URL string }

// IP asks.
func (m *IMDS) IP() string {
	resp, err := http.Get(m.URL + "/latest/meta-data/local-ipv4")
	if err != nil {
		return ""
	}
	resp.Body.Close()
	return resp.Status
}

// Static holds an address.
type Static struct{ Addr string }

// IP returns it.
func (s Static) IP() string { return s.Addr }
