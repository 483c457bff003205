package analyzer_test

import (
	"flag"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strings"
	"sync"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/spanhotpath/spanhotpath/analyzer"
)

// The fixtures are one Go module, example.com/fx, in testdata/src, with one
// package per behaviour. analysistest loads it in module mode (the directory
// has a go.mod) with GOPROXY=off, so its modules must already be in the
// module cache: needModules downloads them once per test binary.

const (
	fixtureModule = "example.com/fx"
	configuredPkg = "configured" // analysed with its own configuration only
)

var (
	downloadOnce sync.Once
	downloadErr  error
)

// fixtureDir returns the absolute path of testdata/src, with the fixture
// module's dependencies in the module cache.
func fixtureDir(t testing.TB) string {
	t.Helper()
	dir, err := filepath.Abs(filepath.Join("..", "testdata", "src"))
	if err != nil {
		t.Fatal(err)
	}
	downloadOnce.Do(func() {
		cmd := exec.Command("go", "mod", "download")
		cmd.Dir = dir
		cmd.Env = append(os.Environ(), "GOWORK=off")
		if out, err := cmd.CombinedOutput(); err != nil {
			downloadErr = fmt.Errorf("`go mod download` in %s failed: %v\n%s\n"+
				"The fixtures need their modules (OpenTelemetry, gRPC, AWS, GCP) in the module cache, "+
				"because analysistest loads them with GOPROXY=off. Run `cd testdata/src && go mod download` "+
				"with network access or a GOPROXY that serves them, then rerun the tests.", dir, err, out)
		}
	})
	if downloadErr != nil {
		t.Fatal(downloadErr)
	}
	return dir
}

// fixture is one package under testdata/src.
type fixture struct {
	rel     string // directory relative to testdata/src, slash-separated
	dir     string // absolute directory
	flagged bool   // has at least one // want expectation
	facts   bool   // has at least one fact expectation (name:"pattern")
}

func (f fixture) importPath() string { return fixtureModule + "/" + f.rel }

// fixtures lists every directory under testdata/src with .go files, except
// the configured package, sorted by relative path.
func fixtures(t testing.TB, root string) []fixture {
	t.Helper()
	dirs := make(map[string]bool)
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if d.Name() == configuredPkg && filepath.Dir(path) == root {
				return filepath.SkipDir
			}
			return nil
		}
		if strings.HasSuffix(path, ".go") {
			dirs[filepath.Dir(path)] = true
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	var out []fixture
	for dir := range dirs {
		if dir == root {
			t.Fatalf("Go files at the root of %s: every fixture needs its own package directory", root)
		}
		rel, _ := filepath.Rel(root, dir)
		out = append(out, loadFixture(t, root, filepath.ToSlash(rel)))
	}
	sort.Slice(out, func(i, j int) bool { return out[i].rel < out[j].rel })
	return out
}

// loadFixture reads the expectations of the package in root/rel.
func loadFixture(t testing.TB, root, rel string) fixture {
	t.Helper()
	f := fixture{rel: rel, dir: filepath.Join(root, filepath.FromSlash(rel))}
	files, err := filepath.Glob(filepath.Join(f.dir, "*.go"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no Go files in %s (%v)", f.dir, err)
	}
	for _, file := range files {
		src, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		for _, line := range strings.Split(string(src), "\n") {
			_, want, ok := strings.Cut(line, "// want ")
			if !ok {
				continue
			}
			f.flagged = true
			if factWantRE.MatchString(want) {
				f.facts = true
			}
		}
	}
	return f
}

// recorder is an analysistest.Testing that keeps the errors instead of
// failing the test, so that one load of every fixture can report into one
// subtest per package. It embeds the real test for logging (analysistest
// logs type errors through testing.TB).
type recorder struct {
	testing.TB
	mu   sync.Mutex
	msgs []string
}

func (r *recorder) Errorf(format string, args ...any) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.msgs = append(r.msgs, fmt.Sprintf(format, args...))
}

