package main

import (
	"bytes"
	"fmt"
	"go/ast"
	"go/format"
	"go/parser"
	"go/token"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"golang.org/x/tools/go/ast/astutil"
)

// edit is one text edit of a suggested fix, as byte offsets in a file.
type edit struct {
	file       string
	start, end int
	text       string
}

// fix is the suggested fix of one finding.
type fix struct {
	edits []edit
	key   string
}

// fileInfo is what applying fixes needs to know about an edited file.
type fileInfo struct {
	size    int               // size when it was loaded
	imports map[string]string // import path -> package name, of its package
}

// applyFixes applies the first suggested fix of every unsuppressed finding
// of the root actions and returns how many it applied. A fix that overlaps
// one already accepted is skipped (and reported), so running again applies
// it. Imports that an applied fix left unused are removed, and each edited
// file is gofmt-ed.
func applyFixes(res *result, stderr io.Writer) (int, error) {
	return applyFixesWith(res, stderr, writeAtomic)
}

// applyFixesWith is applyFixes with the function that replaces a file.
func applyFixesWith(res *result, stderr io.Writer, write func(name string, data []byte) error) (int, error) {
	var fixes []fix
	seen := map[string]bool{}
	files := map[string]*fileInfo{}
	for _, f := range res.findings {
		if f.Suppressed != nil || f.fix == nil {
			continue
		}
		var fx fix
		ok := true
		for _, te := range f.fix.Edits {
			tf := f.fset.File(te.Pos)
			if tf == nil {
				ok = false
				break
			}
			end := te.End
			if !end.IsValid() {
				end = te.Pos
			}
			e := edit{file: tf.Name(), start: tf.Offset(te.Pos), end: tf.Offset(end), text: string(te.NewText)}
			if e.end < e.start {
				ok = false
				break
			}
			fx.edits = append(fx.edits, e)
			if files[e.file] == nil {
				files[e.file] = &fileInfo{size: tf.Size(), imports: f.imports}
			}
		}
		if !ok || len(fx.edits) == 0 {
			continue
		}
		slices.SortFunc(fx.edits, compareEdits)
		var kb strings.Builder
		for _, e := range fx.edits {
			fmt.Fprintf(&kb, "%s:%d:%d:%q;", e.file, e.start, e.end, e.text)
		}
		fx.key = kb.String()
		if seen[fx.key] { // the same fix offered for several hooks
			continue
		}
		seen[fx.key] = true
		fixes = append(fixes, fx)
	}
	if len(fixes) == 0 {
		return 0, nil
	}
	slices.SortFunc(fixes, func(a, b fix) int { return strings.Compare(a.key, b.key) })

	// Accept fixes in order; skip one whose edits overlap accepted edits
	// (identical edits are shared, not conflicting).
	accepted := map[string][]edit{}
	applied, skipped := 0, 0
	for _, fx := range fixes {
		conflict := false
		for _, e := range fx.edits {
			for _, a := range accepted[e.file] {
				if a == e {
					continue
				}
				if overlaps(a, e) {
					conflict = true
				}
			}
		}
		if conflict {
			skipped++
			continue
		}
		for _, e := range fx.edits {
			if !slices.Contains(accepted[e.file], e) {
				accepted[e.file] = append(accepted[e.file], e)
			}
		}
		applied++
	}

	names := make([]string, 0, len(accepted))
	for name := range accepted {
		names = append(names, name)
	}
	slices.Sort(names)
	out := map[string][]byte{}
	for _, name := range names {
		src, err := os.ReadFile(name)
		if err != nil {
			return 0, err
		}
		if len(src) != files[name].size {
			return 0, fmt.Errorf("%s changed since it was analyzed", name)
		}
		edited, err := applyEdits(src, accepted[name])
		if err != nil {
			return 0, fmt.Errorf("%s: %v", name, err)
		}
		edited, err = tidyFile(name, src, edited, files[name].imports)
		if err != nil {
			return 0, fmt.Errorf("%s: the fixed file does not parse: %v", name, err)
		}
		out[name] = edited
	}
	var written []string
	for _, name := range names {
		if err := write(name, out[name]); err != nil {
			if len(written) == 0 {
				return 0, fmt.Errorf("%v; no file was changed", err)
			}
			return 0, fmt.Errorf("%v; these files were already fixed: %s", err, strings.Join(written, ", "))
		}
		written = append(written, name)
	}
	fmt.Fprintf(stderr, "spanhotpath: applied %d fix(es) to %d file(s)\n", applied, len(names))
	if skipped > 0 {
		fmt.Fprintf(stderr, "spanhotpath: skipped %d fix(es) that overlap others; run -fix again\n", skipped)
	}
	return applied, nil
}

