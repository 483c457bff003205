package analyzer

import (
	"go/token"
	"sort"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"
)

// finding is one diagnostic before it is reported.
type finding struct {
	pos      token.Pos
	root     root
	wit      witness
	ignoreBy *directive // the reviewed directive that silences it, if any
}

// report reports the offending calls of one root: one diagnostic per call
// in the hook's own body (function literals it contains included), with the
// most severe witness of that call.
func (w *walker) report(r root) {
	best := make(map[token.Pos]finding)
	var order []token.Pos
	consider := func(pos token.Pos, wit witness, ignoreBy *directive) {
		wit, ok := w.forRoot(r, wit)
		if !ok {
			return
		}
		cur, seen := best[pos]
		if !seen {
			order = append(order, pos)
		}
		if !seen || moreSevere(wit, cur.wit) {
			best[pos] = finding{pos: pos, root: r, wit: wit, ignoreBy: ignoreBy}
		}
	}
	var hookDirective *directive
	if r.fn == nil {
		// promoted from another package: no body here
	} else if obj := funcObject(r.fn); obj != nil {
		if d := w.ignores.funcs[obj]; d != nil && d.reason != "" {
			hookDirective = d
		}
	}
	for _, wit := range r.promoted {
		consider(r.at, wit, nil)
	}
	visited := make(map[*ssa.Function]bool)
	var visit func(fn *ssa.Function, prefix []hop, async bool)
	visit = func(fn *ssa.Function, prefix []hop, async bool) {
		if visited[fn] {
			return
		}
		visited[fn] = true
		for _, e := range w.edges[fn] {
			if e.callee != nil && e.mode != onceCached && nestedIn(e.callee, r.fn) {
				// A function literal of the hook: its calls are in the
				// hook's body. Through a goroutine, its hop is kept.
				p := prefix
				if e.mode == asyncCall {
					p = append(append([]hop(nil), prefix...), hop{name: w.displayName(e.callee), pos: e.pos, async: true})
				}
				visit(e.callee, p, async || e.mode == asyncCall)
				continue
			}
			ignoreBy := hookDirective
			if e.ignored != nil && e.ignored.reason != "" {
				ignoreBy = e.ignored
			}
			for _, wit := range w.lift(e) {
				if async && wit.cat != Reentrancy {
					continue // off the hook's path: only spans multiply
				}
				pos := e.pos
				if len(prefix) > 0 {
					pos = prefix[0].pos
				}
				consider(pos, wit.prepend(prefix...), ignoreBy)
			}
		}
	}
	if r.fn != nil {
		visit(r.fn, nil, false)
	}

	sort.Slice(order, func(i, j int) bool { return order[i] < order[j] })
	for _, pos := range order {
		f := best[pos]
		if f.ignoreBy != nil {
			f.ignoreBy.used = true
			if !w.cfg.ReportSuppressed {
				continue
			}
		}
		w.emit(f)
	}
}

// nestedIn reports whether fn is a function literal inside outer.
func nestedIn(fn, outer *ssa.Function) bool {
	for p := fn.Parent(); p != nil; p = p.Parent() {
		if p == outer {
			return true
		}
	}
	return false
}

// forRoot adapts a witness to the root: a span or record started in a
// pipeline that does not run this hook is not re-entry (what is left is
// its base category, if any); disabled categories are dropped.
func (w *walker) forRoot(r root, wit witness) (witness, bool) {
	if (wit.cat == Reentrancy || wit.cat == Deadlock) && wit.pipe&r.pipe == 0 {
		if wit.cat != Reentrancy || wit.base == "" {
			return wit, false
		}
		wit.cat, wit.what = wit.base, "network I/O"
	}
	if w.cat.disabled[wit.cat] {
		return wit, false
	}
	return wit, true
}

func moreSevere(a, b witness) bool {
	if a.cat != b.cat {
		return a.cat.rank() < b.cat.rank()
	}
	return a.better(b)
}

