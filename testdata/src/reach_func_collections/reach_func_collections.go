// Package reach_func_collections keeps the functions its hooks run in a
// slice, a map and a channel, filled by its constructor with a function
// that reads a file: each hook runs it on the caller's goroutine.
package reach_func_collections

import (
	"context"
	"os"

	sdktrace "go.opentelemetry.io/otel/sdk/trace"
)

// Tagger runs enrichers.
type Tagger struct {
	steps  []func() string
	byName map[string]func() string
	jobs   chan func() string
}

// NewTagger registers the host-name enricher everywhere.
func NewTagger() *Tagger {
	host := func() string {
		b, _ := os.ReadFile("/etc/hostname")
		return string(b)
	}
	t := &Tagger{byName: map[string]func() string{}, jobs: make(chan func() string, 1)}
	t.steps = append(t.steps, host)
	t.byName["host"] = host
	t.jobs <- host
	return t
}

// OnStart runs the slice's and the map's functions.
func (t *Tagger) OnStart(_ context.Context, s sdktrace.ReadWriteSpan) {
	for _, step := range t.steps {
		_ = step() // want `io: OnStart of \*Tagger calls NewTagger\.func1, which calls os\.ReadFile: a file read on every span start`
	}
	if f, ok := t.byName["host"]; ok {
		_ = f() // want `io: OnStart of \*Tagger calls NewTagger\.func1, which calls os\.ReadFile`
	}
}

// OnEnd runs a queued function, if one is ready.
func (t *Tagger) OnEnd(sdktrace.ReadOnlySpan) {
	select {
	case f := <-t.jobs:
		_ = f() // want `io: OnEnd of \*Tagger calls NewTagger\.func1, which calls os\.ReadFile: a file read on every span end`
	default:
	}
}

// Shutdown does nothing.
func (t *Tagger) Shutdown(context.Context) error { return nil }

// ForceFlush does nothing.
func (t *Tagger) ForceFlush(context.Context) error { return nil }
