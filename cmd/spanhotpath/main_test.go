package main

// End-to-end tests: they build the binary once (TestMain) and run it, as a
// user or go vet would, on small fixture modules written to temporary
// directories. The fixtures use the OpenTelemetry SDK through the go.mod and
// go.sum of testdata/src (module example.com/fx); the modules come from the
// module cache or the Go module proxy.

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
)

var binary string // the spanhotpath binary under test

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "spanhotpath-cmd-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	binary = filepath.Join(dir, "spanhotpath")
	if out, err := exec.Command("go", "build", "-o", binary, ".").CombinedOutput(); err != nil {
		fmt.Fprintf(os.Stderr, "go build -o %s .: %v\n%s", binary, err, out)
		os.RemoveAll(dir)
		os.Exit(1)
	}
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

// Fixture sources. Each P-like type is a SpanProcessor whose OnStart reads
// a file on every span (category io).

const procP = `package p

import (
	"context"
	"os"

	sdktrace "go.opentelemetry.io/otel/sdk/trace"
)

type P struct{}

func (p *P) OnStart(ctx context.Context, s sdktrace.ReadWriteSpan) {
	b, _ := os.ReadFile("/etc/hostname")
	_ = b
}

func (p *P) OnEnd(s sdktrace.ReadOnlySpan) {}

func (p *P) Shutdown(context.Context) error { return nil }

func (p *P) ForceFlush(context.Context) error { return nil }
`

// procQ has two processors in two files, so that a run has findings in
// several files and packages.
const procQ1 = `package q

import (
	"context"
	"os"

	sdktrace "go.opentelemetry.io/otel/sdk/trace"
)

type Q struct{}

func (q *Q) OnStart(ctx context.Context, s sdktrace.ReadWriteSpan) {}

func (q *Q) OnEnd(s sdktrace.ReadOnlySpan) {
	b, _ := os.ReadFile("/etc/machine-id")
	_ = b
}

func (q *Q) Shutdown(context.Context) error { return nil }

func (q *Q) ForceFlush(context.Context) error { return nil }
`

const procQ2 = `package q

import (
	"context"
	"os"

	sdktrace "go.opentelemetry.io/otel/sdk/trace"
)

type A struct{}

func (a *A) OnStart(ctx context.Context, s sdktrace.ReadWriteSpan) {
	b, _ := os.ReadFile("/etc/hostname")
	_ = b
}

func (a *A) OnEnd(s sdktrace.ReadOnlySpan) {}

func (a *A) Shutdown(context.Context) error { return nil }

func (a *A) ForceFlush(context.Context) error { return nil }
`

const procClean = `package clean

import (
	"context"

	"go.opentelemetry.io/otel/attribute"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
)

type C struct{ host attribute.KeyValue }

func (c *C) OnStart(ctx context.Context, s sdktrace.ReadWriteSpan) { s.SetAttributes(c.host) }

func (c *C) OnEnd(s sdktrace.ReadOnlySpan) {}

func (c *C) Shutdown(context.Context) error { return nil }

func (c *C) ForceFlush(context.Context) error { return nil }
`

const procBroken = `package broken

func f() int { return "not an int" }
`

var fixtureFiles = map[string]string{
	"p/p.go":           procP,
	"q/q.go":           procQ1,
	"q/a.go":           procQ2,
	"clean/clean.go":   procClean,
	"broken/broken.go": procBroken,
}

var (
	downloadOnce sync.Once
	downloadErr  error
)

// newFixture writes a fresh copy of the fixture module to a temporary
// directory and returns it. The first call downloads the module's
// dependencies.
func newFixture(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	for _, name := range []string{"go.mod", "go.sum"} {
		data, err := os.ReadFile(filepath.Join("..", "..", "testdata", "src", name))
		if err != nil {
			t.Fatal(err)
		}
		writeFile(t, filepath.Join(dir, name), string(data))
	}
	for name, src := range fixtureFiles {
		writeFile(t, filepath.Join(dir, name), src)
	}
	downloadOnce.Do(func() {
		cmd := exec.Command("go", "mod", "download")
		cmd.Dir = dir
		cmd.Env = fixtureEnv()
		if out, err := cmd.CombinedOutput(); err != nil {
			downloadErr = fmt.Errorf("go mod download: %v\n%s", err, out)
		}
	})
	if downloadErr != nil {
		t.Fatal(downloadErr)
	}
	return dir
}

