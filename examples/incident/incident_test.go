// Package incident_test runs the three example programs and the spanhotpath
// linter on them. The programs are built and run as subprocesses because
// two of them are supposed to crash or hang, which a test cannot survive
// in-process.
package incident_test

import (
	"bytes"
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
)

// result is what a subprocess did.
type result struct {
	stdout, stderr string
	exitCode       int  // -1 if the process was killed
	timedOut       bool // killed because the context's deadline passed
	elapsed        time.Duration
}

// goBuild builds pkg (a path relative to dir, or an import path) into out.
func goBuild(t *testing.T, dir, pkg, out string) {
	t.Helper()
	cmd := exec.Command("go", "build", "-o", out, pkg)
	cmd.Dir = dir
	if b, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go build %s: %v\n%s", pkg, err, b)
	}
}

// run executes name with args in dir and kills it after timeout.
func run(t *testing.T, timeout time.Duration, dir, name string, args ...string) result {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, name, args...)
	cmd.Dir = dir
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	// Do not wait for output pipes forever once the process is killed.
	cmd.WaitDelay = 2 * time.Second
	start := time.Now()
	err := cmd.Run()
	r := result{
		stdout:   stdout.String(),
		stderr:   stderr.String(),
		elapsed:  time.Since(start),
		timedOut: errors.Is(ctx.Err(), context.DeadlineExceeded),
	}
	var exitErr *exec.ExitError
	switch {
	case err == nil:
	case errors.As(err, &exitErr):
		r.exitCode = exitErr.ExitCode()
	default:
		t.Fatalf("running %s: %v", name, err)
	}
	return r
}

// tail keeps failure messages readable: a stack overflow dumps a lot.
func tail(s string) string {
	const n = 2000
	if len(s) > n {
		return "..." + s[len(s)-n:]
	}
	return s
}

