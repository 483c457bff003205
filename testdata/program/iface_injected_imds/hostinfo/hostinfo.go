// Package hostinfo asks the cloud metadata service.
package hostinfo

import (
	"io"
	"net/http"
)

// IMDS asks the EC2 instance metadata service.
type IMDS struct{ URL string }

// IP returns the local IPv4 address.
func (m *IMDS) IP() string {
	resp, err := http.Get(m.URL + "/latest/meta-data/local-ipv4")
	if err != nil {
		return ""
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return string(b)
}