func writeFile(t *testing.T, path, content string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

// fixtureEnv lets the go command update the fixture's go.mod and go.sum
// (it lists more modules than the fixture imports) and keeps a go.work
// from interfering.
func fixtureEnv() []string {
	flags := strings.TrimSpace(os.Getenv("GOFLAGS") + " -mod=mod")
	return append(os.Environ(), "GOFLAGS="+flags, "GOWORK=off")
}

type runResult struct {
	stdout, stderr string
	code           int
}

func (r runResult) String() string {
	return fmt.Sprintf("exit status %d\nstdout:\n%s\nstderr:\n%s", r.code, r.stdout, r.stderr)
}

// runCmd runs name with args in dir.
func runCmd(t *testing.T, dir, name string, args ...string) runResult {
	t.Helper()
	cmd := exec.Command(name, args...)
	cmd.Dir = dir
	cmd.Env = fixtureEnv()
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	r := runResult{stdout: stdout.String(), stderr: stderr.String()}
	var exitErr *exec.ExitError
	switch {
	case err == nil:
	case errors.As(err, &exitErr):
		r.code = exitErr.ExitCode()
	default:
		t.Fatalf("%s %s: %v", name, strings.Join(args, " "), err)
	}
	if strings.Contains(r.stderr, "panic:") || strings.Contains(r.stderr, "[running]:") {
		t.Errorf("%s %s panicked:\n%s", name, strings.Join(args, " "), r.stderr)
	}
	return r
}

func spanhotpath(t *testing.T, dir string, args ...string) runResult {
	t.Helper()
	return runCmd(t, dir, binary, args...)
}

var textLine = regexp.MustCompile(`^(\S+\.go):(\d+):(\d+): (\S+): (.*)$`)

// lines splits output into non-empty lines.
func lines(s string) []string {
	var out []string
	for _, l := range strings.Split(s, "\n") {
		if l != "" {
			out = append(out, l)
		}
	}
	return out
}

const wantP = `io: OnStart of *P calls os.ReadFile`

func TestExitStatus(t *testing.T) {
	dir := newFixture(t)

	t.Run("clean", func(t *testing.T) {
		r := spanhotpath(t, dir, "./clean")
		if r.code != 0 || r.stdout != "" {
			t.Errorf("want exit status 0 and no output, got %v", r)
		}
	})
	t.Run("findings", func(t *testing.T) {
		r := spanhotpath(t, dir, "./p")
		if r.code != 3 {
			t.Errorf("want exit status 3, got %v", r)
		}
		ls := lines(r.stdout)
		if len(ls) != 1 || !strings.HasPrefix(ls[0], "p/p.go:13:") || !strings.Contains(ls[0], wantP) {
			t.Errorf("want one finding p/p.go:13:...: %s..., got %v", wantP, r)
		}
	})
	t.Run("findings with -test=false", func(t *testing.T) {
		r := spanhotpath(t, dir, "-test=false", "./p")
		if r.code != 3 || len(lines(r.stdout)) != 1 {
			t.Errorf("want exit status 3 and one finding, got %v", r)
		}
	})
	t.Run("disabled category", func(t *testing.T) {
		r := spanhotpath(t, dir, "-disable", "io", "./p")
		if r.code != 0 || r.stdout != "" {
			t.Errorf("want exit status 0 and no output with -disable io, got %v", r)
		}
	})
	t.Run("json and sarif exit 3 too", func(t *testing.T) {
		for _, f := range []string{"json", "sarif"} {
			if r := spanhotpath(t, dir, "-format", f, "./p"); r.code != 3 {
				t.Errorf("-format %s: want exit status 3, got %v", f, r)
			}
		}
	})
	t.Run("fix without suggested fixes", func(t *testing.T) {
		before, _ := os.ReadFile(filepath.Join(dir, "p", "p.go"))
		r := spanhotpath(t, dir, "-fix", "./p")
		if r.code != 3 || !strings.Contains(r.stdout, wantP) {
			t.Errorf("-fix with no fix to apply: want the finding and exit status 3, got %v", r)
		}
		after, _ := os.ReadFile(filepath.Join(dir, "p", "p.go"))
		if !bytes.Equal(before, after) {
			t.Errorf("-fix changed p/p.go without a suggested fix:\n%s", after)
		}
	})
	t.Run("help", func(t *testing.T) {
		r := spanhotpath(t, dir, "-h")
		if r.code != 0 || !strings.Contains(r.stdout, "Usage:") || !strings.Contains(r.stdout, "-baseline") {
			t.Errorf("-h: want usage on stdout and exit status 0, got %v", r)
		}
	})
}

func TestUsageErrors(t *testing.T) {
	dir := newFixture(t)
	badBaseline := filepath.Join(dir, "bad-baseline.json")
	writeFile(t, badBaseline, `{"version": 1, "findings": [`)
	oldBaseline := filepath.Join(dir, "old-baseline.json")
	writeFile(t, oldBaseline, `{"version": 7, "findings": []}`)
	for _, tc := range []struct {
		args []string
		want string // in stderr
	}{
		{[]string{"-bogus", "./p"}, "flag provided but not defined: -bogus"},
		{[]string{"-format", "xml", "./p"}, `-format "xml"`},
		{[]string{"-json", "-format", "sarif", "./p"}, "-json conflicts with -format sarif"},
		{nil, "no packages given"},
		{[]string{"-baseline", filepath.Join(dir, "missing.json"), "./p"}, "missing.json"},
		{[]string{"-baseline", badBaseline, "./p"}, "not a spanhotpath baseline"},
		{[]string{"-baseline", oldBaseline, "./p"}, "baseline version 7"},
		{[]string{"-baseline", oldBaseline, "-write-baseline", badBaseline, "./p"}, "exclusive"},
		{[]string{"-explain", "nope"}, `unknown category "nope"`},
		{[]string{"-disable", "slow", "./p"}, `"slow"`},
		{[]string{"-sinks", "os.Getenv", "./p"}, "name=category"},
		{[]string{"-sinks", "os.Getenv=slow", "./p"}, `"slow"`},
		// Names that match nothing in the analysed program: a typo would
		// silently drop coverage.
		{[]string{"-safe", "os.Getenvv", "./p"}, `-safe "os.Getenvv" matches no function, method or interface method (package os has no function Getenvv)`},
		{[]string{"-roots", "(*example.com/fx/p.Nope).Run", "./p"}, `package example.com/fx/p has no type Nope`},
		{[]string{"-sinks", "example.com/nowhere.F=io", "./p"}, `no package example.com/nowhere`},
	} {
		r := spanhotpath(t, dir, tc.args...)
		if r.code != 2 || !strings.Contains(r.stderr, tc.want) {
			t.Errorf("spanhotpath %s: want exit status 2 and %q in stderr, got %v", strings.Join(tc.args, " "), tc.want, r)
		}
		if r.stdout != "" {
			t.Errorf("spanhotpath %s: unexpected stdout:\n%s", strings.Join(tc.args, " "), r.stdout)
		}
	}
}

func TestLoadErrors(t *testing.T) {
	dir := newFixture(t)
	t.Run("type error", func(t *testing.T) {
		r := spanhotpath(t, dir, "./broken")
		if r.code != 1 {
			t.Errorf("want exit status 1, got %v", r)
		}
		if !regexp.MustCompile(`(?m)^broken/broken\.go:3:\d+: .*not an int`).MatchString(r.stderr) {
			t.Errorf("want the type error with a relative position in stderr, got %v", r)
		}
		if r.stdout != "" {
			t.Errorf("want no findings on stdout, got %v", r)
		}
	})
	t.Run("type error among good packages", func(t *testing.T) {
		// The broken package is reported; every other package is still
		// analysed and its findings printed.
		r := spanhotpath(t, dir, "./...")
		if r.code != 1 || !strings.Contains(r.stderr, "broken/broken.go:3:") {
			t.Errorf("want exit status 1 and the type error, got %v", r)
		}
		good := spanhotpath(t, dir, goodPatterns...)
		if good.stdout == "" || r.stdout != good.stdout {
			t.Errorf("the good packages' findings are not all printed beside the error:\ngot:\n%s\nwant:\n%s", r.stdout, good.stdout)
		}
	})
	for _, tc := range []struct{ name, pattern, want string }{
		{"sarif output, type error", "./broken", "broken/broken.go:3:"},
		{"sarif output, no such package", "./nonexistent", "nonexistent"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := spanhotpath(t, dir, "-format", "sarif", tc.pattern)
			if r.code != 1 {
				t.Errorf("want exit status 1, got %v", r)
			}
			validateSARIF(t, loadSARIFSchema(t), r.stdout)
			var log struct {
				Runs []struct {
					Invocations []struct {
						ExecutionSuccessful        bool `json:"executionSuccessful"`
						ToolExecutionNotifications []struct {
							Level   string                `json:"level"`
							Message struct{ Text string } `json:"message"`
						} `json:"toolExecutionNotifications"`
					} `json:"invocations"`
				} `json:"runs"`
			}
			if err := json.Unmarshal([]byte(r.stdout), &log); err != nil {
				t.Fatal(err)
			}
			if len(log.Runs) != 1 || len(log.Runs[0].Invocations) != 1 {
				t.Fatalf("want one run with one invocation:\n%s", r.stdout)
			}
			inv := log.Runs[0].Invocations[0]
			found := false
			for _, n := range inv.ToolExecutionNotifications {
				found = found || n.Level == "error" && strings.Contains(n.Message.Text, tc.want)
			}
			if inv.ExecutionSuccessful || !found {
				t.Errorf("want executionSuccessful false and an error notification containing %q:\n%s", tc.want, r.stdout)
			}
		})
	}
	t.Run("json output, no such package", func(t *testing.T) {
		r := spanhotpath(t, dir, "-json", "./nonexistent")
		var v []any
		if r.code != 1 || json.Unmarshal([]byte(r.stdout), &v) != nil {
			t.Errorf("want exit status 1 and a valid JSON document, got %v", r)
		}
	})
	t.Run("no such package", func(t *testing.T) {
		r := spanhotpath(t, dir, "./nonexistent")
		if r.code != 1 || r.stderr == "" {
			t.Errorf("want exit status 1 and an error, got %v", r)
		}
	})
	t.Run("json output", func(t *testing.T) {
		r := spanhotpath(t, dir, "-json", "./broken")
		if r.code != 1 || !strings.Contains(r.stderr, "broken/broken.go:3:") {
			t.Errorf("want exit status 1 and the type error, got %v", r)
		}
		var v []any
		if err := json.Unmarshal([]byte(r.stdout), &v); err != nil {
			t.Errorf("stdout is not a JSON document: %v\n%s", err, r.stdout)
		}
	})
}

