package integration

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
)

// workDir holds the binaries and fixture copies of one test run.
var workDir string

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "spanhotpath-integration-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	workDir = dir
	code := m.Run()
	_ = os.RemoveAll(dir)
	os.Exit(code)
}

// The fixture's expected findings, in file order. The fixture has the
// incident (a helper of the same package calls http.Get), a file read through
// a helper of another package (facts) and a clean processor.
var wantFindings = []struct {
	file, category, prefix string
}{
	{"container.go", "io", "io: OnStart of *ContainerIDSpanProcessor calls example.com/integration/hostinfo.ContainerID, which calls os.ReadFile"},
	{"incident.go", "network", "network: OnStart of *SystemInfoSpanProcessor calls getHostIP, which calls net/http.Get"},
}

var categories = []string{"reentrancy", "deadlock", "network", "io"}

// goodConfig enables only spanhotpath, with the settings the documentation
// recommends so that no finding is hidden.
const goodConfig = `version: "2"
run:
  allow-parallel-runners: true
linters:
  default: none
  enable:
    - spanhotpath
  settings:
    custom:
      spanhotpath:
        type: module
        description: I/O and re-entrancy on OpenTelemetry hot paths
        settings:
%s
issues:
  uniq-by-line: false
  max-issues-per-linter: 0
  max-same-issues: 0
`

func config(settings string) string {
	if settings == "" {
		settings = "{}"
	}
	var b strings.Builder
	for line := range strings.Lines(strings.TrimSpace(settings)) {
		b.WriteString("          " + line)
	}
	return fmt.Sprintf(goodConfig, b.String())
}

// TestGolangciLintVersion checks that the custom binary is golangci-lint
// v2.15.0 and says it carries the plugin, with no version stamped in.
func TestGolangciLintVersion(t *testing.T) {
	bin := golangciLint(t)
	out := mustRun(t, "", nil, bin, "version")
	if !strings.Contains(out, "golangci-lint has version (devel)") ||
		!strings.Contains(out, "golangci-lint v2.15.0 with the spanhotpath plugin") {
		t.Errorf("golangci-lint version: %s", out)
	}
}

// TestFindings runs the three front ends on the fixture: golangci-lint with
// the plugin, go vet -vettool=spanhotpath and standalone spanhotpath. Each
// must report the expected findings with its documented exit status, and
// all three must agree on file, line, category and message.
func TestFindings(t *testing.T) {
	gl := golangciRun(t)
	t.Run("golangci-lint", func(t *testing.T) {
		checkExpected(t, gl.findings)
		checkExit(t, gl, 1)
	})

	bin, buildErr := spanhotpath(t)
	var vet, standalone *result
	t.Run("go vet", func(t *testing.T) {
		if buildErr != nil {
			t.Fatal(buildErr)
		}
		vet = textRun(t, fixture(t), "go", "vet", "-vettool="+bin, "./...")
		checkExpected(t, vet.findings)
		checkExit(t, vet, 1)
	})
	t.Run("standalone", func(t *testing.T) {
		if buildErr != nil {
			t.Fatal(buildErr)
		}
		standalone = textRun(t, fixture(t), bin, "./...")
		checkExpected(t, standalone.findings)
		checkExit(t, standalone, 3)
	})
	t.Run("agreement", func(t *testing.T) {
		if vet == nil || standalone == nil {
			t.Fatal("go vet or standalone did not run")
		}
		want := formatFindings(vet.findings)
		for _, fe := range []struct {
			name string
			r    *result
		}{{"golangci-lint", gl}, {"standalone spanhotpath", standalone}} {
			if got := formatFindings(fe.r.findings); got != want {
				t.Errorf("%s and go vet disagree\n%s:\n%s\ngo vet:\n%s", fe.name, fe.name, got, want)
			}
		}
	})
	t.Run("clean package", func(t *testing.T) {
		// hostinfo does I/O but has no hook: nothing to report, exit 0.
		r := golangciJSON(t, fixture(t), golangciLint(t), configFile(t, "good.yml", config("")), "./hostinfo")
		if len(r.findings) != 0 {
			t.Errorf("findings in a package without hooks:\n%s", formatFindings(r.findings))
		}
		checkExit(t, r, 0)
	})
}