var (
	// A fact expectation in a // want comment: name:"pattern" or name:`pattern`.
	factWantRE = regexp.MustCompile("(^|\\s)[\\pL_][\\pL\\pN_]*:[\"`]")
	// analysistest's complaint about a fact nobody expected.
	unexpectedFactRE = regexp.MustCompile(`^.+\.go:\d+:\d+: unexpected fact: `)
	// A message about a file starts with its position.
	filePosRE = regexp.MustCompile(`^(.+\.go):\d+`)
	// A failed action reads "error analyzing spanhotpath@<package>: ...".
	actionRE = regexp.MustCompile(`^error analyzing [^@]+@(\S+)`)
)

// route splits recorded messages by fixture; what belongs to none is
// returned under "".
//
// Facts are checked only in packages that expect one: the analyzer exports
// a fact for every package-level function that reaches a sink (hooks,
// helpers, constructors of clean packages), and the diagnostics already
// say what each hook reaches. The helper packages of the cross-package
// fixtures pin the facts themselves; elsewhere an unexpected fact is not
// an error (TestDeterministic still compares all of them).
func (r *recorder) route(fxs []fixture) map[string][]string {
	byDir := make(map[string]fixture)
	byPath := make(map[string]string)
	for _, f := range fxs {
		byDir[f.dir] = f
		byPath[f.importPath()] = f.rel
	}
	out := make(map[string][]string)
	for _, msg := range r.msgs {
		key := ""
		if m := filePosRE.FindStringSubmatch(msg); m != nil {
			f, ok := byDir[filepath.Dir(m[1])]
			if ok && !f.facts && unexpectedFactRE.MatchString(msg) {
				continue
			}
			key = f.rel
		} else if m := actionRE.FindStringSubmatch(msg); m != nil {
			key = byPath[strings.TrimSuffix(m[1], ":")]
		}
		out[key] = append(out[key], msg)
	}
	return out
}

// fixtureRun is one analysis of every fixture package.
type fixtureRun struct {
	fixtures []fixture
	results  []*analysistest.Result
	errs     map[string][]string // by fixture rel; "" for the rest
}

// runFixtures analyses every fixture package in one load (loading the
// OpenTelemetry, gRPC and cloud SDK sources once, not once per package).
func runFixtures(t testing.TB, a *analysis.Analyzer) *fixtureRun {
	t.Helper()
	dir := fixtureDir(t)
	fxs := fixtures(t, dir)
	var patterns []string
	for _, f := range fxs {
		patterns = append(patterns, f.importPath())
	}
	rec := &recorder{TB: t}
	results := analysistest.Run(rec, dir, a, patterns...)
	return &fixtureRun{fixtures: fxs, results: results, errs: rec.route(fxs)}
}

var (
	defaultRunOnce sync.Once
	defaultRun     *fixtureRun
)

// defaultFixtureRun is the analysis of every fixture with analyzer.Analyzer
// at its default configuration, shared by the tests that only read it.
func defaultFixtureRun(t testing.TB) *fixtureRun {
	t.Helper()
	fixtureDir(t) // fail here, not inside the once, if modules are missing
	defaultRunOnce.Do(func() { defaultRun = runFixtures(t, analyzer.Analyzer) })
	if defaultRun == nil {
		t.Fatal("the fixture run failed earlier")
	}
	return defaultRun
}

func (r *fixtureRun) result(importPath string) *analysistest.Result {
	for _, res := range r.results {
		if res.Action != nil && res.Action.Package.PkgPath == importPath {
			return res
		}
	}
	return nil
}

// TestFixtures checks every fixture package's // want expectations
// (diagnostics and facts), one subtest per package.
func TestFixtures(t *testing.T) {
	run := defaultFixtureRun(t)
	for _, msg := range run.errs[""] {
		t.Error(msg)
	}
	for _, f := range run.fixtures {
		t.Run(f.rel, func(t *testing.T) {
			if run.result(f.importPath()) == nil {
				t.Errorf("package %s was not analysed", f.importPath())
			}
			for _, msg := range run.errs[f.rel] {
				t.Error(msg)
			}
		})
	}
}

