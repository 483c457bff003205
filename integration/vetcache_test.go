package integration

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"
)

// TestVetNeverCachesFailure runs go vet twice on one build cache, for each
// way a run can fail, and requires both runs to fail with the same message:
// go vet caches a package's result when the tool exits 0, so a failure that
// exits 0 once (a dependency analysed only for facts, or -json) would go
// green on every later run with a warm cache.
func TestVetNeverCachesFailure(t *testing.T) {
	bin, err := spanhotpathWithFaults(t)
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name string
		env  []string
		args []string
		want string
	}{
		{
			name: "bad setting",
			args: []string{"-disable=bogus"},
			want: `spanhotpath: -disable: "bogus": must be one of`,
		},
		{
			name: "bad sink",
			args: []string{"-sinks=example.com/integration/hostinfo.ContainerID=slow"},
			want: `spanhotpath: -sinks: category "slow": must be one of`,
		},
		{
			name: "internal error in a dependency",
			env:  []string{"SPANHOTPATH_FAULT=example.com/integration/hostinfo"},
			want: "spanhotpath: analysing example.com/integration/hostinfo: spanhotpath: internal error analysing example.com/integration/hostinfo: injected fault",
		},
		{
			name: "internal error in a named package",
			env:  []string{"SPANHOTPATH_FAULT=example.com/integration"},
			want: "internal error analysing example.com/integration: injected fault",
		},
		{
			name: "internal error with -json",
			env:  []string{"SPANHOTPATH_FAULT=example.com/integration"},
			args: []string{"-json"},
			want: "internal error analysing example.com/integration: injected fault",
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			// Both runs use the same build cache (the test's own, where
			// the fixture's packages are compiled already).
			env := tc.env
			args := append(append([]string{"vet", "-vettool=" + bin}, tc.args...), "./...")
			for i := 1; i <= 2; i++ {
				r := run(t, fixture(t), env, "go", args...)
				out := r.stdout + r.stderr
				if r.code == 0 {
					t.Fatalf("run %d on one build cache: exit status 0, want a failure\n%s", i, out)
				}
				if !strings.Contains(out, tc.want) {
					t.Fatalf("run %d: output does not contain %q:\n%s", i, tc.want, tail(out, 20))
				}
			}
		})
	}
}

// tail returns the last n lines of s.
func tail(s string, n int) string {
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	if len(lines) > n {
		lines = append([]string{fmt.Sprintf("[%d lines omitted]", len(lines)-n)}, lines[len(lines)-n:]...)
	}
	return strings.Join(lines, "\n")
}

var spanhotpathFaultsBin once

// spanhotpathWithFaults builds spanhotpath with the spanhotpath_faults
// build tag: SPANHOTPATH_FAULT=<package path> makes its analysis of that
// package panic, as a bug would.
func spanhotpathWithFaults(t *testing.T) (string, error) {
	skipShort(t)
	return spanhotpathFaultsBin.get(t, func() (string, error) {
		out := filepath.Join(workDir, "spanhotpath-faults")
		r := run(t, repoRoot(t), nil, "go", "build", "-tags", "spanhotpath_faults", "-o", out, "./cmd/spanhotpath")
		if r.code != 0 {
			return "", fmt.Errorf("go build -tags spanhotpath_faults ./cmd/spanhotpath: exit status %d\n%s", r.code, r.stderr)
		}
		return out, nil
	})
}

// TestUnmatchedName configures a root whose type does not exist in the
// package it names: golangci-lint and go vet (which see one package at a
// time) fail in that package, naming the setting, instead of silently
// dropping the root; the standalone command checks every name against the
// whole program (cmd/spanhotpath tests).
func TestUnmatchedName(t *testing.T) {
	const root = "(*example.com/integration.Nope).Run"
	const want = `-roots "(*example.com/integration.Nope).Run" matches no function, method or interface method (package example.com/integration has no type Nope)`
	t.Run("golangci-lint", func(t *testing.T) {
		cfg := configFile(t, "typo.yml", config("roots: [\""+root+"\"]"))
		r := run(t, fixture(t), nil, golangciLint(t), "run", "--config", cfg, "./...")
		// golangci-lint quotes the error: compare without the quotes.
		out := strings.ReplaceAll(r.stdout+r.stderr, `\"`, `"`)
		if r.code == 0 || !strings.Contains(out, want) {
			t.Errorf("want a failure naming the setting, got exit status %d:\n%s", r.code, out)
		}
	})
	t.Run("go vet", func(t *testing.T) {
		bin, err := spanhotpath(t)
		if err != nil {
			t.Fatal(err)
		}
		for i := 1; i <= 2; i++ {
			r := run(t, fixture(t), nil, "go", "vet", "-vettool="+bin, "-roots="+root, "./...")
			if r.code == 0 || !strings.Contains(r.stdout+r.stderr, want) {
				t.Fatalf("run %d: want a failure naming the setting, got exit status %d:\n%s", i, r.code, tail(r.stdout+r.stderr, 20))
			}
		}
	})
}

// TestProgramInternalError: a bug in program mode (a panic, forced with the
// spanhotpath_faults build) ends the standalone command with a message
// naming an internal error and exit status 1, not a crash.
func TestProgramInternalError(t *testing.T) {
	bin, err := spanhotpathWithFaults(t)
	if err != nil {
		t.Fatal(err)
	}
	dir := fixture(t)
	r := run(t, dir, []string{"SPANHOTPATH_FAULT=example.com/integration"}, bin, "-program", "./...")
	if r.code != 1 || !strings.Contains(r.stderr, "internal error in program mode: injected fault") {
		t.Errorf("want exit status 1 and an internal error, got %d:\n%s%s", r.code, r.stdout, tail(r.stderr, 20))
	}
	if strings.Contains(r.stderr, "panic:") {
		t.Errorf("the command crashed:\n%s", tail(r.stderr, 20))
	}
}
