package hazard

import (
	"slices"

	"golang.org/x/tools/go/ssa"

	"github.com/spanhotpath/spanhotpath/internal/catalog"
)

// Result holds the summaries of every function the engine solved.
type Result struct {
	src    Source
	cat    *catalog.Catalog
	edges  map[*ssa.Function][]Edge
	sums   map[*ssa.Function]Summary
	params map[*ssa.Function][]ParamCall

	computes int // summaries computed: the work of Solve
}

// Computes returns how many summaries Solve computed: once per function,
// plus the rounds inside recursive components.
func (r *Result) Computes() int { return r.computes }

// Solve computes the summary of every function in funcs and of every
// function they reach through edges. Functions are solved callees first,
// one strongly connected component at a time (iterating only inside a
// component, where recursion makes summaries depend on each other), so the
// cost grows with the number of edges, not with the depth of call chains
// times the number of functions.
func Solve(src Source, cat *catalog.Catalog, funcs []*ssa.Function) *Result {
	r := &Result{
		src:    src,
		cat:    cat,
		edges:  make(map[*ssa.Function][]Edge),
		sums:   make(map[*ssa.Function]Summary),
		params: make(map[*ssa.Function][]ParamCall),
	}
	for _, fn := range funcs {
		r.edgesOf(fn)
	}
	order := make(map[*ssa.Function]int, len(funcs))
	for i, fn := range funcs {
		order[fn] = i
	}
	for _, scc := range r.components(funcs) {
		// Inside a component, in the source's order: ties between
		// equally good witnesses then resolve the same way every run.
		slices.SortStableFunc(scc, func(a, b *ssa.Function) int {
			ia, oka := order[a]
			ib, okb := order[b]
			switch {
			case oka && okb:
				return ia - ib
			case oka:
				return -1
			case okb:
				return 1
			}
			return 0
		})
		for changed := true; changed; {
			changed = false
			for _, fn := range scc {
				r.computes++
				s, ps := r.compute(fn)
				if !s.equal(r.sums[fn]) || !equalParams(ps, r.params[fn]) {
					r.sums[fn], r.params[fn] = s, ps
					changed = len(scc) > 1 || r.selfCall(fn)
				}
			}
		}
	}
	return r
}

func (r *Result) edgesOf(fn *ssa.Function) []Edge {
	es, ok := r.edges[fn]
	if !ok {
		es = r.src.Edges(fn)
		r.edges[fn] = es
	}
	return es
}

func (r *Result) selfCall(fn *ssa.Function) bool {
	for _, d := range r.deps(fn) {
		if d == fn {
			return true
		}
	}
	return false
}

// deps returns the functions whose summaries fn's summary is computed
// from: its callees and the function-typed arguments it passes them.
func (r *Result) deps(fn *ssa.Function) []*ssa.Function {
	var out []*ssa.Function
	for _, e := range r.edgesOf(fn) {
		if e.Callee != nil {
			out = append(out, e.Callee)
		}
		for _, targets := range e.Args {
			for _, t := range targets {
				if t.Callee != nil {
					out = append(out, t.Callee)
				}
			}
		}
	}
	return out
}

// components returns the strongly connected components of the call graph
// from funcs, callees before callers (Tarjan's algorithm, iterative so that
// deep chains do not exhaust the stack).
func (r *Result) components(funcs []*ssa.Function) [][]*ssa.Function {
	index := make(map[*ssa.Function]int)
	low := make(map[*ssa.Function]int)
	onStack := make(map[*ssa.Function]bool)
	var stack []*ssa.Function
	var out [][]*ssa.Function
	type frame struct {
		fn   *ssa.Function
		next int // next edge to visit
	}
	next := 0
	for _, start := range funcs {
		if _, seen := index[start]; seen {
			continue
		}
		frames := []frame{{fn: start}}
		index[start], low[start] = next, next
		next++
		stack = append(stack, start)
		onStack[start] = true
		for len(frames) > 0 {
			f := &frames[len(frames)-1]
			deps := r.deps(f.fn)
			if f.next < len(deps) {
				callee := deps[f.next]
				f.next++
				if _, seen := index[callee]; !seen {
					index[callee], low[callee] = next, next
					next++
					stack = append(stack, callee)
					onStack[callee] = true
					frames = append(frames, frame{fn: callee})
				} else if onStack[callee] && index[callee] < low[f.fn] {
					low[f.fn] = index[callee]
				}
				continue
			}
			fn := f.fn
			frames = frames[:len(frames)-1]
			if len(frames) > 0 {
				if p := frames[len(frames)-1].fn; low[fn] < low[p] {
					low[p] = low[fn]
				}
			}
			if low[fn] == index[fn] {
				var scc []*ssa.Function
				for {
					top := stack[len(stack)-1]
					stack = stack[:len(stack)-1]
					onStack[top] = false
					scc = append(scc, top)
					if top == fn {
						break
					}
				}
				out = append(out, scc)
			}
		}
	}
	return out
}

// Summary returns what fn reaches.
func (r *Result) Summary(fn *ssa.Function) Summary { return r.sums[fn] }

// Edges returns the edges of a solved function.
func (r *Result) Edges(fn *ssa.Function) []Edge { return r.edges[fn] }

func (r *Result) compute(fn *ssa.Function) (Summary, []ParamCall) {
	var s Summary
	var ps []ParamCall
	for _, e := range r.edges[fn] {
		for _, wit := range r.through(e) {
			s = s.add(wit)
		}
		if !e.Ignored.Silences() {
			ps = r.liftParams(e, ps)
		}
	}
	if len(s) > 0 || len(ps) > 0 {
		// A reviewed function reaches nothing, for every caller.
		if d := r.src.Reviewed(fn); d.Silences() {
			if len(s) > 0 {
				d.Used = true
			}
			return nil, nil
		}
	}
	return s, ps
}

// through returns the witnesses a call edge contributes to its caller: none
// through a call a reviewer marked with a reasoned ignore directive.
func (r *Result) through(e Edge) []Witness {
	wits := r.Lift(e)
	if e.Ignored.Silences() {
		if len(wits) > 0 {
			e.Ignored.Used = true
		}
		return nil
	}
	return wits
}