// TestFixtureCount keeps the fixture set broad and its names honest:
// packages named clean_* (and their helper packages) expect nothing, every
// other package expects at least one diagnostic or fact.
func TestFixtureCount(t *testing.T) {
	dir, err := filepath.Abs(filepath.Join("..", "testdata", "src"))
	if err != nil {
		t.Fatal(err)
	}
	var flagged, clean []string
	for _, f := range fixtures(t, dir) {
		// A clean_* fixture's helper packages are clean too.
		isClean := strings.HasPrefix(f.rel, "clean_")
		switch {
		case isClean && f.flagged:
			t.Errorf("%s: named clean_* but has // want expectations", f.rel)
		case !isClean && !f.flagged:
			t.Errorf("%s: has no // want expectation; name it clean_* if it must stay silent", f.rel)
		}
		if f.flagged {
			flagged = append(flagged, f.rel)
		} else {
			clean = append(clean, f.rel)
		}
	}
	t.Logf("%d flagged packages: %s", len(flagged), strings.Join(flagged, " "))
	t.Logf("%d clean packages: %s", len(clean), strings.Join(clean, " "))
	if len(flagged) < 25 {
		t.Errorf("%d fixture packages with // want expectations, want at least 25", len(flagged))
	}
	if len(clean) < 20 {
		t.Errorf("%d fixture packages without // want expectations, want at least 20", len(clean))
	}
}

// TestDiagnosticCategory checks the contract of Diagnostic.Category: set on
// every report, one of the four categories (or "directive", for a
// //spanhotpath:ignore that is itself wrong), and the first word of the
// message.
func TestDiagnosticCategory(t *testing.T) {
	run := defaultFixtureRun(t)
	categories := []string{"reentrancy", "deadlock", "network", "io", "blocking", "directive"}
	for _, res := range run.results {
		if res.Action == nil {
			continue
		}
		for _, d := range res.Action.Diagnostics {
			pos := res.Action.Package.Fset.Position(d.Pos)
			if !slices.Contains(categories, d.Category) {
				t.Errorf("%s: Category %q, want one of %v", pos, d.Category, categories)
			}
			if !strings.HasPrefix(d.Message, d.Category+": ") {
				t.Errorf("%s: message %q does not start with its category %q", pos, d.Message, d.Category+": ")
			}
		}
	}
}

// TestSuppressedWording checks what the // want prefixes cannot: a call
// whose re-entry is suppressed (own transport, no-op tracer provider) is
// network I/O, and its message does not blame http.DefaultTransport.
func TestSuppressedWording(t *testing.T) {
	run := defaultFixtureRun(t)
	for _, pkg := range []string{"suppress_own_transport", "suppress_noop_provider"} {
		t.Run(pkg, func(t *testing.T) {
			res := run.result(fixtureModule + "/" + pkg)
			if res == nil || res.Action == nil {
				t.Fatalf("package %s was not analysed", pkg)
			}
			if len(res.Action.Diagnostics) == 0 {
				t.Fatal("no diagnostics")
			}
			for _, d := range res.Action.Diagnostics {
				if d.Category != "network" || strings.Contains(d.Message, "DefaultTransport") {
					t.Errorf("%s: got %s %q, want a network finding that does not mention http.DefaultTransport",
						res.Action.Package.Fset.Position(d.Pos), d.Category, d.Message)
				}
			}
		})
	}
}

// TestDeterministic analyses every fixture twice, in separate loads, and
// requires the same diagnostics (position, category, message, in the same
// order) and the same facts.
func TestDeterministic(t *testing.T) {
	first := defaultFixtureRun(t)
	second := runFixtures(t, analyzer.Analyzer)
	a, b := first.dump(), second.dump()
	if len(a) == 0 {
		t.Fatal("the fixtures produced no diagnostics and no facts: nothing to compare")
	}
	if !slices.Equal(a, b) {
		t.Errorf("two runs differ:\n--- first ---\n%s\n--- second ---\n%s", strings.Join(a, "\n"), strings.Join(b, "\n"))
	}
}

