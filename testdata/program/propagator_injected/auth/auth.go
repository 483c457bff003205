// Package auth issues tokens from an authorization server.
package auth

import (
	"net/http"
	"strings"
	"time"
)

// Issuer asks the authorization server for a token on every call.
type Issuer struct{ URL string }

// Token asks for a token.
func (i *Issuer) Token() string {
	c := &http.Client{Transport: &http.Transport{}, Timeout: 2 * time.Second}
	resp, err := c.Post(i.URL, "text/plain", strings.NewReader("grant"))
	if err != nil {
		return ""
	}
	resp.Body.Close()
	return resp.Header.Get("x-token")
}
