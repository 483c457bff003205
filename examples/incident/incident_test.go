// Package incident_test runs the three example programs and the spanhotpath
// linter on them. The programs are built and run as subprocesses because
// two of them are supposed to crash or hang, which a test cannot survive
// in-process.
package incident_test

import (
	"bytes"
	"context"
	"errors"
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
		{"incident", 3, "OnStart of *SystemInfoSpanProcessor calls getHostIP, which calls net/http.Get"},
		{"lazyonce", 3, "deadlock:"},
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
