package hazard

import (
	"slices"

	"golang.org/x/tools/go/ssa"
)

// Calls of function values that arrive as parameters are resolved per call
// site: a helper that calls its callback has a hole in its summary
// (a ParamCall), filled at each call of the helper with the targets of that
// call's argument. So a closure one caller passes is never attributed to
// another caller's hook.

// liftParams adds to ps the parameter calls edge e contributes to its
// caller: the call of a parameter's value itself, the callee's parameter
// calls that belong to functions enclosing the callee (their owner is
// further up), and, for the callee's own parameters, the caller's
// parameters its arguments are.
func (r *Result) liftParams(e Edge, ps []ParamCall) []ParamCall {
	if e.Param != nil {
		return addParam(ps, ParamCall{Param: e.Param, Site: e})
	}
	if e.Callee == nil {
		return ps
	}
	for _, pc := range r.params[e.Callee] {
		path := append([]Edge{e}, pc.Path...)
		if pc.Param.Parent() != e.Callee {
			ps = addParam(ps, ParamCall{Param: pc.Param, Site: pc.Site, Path: path})
			continue
		}
		for _, t := range argTargets(e, pc.Param) {
			if t.Param != nil {
				// The argument is the caller's own parameter (or an
				// enclosing function's): the hole moves up.
				ps = addParam(ps, ParamCall{Param: t.Param, Site: pc.Site, Path: path})
			}
		}
	}
	return ps
}

// fillParams returns the witnesses of the callee's parameter calls whose
// parameters are the callee's own, with e's arguments: what the callee
// reaches through the callbacks this call passes.
func (r *Result) fillParams(e Edge) []Witness {
	var out []Witness
	for _, pc := range r.params[e.Callee] {
		if pc.Param.Parent() != e.Callee {
			continue
		}
		for _, t := range argTargets(e, pc.Param) {
			if t.Param != nil {
				continue // a hole of the caller's: see liftParams
			}
			site := t
			site.Pos, site.Ignored, site.Memo = pc.Site.Pos, pc.Site.Ignored, pc.Site.Memo
			if len(site.Direct) > 0 {
				// A function of elsewhere passed as a value: its chain
				// starts at the call of the parameter.
				site.Direct = slices.Clone(site.Direct)
				for i, w := range site.Direct {
					if len(w.Chain) > 0 {
						w.Chain = slices.Clone(w.Chain)
						w.Chain[0].Pos = site.Pos
						site.Direct[i] = w
					}
				}
			}
			if pc.Site.Mode != SyncCall || site.Mode == SyncCall {
				site.Mode = pc.Site.Mode
			}
			if site.Wrapper == "" {
				site.Wrapper = pc.Site.Wrapper
			}
			wits := r.through(site)
			for i := len(pc.Path) - 1; i >= 0 && len(wits) > 0; i-- {
				wits = r.throughWith(pc.Path[i], wits)
			}
			out = append(out, wits...)
		}
	}
	return out
}

// argTargets returns the targets of the argument e passes for p, a
// parameter of e's callee.
func argTargets(e Edge, p *ssa.Parameter) []Edge {
	for i, q := range e.Callee.Params {
		if q == p && i < len(e.Args) {
			return e.Args[i]
		}
	}
	return nil
}

// addParam adds pc to ps, keeping one parameter call per parameter and
// site: the one with the shortest path (recursion cannot grow it without
// bound).
func addParam(ps []ParamCall, pc ParamCall) []ParamCall {
	for i, q := range ps {
		if q.Param == pc.Param && q.Site.Pos == pc.Site.Pos {
			if len(pc.Path) < len(q.Path) {
				ps[i] = pc
			}
			return ps
		}
	}
	ps = append(ps, pc)
	slices.SortFunc(ps, func(a, b ParamCall) int {
		if a.Site.Pos != b.Site.Pos {
			return int(a.Site.Pos - b.Site.Pos)
		}
		return int(a.Param.Pos() - b.Param.Pos())
	})
	return ps
}

func equalParams(a, b []ParamCall) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i].Param != b[i].Param || a[i].Site.Pos != b[i].Site.Pos || len(a[i].Path) != len(b[i].Path) {
			return false
		}
	}
	return true
}