// goodPatterns are the fixture's packages that load.
var goodPatterns = []string{"./p", "./q", "./clean"}

func TestTextSorted(t *testing.T) {
	dir := newFixture(t)
	r := spanhotpath(t, dir, goodPatterns...)
	if r.code != 3 {
		t.Fatalf("want exit status 3, got %v", r)
	}
	ls := lines(r.stdout)
	type pos struct {
		file      string
		line, col int
		msg       string
	}
	var got []pos
	for _, l := range ls {
		m := textLine.FindStringSubmatch(l)
		if m == nil {
			t.Fatalf("line %q is not file:line:col: category: message", l)
		}
		var p pos
		p.file, p.msg = m[1], m[4]+": "+m[5]
		if _, err := fmt.Sscan(m[2], &p.line); err != nil {
			t.Fatalf("line %q: %v", l, err)
		}
		if _, err := fmt.Sscan(m[3], &p.col); err != nil {
			t.Fatalf("line %q: %v", l, err)
		}
		if filepath.IsAbs(p.file) {
			t.Errorf("path %s is not relative to the working directory", p.file)
		}
		got = append(got, p)
	}
	if len(got) != 3 {
		t.Errorf("want 3 findings (p/p.go, q/a.go, q/q.go), got %v", r)
	}
	sorted := slices.IsSortedFunc(got, func(a, b pos) int {
		if c := strings.Compare(a.file, b.file); c != 0 {
			return c
		}
		if a.line != b.line {
			return a.line - b.line
		}
		if a.col != b.col {
			return a.col - b.col
		}
		return strings.Compare(a.msg, b.msg)
	})
	if !sorted {
		t.Errorf("findings are not sorted by file, line, column, message:\n%s", r.stdout)
	}
	var files []string
	for _, p := range got {
		files = append(files, p.file)
	}
	if want := []string{"p/p.go", "q/a.go", "q/q.go"}; !slices.Equal(files, want) {
		t.Errorf("files %v, want %v", files, want)
	}

	// From a subdirectory, paths are relative to it when under it.
	r = spanhotpath(t, filepath.Join(dir, "q"), ".")
	for _, l := range lines(r.stdout) {
		if !strings.HasPrefix(l, "a.go:") && !strings.HasPrefix(l, "q.go:") {
			t.Errorf("run in q/: want paths relative to q/, got %q", l)
		}
	}
	// Outside the working directory, paths are absolute.
	r = spanhotpath(t, filepath.Join(dir, "q"), "../p")
	for _, l := range lines(r.stdout) {
		if !strings.HasPrefix(l, filepath.Join(dir, "p", "p.go")+":") {
			t.Errorf("run in q/ on ../p: want an absolute path, got %q", l)
		}
	}
}

