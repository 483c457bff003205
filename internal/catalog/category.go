package catalog

import (
	"sort"
	"strings"
)

// Category classifies a finding by what happens at run time. It is the
// Diagnostic.Category of every report and the first word of its message.
type Category string

const (
	// Reentrancy: the hot path starts a span (or emits a log record inside
	// a log hook), which runs the hook again: unbounded recursion.
	Reentrancy Category = "reentrancy"
	// Deadlock: a lazy once-cache or a held mutex around a call that
	// re-enters the hook; the nested hook blocks on it forever.
	Deadlock Category = "deadlock"
	// Network: network I/O on every hook call.
	Network Category = "network"
	// IO: file system or process I/O on every hook call.
	IO Category = "io"
	// Blocking: a wait that stalls every hook call even when I/O is fast
	// (time.Sleep, WaitGroup.Wait, a rate limiter's Wait).
	Blocking Category = "blocking"
)

// Directive is the category of a //spanhotpath:ignore comment that is
// itself wrong (no reason, or silencing nothing). It is not a hazard
// category: it cannot be configured or disabled.
const Directive Category = "directive"

// Categories are the hazard categories in order of severity, most severe
// first.
var Categories = [...]Category{Reentrancy, Deadlock, Network, IO, Blocking}

// ParseCategory returns the hazard category named s.
func ParseCategory(s string) (Category, bool) {
	for _, c := range Categories {
		if string(c) == s {
			return c, true
		}
	}
	return "", false
}

// Rank orders categories by severity (lower is more severe).
func (c Category) Rank() int {
	for i, k := range Categories {
		if k == c {
			return i
		}
	}
	return len(Categories)
}

// CategoryList is the hazard categories' names, sorted and comma-separated,
// for messages.
func CategoryList() string {
	var names []string
	for _, c := range Categories {
		names = append(names, string(c))
	}
	sort.Strings(names)
	return strings.Join(names, ", ")
}

// Pipeline says which hooks a span- or record-starting call runs again.
// Values are bits: an instrumented request runs more than one.
type Pipeline uint8

const (
	TracePipeline     Pipeline = 1 << iota // span creation: span processors, samplers, ID generators
	LogPipeline                            // log records: log processors
	PropagatePipeline                      // instrumented requests: propagators' Inject and Extract

	// InstrumentedPipeline is what a call through otelhttp or otelgrpc
	// runs: a span, and the propagator for the request's headers.
	InstrumentedPipeline = TracePipeline | PropagatePipeline

	// AllPipelines is what a configured root matches: the user declared it
	// hot, so any span or record it starts is treated as re-entering it.
	AllPipelines = TracePipeline | LogPipeline | PropagatePipeline
)

// Plain reports whether cat is a cost on the caller's path that starts no
// span: network, file or process I/O, a wait. A goroutine takes it off the
// path, a once-cache or memo runs it rarely.
func (c Category) Plain() bool {
	return c == Network || c == IO || c == Blocking
}

// Timers are the functions whose channel a receive waits on: <-time.After(d)
// sleeps d.
var Timers = map[string]bool{"time.After": true, "time.Tick": true}