// dump lists every diagnostic (with its related positions and suggested
// fixes) and fact of the fixture packages, in the order the analyzer
// reported the diagnostics.
func (r *fixtureRun) dump() []string {
	var out []string
	for _, f := range r.fixtures {
		res := r.result(f.importPath())
		if res == nil || res.Action == nil {
			out = append(out, f.rel+": not analysed")
			continue
		}
		act := res.Action
		rel := func(p string) string {
			if s, err := filepath.Rel(f.dir, p); err == nil {
				return f.rel + "/" + filepath.ToSlash(s)
			}
			return p
		}
		for _, d := range act.Diagnostics {
			pos := act.Package.Fset.Position(d.Pos)
			out = append(out, fmt.Sprintf("%s:%d:%d: [%s] %s", rel(pos.Filename), pos.Line, pos.Column, d.Category, d.Message))
			for _, r := range d.Related {
				rp := act.Package.Fset.Position(r.Pos)
				out = append(out, fmt.Sprintf("\trelated %s:%d:%d: %s", rel(rp.Filename), rp.Line, rp.Column, r.Message))
			}
			for _, fx := range d.SuggestedFixes {
				out = append(out, "\tfix: "+fx.Message)
				for _, e := range fx.TextEdits {
					sp, ep := act.Package.Fset.Position(e.Pos), act.Package.Fset.Position(e.End)
					out = append(out, fmt.Sprintf("\t\tedit %s:%d:%d-%d:%d %q", rel(sp.Filename), sp.Line, sp.Column, ep.Line, ep.Column, e.NewText))
				}
			}
		}
		var facts []string
		for _, of := range act.AllObjectFacts() {
			if of.Object.Pkg() != act.Package.Types {
				continue
			}
			pos := act.Package.Fset.Position(of.Object.Pos())
			facts = append(facts, fmt.Sprintf("%s:%d: fact %s: %s", rel(pos.Filename), pos.Line, of.Object.Name(), of.Fact))
		}
		sort.Strings(facts)
		out = append(out, facts...)
	}
	return out
}

var update = flag.Bool("update", false, "rewrite testdata/fixtures.golden from the current analyzer")

// TestGolden compares every diagnostic, related position, suggested fix and
// fact of the fixture matrix with testdata/fixtures.golden, byte for byte:
// the // want patterns match prefixes, this pins whole messages, so a
// change in wording or witness choice shows up as a diff to review
// (go test ./analyzer -run TestGolden -update rewrites it).
func TestGolden(t *testing.T) {
	got := strings.Join(defaultFixtureRun(t).dump(), "\n") + "\n"
	golden := filepath.Join("testdata", "fixtures.golden")
	if *update {
		if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test ./analyzer -run TestGolden -update)", err)
	}
	if got != string(want) {
		t.Errorf("fixture output differs from %s:\n%s", golden, lineDiff(string(want), got))
	}
}

// lineDiff lists the lines only in want (-) and only in got (+), in order.
func lineDiff(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	inW, inG := make(map[string]int), make(map[string]int)
	for _, l := range w {
		inW[l]++
	}
	for _, l := range g {
		inG[l]++
	}
	var b strings.Builder
	for _, l := range w {
		if inG[l] == 0 {
			b.WriteString("- " + l + "\n")
		}
	}
	for _, l := range g {
		if inW[l] == 0 {
			b.WriteString("+ " + l + "\n")
		}
	}
	if b.Len() == 0 {
		b.WriteString("(same lines, different order or multiplicity)\n")
	}
	return b.String()
}

// checkFixture checks one fixture package's expectations with analyzer a,
// with the fact policy of TestFixtures.
func checkFixture(t *testing.T, dir string, a *analysis.Analyzer, f fixture) {
	t.Helper()
	rec := &recorder{TB: t}
	results := analysistest.Run(rec, dir, a, f.importPath())
	if len(results) == 0 {
		t.Errorf("package %s was not analysed", f.importPath())
	}
	for _, msgs := range rec.route([]fixture{f}) {
		for _, msg := range msgs {
			t.Error(msg)
		}
	}
}