// TestNolint puts //nolint:spanhotpath on the line of one finding: that
// finding, and only that one, disappears.
func TestNolint(t *testing.T) {
	before := golangciRun(t).findings
	if len(before) < 2 {
		t.Fatalf("need at least two findings to test //nolint, golangci-lint reported %d:\n%s", len(before), formatFindings(before))
	}
	target := before[0]

	dir := copyFixture(t, filepath.Join(workDir, "nolint"))
	file := filepath.Join(dir, filepath.FromSlash(target.File))
	src, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(string(src), "\n")
	lines[target.Line-1] += " //nolint:spanhotpath // integration test"
	if err := os.WriteFile(file, []byte(strings.Join(lines, "\n")), 0o644); err != nil {
		t.Fatal(err)
	}

	after := golangciJSON(t, dir, golangciLint(t), configFile(t, "good.yml", config("")), "./...")
	if got, want := formatFindings(after.findings), formatFindings(before[1:]); got != want {
		t.Errorf("with //nolint:spanhotpath on %s:%d\ngot:\n%s\nwant:\n%s", target.File, target.Line, got, want)
	}
}

// TestBadSettings checks that wrong plugin settings stop golangci-lint with
// an error that names the key and says it comes from the spanhotpath
// settings (golangci-lint config verify does not check plugin settings).
func TestBadSettings(t *testing.T) {
	for _, tc := range []struct {
		name, settings string
		want           []string
	}{
		{"unknown key", "bogus: 1", []string{`unknown key "bogus"`}},
		{"unknown key in a sink", "sinks:\n  - {name: example.com/app.fetch, category: network, severity: high}", []string{`unknown key "severity"`}},
		{"wrong type", "roots: 12", []string{`key "roots"`, "want a list of strings"}},
		{"string instead of list", "disable: io", []string{`key "disable"`, "want a list of strings, got string"}},
		{"bad category", "disable: [slow]", []string{`disable[0] "slow"`}},
		{"bad full name", "safe: [\"not a name\"]", []string{`safe[0] "not a name"`}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			cfg := configFile(t, "bad.yml", config(tc.settings))
			r := run(t, fixture(t), nil, golangciLint(t), "run", "--config", cfg, "./...")
			out := r.stdout + r.stderr
			if r.code == 0 {
				t.Fatalf("exit status 0 with settings %q:\n%s", tc.settings, out)
			}
			if r.code != 3 {
				t.Errorf("exit status %d, want 3 (golangci-lint's failure status)", r.code)
			}
			want := append([]string{"spanhotpath settings (linters.settings.custom.spanhotpath.settings): "}, tc.want...)
			for _, w := range want {
				if !strings.Contains(out, w) {
					t.Errorf("output does not contain %q:\n%s", w, out)
				}
			}
		})
	}
}

// TestPluginNotFound covers the configurations that cannot load the plugin.
func TestPluginNotFound(t *testing.T) {
	t.Run("stock golangci-lint", func(t *testing.T) {
		// The documented configuration given to a golangci-lint built
		// without the plugin.
		r := run(t, fixture(t), nil, stockGolangciLint(t), "run", "--config", configFile(t, "good.yml", config("")), "./...")
		checkFailure(t, r, `plugin(spanhotpath): plugin "spanhotpath" not found`)
	})
	t.Run("settings key differs from the plugin name", func(t *testing.T) {
		cfg := strings.Replace(config(""), "    custom:\n      spanhotpath:", "    custom:\n      span-hot-path:", 1)
		cfg = strings.Replace(cfg, "    - spanhotpath", "    - span-hot-path", 1)
		r := run(t, fixture(t), nil, golangciLint(t), "run", "--config", configFile(t, "misnamed.yml", cfg), "./...")
		checkFailure(t, r, `plugin "span-hot-path" not found`)
	})
	t.Run("no custom settings block", func(t *testing.T) {
		cfg := "version: \"2\"\nrun:\n  allow-parallel-runners: true\nlinters:\n  default: none\n  enable: [spanhotpath]\n"
		r := run(t, fixture(t), nil, golangciLint(t), "run", "--config", configFile(t, "noblock.yml", cfg), "./...")
		checkFailure(t, r, `unknown linters: 'spanhotpath'`)
	})
}