// jsonFinding is the documented JSON shape.
type jsonFinding struct {
	File     string `json:"file"`
	Line     int    `json:"line"`
	Column   int    `json:"column"`
	Category string `json:"category"`
	Message  string `json:"message"`
	Related  []struct {
		File    string `json:"file"`
		Line    int    `json:"line"`
		Column  int    `json:"column"`
		Message string `json:"message"`
	} `json:"related"`
	Fingerprint string `json:"fingerprint"`
	Suppressed  *struct {
		Reason string `json:"reason"`
	} `json:"suppressed"`
}

func TestJSON(t *testing.T) {
	dir := newFixture(t)
	args := append([]string{"-format", "json"}, goodPatterns...)
	r1 := spanhotpath(t, dir, args...)
	r2 := spanhotpath(t, dir, args...)
	r3 := spanhotpath(t, dir, append([]string{"-json"}, goodPatterns...)...)
	if r1.code != 3 {
		t.Errorf("want exit status 3, got %v", r1)
	}
	if r1.stdout != r2.stdout {
		t.Errorf("JSON output differs between two runs:\n%s\n---\n%s", r1.stdout, r2.stdout)
	}
	if r1.stdout != r3.stdout {
		t.Errorf("-json and -format json differ:\n%s\n---\n%s", r1.stdout, r3.stdout)
	}
	dec := json.NewDecoder(strings.NewReader(r1.stdout))
	dec.DisallowUnknownFields()
	var fs []jsonFinding
	if err := dec.Decode(&fs); err != nil {
		t.Fatalf("output is not the documented JSON array: %v\n%s", err, r1.stdout)
	}
	if len(fs) != 3 {
		t.Fatalf("want 3 findings, got %d:\n%s", len(fs), r1.stdout)
	}
	fp := regexp.MustCompile(`^[0-9a-f]{64}$`)
	for _, f := range fs {
		if f.File == "" || filepath.IsAbs(f.File) || f.Line <= 0 || f.Column <= 0 {
			t.Errorf("bad position %s:%d:%d", f.File, f.Line, f.Column)
		}
		if f.Category != "io" || !strings.HasPrefix(f.Message, "io: ") {
			t.Errorf("want category io and a message starting with it, got %q %q", f.Category, f.Message)
		}
		if !fp.MatchString(f.Fingerprint) {
			t.Errorf("fingerprint %q is not a sha256", f.Fingerprint)
		}
		if f.Related == nil {
			t.Errorf("related is missing or null (want an array)")
		}
		if f.Suppressed != nil {
			t.Errorf("unexpected suppressed finding %+v", f)
		}
	}
	if fs[0].File != "p/p.go" || !strings.HasPrefix(fs[0].Message, wantP) {
		t.Errorf("first finding %+v, want p/p.go: %s", fs[0], wantP)
	}

	// Clean: an empty array, not null.
	r := spanhotpath(t, dir, "-json", "./clean")
	if r.code != 0 || strings.TrimSpace(r.stdout) != "[]" {
		t.Errorf("clean package: want [] and exit status 0, got %v", r)
	}
}

