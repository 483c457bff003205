// Package cloud asks the metadata service.
package cloud

import "net/http"

// Region returns the region.
func Region() string {
	resp, err := http.Get("http://127.0.0.1:1/latest/meta-data/placement/region")
	if err != nil {
		return ""
	}
	resp.Body.Close()
	return resp.Status
}