func checkFailure(t *testing.T, r *result, want string) {
	t.Helper()
	out := r.stdout + r.stderr
	if r.code != 3 {
		t.Errorf("exit status %d, want 3", r.code)
	}
	if !strings.Contains(out, want) {
		t.Errorf("output does not contain %q:\n%s", want, out)
	}
}

// Findings.

type finding struct {
	File     string // slash-separated, relative to the fixture root
	Line     int
	Category string // the word before the first ": " of the message
	Message  string
}

func formatFindings(fs []finding) string {
	var b strings.Builder
	for _, f := range fs {
		fmt.Fprintf(&b, "  %s:%d: [%s] %s\n", f.File, f.Line, f.Category, f.Message)
	}
	if b.Len() == 0 {
		return "  (none)\n"
	}
	return b.String()
}

func sortFindings(fs []finding) {
	slices.SortFunc(fs, func(a, b finding) int {
		if c := strings.Compare(a.File, b.File); c != 0 {
			return c
		}
		if a.Line != b.Line {
			return a.Line - b.Line
		}
		return strings.Compare(a.Message, b.Message)
	})
}

var categoryRx = regexp.MustCompile(`^([a-z]+(?:/[a-z]+)?): `)

func newFinding(root, file string, line int, msg string) finding {
	f := finding{File: relPath(root, file), Line: line, Message: msg}
	if m := categoryRx.FindStringSubmatch(msg); m != nil {
		f.Category = m[1]
	}
	return f
}

func relPath(root, file string) string {
	if !filepath.IsAbs(file) {
		file = filepath.Join(root, file)
	}
	if r, err := filepath.EvalSymlinks(root); err == nil {
		root = r
	}
	if f, err := filepath.EvalSymlinks(file); err == nil {
		file = f
	}
	if rel, err := filepath.Rel(root, file); err == nil {
		return filepath.ToSlash(rel)
	}
	return filepath.ToSlash(file)
}

func checkExpected(t *testing.T, got []finding) {
	t.Helper()
	ok := len(got) == len(wantFindings)
	for i := 0; ok && i < len(got); i++ {
		w, g := wantFindings[i], got[i]
		ok = g.File == w.file && g.Category == w.category && strings.HasPrefix(g.Message, w.prefix)
	}
	for _, g := range got {
		if !slices.Contains(categories, g.Category) {
			t.Errorf("%s:%d: message does not start with a category word (%s): %q", g.File, g.Line, strings.Join(categories, ", "), g.Message)
		}
	}
	if !ok {
		var want strings.Builder
		for _, w := range wantFindings {
			fmt.Fprintf(&want, "  %s: [%s] %s...\n", w.file, w.category, w.prefix)
		}
		t.Errorf("findings:\n%swant:\n%s", formatFindings(got), want.String())
	}
}

func checkExit(t *testing.T, r *result, withFindings int) {
	t.Helper()
	want := 0
	if len(r.findings) > 0 {
		want = withFindings
	}
	if r.code != want {
		t.Errorf("exit status %d with %d findings, want %d\nstderr:\n%s", r.code, len(r.findings), want, r.stderr)
	}
}

// Running the front ends.

type result struct {
	stdout, stderr string
	code           int
	findings       []finding
}

var (
	golangciMu     sync.Mutex
	golangciResult *result
)

// golangciRun is golangci-lint's run on the fixture with goodConfig, shared
// by the tests.
func golangciRun(t *testing.T) *result {
	t.Helper()
	golangciMu.Lock()
	defer golangciMu.Unlock()
	if golangciResult == nil {
		golangciResult = golangciJSON(t, fixture(t), golangciLint(t), configFile(t, "good.yml", config("")), "./...")
	}
	return golangciResult
}

