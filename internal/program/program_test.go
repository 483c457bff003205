package program_test

import (
	"bytes"
	"context"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/spanhotpath/spanhotpath/internal/catalog"
	"github.com/spanhotpath/spanhotpath/internal/driver"
	"github.com/spanhotpath/spanhotpath/internal/load"
)

// The program fixtures are one module, example.com/prog, in
// testdata/program: one directory per program (a main and its packages),
// with a module of "another vendor" beside them (third/). A finding is
// expected where a line says // want `regexp`; every other line must stay
// silent. Programs named clean_* expect nothing.

var (
	downloadOnce sync.Once
	downloadErr  error
)

// moduleDir returns the absolute path of a fixture module whose
// dependencies are in the module cache.
func moduleDir(t testing.TB, rel string) string {
	t.Helper()
	dir, err := filepath.Abs(filepath.Join("..", "..", "testdata", rel))
	if err != nil {
		t.Fatal(err)
	}
	downloadOnce.Do(func() {
		for _, m := range []string{"program", "src", "libs"} {
			cmd := exec.Command("go", "mod", "download")
			cmd.Dir = filepath.Join(dir, "..", m)
			if out, err := cmd.CombinedOutput(); err != nil {
				downloadErr = fmt.Errorf("go mod download in testdata/%s: %v\n%s", m, err, out)
				return
			}
		}
	})
	if downloadErr != nil {
		t.Fatal(downloadErr)
	}
	return dir
}

type want struct {
	re      *regexp.Regexp
	matched bool
}

var wantRE = regexp.MustCompile("// want `([^`]*)`")

