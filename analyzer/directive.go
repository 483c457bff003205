package analyzer

import (
	"go/ast"
	"go/token"
	"go/types"
	"sort"
	"strings"
)

// directivePrefix marks a reviewed call or function. The reason is
// mandatory: a reviewer must be able to read why the call is safe.
const directivePrefix = "//spanhotpath:ignore"

// directive is one //spanhotpath:ignore comment.
type directive struct {
	pos    token.Pos
	reason string
	used   bool
}

// directives holds a package's ignore directives: by line of the call they
// silence, and by function declaration.
type directives struct {
	lines map[lineKey]*directive
	funcs map[*types.Func]*directive
	all   []*directive
}

type lineKey struct {
	file string
	line int
}

// parseDirectives finds the package's directives. A directive at the end
// of a line applies to that line; alone on its line, to the next one; in a
// function's doc comment, to the function.
func parseDirectives(fset *token.FileSet, files []*ast.File, info *types.Info) *directives {
	d := &directives{lines: make(map[lineKey]*directive), funcs: make(map[*types.Func]*directive)}
	for _, f := range files {
		var starts map[int]token.Pos // computed for the first directive only
		for _, cg := range f.Comments {
			for _, c := range cg.List {
				rest, ok := strings.CutPrefix(c.Text, directivePrefix)
				if !ok || (rest != "" && rest[0] != ' ' && rest[0] != '\t') {
					continue
				}
				// A reason ends where another comment starts on the line.
				reason, _, _ := strings.Cut(rest, "//")
				dir := &directive{pos: c.Pos(), reason: strings.TrimSpace(reason)}
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
	sort.Slice(d.all, func(i, j int) bool { return d.all[i].pos < d.all[j].pos })
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

// at returns the directive that applies to a call starting at pos.
func (d *directives) at(fset *token.FileSet, pos token.Pos) *directive {
	p := fset.Position(pos)
	return d.lines[lineKey{p.Filename, p.Line}]
}