// golangciJSON runs golangci-lint with JSON output and reads its issues.
func golangciJSON(t *testing.T, dir, bin, cfg string, pkgs ...string) *result {
	t.Helper()
	args := append([]string{"run", "--config", cfg, "--output.json.path", "stdout", "--show-stats=false"}, pkgs...)
	r := run(t, dir, nil, bin, args...)
	if r.code != 0 && r.code != 1 {
		t.Fatalf("golangci-lint failed with exit status %d:\n%s%s", r.code, r.stdout, r.stderr)
	}
	var out struct {
		Issues []struct {
			FromLinter string
			Text       string
			Pos        struct {
				Filename string
				Line     int
			}
		}
	}
	if err := json.Unmarshal([]byte(r.stdout), &out); err != nil {
		t.Fatalf("golangci-lint JSON output: %v\n%s", err, r.stdout)
	}
	for _, is := range out.Issues {
		if is.FromLinter != "spanhotpath" {
			t.Errorf("issue from linter %q: %s", is.FromLinter, is.Text)
			continue
		}
		// Relative paths are relative to the configuration file's
		// directory (run.relative-path-mode: cfg).
		file := is.Pos.Filename
		if !filepath.IsAbs(file) {
			file = filepath.Join(filepath.Dir(cfg), file)
		}
		r.findings = append(r.findings, newFinding(dir, file, is.Pos.Line, is.Text))
	}
	sortFindings(r.findings)
	return r
}

var diagRx = regexp.MustCompile(`^(.+\.go):(\d+):(\d+): (.*)$`)

// textRun runs go vet or standalone spanhotpath and reads the
// "file:line:col: message" lines they print.
func textRun(t *testing.T, dir, name string, args ...string) *result {
	t.Helper()
	r := run(t, dir, nil, name, args...)
	for line := range strings.Lines(r.stderr + "\n" + r.stdout) {
		m := diagRx.FindStringSubmatch(strings.TrimRight(line, "\r\n"))
		if m == nil || strings.HasPrefix(m[4], "\t") {
			continue // not a finding, or a hop of the one above (related information)
		}
		n, _ := strconv.Atoi(m[2])
		r.findings = append(r.findings, newFinding(dir, m[1], n, m[4]))
	}
	sortFindings(r.findings)
	if r.code != 0 && len(r.findings) == 0 {
		t.Fatalf("%s %s: exit status %d and no findings:\n%s%s", name, strings.Join(args, " "), r.code, r.stdout, r.stderr)
	}
	return r
}

func run(t *testing.T, dir string, env []string, name string, args ...string) *result {
	t.Helper()
	cmd := exec.Command(name, args...)
	cmd.Dir = dir
	// The fixture is its own module: never let a go.work take it over.
	cmd.Env = append(append(os.Environ(), "GOWORK=off"), env...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	start := time.Now()
	err := cmd.Run()
	t.Logf("%s %s (in %s): %.1fs", filepath.Base(name), strings.Join(args, " "), dir, time.Since(start).Seconds())
	r := &result{stdout: stdout.String(), stderr: stderr.String()}
	var exitErr *exec.ExitError
	switch {
	case errors.As(err, &exitErr):
		r.code = exitErr.ExitCode()
	case err != nil:
		t.Fatalf("%s: %v", name, err)
	}
	return r
}

func mustRun(t *testing.T, dir string, env []string, name string, args ...string) string {
	t.Helper()
	r := run(t, dir, env, name, args...)
	if r.code != 0 {
		t.Fatalf("%s %s: exit status %d\n%s%s", name, strings.Join(args, " "), r.code, r.stdout, r.stderr)
	}
	return r.stdout + r.stderr
}

// Setup: binaries and the fixture, built once per test binary run.

func skipShort(t *testing.T) {
	t.Helper()
	if testing.Short() {
		t.Skip("integration test: builds and runs golangci-lint")
	}
}

// repoRoot is the root of the spanhotpath module (go test runs in the
// package directory).
func repoRoot(t *testing.T) string {
	t.Helper()
	root, err := filepath.Abs("..")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(root, "scripts", "build-golangci-lint.sh")); err != nil {
		t.Fatal(err)
	}
	return root
}

type once struct {
	sync.Mutex
	done  bool
	value string
	err   error
}

// get returns the cached value, or computes it; an error is kept, so every
// test that needs the value fails the same way.
func (o *once) get(t *testing.T, f func() (string, error)) (string, error) {
	t.Helper()
	o.Lock()
	defer o.Unlock()
	if !o.done {
		o.value, o.err = f()
		o.done = true
	}
	return o.value, o.err
}

