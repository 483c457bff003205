// Package helper has no hooks; its HostIP does network I/O, which the
// analyzer records as a fact for callers in other packages.
package helper

import (
	"io"
	"net/http"
)

// HostIP asks the EC2 metadata endpoint for the host IP.
func HostIP() string { // want HostIP:"reaches network via net/http.Get"
	resp, err := http.Get("http://169.254.169.254/latest/meta-data/local-ipv4")
	if err != nil {
		return ""
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return string(b)
}
