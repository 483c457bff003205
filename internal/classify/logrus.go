package classify

import (
	"go/types"
	"sort"

	"golang.org/x/tools/go/ssa"
)

// logrus runs the Fire of every hook added to a logger on the goroutine of
// the call that logs (entry.go fireHooks, v1.10.2). A call's hooks are the
// ones added to the same logger: the standard logger (the package's
// functions, logrus.AddHook), or the one a logrus.New call built, followed
// through the entries derived from it. Where a logger cannot be followed
// (a parameter, another package's value in vet mode), every hook counts.

const logrusPkg = "github.com/sirupsen/logrus"

// logrusAddHook are the ways a hook is added to a logger, with the
// argument that is the hook; the logger is the receiver, or the standard
// logger for the package's function.
var logrusAddHook = map[string]int{
	"(*" + logrusPkg + ".Logger).AddHook": 1,
	logrusPkg + ".AddHook":                0,
	"(" + logrusPkg + ".LevelHooks).Add":  1,
}

// loggers is the set of logrus loggers a value may be.
type loggers struct {
	std     bool               // the standard logger
	built   map[*ssa.Call]bool // the loggers these logrus.New calls built
	unknown bool               // one that could not be followed
}

func (l *loggers) add(o loggers) {
	l.std = l.std || o.std
	l.unknown = l.unknown || o.unknown
	for c := range o.built {
		if l.built == nil {
			l.built = make(map[*ssa.Call]bool)
		}
		l.built[c] = true
	}
}

func (l loggers) meets(o loggers) bool {
	if l.unknown || o.unknown || l.std && o.std {
		return true
	}
	for c := range l.built {
		if o.built[c] {
			return true
		}
	}
	return false
}

// logrusHooks returns the Fire methods of the hooks added, in the code the
// source reads, to the logger a logging call on recv (nil: the standard
// logger) goes to.
func (r *Resolver) logrusHooks(fn *ssa.Function, recv ssa.Value) []*ssa.Function {
	target := loggers{std: recv == nil}
	if recv != nil {
		target = r.loggersOf(recv, 0)
	}
	var out []*ssa.Function
	seen := make(map[*ssa.Function]bool)
	for name, arg := range logrusAddHook {
		for _, site := range r.Classifier.Flow.CallsTo(name) {
			if arg >= len(site.Args) {
				continue
			}
			added := loggers{std: name == logrusPkg+".AddHook"}
			if !added.std {
				added = r.loggersOf(site.Args[0], 0)
			}
			if !added.meets(target) {
				continue
			}
			for _, src := range r.Src.Sources(site.Args[arg]) {
				t := src.Type()
				if types.IsInterface(t) {
					continue
				}
				sel := fn.Prog.MethodSets.MethodSet(t).Lookup(nil, "Fire")
				if sel == nil {
					continue
				}
				if m := fn.Prog.MethodValue(sel); m != nil && !seen[m] {
					seen[m] = true
					out = append(out, m)
				}
			}
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].String() < out[j].String() })
	return out
}

// loggersOf follows a *logrus.Logger, a *logrus.Entry or a logger's
// LevelHooks back to the loggers it may be.
func (r *Resolver) loggersOf(v ssa.Value, depth int) loggers {
	if depth > 6 {
		return loggers{unknown: true}
	}
	var out loggers
	srcs := r.Classifier.Flow.Sources(v)
	for _, o := range ownerOf(v) { // logger.Hooks
		srcs = append(srcs, r.Classifier.Flow.Sources(o)...)
	}
	if len(srcs) == 0 {
		return loggers{unknown: true}
	}
	for _, src := range srcs {
		call := callOf(src)
		if call == nil {
			if isLogrusType(src.Type(), "LevelHooks") {
				continue // the Hooks field's own value: its owner decides
			}
			out.unknown = true
			continue
		}
		callee := call.Call.StaticCallee()
		if callee == nil || callee.Pkg == nil || callee.Pkg.Pkg.Path() != logrusPkg {
			out.unknown = true
			continue
		}
		switch {
		case callee.Name() == "New" && callee.Signature.Recv() == nil:
			out.add(loggers{built: map[*ssa.Call]bool{call: true}})
		case callee.Name() == "NewEntry" && len(call.Call.Args) > 0:
			out.add(r.loggersOf(call.Call.Args[0], depth+1))
		case callee.Signature.Recv() != nil && len(call.Call.Args) > 0:
			// A method of a *Logger or an *Entry returning an entry
			// (WithField, WithContext, ...): the receiver's logger.
			out.add(r.loggersOf(call.Call.Args[0], depth+1))
		default:
			// StandardLogger, WithField, ...: the standard logger.
			out.std = true
		}
	}
	return out
}

func isLogrusType(t types.Type, name string) bool {
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem()
	}
	n, ok := types.Unalias(t).(*types.Named)
	return ok && n.Obj().Pkg() != nil && n.Obj().Pkg().Path() == logrusPkg && n.Obj().Name() == name
}