func (o *once) mustGet(t *testing.T, f func() (string, error)) string {
	t.Helper()
	v, err := o.get(t, f)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

var golangciBin, stockBin, spanhotpathBin, fixtureDir once

// golangciLint is golangci-lint with the plugin: $SPANHOTPATH_GOLANGCI_LINT,
// or what scripts/build-golangci-lint.sh builds.
func golangciLint(t *testing.T) string {
	skipShort(t)
	return golangciBin.mustGet(t, func() (string, error) {
		root := repoRoot(t)
		if bin := os.Getenv("SPANHOTPATH_GOLANGCI_LINT"); bin != "" {
			return existing(root, bin)
		}
		r := run(t, root, nil, filepath.Join(root, "scripts", "build-golangci-lint.sh"))
		if r.code != 0 {
			return "", fmt.Errorf("scripts/build-golangci-lint.sh: exit status %d\n%s", r.code, r.stderr)
		}
		lines := strings.Fields(r.stdout)
		if len(lines) == 0 {
			return "", errors.New("scripts/build-golangci-lint.sh printed no path")
		}
		return existing(root, lines[len(lines)-1])
	})
}

// stockGolangciLint is golangci-lint v2.15.0 without the plugin:
// $SPANHOTPATH_GOLANGCI_LINT_STOCK, or golangci-lint's own command built
// from the tools/golangci-lint module (the dependencies are the ones the
// custom build compiled, so this only links).
func stockGolangciLint(t *testing.T) string {
	golangciLint(t) // build the shared dependencies first
	return stockBin.mustGet(t, func() (string, error) {
		if bin := os.Getenv("SPANHOTPATH_GOLANGCI_LINT_STOCK"); bin != "" {
			return existing(repoRoot(t), bin)
		}
		out := filepath.Join(workDir, "golangci-lint-stock")
		r := run(t, repoRoot(t), nil, "go", "build", "-C", "tools/golangci-lint", "-trimpath", "-ldflags", "-s -w",
			"-o", out, "github.com/golangci/golangci-lint/v2/cmd/golangci-lint")
		if r.code != 0 {
			return "", fmt.Errorf("building stock golangci-lint: exit status %d\n%s", r.code, r.stderr)
		}
		return out, nil
	})
}

// spanhotpath builds cmd/spanhotpath. The error is returned, not fatal, so
// that the golangci-lint checks still run when the command does not build.
func spanhotpath(t *testing.T) (string, error) {
	skipShort(t)
	return spanhotpathBin.get(t, func() (string, error) {
		out := filepath.Join(workDir, "spanhotpath")
		r := run(t, repoRoot(t), nil, "go", "build", "-o", out, "./cmd/spanhotpath")
		if r.code != 0 {
			return "", fmt.Errorf("go build ./cmd/spanhotpath: exit status %d\n%s", r.code, r.stderr)
		}
		return out, nil
	})
}

// fixture is a copy of testdata/fixture with its modules downloaded.
func fixture(t *testing.T) string {
	skipShort(t)
	return fixtureDir.mustGet(t, func() (string, error) {
		dir := copyFixture(t, filepath.Join(workDir, "fixture"))
		r := run(t, dir, nil, "go", "mod", "download")
		if r.code != 0 {
			return "", fmt.Errorf("go mod download in the fixture: exit status %d\n%s", r.code, r.stderr)
		}
		return dir, nil
	})
}

func copyFixture(t *testing.T, dst string) string {
	t.Helper()
	src, err := filepath.Abs(filepath.Join("testdata", "fixture"))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.CopyFS(dst, os.DirFS(src)); err != nil {
		t.Fatal(err)
	}
	return dst
}

// configFile writes a golangci-lint configuration into the work directory.
func configFile(t *testing.T, name, content string) string {
	t.Helper()
	dir, err := os.MkdirTemp(workDir, "config-")
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, name)
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// existing returns path, made absolute against root, if the file exists.
func existing(root, path string) (string, error) {
	abs := path
	if !filepath.IsAbs(abs) {
		abs = filepath.Join(root, path)
	}
	if _, err := os.Stat(abs); errors.Is(err, fs.ErrNotExist) {
		return "", fmt.Errorf("%s does not exist", abs)
	} else if err != nil {
		return "", err
	}
	return abs, nil
}