// loadSARIFSchema compiles the SARIF 2.1.0 schema in testdata (see
// testdata/README.md for where it came from).
func loadSARIFSchema(t *testing.T) *jsonschema.Schema {
	t.Helper()
	f, err := os.Open(filepath.Join("testdata", "sarif-schema-2.1.0.json"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	doc, err := jsonschema.UnmarshalJSON(f)
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	c.AssertFormat()
	const url = "file:///sarif-schema-2.1.0.json"
	if err := c.AddResource(url, doc); err != nil {
		t.Fatal(err)
	}
	sch, err := c.Compile(url)
	if err != nil {
		t.Fatal(err)
	}
	return sch
}

func validateSARIF(t *testing.T, sch *jsonschema.Schema, out string) {
	t.Helper()
	inst, err := jsonschema.UnmarshalJSON(strings.NewReader(out))
	if err != nil {
		t.Fatalf("SARIF output is not JSON: %v\n%s", err, out)
	}
	if err := sch.Validate(inst); err != nil {
		t.Errorf("SARIF output does not validate against the SARIF 2.1.0 schema:\n%v\n%s", err, out)
	}
}

// sarifDoc is the part of a SARIF log the tests look at.
type sarifDoc struct {
	Version string `json:"version"`
	Runs    []struct {
		Tool struct {
			Driver struct {
				Name  string `json:"name"`
				Rules []struct {
					ID               string `json:"id"`
					ShortDescription struct {
						Text string `json:"text"`
					} `json:"shortDescription"`
					FullDescription struct {
						Text string `json:"text"`
					} `json:"fullDescription"`
					Help struct {
						Text     string `json:"text"`
						Markdown string `json:"markdown"`
					} `json:"help"`
					HelpURI string `json:"helpUri"`
				} `json:"rules"`
			} `json:"driver"`
		} `json:"tool"`
		Results []struct {
			RuleID  string `json:"ruleId"`
			Level   string `json:"level"`
			Message struct {
				Text string `json:"text"`
			} `json:"message"`
			Locations []struct {
				PhysicalLocation struct {
					ArtifactLocation struct {
						URI       string `json:"uri"`
						URIBaseID string `json:"uriBaseId"`
					} `json:"artifactLocation"`
					Region struct {
						StartLine   int `json:"startLine"`
						StartColumn int `json:"startColumn"`
					} `json:"region"`
				} `json:"physicalLocation"`
			} `json:"locations"`
			CodeFlows []struct {
				ThreadFlows []struct {
					Locations []struct {
						Location struct {
							Message struct {
								Text string `json:"text"`
							} `json:"message"`
						} `json:"location"`
					} `json:"locations"`
				} `json:"threadFlows"`
			} `json:"codeFlows"`
			Suppressions []struct {
				Kind          string `json:"kind"`
				Justification string `json:"justification"`
			} `json:"suppressions"`
			PartialFingerprints map[string]string `json:"partialFingerprints"`
			BaselineState       string            `json:"baselineState"`
		} `json:"results"`
	} `json:"runs"`
}

func TestSARIF(t *testing.T) {
	sch := loadSARIFSchema(t)
	dir := newFixture(t)
	r := spanhotpath(t, dir, append([]string{"-format", "sarif"}, goodPatterns...)...)
	if r.code != 3 {
		t.Errorf("want exit status 3, got %v", r)
	}
	validateSARIF(t, sch, r.stdout)

	var doc sarifDoc
	if err := json.Unmarshal([]byte(r.stdout), &doc); err != nil {
		t.Fatal(err)
	}
	if doc.Version != "2.1.0" || len(doc.Runs) != 1 {
		t.Fatalf("want version 2.1.0 and one run, got %q and %d runs", doc.Version, len(doc.Runs))
	}
	run := doc.Runs[0]
	if run.Tool.Driver.Name != "spanhotpath" {
		t.Errorf("driver name %q", run.Tool.Driver.Name)
	}
	var ids []string
	for _, rule := range run.Tool.Driver.Rules {
		ids = append(ids, rule.ID)
		if rule.ShortDescription.Text == "" || rule.FullDescription.Text == "" || rule.Help.Text == "" {
			t.Errorf("rule %s lacks a description or help", rule.ID)
		}
		if !strings.HasPrefix(rule.Help.Markdown, "## "+rule.ID+"\n") {
			t.Errorf("rule %s: help.markdown is not its checks.md section", rule.ID)
		}
		if want := "https://github.com/spanhotpath/spanhotpath/blob/main/cmd/spanhotpath/checks.md#" + rule.ID; rule.HelpURI != want {
			t.Errorf("rule %s: helpUri %s, want %s", rule.ID, rule.HelpURI, want)
		}
	}
	if !slices.Equal(ids, categories) {
		t.Errorf("rules %v, want %v", ids, categories)
	}
	if len(run.Results) != 3 {
		t.Fatalf("want 3 results, got %d", len(run.Results))
	}
	res := run.Results[0]
	if res.RuleID != "io" || res.Level != "error" || !strings.HasPrefix(res.Message.Text, wantP) {
		t.Errorf("first result: ruleId %q level %q message %q", res.RuleID, res.Level, res.Message.Text)
	}
	loc := res.Locations[0].PhysicalLocation
	if loc.ArtifactLocation.URI != "p/p.go" || loc.ArtifactLocation.URIBaseID != "%SRCROOT%" || loc.Region.StartLine != 13 || loc.Region.StartColumn <= 0 {
		t.Errorf("first result location %+v, want p/p.go relative to %%SRCROOT%%, line 13", loc)
	}
	if len(res.CodeFlows) != 1 || len(res.CodeFlows[0].ThreadFlows) != 1 || len(res.CodeFlows[0].ThreadFlows[0].Locations) == 0 {
		t.Fatalf("want one code flow with one thread flow, got %+v", res.CodeFlows)
	}
	flow := res.CodeFlows[0].ThreadFlows[0].Locations
	if last := flow[len(flow)-1].Location.Message.Text; !strings.Contains(last, "os.ReadFile") {
		t.Errorf("the thread flow should end at the sink call, got %q", last)
	}
	if len(res.PartialFingerprints) != 1 {
		t.Errorf("want one partial fingerprint, got %v", res.PartialFingerprints)
	}

	// Clean: a valid log with no results.
	r = spanhotpath(t, dir, "-format", "sarif", "./clean")
	if r.code != 0 {
		t.Errorf("clean package: want exit status 0, got %v", r)
	}
	validateSARIF(t, sch, r.stdout)
}

func TestExplain(t *testing.T) {
	for _, c := range categories {
		r := spanhotpath(t, "", "-explain", c)
		if r.code != 0 {
			t.Errorf("-explain %s: %v", c, r)
			continue
		}
		for _, want := range []string{"## " + c + "\n", "What happens at run time", "Failing:", "Fixed", "```go", "OnStart", "Caveats:"} {
			if !strings.Contains(r.stdout, want) {
				t.Errorf("-explain %s: no %q in\n%s", c, want, r.stdout)
			}
		}
		for _, other := range categories {
			if other != c && strings.Contains(r.stdout, "## "+other+"\n") {
				t.Errorf("-explain %s also prints the section of %s", c, other)
			}
		}
	}
	// A package argument does not matter with -explain.
	if r := spanhotpath(t, "", "-explain", "io", "./..."); r.code != 0 {
		t.Errorf("-explain io ./...: %v", r)
	}
}

func TestBaseline(t *testing.T) {
	dir := newFixture(t)
	base := filepath.Join(dir, "spanhotpath-baseline.json")
	pfile := filepath.Join(dir, "p", "p.go")

	r := spanhotpath(t, dir, "-write-baseline", base, "./p", "./q")
	if r.code != 0 || r.stdout != "" {
		t.Fatalf("-write-baseline: want exit status 0 and no stdout, got %v", r)
	}
	data, err := os.ReadFile(base)
	if err != nil {
		t.Fatal(err)
	}
	var bf struct {
		Version  int `json:"version"`
		Findings []struct {
			Fingerprint, File, Category, Message string
		} `json:"findings"`
	}
	if err := json.Unmarshal(data, &bf); err != nil {
		t.Fatalf("baseline is not JSON: %v\n%s", err, data)
	}
	if bf.Version != 1 || len(bf.Findings) != 3 {
		t.Fatalf("want version 1 with 3 findings, got\n%s", data)
	}
	if !slices.IsSortedFunc(bf.Findings, func(a, b struct{ Fingerprint, File, Category, Message string }) int {
		return strings.Compare(a.File, b.File)
	}) {
		t.Errorf("baseline is not sorted by file:\n%s", data)
	}
	if strings.Contains(string(data), dir) {
		t.Errorf("baseline contains the absolute fixture path:\n%s", data)
	}

	// The same findings: nothing new.
	r = spanhotpath(t, dir, "-baseline", base, "./p", "./q")
	if r.code != 0 || r.stdout != "" {
		t.Errorf("-baseline with no new findings: want exit status 0 and no output, got %v", r)
	}

	// Lines shift: still nothing new.
	src, err := os.ReadFile(pfile)
	if err != nil {
		t.Fatal(err)
	}
	writeFile(t, pfile, "// Shifted.\n\n\n\n\n"+string(src))
	r = spanhotpath(t, dir, "-baseline", base, "./p", "./q")
	if r.code != 0 || r.stdout != "" {
		t.Errorf("-baseline after a line shift: want exit status 0 and no output, got %v", r)
	}
	if r := spanhotpath(t, dir, "./p"); !strings.HasPrefix(r.stdout, "p/p.go:18:") {
		t.Fatalf("the finding did not move to line 18 (test broken?): %v", r)
	}

	// A new offending processor: only it is reported.
	shifted, _ := os.ReadFile(pfile)
	writeFile(t, pfile, string(shifted)+`
type R struct{}

func (r *R) OnStart(ctx context.Context, s sdktrace.ReadWriteSpan) {
	b, _ := os.ReadFile("/etc/os-release")
	_ = b
}

func (r *R) OnEnd(s sdktrace.ReadOnlySpan) {}

func (r *R) Shutdown(context.Context) error { return nil }

func (r *R) ForceFlush(context.Context) error { return nil }
`)
	r = spanhotpath(t, dir, "-baseline", base, "./p", "./q")
	ls := lines(r.stdout)
	if r.code != 3 || len(ls) != 1 || !strings.Contains(ls[0], "io: OnStart of *R calls os.ReadFile") {
		t.Errorf("-baseline with one new finding: want exit status 3 and only the *R finding, got %v", r)
	}
	for _, f := range []string{"json", "sarif"} {
		r := spanhotpath(t, dir, "-format", f, "-baseline", base, "./p", "./q")
		if r.code != 3 || strings.Count(r.stdout, "OnStart of *R") != 1 || strings.Contains(r.stdout, "OnStart of *P") {
			t.Errorf("-format %s -baseline: want exit status 3 and only the *R finding, got %v", f, r)
		}
		if f == "sarif" && !strings.Contains(r.stdout, `"baselineState": "new"`) {
			t.Errorf("-format sarif -baseline: want baselineState new, got %v", r)
		}
	}

	// Multiset: a second identical finding (same hook, same call) is new.
	writeFile(t, pfile, strings.Replace(string(shifted), "\t_ = b\n", "\t_ = b\n\tc, _ := os.ReadFile(\"/etc/hostname\")\n\t_ = c\n", 1))
	r = spanhotpath(t, dir, "./p")
	if n := strings.Count(r.stdout, wantP); n != 2 {
		t.Fatalf("want two identical *P findings without baseline (test broken?), got %v", r)
	}
	r = spanhotpath(t, dir, "-baseline", base, "./p", "./q")
	ls = lines(r.stdout)
	if r.code != 3 || len(ls) != 1 || !strings.Contains(ls[0], wantP) {
		t.Errorf("two identical findings against one baseline entry: want exit status 3 and one finding, got %v", r)
	}
}

func TestGoVet(t *testing.T) {
	dir := newFixture(t)
	t.Run("findings", func(t *testing.T) {
		r := runCmd(t, dir, "go", "vet", "-vettool="+binary, "./p")
		if r.code != 1 {
			t.Errorf("want exit status 1, got %v", r)
		}
		if !regexp.MustCompile(`(?m)^p/p\.go:13:\d+: ` + regexp.QuoteMeta(wantP)).MatchString(r.stderr) {
			t.Errorf("want the finding in stderr, got %v", r)
		}
	})
	t.Run("clean", func(t *testing.T) {
		if r := runCmd(t, dir, "go", "vet", "-vettool="+binary, "./clean"); r.code != 0 {
			t.Errorf("want exit status 0, got %v", r)
		}
	})
	t.Run("json", func(t *testing.T) {
		r := runCmd(t, dir, "go", "vet", "-json", "-vettool="+binary, "./p")
		if r.code != 0 || !strings.Contains(r.stdout+r.stderr, `"spanhotpath"`) {
			t.Errorf("go vet -json: want exit status 0 and the JSON finding, got %v", r)
		}
	})
	t.Run("analyzer flags", func(t *testing.T) {
		if r := runCmd(t, dir, "go", "vet", "-vettool="+binary, "-disable=io", "./p"); r.code != 0 {
			t.Errorf("go vet -disable=io: want exit status 0, got %v", r)
		}
	})
	t.Run("protocol", func(t *testing.T) {
		r := spanhotpath(t, dir, "-V=full")
		if r.code != 0 || !strings.Contains(r.stdout, "spanhotpath version") {
			t.Errorf("-V=full: %v", r)
		}
		r = spanhotpath(t, dir, "-flags")
		var flags []struct{ Name string }
		if err := json.Unmarshal([]byte(r.stdout), &flags); err != nil || r.code != 0 {
			t.Fatalf("-flags: %v (%v)", r, err)
		}
		var names []string
		for _, f := range flags {
			names = append(names, f.Name)
		}
		for _, want := range []string{"roots", "sinks", "safe", "disable"} {
			if !slices.Contains(names, want) {
				t.Errorf("-flags: no %s in %v", want, names)
			}
		}
	})
}

const procHoist = `package h

import (
	"context"
	"os"
	"strings"

	"go.opentelemetry.io/otel/attribute"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
)

type P struct{}

func hostname() string {
	b, _ := os.ReadFile("/etc/hostname")
	return strings.TrimSpace(string(b))
}

func (p *P) OnStart(ctx context.Context, s sdktrace.ReadWriteSpan) {
	s.SetAttributes(attribute.String("host.name", hostname()))
}

func (p *P) OnEnd(s sdktrace.ReadOnlySpan) {
	_ = hostname()
}

func (p *P) Shutdown(context.Context) error { return nil }

func (p *P) ForceFlush(context.Context) error { return nil }
`

// TestFix applies the analyzer's suggested fix (hoisting a call with
// constant arguments into a package variable), which both hooks share.
func TestFix(t *testing.T) {
	dir := newFixture(t)
	hfile := filepath.Join(dir, "h", "h.go")
	writeFile(t, hfile, procHoist)
	if r := spanhotpath(t, dir, "./h"); r.code != 3 || len(lines(r.stdout)) != 2 {
		t.Fatalf("want two findings before -fix, got %v", r)
	}
	r := spanhotpath(t, dir, "-fix", "./h")
	if r.code != 0 || r.stdout != "" || !strings.Contains(r.stderr, "applied 2 fix(es) to 1 file(s)") {
		t.Errorf("-fix: want exit status 0, no findings left and a summary, got %v", r)
	}
	src, _ := os.ReadFile(hfile)
	if strings.Count(string(src), "= hostname()") != 1 || strings.Contains(string(src), `"host.name", hostname()`) {
		t.Errorf("-fix did not hoist hostname() once:\n%s", src)
	}
	if r := runCmd(t, dir, "go", "build", "./h"); r.code != 0 {
		t.Errorf("the fixed package does not build: %v\n%s", r, src)
	}
	if r := runCmd(t, dir, "gofmt", "-l", "h"); r.stdout != "" {
		t.Errorf("the fixed file is not gofmt-ed:\n%s", src)
	}
	if r := spanhotpath(t, dir, "./h"); r.code != 0 || r.stdout != "" {
		t.Errorf("after -fix: want a clean run, got %v", r)
	}
}

// TestFixProgram: -fix in program mode applies the same fixes, and the
// second analysis (after the edit) runs in program mode too.
func TestFixProgram(t *testing.T) {
	dir := newFixture(t)
	hfile := filepath.Join(dir, "h", "h.go")
	writeFile(t, hfile, procHoist)
	if r := spanhotpath(t, dir, "-program", "./h"); r.code != 3 || len(lines(r.stdout)) != 2 {
		t.Fatalf("want two findings in program mode before -fix, got %v", r)
	}
	r := spanhotpath(t, dir, "-program", "-fix", "./h")
	if r.code != 0 || r.stdout != "" || !strings.Contains(r.stderr, "applied 2 fix(es) to 1 file(s)") {
		t.Errorf("-program -fix: want exit status 0, no findings left and a summary, got %v", r)
	}
	src, _ := os.ReadFile(hfile)
	if strings.Count(string(src), "= hostname()") != 1 {
		t.Errorf("-program -fix did not hoist hostname() once:\n%s", src)
	}
	if r := runCmd(t, dir, "go", "build", "./h"); r.code != 0 {
		t.Errorf("the fixed package does not build: %v\n%s", r, src)
	}
}

// TestSuppressed covers //spanhotpath:ignore: silenced in text, go vet
// and the exit status, kept and marked in JSON and SARIF, never baselined.
func TestSuppressed(t *testing.T) {
	sch := loadSARIFSchema(t)
	dir := newFixture(t)
	pfile := filepath.Join(dir, "p", "p.go")
	const reason = "read once per test process"
	writeFile(t, pfile, strings.Replace(procP, `os.ReadFile("/etc/hostname")`, `os.ReadFile("/etc/hostname") //spanhotpath:ignore `+reason, 1))

	if r := spanhotpath(t, dir, "./p"); r.code != 0 || r.stdout != "" {
		t.Errorf("text: want exit status 0 and no output, got %v", r)
	}
	r := spanhotpath(t, dir, "-json", "./p")
	var fs []jsonFinding
	if err := json.Unmarshal([]byte(r.stdout), &fs); err != nil {
		t.Fatalf("JSON: %v\n%v", err, r)
	}
	if r.code != 0 || len(fs) != 1 || fs[0].Suppressed == nil || fs[0].Suppressed.Reason != reason || fs[0].Category != "io" || strings.Contains(fs[0].Message, "[suppressed") {
		t.Errorf("JSON: want exit status 0 and one io finding marked suppressed with the reason, got %v", r)
	}
	r = spanhotpath(t, dir, "-format", "sarif", "./p")
	validateSARIF(t, sch, r.stdout)
	var doc sarifDoc
	if err := json.Unmarshal([]byte(r.stdout), &doc); err != nil {
		t.Fatal(err)
	}
	if res := doc.Runs[0].Results; r.code != 0 || len(res) != 1 || len(res[0].Suppressions) != 1 ||
		res[0].Suppressions[0].Kind != "inSource" || res[0].Suppressions[0].Justification != reason {
		t.Errorf("SARIF: want exit status 0 and one result with an inSource suppression, got %v", r)
	}
	base := filepath.Join(dir, "baseline.json")
	spanhotpath(t, dir, "-write-baseline", base, "./p")
	if data, _ := os.ReadFile(base); strings.Contains(string(data), "OnStart") {
		t.Errorf("a suppressed finding went into the baseline:\n%s", data)
	}
	if r := runCmd(t, dir, "go", "vet", "-vettool="+binary, "./p"); r.code != 0 {
		t.Errorf("go vet: want exit status 0, got %v", r)
	}

	// A directive without a reason silences nothing and is reported.
	writeFile(t, pfile, strings.Replace(procP, `os.ReadFile("/etc/hostname")`, `os.ReadFile("/etc/hostname") //spanhotpath:ignore`, 1))
	r = spanhotpath(t, dir, "./p")
	if r.code != 3 || !strings.Contains(r.stdout, "directive: //spanhotpath:ignore needs a reason") || !strings.Contains(r.stdout, wantP) {
		t.Errorf("directive without a reason: want exit status 3, the directive finding and the io finding, got %v", r)
	}
}

// TestSARIFSchemaRejects proves the schema check can fail: documents that
// break SARIF 2.1.0 in ways a writer could (a wrong version, an unknown
// level, a suppression without its kind) must not validate.
func TestSARIFSchemaRejects(t *testing.T) {
	sch := loadSARIFSchema(t)
	for name, doc := range map[string]string{
		"version": `{"version":"2.0.0","runs":[]}`,
		"level":   `{"version":"2.1.0","runs":[{"tool":{"driver":{"name":"x"}},"results":[{"message":{"text":"m"},"level":"fatal"}]}]}`,
		"suppression": `{"version":"2.1.0","runs":[{"tool":{"driver":{"name":"x"}},"results":[{"message":{"text":"m"},` +
			`"suppressions":[{"justification":"j"}]}]}]}`,
	} {
		inst, err := jsonschema.UnmarshalJSON(strings.NewReader(doc))
		if err != nil {
			t.Fatal(err)
		}
		if sch.Validate(inst) == nil {
			t.Errorf("%s: invalid SARIF validated: %s", name, doc)
		}
	}
}
