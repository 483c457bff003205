// Package clean_func_collections keeps pure functions in a slice and a map
// that its hooks run, and hands the function that reads a file to a worker
// goroutine over a channel: nothing runs I/O on the caller's goroutine.
package clean_func_collections

import (
	"context"
	"os"
	"strings"

	sdktrace "go.opentelemetry.io/otel/sdk/trace"
)

// Tagger runs enrichers.
type Tagger struct {
	steps  []func(string) string
	byName map[string]func(string) string
	work   chan func() string
}

// NewTagger registers pure enrichers and starts the worker.
func NewTagger() *Tagger {
	t := &Tagger{
		steps:  []func(string) string{strings.ToLower, strings.TrimSpace},
		byName: map[string]func(string) string{"upper": strings.ToUpper},
		work:   make(chan func() string, 16),
	}
	go func() {
		for f := range t.work {
			_ = f()
		}
	}()
	return t
}

// OnStart runs the pure functions.
func (t *Tagger) OnStart(_ context.Context, s sdktrace.ReadWriteSpan) {
	name := s.Name()
	for _, step := range t.steps {
		name = step(name)
	}
	if f, ok := t.byName["upper"]; ok {
		name = f(name)
	}
	_ = name
}

// OnEnd queues the file read for the worker.
func (t *Tagger) OnEnd(sdktrace.ReadOnlySpan) {
	select {
	case t.work <- func() string { b, _ := os.ReadFile("/etc/hostname"); return string(b) }:
	default:
	}
}

// Shutdown does nothing.
func (t *Tagger) Shutdown(context.Context) error { return nil }

// ForceFlush does nothing.
func (t *Tagger) ForceFlush(context.Context) error { return nil }