// wants reads the expectations of the .go files under dir, by
// "file:line" relative to dir.
func wants(t *testing.T, dir string) map[string][]*want {
	t.Helper()
	out := make(map[string][]*want)
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".go") {
			return err
		}
		src, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, path)
		for i, line := range strings.Split(string(src), "\n") {
			for _, m := range wantRE.FindAllStringSubmatch(line, -1) {
				re, err := regexp.Compile(m[1])
				if err != nil {
					return fmt.Errorf("%s:%d: %v", rel, i+1, err)
				}
				key := fmt.Sprintf("%s:%d", filepath.ToSlash(rel), i+1)
				out[key] = append(out[key], &want{re: re})
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// finding is a rendered finding: where, and the message.
type finding struct{ pos, msg string }

// analyse runs mode ("program" or "perpkg") on patterns in dir.
func analyse(t *testing.T, dir, mode string, patterns ...string) []finding {
	t.Helper()
	g, err := load.Metadata(dir, false, patterns...)
	if err != nil {
		t.Fatal(err)
	}
	cat, err := catalog.Compile(catalog.Config{})
	if err != nil {
		t.Fatal(err)
	}
	var res *driver.Result
	if mode == "program" {
		if res, _, err = driver.Program(g, cat); err != nil {
			t.Fatal(err)
		}
	} else {
		res = driver.PerPackage(g, cat, 0)
	}
	for _, e := range res.Errors {
		t.Errorf("%s: %s", e.Pkg.ID, strings.Join(e.Lines, "\n"))
	}
	var out []finding
	seen := make(map[finding]bool)
	for _, u := range res.Units {
		for i := range u.Findings {
			f := &u.Findings[i]
			if f.Suppressed != nil {
				continue
			}
			p := res.Fset.Position(f.Pos)
			rel, _ := filepath.Rel(dir, p.Filename)
			fd := finding{fmt.Sprintf("%s:%d", filepath.ToSlash(rel), p.Line), f.Message()}
			if !seen[fd] {
				seen[fd] = true
				out = append(out, fd)
			}
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].pos < out[j].pos })
	return out
}

// programs lists the fixture programs: the directories of the module with
// a main package, but the other vendor's module.
func programs(t *testing.T, dir string) (flagged, clean []string) {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	ws := wants(t, dir)
	for _, e := range entries {
		if !e.IsDir() || e.Name() == "third" {
			continue
		}
		n := 0
		for key := range ws {
			if strings.HasPrefix(key, e.Name()+"/") {
				n++
			}
		}
		switch {
		case strings.HasPrefix(e.Name(), "clean_") && n > 0:
			t.Errorf("%s: named clean_* but has // want expectations", e.Name())
		case !strings.HasPrefix(e.Name(), "clean_") && n == 0:
			t.Errorf("%s: has no // want expectation; name it clean_* if it must stay silent", e.Name())
		case n > 0:
			flagged = append(flagged, e.Name())
		default:
			clean = append(clean, e.Name())
		}
	}
	return flagged, clean
}

// TestProgramFixtures analyses every fixture program in whole-program mode
// and checks each finding against the // want on its line, and that every
// want is met. Each program is loaded on its own.
func TestProgramFixtures(t *testing.T) {
	dir := moduleDir(t, "program")
	flagged, clean := programs(t, dir)
	t.Logf("%d programs with findings: %s", len(flagged), strings.Join(flagged, " "))
	t.Logf("%d silent programs: %s", len(clean), strings.Join(clean, " "))
	if len(flagged) < 15 || len(clean) < 10 {
		t.Errorf("%d programs with findings and %d silent ones, want at least 15 and 10", len(flagged), len(clean))
	}
	ws := wants(t, dir)
	for _, name := range append(flagged, clean...) {
		t.Run(name, func(t *testing.T) {
			checkWants(t, ws, analyse(t, dir, "program", "./"+name+"/..."), name+"/")
		})
	}
}

// checkWants matches findings against the wants: each finding must match
// a want on its line, and each want under prefix must be met.
func checkWants(t *testing.T, ws map[string][]*want, findings []finding, prefix string) {
	t.Helper()
	for _, f := range findings {
		matched := false
		for _, w := range ws[f.pos] {
			if w.re.MatchString(f.msg) {
				w.matched, matched = true, true
			}
		}
		if !matched {
			t.Errorf("%s: unexpected finding: %s", f.pos, f.msg)
		}
	}
	for key, list := range ws {
		if !strings.HasPrefix(key, prefix) {
			continue
		}
		for _, w := range list {
			if !w.matched {
				t.Errorf("%s: no finding matched `%s`", key, w.re)
			}
		}
	}
}

// TestProgramModeCoversVetMode runs the per-package fixture module
// (testdata/src) in both modes: program mode must report every finding
// vet mode reports (same position, same category); what it reports beyond
// is listed here, each with why.
func TestProgramModeCoversVetMode(t *testing.T) {
	dir := moduleDir(t, "src")
	perpkg := analyse(t, dir, "perpkg", "./...")
	program := analyse(t, dir, "program", "./...")
	key := func(f finding) string {
		cat, _, _ := strings.Cut(f.msg, ":")
		return f.pos + " " + cat
	}
	have := make(map[string]bool)
	for _, f := range program {
		have[key(f)] = true
	}
	for _, f := range perpkg {
		if !have[key(f)] {
			t.Errorf("program mode misses %s: %s", f.pos, f.msg)
		}
	}
	// Findings only program mode has, and why: none so far (the
	// per-package fixtures never depend on a value chosen elsewhere).
	extra := map[string]string{}
	vet := make(map[string]bool)
	for _, f := range perpkg {
		vet[key(f)] = true
	}
	for _, f := range program {
		if !vet[key(f)] && extra[key(f)] == "" {
			t.Errorf("program mode reports more than vet mode, unexplained: %s: %s", f.pos, f.msg)
		}
	}
}

var runRE = regexp.MustCompile(`(?m)^// Run: (.*)$`)

// TestProgramsMisbehave runs every fixture program whose main.go claims a
// runtime failure ("// Run: overflows the stack ..." or "// Run: hangs
// ..."), bounded, in a subprocess, and checks that it fails that way: the
// findings are about programs that really break.
func TestProgramsMisbehave(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs programs")
	}
	dir := moduleDir(t, "program")
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	bin := t.TempDir()
	for _, e := range entries {
		src, err := os.ReadFile(filepath.Join(dir, e.Name(), "main.go"))
		if err != nil {
			continue
		}
		m := runRE.FindSubmatch(src)
		if m == nil {
			continue
		}
		claim := string(m[1])
		t.Run(e.Name(), func(t *testing.T) {
			exe := filepath.Join(bin, e.Name())
			build := exec.Command("go", "build", "-o", exe, "./"+e.Name())
			build.Dir = dir
			if out, err := build.CombinedOutput(); err != nil {
				t.Fatalf("go build: %v\n%s", err, out)
			}
			ctx, cancel := context.WithTimeout(context.Background(), 15*time.Second)
			defer cancel()
			cmd := exec.CommandContext(ctx, exe)
			var stderr bytes.Buffer
			cmd.Stderr = &stderr
			err := cmd.Run()
			out := stderr.String()
			switch {
			case strings.HasPrefix(claim, "overflows the stack"):
				if !strings.Contains(out, "stack overflow") && !strings.Contains(out, "goroutine stack exceeds") {
					t.Errorf("claimed %q, but: %v\n%s", claim, err, tail(out))
				}
			case strings.HasPrefix(claim, "hangs"):
				if ctx.Err() == nil && !strings.Contains(out, "all goroutines are asleep") {
					t.Errorf("claimed %q, but it finished: %v\n%s", claim, err, tail(out))
				}
			default:
				t.Fatalf("unknown claim %q", claim)
			}
		})
	}
}

