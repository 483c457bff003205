package main

import (
	"bufio"
	"crypto/sha256"
	"encoding/hex"
	"go/token"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/spanhotpath/spanhotpath/internal/catalog"
	"github.com/spanhotpath/spanhotpath/internal/driver"
	"github.com/spanhotpath/spanhotpath/internal/hazard"
)

// categories are the finding categories, most severe first: the hot
// path's, then "directive" (a //spanhotpath:ignore comment without a
// reason, or silencing nothing).
var categories = func() []string {
	var out []string
	for _, c := range catalog.Categories {
		out = append(out, string(c))
	}
	return append(out, string(catalog.Directive))
}()

// finding is one finding, as every output format shows it.
type finding struct {
	File        string       `json:"file"` // relative to the working directory when under it
	Line        int          `json:"line"`
	Column      int          `json:"column"`
	Category    string       `json:"category"`
	Message     string       `json:"message"`
	Related     []related    `json:"related"`
	Fingerprint string       `json:"fingerprint"`
	Suppressed  *suppression `json:"suppressed,omitempty"`
	Path        string       `json:"-"` // the call path, for SARIF's code flow
	AbsFile     string       `json:"-"`
	fix         *hazard.Fix
	fset        *token.FileSet
	imports     map[string]string // of the finding's package: import path -> name
}

type related struct {
	File    string `json:"file"`
	Line    int    `json:"line"`
	Column  int    `json:"column"`
	Message string `json:"message"`
	AbsFile string `json:"-"`
}

type suppression struct {
	Reason string `json:"reason"`
}

// collect turns the findings of the analysed root packages into records:
// deduplicated (a file of package p is analyzed in p and in p's test
// variant), sorted by file, line, column, message.
func collect(r *driver.Result, cwd string) []*finding {
	type key struct {
		file              string
		line, col         int
		category, message string
	}
	seen := map[key]bool{}
	var out []*finding
	for _, u := range r.Units {
		for i := range u.Findings {
			f := newFinding(r.Fset, &u.Findings[i], cwd)
			f.imports = u.Imports
			k := key{f.AbsFile, f.Line, f.Column, f.Category, f.Message}
			if seen[k] {
				continue
			}
			seen[k] = true
			out = append(out, f)
		}
	}
	sortFindings(out)
	return out
}

func sortFindings(fs []*finding) {
	slices.SortStableFunc(fs, func(a, b *finding) int {
		if c := strings.Compare(a.File, b.File); c != 0 {
			return c
		}
		if a.Line != b.Line {
			return a.Line - b.Line
		}
		if a.Column != b.Column {
			return a.Column - b.Column
		}
		if c := strings.Compare(a.Message, b.Message); c != 0 {
			return c
		}
		return strings.Compare(a.Category, b.Category)
	})
}

func newFinding(fset *token.FileSet, hf *hazard.Finding, cwd string) *finding {
	pos := fset.Position(hf.Pos)
	f := &finding{
		AbsFile:  absPath(pos.Filename, cwd),
		Line:     pos.Line,
		Column:   pos.Column,
		Category: string(hf.Category),
		Message:  hf.Message(),
		Path:     hf.Path(),
		Related:  []related{},
		fix:      hf.Fix,
		fset:     fset,
	}
	f.File = displayPath(f.AbsFile, cwd)
	if hf.Suppressed != nil {
		f.Suppressed = &suppression{Reason: hf.Suppressed.Reason}
	}
	for _, r := range hf.Related() {
		rp := fset.Position(r.Pos)
		abs := absPath(rp.Filename, cwd)
		f.Related = append(f.Related, related{
			File:    displayPath(abs, cwd),
			Line:    rp.Line,
			Column:  rp.Column,
			Message: r.Message,
			AbsFile: abs,
		})
	}
	f.Fingerprint = fingerprint(f.Category, fingerprintPath(f.AbsFile, f.File), f.Message)
	return f
}

func absPath(file, cwd string) string {
	if file == "" || filepath.IsAbs(file) {
		return file
	}
	return filepath.Join(cwd, file)
}

// displayPath is file relative to cwd when it is under cwd, else file.
func displayPath(file, cwd string) string {
	if file == "" || !filepath.IsAbs(file) {
		return file
	}
	rel, err := filepath.Rel(cwd, file)
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return file
	}
	return rel
}

// lineNumbers matches positions that a message might quote; they are cut
// out of the fingerprint so that it survives edits above the finding.
var lineNumbers = regexp.MustCompile(`(\.go):\d+(:\d+)?`)

// fingerprint identifies a finding across edits that move it: its category,
// its file (relative to its module) and its message, which names the hook,
// the call chain and the sink, but no line numbers.
func fingerprint(category, file, message string) string {
	h := sha256.New()
	h.Write([]byte(category))
	h.Write([]byte{0})
	h.Write([]byte(file))
	h.Write([]byte{0})
	h.Write([]byte(lineNumbers.ReplaceAllString(message, "$1")))
	return hex.EncodeToString(h.Sum(nil))
}

// fingerprintPath is the path a fingerprint uses for a file: the module
// path joined with the file's path in its module ("example.com/fx/p/p.go"),
// so that it does not depend on where the module is checked out or on the
// directory spanhotpath ran in. Outside a module it is the displayed path.
func fingerprintPath(abs, display string) string {
	dir, modPath := moduleOf(filepath.Dir(abs))
	if dir == "" {
		return filepath.ToSlash(display)
	}
	rel, err := filepath.Rel(dir, abs)
	if err != nil {
		return filepath.ToSlash(display)
	}
	return modPath + "/" + filepath.ToSlash(rel)
}

var (
	modMu    sync.Mutex
	modCache = map[string][2]string{}
)

// moduleOf finds the go.mod governing dir: its directory and module path.
func moduleOf(dir string) (root, path string) {
	modMu.Lock()
	defer modMu.Unlock()
	var visited []string
	d := dir
	for {
		if v, ok := modCache[d]; ok {
			root, path = v[0], v[1]
			break
		}
		visited = append(visited, d)
		if p, ok := readModulePath(filepath.Join(d, "go.mod")); ok {
			root, path = d, p
			break
		}
		parent := filepath.Dir(d)
		if parent == d {
			break
		}
		d = parent
	}
	for _, v := range visited {
		modCache[v] = [2]string{root, path}
	}
	return root, path
}

// readModulePath reads the module path from a go.mod file.
func readModulePath(gomod string) (string, bool) {
	f, err := os.Open(gomod)
	if err != nil {
		return "", false
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		rest, ok := strings.CutPrefix(line, "module")
		if !ok || rest == "" || (rest[0] != ' ' && rest[0] != '\t' && rest[0] != '"') {
			continue
		}
		rest = strings.TrimSpace(rest)
		if i := strings.Index(rest, "//"); i >= 0 {
			rest = strings.TrimSpace(rest[:i])
		}
		if uq, err := strconv.Unquote(rest); err == nil {
			rest = uq
		}
		return rest, rest != ""
	}
	return "", true
}
