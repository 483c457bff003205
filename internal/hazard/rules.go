package hazard

import "github.com/spanhotpath/spanhotpath/internal/catalog"

// The rules that change what a call contributes, in one place:
//   - inside a memo, plain I/O runs only when the memo is empty or stale;
//   - in a goroutine, plain I/O is off the caller's path, but a span started
//     there still multiplies without bound;
//   - inside a once-cache that outlives the call, plain I/O runs once, and
//     a call that re-enters the hook blocks on the once: a deadlock;
//   - under a held mutex, a call that re-enters the hook blocks on the
//     mutex: a deadlock;
//   - a span or record started in a pipeline that does not run the hook is
//     no re-entry: what is left is its base category, if any;
//   - disabled categories are dropped.

// Lift returns the witnesses of an edge's callee as seen from the call.
func (r *Result) Lift(e Edge) []Witness {
	var in []Witness
	var head []Hop
	by := e.Wrapper
	if by != "" && e.Mode == OnceCached {
		by = "lazily cached by " + by
	} else if by != "" {
		by = "via " + by
	}
	if e.Callee != nil {
		if e.Hop != nil {
			h := *e.Hop
			h.Pos, h.Async, h.By = e.Pos, e.Mode == AsyncCall, by
			head = append(head, h)
		}
		in = r.sums[e.Callee]
	} else {
		// Direct witnesses already start with the callee's hop.
		for _, wit := range e.Direct {
			if len(wit.Chain) > 0 {
				h := wit.Chain[0]
				h.Async = e.Mode == AsyncCall
				h.By = by
				wit.Chain = append([]Hop{h}, wit.Chain[1:]...)
			}
			in = append(in, wit)
		}
	}
	var out []Witness
	for _, wit := range in {
		if e.Memo && (wit.Cat == catalog.Network || wit.Cat == catalog.IO) {
			continue // runs when the memo is empty or stale, not on every call
		}
		switch e.Mode {
		case AsyncCall:
			if wit.Cat != catalog.Reentrancy {
				continue
			}
		case OnceCached:
			switch wit.Cat {
			case catalog.Network, catalog.IO:
				continue // cached: runs once, starts no span
			case catalog.Reentrancy:
				wit.Cat, wit.Base = catalog.Deadlock, ""
				wit.Sink = e.Wrapper
			}
		case LockedCall:
			if wit.Cat == catalog.Reentrancy {
				wit.Cat, wit.Base = catalog.Deadlock, ""
				wit.Notes |= NoteLocked
			}
		}
		out = append(out, wit.Prepend(head...))
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
