package hazard

import "github.com/spanhotpath/spanhotpath/internal/catalog"

// The rules that change what a call contributes, in one place:
//   - inside a memo, plain I/O (or a wait) runs only when the memo is empty
//     or stale;
//   - in a goroutine, plain I/O and waits are off the caller's path, but a
//     span started there still multiplies without bound;
//   - inside a once-cache that outlives the call, plain I/O runs once, and
//     a call that re-enters the hook blocks on the once: a deadlock;
//   - under a held mutex, a call that re-enters the hook blocks on the
//     mutex: a deadlock;
//   - a span or record started in a pipeline that does not run the hook is
//     no re-entry: what is left is its base category, if any;
//   - disabled categories are dropped.

// Lift returns the witnesses of an edge's callee as seen from the call:
// what the callee reaches, and what it reaches through the callbacks this
// call passes it.
func (r *Result) Lift(e Edge) []Witness {
	if e.Callee == nil {
		return transform(e, e.Direct, false)
	}
	out := transform(e, r.sums[e.Callee], true)
	if len(r.params[e.Callee]) > 0 {
		out = append(out, transform(e, r.fillParams(e), true)...)
	}
	return out
}

// throughWith is through for witnesses that come from below e (a filled
// parameter call's path): none through a reviewed call.
func (r *Result) throughWith(e Edge, in []Witness) []Witness {
	wits := transform(e, in, true)
	if e.Ignored.Silences() {
		if len(wits) > 0 {
			e.Ignored.Used = true
		}
		return nil
	}
	return wits
}

// transform applies the rules of one call to the witnesses of what it
// calls. With head, the call's hop (e.Hop) is prepended; otherwise the
// witnesses already start with it (Direct), and it takes the call's mode.
func transform(e Edge, in []Witness, head bool) []Witness {
	var hops []Hop
	by := e.Wrapper
	if by != "" && e.Mode == OnceCached {
		by = "lazily cached by " + by
	} else if by != "" {
		by = "via " + by
	}
	if head && e.Hop != nil {
		h := *e.Hop
		h.Pos, h.Async, h.By = e.Pos, e.Mode == AsyncCall, by
		hops = append(hops, h)
	}
	var out []Witness
	for _, wit := range in {
		if !head && len(wit.Chain) > 0 {
			h := wit.Chain[0]
			h.Async = e.Mode == AsyncCall
			h.By = by
			wit.Chain = append([]Hop{h}, wit.Chain[1:]...)
		}
		if e.Memo && wit.Cat.Plain() {
			continue // runs when the memo is empty or stale, not on every call
		}
		switch e.Mode {
		case AsyncCall:
			// Off the caller's path: plain I/O is fine there; a span
			// started in it still multiplies without bound.
			if wit.Cat != catalog.Reentrancy {
				continue
			}
		case OnceCached:
			switch {
			case wit.Cat.Plain():
				continue // cached: runs once, starts no span
			case wit.Cat == catalog.Reentrancy:
				wit.Cat, wit.Base = catalog.Deadlock, ""
				wit.Sink = e.Wrapper
			}
		case LockedCall:
			if wit.Cat == catalog.Reentrancy {
				wit.Cat, wit.Base = catalog.Deadlock, ""
				wit.Notes |= NoteLocked
			}
		}
		out = append(out, wit.Prepend(hops...))
	}
	return out
}

// forRoot adapts a witness to the root: a span or record started in a
// pipeline that does not run this hook is not re-entry (what is left is
// its base category, if any); disabled categories are dropped.
func (r *Result) forRoot(root *Root, wit Witness) (Witness, bool) {
	if (wit.Cat == catalog.Reentrancy || wit.Cat == catalog.Deadlock) && wit.Pipe&root.Pipe == 0 {
		if wit.Cat != catalog.Reentrancy || wit.Base == "" {
			return wit, false
		}
		wit.Cat, wit.What = wit.Base, "network I/O"
	}
	if r.cat.Disabled(wit.Cat) {
		return wit, false
	}
	return wit, true
}

// moreSevere orders the witnesses of one call site: the most severe
// category, then the better chain.
func moreSevere(a, b Witness) bool {
	if a.Cat != b.Cat {
		return a.Cat.Rank() < b.Cat.Rank()
	}
	return a.better(b)
}
