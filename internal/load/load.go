// Package load loads packages for the standalone driver: metadata and
// export data from the go command, then each package's own syntax and
// types on demand, so that no more than a few packages' syntax is in memory
// at once.
package load

import (
	"bytes"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
	"io"
	"os"
	"os/exec"
	"sort"
	"strings"

	"golang.org/x/tools/go/gcexportdata"
	"golang.org/x/tools/go/packages"
)

// Mode is the metadata the driver needs: files, the import graph, export
// data for every package (the go command compiles what is missing, as go vet
// does), module and sizes.
const Mode = packages.NeedName | packages.NeedFiles | packages.NeedCompiledGoFiles |
	packages.NeedImports | packages.NeedDeps | packages.NeedExportFile |
	packages.NeedModule | packages.NeedTypesSizes

// Graph is the packages the patterns name and everything they import.
type Graph struct {
	Roots []*packages.Package // what the patterns name (with tests: the test variants too)
	All   []*packages.Package // every package, each after its imports
}

// Metadata loads the graph for patterns, run in dir ("" for the current
// directory). Errors of individual packages are in their Errors; err is for
// a failure of the go command as a whole.
func Metadata(dir string, tests bool, patterns ...string) (*Graph, error) {
	cfg := &packages.Config{Mode: Mode, Tests: tests, Dir: dir}
	roots, err := packages.Load(cfg, patterns...)
	if err != nil {
		return nil, err
	}
	if len(roots) == 0 {
		// go/packages turns some failures of go list into an empty
		// result ("updates to go.mod needed" on a pattern over
		// dependencies): ask go list why, so the user reads the cause
		// instead of "no packages matched".
		if err := listError(dir, patterns); err != nil {
			return nil, err
		}
	}
	g := &Graph{}
	for _, p := range roots {
		if !IsTestMain(p) {
			g.Roots = append(g.Roots, p)
		}
	}
	packages.Visit(roots, nil, func(p *packages.Package) {
		g.All = append(g.All, p) // postorder: imports first
	})
	return g, nil
}

// IsTestMain reports whether p is the generated main package of a test
// binary ("p.test"), which go vet does not analyse.
func IsTestMain(p *packages.Package) bool {
	return p.Name == "main" && strings.HasSuffix(p.ID, ".test")
}

// IsStandard reports whether p belongs to the standard library: outside any
// module, with no dot in the first element of its path.
func IsStandard(p *packages.Package) bool {
	if p.Module != nil {
		return false
	}
	first, _, _ := strings.Cut(p.PkgPath, "/")
	return !strings.Contains(first, ".")
}

// Errors returns the load errors of p, each as one line.
func Errors(p *packages.Package) []string {
	var out []string
	for _, e := range p.Errors {
		msg := strings.TrimSpace(e.Msg)
		// The go command prefixes compile output with "# path".
		if rest, ok := strings.CutPrefix(msg, "# "+p.PkgPath+"\n"); ok {
			msg = rest
		} else if rest, ok := strings.CutPrefix(msg, "# "+p.ID+"\n"); ok {
			msg = rest
		}
		for _, line := range strings.Split(msg, "\n") {
			if line = strings.TrimSpace(line); line == "" {
				continue
			}
			if e.Pos != "" && e.Pos != "-" && !strings.HasPrefix(line, e.Pos) {
				line = e.Pos + ": " + line
			}
			out = append(out, line)
		}
	}
	if p.Module != nil && p.Module.Error != nil {
		out = append(out, fmt.Sprintf("module %s: %s", p.Module.Path, p.Module.Error.Err))
	}
	return out
}

// Unit is one package's syntax and types.
type Unit struct {
	Files []*ast.File
	Types *types.Package
	Info  *types.Info
}

