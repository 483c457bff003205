// Package telemetry has a propagator that adds a token to every request.
package telemetry

import (
	"context"

	"go.opentelemetry.io/otel/propagation"
)

// Tokens issues tokens.
type Tokens interface {
	Token() string
}

// TokenPropagator injects a token header.
type TokenPropagator struct{ tokens Tokens }

// NewTokenPropagator returns a propagator using tokens.
func NewTokenPropagator(tokens Tokens) *TokenPropagator { return &TokenPropagator{tokens: tokens} }

// Inject adds the token.
func (p *TokenPropagator) Inject(_ context.Context, c propagation.TextMapCarrier) {
	c.Set("x-token", p.tokens.Token()) // want `network: Inject of \*TokenPropagator calls \(\*example\.com/prog/propagator_injected/auth\.Issuer\)\.Token .*which calls \(\*net/http\.Client\)\.Post: network I/O on every instrumented request`
}

// Extract does nothing.
func (p *TokenPropagator) Extract(ctx context.Context, _ propagation.TextMapCarrier) context.Context {
	return ctx
}

// Fields names the header.
func (p *TokenPropagator) Fields() []string { return []string{"x-token"} }
