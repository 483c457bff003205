// Package zone asks the metadata service once, lazily, through an otelhttp
// client.
package zone

import (
	"io"
	"net/http"
	"sync"

	"go.opentelemetry.io/contrib/instrumentation/net/http/otelhttp"
)

var (
	once   sync.Once
	zone   string
	client = &http.Client{Transport: otelhttp.NewTransport(http.DefaultTransport)}
)

// Zone returns the availability zone, fetched on the first call.
func Zone() string { // want Zone:`reaches deadlock via \(\*sync\.Once\)\.Do`
	once.Do(func() {
		resp, err := client.Get("http://169.254.169.254/zone")
		if err != nil {
			return
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		zone = string(b)
	})
	return zone
}