// configuredConfig is the configuration testdata/src/configured is written
// for.
var configuredConfig = analyzer.Config{
	Roots:   []string{"(*example.com/fx/configured.Handler).Serve"},
	Sinks:   []analyzer.SinkSetting{{Name: "example.com/fx/configured.slowCall", Category: "network", Fix: "cache it"}},
	Safe:    []string{"example.com/fx/configured.cachedRegion"},
	Disable: []string{"io"},
}

// TestConfigured checks a user root, a user sink with a fix hint, a safe
// function and a disabled category, through analyzer.New and through the
// flags of analyzer.Analyzer, and that the default configuration sees the
// same package differently.
func TestConfigured(t *testing.T) {
	dir := fixtureDir(t)
	fx := loadFixture(t, dir, configuredPkg)
	pkg := fx.importPath()

	t.Run("New", func(t *testing.T) {
		a, err := analyzer.New(configuredConfig)
		if err != nil {
			t.Fatalf("New: %v", err)
		}
		checkFixture(t, dir, a, fx)
	})

	t.Run("flags", func(t *testing.T) {
		set := func(name, value string) {
			t.Helper()
			if err := analyzer.Analyzer.Flags.Set(name, value); err != nil {
				t.Fatalf("-%s=%s: %v", name, value, err)
			}
		}
		defer func() {
			for _, name := range []string{"roots", "sinks", "safe", "disable"} {
				_ = analyzer.Analyzer.Flags.Set(name, "")
			}
		}()
		set("roots", strings.Join(configuredConfig.Roots, ","))
		set("sinks", "example.com/fx/configured.slowCall=network:cache it")
		set("safe", strings.Join(configuredConfig.Safe, ","))
		set("disable", strings.Join(configuredConfig.Disable, ","))
		checkFixture(t, dir, analyzer.Analyzer, fx)
	})

	t.Run("default", func(t *testing.T) {
		rec := &recorder{TB: t}
		results := analysistest.Run(rec, dir, analyzer.Analyzer, pkg)
		var got []string
		for _, res := range results {
			if res.Action == nil {
				continue
			}
			if res.Action.Err != nil {
				t.Fatalf("analysis failed: %v", res.Action.Err)
			}
			for _, d := range res.Action.Diagnostics {
				got = append(got, d.Message)
			}
		}
		want := regexp.MustCompile(`^io: OnStart of \*AuditProcessor calls os\.Stat`)
		if len(got) != 1 || !want.MatchString(got[0]) {
			t.Errorf("default configuration on %s: got %q, want one finding matching %s", pkg, got, want)
		}
	})

	t.Run("invalid", func(t *testing.T) {
		for _, cfg := range []analyzer.Config{
			{Roots: []string{"not a name"}},
			{Sinks: []analyzer.SinkSetting{{Name: "example.com/fx/configured.slowCall", Category: "slow"}}},
			{Disable: []string{"everything"}},
		} {
			if _, err := analyzer.New(cfg); err == nil {
				t.Errorf("New(%+v) succeeded, want an error", cfg)
			}
		}
	})
}

// TestUnrelatedRoots runs every fixture with a configured root that none of
// them declares: the default hooks' findings must not change. (Configured
// roots turn off the shortcut that skips packages which refer to no sink,
// so more packages are analysed and export facts.)
func TestUnrelatedRoots(t *testing.T) {
	a, err := analyzer.New(analyzer.Config{Roots: []string{"(*example.com/fx/configured.Handler).Serve"}})
	if err != nil {
		t.Fatal(err)
	}
	diagnostics := func(r *fixtureRun) []string {
		var out []string
		for _, line := range r.dump() {
			if !strings.Contains(line, ": fact ") {
				out = append(out, line)
			}
		}
		return out
	}
	want := diagnostics(defaultFixtureRun(t))
	got := diagnostics(runFixtures(t, a))
	if !slices.Equal(got, want) {
		t.Errorf("an unrelated -roots value changed the findings:\n%s", lineDiff(strings.Join(want, "\n"), strings.Join(got, "\n")))
	}
}