func tail(s string) string {
	if len(s) > 2000 {
		return "…" + s[len(s)-2000:]
	}
	return s
}

// TestProgramDeterministic analyses every fixture program at once, twice,
// the second time on one CPU (packages are type-checked and built in
// another order): the findings must be the same, in the same order.
func TestProgramDeterministic(t *testing.T) {
	dir := moduleDir(t, "program")
	first := analyse(t, dir, "program", "./...")
	prev := runtime.GOMAXPROCS(1)
	second := analyse(t, dir, "program", "./...")
	runtime.GOMAXPROCS(prev)
	if len(first) == 0 {
		t.Fatal("no findings on the fixture programs")
	}
	if fmt.Sprint(first) != fmt.Sprint(second) {
		t.Errorf("two runs differ:\n%v\n%v", first, second)
	}
}

// TestProgramDotlessModule: a module whose path has no dot ("myapp") is the
// user's code, not the standard library's: program mode reports its hooks
// as per-package mode does.
func TestProgramDotlessModule(t *testing.T) {
	fixtures := moduleDir(t, "program")
	dir := t.TempDir()
	mod, err := os.ReadFile(filepath.Join(fixtures, "go.mod"))
	if err != nil {
		t.Fatal(err)
	}
	var lines []string
	for _, l := range strings.Split(string(mod), "\n") {
		switch {
		case strings.HasPrefix(l, "module "):
			l = "module myapp"
		case strings.Contains(l, "example.com/third"):
			continue
		}
		lines = append(lines, l)
	}
	sum, err := os.ReadFile(filepath.Join(fixtures, "go.sum"))
	if err != nil {
		t.Fatal(err)
	}
	files := map[string]string{
		"go.mod": strings.Join(lines, "\n"),
		"go.sum": string(sum),
		"main.go": `package main

import (
	"context"
	"os"

	sdktrace "go.opentelemetry.io/otel/sdk/trace"
)

type hostProcessor struct{}

func (hostProcessor) OnStart(context.Context, sdktrace.ReadWriteSpan) {
	_, _ = os.ReadFile("/etc/hostname") // want ` + "`io: OnStart of hostProcessor calls os\\.ReadFile`" + `
}
func (hostProcessor) OnEnd(sdktrace.ReadOnlySpan)          {}
func (hostProcessor) Shutdown(context.Context) error   { return nil }
func (hostProcessor) ForceFlush(context.Context) error { return nil }

func main() {
	tp := sdktrace.NewTracerProvider(sdktrace.WithSpanProcessor(hostProcessor{}))
	_, span := tp.Tracer("t").Start(context.Background(), "s")
	span.End()
}
`,
	}
	for name, content := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	ws := wants(t, dir)
	for _, mode := range []string{"program", "perpkg"} {
		t.Run(mode, func(t *testing.T) {
			for _, w := range ws {
				for _, x := range w {
					x.matched = false
				}
			}
			checkWants(t, ws, analyse(t, dir, mode, "./..."), "")
		})
	}
}