func TestRuntime(t *testing.T) {
	bin := t.TempDir()
	tests := []struct {
		pkg     string
		timeout time.Duration
		check   func(t *testing.T, r result)
	}{
		{"incident", 20 * time.Second, func(t *testing.T, r result) {
			if r.timedOut {
				t.Fatalf("still running after the deadline; want a stack overflow\nstderr: %s", tail(r.stderr))
			}
			if r.exitCode == 0 {
				t.Fatalf("exit status 0; want a crash\nstdout: %s", r.stdout)
			}
			if !strings.Contains(r.stderr, "stack overflow") && !strings.Contains(r.stderr, "goroutine stack exceeds") {
				t.Fatalf("exit status %d without a stack overflow\nstderr: %s", r.exitCode, tail(r.stderr))
			}
		}},
		{"lazyonce", 5 * time.Second, func(t *testing.T, r result) {
			// Either outcome is the hang: Go reports a deadlock only when
			// no goroutine can ever wake up, and the loopback server's
			// accept loop keeps one parked in the network poller.
			if r.timedOut {
				return
			}
			if strings.Contains(r.stderr, "deadlock") {
				return
			}
			t.Fatalf("finished in %v with exit status %d; want a hang or a deadlock\nstdout: %s\nstderr: %s",
				r.elapsed, r.exitCode, r.stdout, tail(r.stderr))
		}},
		{"fixed", 20 * time.Second, func(t *testing.T, r result) {
			if r.timedOut || r.exitCode != 0 {
				t.Fatalf("timed out: %v, exit status %d; want success\nstderr: %s", r.timedOut, r.exitCode, tail(r.stderr))
			}
			if got := strings.TrimSpace(r.stdout); got != "ok" {
				t.Errorf("stdout = %q, want %q", got, "ok")
			}
			if !strings.Contains(r.stderr, "metadata requests: 1\n") {
				t.Errorf("want exactly one metadata lookup\nstderr: %s", r.stderr)
			}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.pkg, func(t *testing.T) {
			t.Parallel()
			exe := filepath.Join(bin, tt.pkg)
			goBuild(t, ".", "./"+tt.pkg, exe)
			r := run(t, tt.timeout, ".", exe)
			t.Logf("%s: exit status %d, timed out %v, after %v", tt.pkg, r.exitCode, r.timedOut, r.elapsed.Round(time.Millisecond))
			tt.check(t, r)
		})
	}
}

// TestSpanhotpath runs the standalone checker from the repository root on
// each program: the two broken ones must be reported, the fixed one not.
func TestSpanhotpath(t *testing.T) {
	root, err := filepath.Abs(filepath.Join("..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	linter := filepath.Join(t.TempDir(), "spanhotpath")
	goBuild(t, root, "github.com/spanhotpath/spanhotpath/cmd/spanhotpath", linter)

	position := regexp.MustCompile(`(?m)^\S*main\.go:\d+:\d+: `)
	tests := []struct {
		pkg      string
		wantCode int
		want     string // substring of the output; "" means no output at all
	}{
		{"incident", 3, "reentrancy: OnStart of *SystemInfoSpanProcessor calls getHostIP, which calls net/http.Get"},
		{"lazyonce", 3, "deadlock: OnStart of *SystemInfoSpanProcessor calls hostIP (lazily cached by sync.OnceValue), which calls net/http.Get"},
		{"hostattr", 3, "io: OnStart of *HostAttrProcessor calls readHostname, which calls os.ReadFile"},
		{"fixed", 0, ""},
	}
	for _, tt := range tests {
		t.Run(tt.pkg, func(t *testing.T) {
			t.Parallel()
			r := run(t, 3*time.Minute, ".", linter, "./"+tt.pkg)
			out := r.stdout + r.stderr
			t.Logf("spanhotpath ./%s: exit status %d after %v\n%s", tt.pkg, r.exitCode, r.elapsed.Round(time.Millisecond), out)
			if r.timedOut {
				t.Fatal("spanhotpath timed out")
			}
			if r.exitCode != tt.wantCode {
				t.Errorf("exit status %d, want %d", r.exitCode, tt.wantCode)
			}
			if tt.want == "" {
				if out != "" {
					t.Errorf("want no output, got:\n%s", out)
				}
				return
			}
			if !strings.Contains(out, tt.want) {
				t.Errorf("output does not mention %q", tt.want)
			}
			if !position.MatchString(out) {
				t.Errorf("no file:line:col: finding in the output")
			}
		})
	}
}

// TestSpanhotpathFix applies spanhotpath's suggested fix to a copy of
// hostattr, as the README shows, and checks that the result builds, runs
// and is clean.
func TestSpanhotpathFix(t *testing.T) {
	root, err := filepath.Abs(filepath.Join("..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	tmp := t.TempDir()
	linter := filepath.Join(tmp, "spanhotpath")
	goBuild(t, root, "github.com/spanhotpath/spanhotpath/cmd/spanhotpath", linter)
	mod := filepath.Join(tmp, "mod")
	for _, f := range []string{"go.mod", "go.sum", "hostattr/main.go"} {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.MkdirAll(filepath.Dir(filepath.Join(mod, f)), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(mod, f), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	r := run(t, 3*time.Minute, mod, linter, "-fix", "./hostattr")
	t.Logf("spanhotpath -fix: exit status %d\n%s%s", r.exitCode, r.stdout, r.stderr)
	if r.exitCode != 0 {
		t.Errorf("spanhotpath -fix ./hostattr: exit status %d, want 0 (fixed, nothing left)", r.exitCode)
	}
	fixed, err := os.ReadFile(filepath.Join(mod, "hostattr", "main.go"))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"var hostname = readHostname()", `attribute.String("host.name", hostname)`} {
		if !strings.Contains(string(fixed), want) {
			t.Errorf("fixed file lacks %q:\n%s", want, fixed)
		}
	}
	bin := filepath.Join(tmp, "hostattr")
	goBuild(t, mod, "./hostattr", bin)
	if r := run(t, 20*time.Second, mod, bin); r.exitCode != 0 || !strings.Contains(r.stdout, "ok") {
		t.Errorf("fixed hostattr: exit status %d, output %q %q", r.exitCode, r.stdout, r.stderr)
	}
	if r := run(t, 3*time.Minute, mod, linter, "./hostattr"); r.exitCode != 0 {
		t.Errorf("spanhotpath after -fix: exit status %d, want 0\n%s%s", r.exitCode, r.stdout, r.stderr)
	}
}