func compareEdits(a, b edit) int {
	if c := strings.Compare(a.file, b.file); c != 0 {
		return c
	}
	if a.start != b.start {
		return a.start - b.start
	}
	if a.end != b.end {
		return a.end - b.end
	}
	return strings.Compare(a.text, b.text)
}

// overlaps reports whether two edits of one file touch the same bytes, or
// insert at the same offset.
func overlaps(a, b edit) bool {
	if a.file != b.file {
		return false
	}
	if a.start == b.start {
		return true
	}
	return a.start < b.end && b.start < a.end
}

func applyEdits(src []byte, edits []edit) ([]byte, error) {
	edits = slices.Clone(edits)
	slices.SortFunc(edits, compareEdits)
	var b bytes.Buffer
	last := 0
	for _, e := range edits {
		if e.start < last || e.end > len(src) {
			return nil, fmt.Errorf("edit %d-%d out of range", e.start, e.end)
		}
		b.Write(src[last:e.start])
		b.WriteString(e.text)
		last = e.end
	}
	b.Write(src[last:])
	return b.Bytes(), nil
}

// tidyFile removes the imports that were used in src and are no longer used
// in edited, and formats the result.
func tidyFile(filename string, src, edited []byte, names map[string]string) ([]byte, error) {
	before, err := parser.ParseFile(token.NewFileSet(), filename, src, parser.SkipObjectResolution)
	if err != nil {
		return format.Source(edited)
	}
	fset := token.NewFileSet()
	after, err := parser.ParseFile(fset, filename, edited, parser.ParseComments)
	if err != nil {
		return nil, err
	}
	usedBefore, usedAfter := selectorRoots(before), selectorRoots(after)
	removed := false
	for _, imp := range after.Imports {
		path, err := strconv.Unquote(imp.Path.Value)
		if err != nil {
			continue
		}
		name := names[path]
		if imp.Name != nil {
			name = imp.Name.Name
		}
		if name == "" || name == "_" || name == "." {
			continue
		}
		if usedBefore[name] && !usedAfter[name] {
			var local string
			if imp.Name != nil {
				local = imp.Name.Name
			}
			removed = astutil.DeleteNamedImport(fset, after, local, path) || removed
		}
	}
	if !removed {
		return format.Source(edited)
	}
	var b bytes.Buffer
	if err := format.Node(&b, fset, after); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// selectorRoots is the set of identifiers used as X in X.Sel: the package
// names a file refers to (and local variables, which only make an import
// look used).
func selectorRoots(f *ast.File) map[string]bool {
	used := map[string]bool{}
	ast.Inspect(f, func(n ast.Node) bool {
		if sel, ok := n.(*ast.SelectorExpr); ok {
			if id, ok := sel.X.(*ast.Ident); ok {
				used[id.Name] = true
			}
		}
		return true
	})
	return used
}

// writeAtomic replaces the file name with data: written to a temporary file
// in the same directory, then renamed over it, so that the file is never
// left half written. The file keeps its permissions.
func writeAtomic(name string, data []byte) error {
	info, err := os.Stat(name)
	if err != nil {
		return err
	}
	tmp, err := os.CreateTemp(filepath.Dir(name), "."+filepath.Base(name)+".spanhotpath-*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name()) // after a successful rename there is nothing to remove
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Chmod(info.Mode().Perm()); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), name)
}