// emit is the one place diagnostics are made: position, category, the
// stand-alone message and a related entry per hop.
func (w *walker) emit(f finding) {
	var related []analysis.RelatedInformation
	for _, h := range f.wit.chain {
		if h.pos.IsValid() {
			related = append(related, analysis.RelatedInformation{
				Pos:     w.posOf(h.pos),
				Message: hopVerb(h) + " " + hopName(h),
			})
		}
	}
	category, msg := string(f.wit.cat), message(f.root, f.wit)
	if f.ignoreBy != nil {
		// Only the standalone driver asks for these (Config.ReportSuppressed).
		category = "suppressed/" + category
		msg += " [suppressed: " + f.ignoreBy.reason + "]"
	}
	w.pass.Report(analysis.Diagnostic{
		Pos:            w.posOf(f.pos),
		Category:       category,
		Message:        msg,
		Related:        related,
		SuggestedFixes: w.hoistFix(f),
	})
}

func hopVerb(h hop) string {
	if h.async {
		return "starts a goroutine running"
	}
	return "calls"
}

func hopName(h hop) string {
	if h.by != "" {
		return h.name + " (" + h.by + ")"
	}
	return h.name
}

// message renders a finding so that it stands alone:
// <category>: <Hook> of <Recv> calls f, which calls sink: <what>; <fix>.
func message(r root, wit witness) string {
	var b strings.Builder
	b.WriteString(string(wit.cat))
	b.WriteString(": ")
	b.WriteString(r.hook)
	if r.recv != "" {
		b.WriteString(" of ")
		b.WriteString(r.recv)
	}
	for i, h := range wit.chain {
		if i > 0 {
			b.WriteString(", which")
		}
		b.WriteString(" ")
		b.WriteString(hopVerb(h))
		b.WriteString(" ")
		b.WriteString(hopName(h))
	}
	b.WriteString(": ")
	b.WriteString(consequence(r, wit))
	return b.String()
}

const (
	fixEager    = "compute the value once at startup (constructor or package initializer) and read it here"
	fixReentry  = "compute the value once at startup (constructor or package initializer), or make the call with a client whose transport is not instrumented (your own http.Transport, or otelhttp with a no-op tracer provider)"
	fixLog      = "do not emit log records from a log processor; report errors with otel.Handle"
	fixLocked   = "do not hold the mutex across the call; better, compute the value eagerly at startup (constructor or package initializer)"
	fixDeadlock = "compute the value eagerly at startup (constructor, init or package initializer), not lazily on the hot path"
)

// consequence says what happens at run time, and the fix.
func consequence(r root, wit witness) string {
	fix := wit.fix
	switch wit.cat {
	case Reentrancy:
		if fix == "" {
			fix = fixReentry
			if wit.pipe&r.pipe == logPipeline {
				fix = fixLog
			}
		}
		return wit.what + ", which runs " + r.hook + " again: unbounded recursion on the first " + r.event + "; " + fix
	case Deadlock:
		if wit.notes&noteLocked != 0 {
			if fix == "" {
				fix = fixLocked
			}
			return "a mutex is held around a call that starts a span: the span runs " + r.hook +
				" again on the same goroutine, which blocks on the same mutex forever on the first " + r.event + "; " + fix
		}
		if fix == "" {
			fix = fixDeadlock
		}
		return wit.sink + " is a lazy once-cache around a call that starts a span: the span runs " + r.hook +
			" again on the same goroutine, which re-enters " + wit.sink + " and blocks forever on the first " + r.event + "; " + fix
	}
	if fix == "" {
		fix = fixEager
	}
	s := wit.what + " on every " + r.event
	switch {
	case wit.notes&noteDefaultTransport != 0:
		s += ", and it re-enters " + r.hook + " when http.DefaultTransport is instrumented"
	case wit.notes&noteUnknownTransport != 0:
		s += ", and it re-enters " + r.hook + " if the client's transport is instrumented"
	case wit.notes&noteSuppressed != 0:
		s += " (its instrumentation has a no-op tracer provider, so it does not re-enter)"
	}
	return s + "; " + fix
}

// reportDirectives reports directives that cannot be accepted: without a
// reason, or silencing nothing.
func reportDirectives(pass *analysis.Pass, d *directives) {
	for _, dir := range d.all {
		switch {
		case dir.reason == "":
			pass.Report(analysis.Diagnostic{Pos: dir.pos, Category: "directive",
				Message: "directive: //spanhotpath:ignore needs a reason: say why the call is safe on the hot path (it silences nothing without one)"})
		case !dir.used:
			pass.Report(analysis.Diagnostic{Pos: dir.pos, Category: "directive",
				Message: "directive: //spanhotpath:ignore silences nothing here; remove it"})
		}
	}
}
