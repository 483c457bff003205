// Package hostinfo asks the cloud metadata service.
package hostinfo

import "net/http"

// IMDS asks the EC2 instance metadata service.
type IMDS struct{ URL string }

// IP returns the local IPv4 address.
func (m *IMDS) IP() string {
	resp, err := http.Get(m.URL + "/latest/meta-data/local-ipv4")
	if err != nil {
		return ""
	}
	resp.Body.Close()
	return resp.Status
}
