// Package directive parses //spanhotpath:ignore comments: a reviewer's
// statement, with a reason, that a call or a function is safe on the hot
// path.
package directive

import (
	"go/ast"
	"go/token"
	"go/types"
	"sort"
	"strings"
)

// Prefix marks a reviewed call or function. The reason is
// mandatory: a reviewer must be able to read why the call is safe.
const Prefix = "//spanhotpath:ignore"

// Directive is one //spanhotpath:ignore comment.
type Directive struct {
	Pos    token.Pos
	Reason string // "" when the comment gives none: then it silences nothing
	Used   bool   // it silenced a finding (set by the analysis)
}

// Silences reports whether d is a directive that silences findings: one
// with a reason.
func (d *Directive) Silences() bool { return d != nil && d.Reason != "" }

// Set holds a package's ignore directives: by line of the call they
// silence, and by function declaration.
type Set struct {
	lines map[lineKey]*Directive
	funcs map[*types.Func]*Directive
	all   []*Directive
}

type lineKey struct {
	file string
	line int
}

// Parse finds the package's directives. A directive at the end
// of a line applies to that line; alone on its line, to the next one; in a
// function's doc comment, to the function.
func Parse(fset *token.FileSet, files []*ast.File, info *types.Info) *Set {
	d := &Set{lines: make(map[lineKey]*Directive), funcs: make(map[*types.Func]*Directive)}
	for _, f := range files {
		var starts map[int]token.Pos // computed for the first directive only
		for _, cg := range f.Comments {
			for _, c := range cg.List {
				rest, ok := strings.CutPrefix(c.Text, Prefix)
				if !ok || (rest != "" && rest[0] != ' ' && rest[0] != '\t') {
					continue
				}
				// A reason ends where another comment starts on the line.
				reason, _, _ := strings.Cut(rest, "//")
				dir := &Directive{Pos: c.Pos(), Reason: strings.TrimSpace(reason)}
				d.all = append(d.all, dir)
				if obj := docOwner(f, cg, info); obj != nil {
					d.funcs[obj] = dir
					continue
				}
				if starts == nil {
					starts = codeStarts(fset, f)
				}
				p := fset.Position(c.Pos())
				line := p.Line
				if code, ok := starts[line]; !ok || code > c.Pos() {
					line++ // alone on its line: it applies to the next one
				}
				d.lines[lineKey{p.Filename, line}] = dir
			}
		}
	}
	sort.Slice(d.all, func(i, j int) bool { return d.all[i].Pos < d.all[j].Pos })
	return d
}

// docOwner returns the function whose doc comment is cg, or nil. It is
// looked up only for directives, which are rare: most packages have none.
func docOwner(f *ast.File, cg *ast.CommentGroup, info *types.Info) *types.Func {
	for _, decl := range f.Decls {
		if fd, ok := decl.(*ast.FuncDecl); ok && fd.Doc == cg {
			obj, _ := info.Defs[fd.Name].(*types.Func)
			return obj
		}
	}
	return nil
}

// codeStarts returns, per line, where the first syntax node on it starts.
func codeStarts(fset *token.FileSet, f *ast.File) map[int]token.Pos {
	first := make(map[int]token.Pos)
	ast.Inspect(f, func(n ast.Node) bool {
		switch n.(type) {
		case nil, *ast.Comment, *ast.CommentGroup:
			return false
		}
		line := fset.Position(n.Pos()).Line
		if p, ok := first[line]; !ok || n.Pos() < p {
			first[line] = n.Pos()
		}
		return true
	})
	return first
}

// HasLines reports whether any directive applies to a line (most packages
// have none: then no call position needs mapping at all).
func (d *Set) HasLines() bool { return len(d.lines) > 0 }

// At returns the directive that applies to a call starting at pos.
func (d *Set) At(fset *token.FileSet, pos token.Pos) *Directive {
	p := fset.Position(pos)
	return d.lines[lineKey{p.Filename, p.Line}]
}

// Func returns the directive in fn's doc comment, or nil.
func (d *Set) Func(fn *types.Func) *Directive { return d.funcs[fn] }

// All returns every directive, in source order.
func (d *Set) All() []*Directive { return d.all }
