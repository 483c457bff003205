package hazard

import (
	"go/token"
	"strings"

	"github.com/spanhotpath/spanhotpath/internal/catalog"
	"github.com/spanhotpath/spanhotpath/internal/directive"
)

// Finding is one result: a hazard reached from a root, or a directive that
// is itself wrong. It is plain data; every output renders it.
type Finding struct {
	Category catalog.Category
	Pos      token.Pos // the call in the hook's body; the embedded field of a promoted hook; the directive

	// Hazard findings.
	Root       *Root
	Witness    Witness
	Suppressed *directive.Directive // the reviewed directive that silences it, if any
	Fix        *Fix                 // a mechanical fix, if one is safe

	// Directive findings: the comment at fault.
	Directive *directive.Directive
}

// Fix is a suggested fix: text edits that together remove the hazard.
type Fix struct {
	Message string
	Edits   []Edit
}

// Edit replaces the text in [Pos, End) with NewText.
type Edit struct {
	Pos, End token.Pos
	NewText  []byte
}

// Related is one hop of a finding's path with a position: "calls getHostIP".
type Related struct {
	Pos     token.Pos
	Message string
}

// Related returns the positioned hops of the finding's call path.
func (f *Finding) Related() []Related {
	var out []Related
	if f.Root == nil {
		return nil
	}
	for _, h := range f.Witness.Chain {
		if h.Pos.IsValid() {
			out = append(out, Related{Pos: h.Pos, Message: hopVerb(h) + " " + hopName(h, f.Root.Pkg)})
		}
	}
	return out
}

// Message renders the finding so that it stands alone (golangci-lint shows
// nothing else): <category>: <Hook> of <Recv> calls f, which calls sink:
// <what happens>; <fix>.
func (f *Finding) Message() string {
	if f.Root == nil {
		if f.Directive != nil && f.Directive.Reason == "" {
			return "directive: " + f.Path() + ": say why the call is safe on the hot path (it silences nothing without one)"
		}
		return "directive: " + f.Path()
	}
	return string(f.Witness.Cat) + ": " + f.Path() + ": " + consequence(f.Root, f.Witness)
}

// Path is the call path of a hazard finding, as the message spells it:
// "OnStart of *P calls getHostIP, which calls net/http.Get".
// For a directive finding, it is what is wrong with the directive.
func (f *Finding) Path() string {
	if f.Root == nil {
		if f.Directive != nil && f.Directive.Reason == "" {
			return "//spanhotpath:ignore needs a reason"
		}
		return "//spanhotpath:ignore silences nothing here; remove it"
	}
	r, wit := f.Root, f.Witness
	var b strings.Builder
	b.WriteString(r.Hook)
	if r.Recv != "" {
		b.WriteString(" of ")
		b.WriteString(r.Recv)
	}
	if r.Note != "" {
		b.WriteString(" (")
		b.WriteString(r.Note)
		b.WriteString(")")
	}
	for i, h := range wit.Chain {
		if i > 0 {
			b.WriteString(", which")
		}
		b.WriteString(" ")
		b.WriteString(hopVerb(h))
		b.WriteString(" ")
		b.WriteString(hopName(h, r.Pkg))
	}
	return b.String()
}

func hopVerb(h Hop) string {
	if h.Async {
		return "starts a goroutine running"
	}
	return "calls"
}

func hopName(h Hop, pkg string) string {
	name := h.display(pkg)
	switch {
	case h.By != "" && h.Why != "":
		return name + " (" + h.By + "; " + h.Why + ")"
	case h.By != "":
		return name + " (" + h.By + ")"
	case h.Why != "":
		return name + " (" + h.Why + ")"
	}
	return name
}

const (
	fixEager    = "compute the value once at startup (constructor or package initializer) and read it here"
	fixReentry  = "compute the value once at startup (constructor or package initializer), or make the call with a client whose transport is not instrumented (your own http.Transport, or otelhttp with a no-op tracer provider)"
	fixLog      = "do not emit log records from a log processor; report errors with otel.Handle"
	fixLocked   = "do not hold the mutex across the call; better, compute the value eagerly at startup (constructor or package initializer)"
	fixDeadlock = "compute the value eagerly at startup (constructor, init or package initializer), not lazily on the hot path"
)

// consequence says what happens at run time, and the fix.
func consequence(r *Root, wit Witness) string {
	event := r.Event
	if wit.Notes&NoteUnderParent != 0 {
		event += " under a recording parent span" // a root span's hook context carries none
	}
	fix := wit.Fix
	switch wit.Cat {
	case catalog.Reentrancy:
		if fix == "" {
			fix = fixReentry
			if wit.Pipe&r.Pipe == catalog.LogPipeline {
				fix = fixLog
			}
		}
		return wit.What + ", which runs " + r.Hook + " again: unbounded recursion on the first " + event + "; " + fix
	case catalog.Deadlock:
		if wit.Notes&NoteLocked != 0 {
			if fix == "" {
				fix = fixLocked
			}
			return "a mutex is held around a call that starts a span: the span runs " + r.Hook +
				" again on the same goroutine, which blocks on the same mutex forever on the first " + event + "; " + fix
		}
		if fix == "" {
			fix = fixDeadlock
		}
		return wit.Sink + " is a lazy once-cache around a call that starts a span: the span runs " + r.Hook +
			" again on the same goroutine, which re-enters " + wit.Sink + " and blocks forever on the first " + event + "; " + fix
	}
	if fix == "" {
		fix = fixEager
	}
	s := wit.What + " on every " + r.Event
	switch {
	case wit.Notes&NoteDefaultTransport != 0:
		s += ", and it re-enters " + r.Hook + " when http.DefaultTransport is instrumented"
	case wit.Notes&NoteUnknownTransport != 0:
		s += ", and it re-enters " + r.Hook + " if the client's transport is instrumented"
	case wit.Notes&NoteSuppressed != 0:
		s += " (its instrumentation has a no-op tracer provider, so it does not re-enter)"
	case wit.Notes&NoteDisabled != 0:
		s += " (its instrumentation is turned off, so it does not re-enter)"
	case wit.Notes&NoteNoParent != 0:
		s += " (its instrumentation starts a span only under a span in the call's context, and this context carries none)"
	}
	return s + "; " + fix
}

// MapPositions returns f with every position passed through m: a source
// reports calls where SSA places them and maps them to where a reader
// looks for them.
func (f Finding) MapPositions(m func(token.Pos) token.Pos) Finding {
	f.Pos = m(f.Pos)
	if len(f.Witness.Chain) > 0 {
		chain := make([]Hop, len(f.Witness.Chain))
		for i, h := range f.Witness.Chain {
			if h.Pos.IsValid() {
				h.Pos = m(h.Pos)
			}
			chain[i] = h
		}
		f.Witness.Chain = chain
	}
	return f
}

// Detach returns f without references into the analysis (SSA functions,
// promoted witnesses), so that a driver can keep findings of many packages
// while their syntax and SSA are collected.
func (f Finding) Detach() Finding {
	if f.Root != nil {
		r := *f.Root
		r.Fn, r.Promoted, r.Reviewed = nil, nil, nil
		f.Root = &r
	}
	return f
}