// TypeCheck parses p's compiled Go files into fset and type-checks them
// against the export data of its imports, read into a view of its own (as
// a go vet process does): nothing is shared with other units, so the unit
// is garbage once the caller drops it.
func TypeCheck(fset *token.FileSet, p *packages.Package) (*Unit, error) {
	for path, imp := range p.Imports {
		if path != "unsafe" && imp.ExportFile == "" {
			return nil, fmt.Errorf("not analysed: its import %s has errors", imp.ID)
		}
	}
	files := make([]*ast.File, 0, len(p.CompiledGoFiles))
	for _, name := range p.CompiledGoFiles {
		src, err := os.ReadFile(name)
		if err != nil {
			return nil, err
		}
		f, err := parser.ParseFile(fset, name, src, parser.ParseComments|parser.SkipObjectResolution)
		if err != nil {
			return nil, err
		}
		files = append(files, f)
	}
	exportFset := token.NewFileSet() // positions of imported objects are never shown
	view := make(map[string]*types.Package)
	importer := importerFunc(func(path string) (*types.Package, error) {
		if path == "unsafe" {
			return types.Unsafe, nil
		}
		imp := p.Imports[path]
		if imp == nil {
			return nil, fmt.Errorf("no metadata for import %q", path)
		}
		if pkg := view[imp.PkgPath]; pkg != nil && pkg.Complete() {
			return pkg, nil
		}
		f, err := os.Open(imp.ExportFile)
		if err != nil {
			return nil, err
		}
		defer f.Close()
		// Go 1.26's go list -export names the compiler's archive, from
		// which NewReader extracts the export data (deprecated for the
		// files of Go 1.29, which Read takes directly).
		r, err := gcexportdata.NewReader(f) //nolint:staticcheck // SA1019: the go command of Go 1.26 writes archives
		if err != nil {
			return nil, fmt.Errorf("reading export data of %s: %v", imp.ID, err)
		}
		pkg, err := gcexportdata.Read(r, exportFset, view, imp.PkgPath)
		if err != nil {
			return nil, fmt.Errorf("reading export data of %s: %v", imp.ID, err)
		}
		return pkg, nil
	})
	info := &types.Info{
		Types:        make(map[ast.Expr]types.TypeAndValue),
		Defs:         make(map[*ast.Ident]types.Object),
		Uses:         make(map[*ast.Ident]types.Object),
		Implicits:    make(map[ast.Node]types.Object),
		Instances:    make(map[*ast.Ident]types.Instance),
		Scopes:       make(map[ast.Node]*types.Scope),
		Selections:   make(map[*ast.SelectorExpr]*types.Selection),
		FileVersions: make(map[*ast.File]string),
	}
	var errs []string
	cfg := &types.Config{
		Importer: importer,
		Sizes:    p.TypesSizes,
		Error: func(err error) {
			errs = append(errs, err.Error())
		},
	}
	if p.Module != nil && p.Module.GoVersion != "" {
		cfg.GoVersion = "go" + p.Module.GoVersion
	}
	pkg, _ := cfg.Check(p.PkgPath, fset, files, info)
	if len(errs) > 0 {
		sort.Strings(errs)
		return nil, fmt.Errorf("%s", strings.Join(errs, "\n"))
	}
	return &Unit{Files: files, Types: pkg, Info: info}, nil
}

// ExportTypes reads p's types from its export data, as an importer of p
// sees them.
func ExportTypes(p *packages.Package) (*types.Package, error) {
	if p.ExportFile == "" {
		return nil, fmt.Errorf("no export data for %s", p.ID)
	}
	f, err := os.Open(p.ExportFile)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	r, err := gcexportdata.NewReader(f) //nolint:staticcheck // SA1019: the go command of Go 1.26 writes archives
	if err != nil {
		return nil, err
	}
	return gcexportdata.Read(r, token.NewFileSet(), make(map[string]*types.Package), p.PkgPath)
}

type importerFunc func(path string) (*types.Package, error)

func (f importerFunc) Import(path string) (*types.Package, error) { return f(path) }

// listError runs go list -find on patterns and returns its failure, if any,
// with the go command's own message.
func listError(dir string, patterns []string) error {
	cmd := exec.Command("go", append([]string{"list", "-find", "--"}, patterns...)...)
	cmd.Dir = dir
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	cmd.Stdout = io.Discard
	if err := cmd.Run(); err != nil {
		if msg := strings.TrimSpace(stderr.String()); msg != "" {
			return fmt.Errorf("go list: %s", strings.NewReplacer(":\n\t", ": ", "\n\t", " ", "\n", "; ").Replace(msg))
		}
		return fmt.Errorf("go list: %v", err)
	}
	return nil
}
