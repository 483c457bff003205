// Package clean_http_handler does network and file I/O in an HTTP handler
// and a method named OnStart of a type that is no SpanProcessor: neither is
// a hot-path hook.
package clean_http_handler

import (
	"context"
	"net/http"
	"os"
)

// Handler proxies the metadata service.
type Handler struct{}

// ServeHTTP fetches and copies.
func (Handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	resp, err := http.Get("http://169.254.169.254/latest/meta-data/local-ipv4")
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadGateway)
		return
	}
	defer resp.Body.Close()
	w.WriteHeader(resp.StatusCode)
}

// Job has an OnStart hook of its own (a job runner's, not OpenTelemetry's).
type Job struct{}

// OnStart reads the job's configuration.
func (Job) OnStart(ctx context.Context) error {
	_, err := os.ReadFile("/etc/job.conf")
	return err
}
