// Package hazard is spanhotpath's engine: it computes what every function
// reaches (summaries over call edges, to a fixpoint), applies the rules that
// change a category on the way (a once-cache turns re-entry into a deadlock,
// a goroutine keeps only re-entry, a memo silences plain I/O), and turns the
// summaries of hot-path roots into findings.
//
// It knows nothing of how edges are found: a source (the per-package walk,
// or the whole-program call graph) supplies them through the Source
// interface. It knows nothing of diagnostics either: its output is plain
// Finding data, which front ends render.
package hazard

import (
	"go/token"

	"golang.org/x/tools/go/ssa"

	"github.com/spanhotpath/spanhotpath/internal/directive"
)

// Mode says how a call's callee runs relative to the caller.
type Mode uint8

const (
	SyncCall   Mode = iota // on the caller's goroutine (calls, defer, closures called in place)
	AsyncCall              // in a new goroutine (go, errgroup.Go, time.AfterFunc)
	OnceCached             // inside a once-cache that outlives the call (field or package variable)
	LockedCall             // while the caller holds a mutex
)

// Edge is one call from a function: either to a function the engine
// summarises (Callee), or to code elsewhere whose witnesses are known
// (Direct: from the catalog or from facts).
type Edge struct {
	Pos     token.Pos // call site
	Mode    Mode
	Wrapper string               // how the call is made: the once-cache or higher-order function, "" if directly
	Callee  *ssa.Function        // summarised by the engine; nil for Direct
	Hop     *Hop                 // the callee's hop; nil when the callee leaves none (a synthetic wrapper)
	Ignored *directive.Directive // the //spanhotpath:ignore directive on the call's line
	Memo    bool                 // inside a field or package-variable memo
	Direct  []Witness            // witnesses whose chains start with the callee's hop

	// Param is set when the call is of a function value that arrives as
	// this parameter (of the calling function or of a function enclosing
	// it): what it calls depends on the caller, so the engine resolves it
	// at each call of the parameter's function, from that call's Args.
	Param *ssa.Parameter
	// Args holds, for a Callee, the targets of each function-typed
	// argument (by parameter index; Pos unset): what a Param call inside
	// the callee calls when it is called from here.
	Args [][]Edge
}

// ParamCall is a call of a parameter's function value somewhere below a
// function: the summary's hole, filled at each call of the parameter's
// function with that caller's argument. Site is the call (Callee and
// Direct unset); Path the calls from the summarised function down to the
// function that makes it, outermost first.
type ParamCall struct {
	Param *ssa.Parameter
	Site  Edge
	Path  []Edge
}

// Source supplies the graph the engine works on.
type Source interface {
	// Edges returns the calls fn makes, resolved and classified.
	Edges(fn *ssa.Function) []Edge
	// Reviewed returns the reasoned //spanhotpath:ignore directive in fn's
	// doc comment, or nil: a reviewed function reaches nothing.
	Reviewed(fn *ssa.Function) *directive.Directive
}
