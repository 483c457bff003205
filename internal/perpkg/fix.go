package perpkg

import (
	"bytes"
	"go/ast"
	"go/format"
	"go/token"
	"go/types"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/spanhotpath/spanhotpath/internal/catalog"
	"github.com/spanhotpath/spanhotpath/internal/hazard"
)

// hoistFix returns the incident's own remedy as a suggested fix, where it
// is mechanical and provably keeps the value: the hook calls a
// package-level function of this package with no arguments or only
// constant ones, uses its one result, and the function is hoistSafe. The call moves
// into a package-level variable, initialised when the program starts
// (before any tracer provider exists, so it starts no span), and the hook
// reads the variable. A lazy sync.Once is never offered: around a call that
// starts a span it deadlocks.
func (w *walker) hoistFix(f hazard.Finding) *hazard.Fix {
	// Only file and process-identity reads: a network call may block
	// for as long as its timeout, in every program that imports the
	// package, and a call that starts a span must not run at all.
	if f.Witness.Cat != catalog.IO || f.Suppressed != nil {
		return nil
	}
	call := w.callAt(f.Pos)
	if call == nil || !w.usedAsValue(call) {
		return nil
	}
	fn := typeutilCallee(w.u.Info, call)
	if fn == nil || fn.Signature().Recv() != nil || fn.Signature().Results().Len() != 1 || fn.Signature().TypeParams() != nil {
		return nil
	}
	for _, arg := range call.Args {
		if tv, ok := w.u.Info.Types[arg]; !ok || tv.Value == nil {
			return nil
		}
	}
	if ssaFn := w.pkg.Prog.FuncValue(fn); ssaFn == nil || !w.hoistSafe(ssaFn) {
		return nil
	}
	file := w.fileOf(call.Pos())
	if file == nil {
		return nil
	}
	name := w.hoistName(fn, call.Pos())
	if name == "" {
		return nil
	}
	var src bytes.Buffer
	if err := format.Node(&src, w.u.Fset, call); err != nil {
		return nil
	}
	if len(call.Args) > 0 && !w.onlyConstantCall(fn, src.String()) {
		// The variable is named after the function: two constant calls
		// with different arguments would both claim it.
		return nil
	}
	// After the callee's declaration when it is in this file, else at the
	// end of the file: the same place for every hook that calls it, so
	// the edits of several findings coincide instead of conflicting.
	at := file.End()
	for _, decl := range file.Decls {
		if fd, ok := decl.(*ast.FuncDecl); ok && w.u.Info.Defs[fd.Name] == fn {
			at = fd.End()
		}
	}
	// The text depends only on the call, so that the same hoist offered
	// for several hooks is one edit.
	decl := "\n\n// " + name + " is computed once, when the program starts: hot-path hooks read it.\nvar " +
		name + " = " + src.String()
	if at == file.End() {
		decl = strings.TrimPrefix(decl, "\n") + "\n"
	}
	return &hazard.Fix{
		Message: "compute " + src.String() + " once at program start in package variable " + name,
		Edits: []hazard.Edit{
			{Pos: call.Pos(), End: call.End(), NewText: []byte(name)},
			{Pos: at, End: at, NewText: []byte(decl)},
		},
	}
}

// hoistName derives the variable's name from the function's: getHostIP
// gives hostIP. It returns "" when the name is taken where the variable is
// declared or read.
func (w *walker) hoistName(fn *types.Func, use token.Pos) string {
	base := fn.Name()
	for _, p := range []string{"get", "Get", "lookup", "Lookup", "fetch", "Fetch", "load", "Load", "read", "Read"} {
		if rest, ok := strings.CutPrefix(base, p); ok && rest != "" {
			base = rest
			break
		}
	}
	r, size := utf8.DecodeRuneInString(base)
	base = string(unicode.ToLower(r)) + base[size:]
	for _, name := range []string{base, "startup" + strings.ToUpper(base[:1]) + base[1:]} {
		if token.IsKeyword(name) || types.Universe.Lookup(name) != nil {
			continue
		}
		if w.u.Pkg.Scope().Lookup(name) != nil {
			continue
		}
		if inner := w.u.Pkg.Scope().Innermost(use); inner != nil {
			if _, obj := inner.LookupParent(name, use); obj != nil {
				continue
			}
		}
		return name
	}
	return ""
}

// onlyConstantCall reports whether every call of fn in the package with
// constant arguments is written as text.
func (w *walker) onlyConstantCall(fn *types.Func, text string) bool {
	only := true
	for _, f := range w.u.Files {
		ast.Inspect(f, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok || !only || typeutilCallee(w.u.Info, call) != fn {
				return only
			}
			for _, arg := range call.Args {
				if tv, ok := w.u.Info.Types[arg]; !ok || tv.Value == nil {
					return true
				}
			}
			var b bytes.Buffer
			if format.Node(&b, w.u.Fset, call) == nil && b.String() != text {
				only = false
			}
			return true
		})
	}
	return only
}

// callAt returns the call expression whose opening parenthesis is at
// lparen (SSA positions calls there).
func (w *walker) callAt(lparen token.Pos) *ast.CallExpr {
	var found *ast.CallExpr
	ast.Inspect(w.fileOf(lparen), func(n ast.Node) bool {
		if found != nil || n == nil || n.Pos() > lparen || n.End() <= lparen {
			return false
		}
		if c, ok := n.(*ast.CallExpr); ok && c.Lparen == lparen {
			found = c
		}
		return true
	})
	return found
}

// usedAsValue reports whether the call's result is used: not an
// expression statement, nor the call of a go or defer statement.
func (w *walker) usedAsValue(call *ast.CallExpr) bool {
	used := true
	ast.Inspect(w.fileOf(call.Pos()), func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.ExprStmt:
			used = used && ast.Unparen(n.X) != call
		case *ast.GoStmt:
			used = used && n.Call != call
		case *ast.DeferStmt:
			used = used && n.Call != call
		}
		return used
	})
	return used
}

func (w *walker) fileOf(pos token.Pos) *ast.File {
	for _, f := range w.u.Files {
		if f.FileStart <= pos && pos <= f.FileEnd {
			return f
		}
	}
	return nil
}

// typeutilCallee returns the package-level function a call expression
// calls, or nil.
func typeutilCallee(info *types.Info, call *ast.CallExpr) *types.Func {
	var id *ast.Ident
	switch fun := ast.Unparen(call.Fun).(type) {
	case *ast.Ident:
		id = fun
	case *ast.SelectorExpr:
		if _, isMethod := info.Selections[fun]; isMethod {
			return nil
		}
		id = fun.Sel
	default:
		return nil
	}
	fn, _ := info.Uses[id].(*types.Func)
	return fn
}
