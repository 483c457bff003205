package program_test

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// The library fixtures are one module, example.com/libs, in testdata/libs:
// one package per behaviour of a client library or exporter the catalog
// knows (database/sql with otelsql, pgx with otelpgx, go-redis with
// redisotel, memcache, the AWS SDK with otelaws, zap with otelzap, logrus
// hooks, logr over otelslog, etcd, client-go, exporters called from a
// hook), at the versions of its go.mod, each flagged package with a clean_*
// counterpart. run/ holds a program per runtime claim.

// libraryFixtures lists the fixture packages of testdata/libs (run/ aside)
// and checks their names against their expectations.
func libraryFixtures(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	ws := wants(t, dir)
	var names []string
	flagged := 0
	for _, e := range entries {
		if !e.IsDir() || e.Name() == "run" {
			continue
		}
		n := 0
		for key := range ws {
			if strings.HasPrefix(key, e.Name()+"/") {
				n++
			}
		}
		clean := strings.HasPrefix(e.Name(), "clean_")
		switch {
		case clean && n > 0:
			t.Errorf("%s: named clean_* but has // want expectations", e.Name())
		case !clean && n == 0:
			t.Errorf("%s: has no // want expectation; name it clean_* if it must stay silent", e.Name())
		case n > 0:
			flagged++
		}
		names = append(names, e.Name())
	}
	if clean := len(names) - flagged; flagged < 10 || clean < flagged {
		t.Errorf("%d flagged and %d clean library fixtures: want at least 10, and as many clean as flagged", flagged, clean)
	}
	return names
}

// TestLibraryFixtures analyses the library fixtures with the per-package
// engine (what go vet and golangci-lint run) and in program mode, all in
// one load: every finding must match the // want on its line, and every
// want must be met, in both.
func TestLibraryFixtures(t *testing.T) {
	dir := moduleDir(t, "libs")
	names := libraryFixtures(t, dir)
	var patterns []string
	for _, n := range names {
		patterns = append(patterns, "./"+n)
	}
	for _, mode := range []string{"perpkg", "program"} {
		t.Run(mode, func(t *testing.T) {
			checkWants(t, wants(t, dir), analyse(t, dir, mode, patterns...), "")
		})
	}
}

// TestLibraryRunners runs each program under testdata/libs/run, bounded,
// in a subprocess: it wires the fixture package of the same name into an
// SDK provider and starts one span (or emits one record), and must
// overflow the stack through the fixture's hook, as the fixture's
// reentrancy findings claim.
func TestLibraryRunners(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs programs")
	}
	dir := moduleDir(t, "libs")
	entries, err := os.ReadDir(filepath.Join(dir, "run"))
	if err != nil {
		t.Fatal(err)
	}
	ws := wants(t, dir)
	bin := t.TempDir()
	for _, e := range entries {
		name := e.Name()
		t.Run(name, func(t *testing.T) {
			claimed := false
			for key, list := range ws {
				for _, w := range list {
					if strings.HasPrefix(key, name+"/") && strings.HasPrefix(w.re.String(), "reentrancy: ") {
						claimed = true
					}
				}
			}
			if !claimed {
				t.Errorf("fixture %s expects no reentrancy finding, but run/%s claims its hook recurses", name, name)
			}
			src, err := os.ReadFile(filepath.Join(dir, "run", name, "main.go"))
			if err != nil {
				t.Fatal(err)
			}
			if m := runRE.FindSubmatch(src); m == nil || !strings.HasPrefix(string(m[1]), "overflows the stack") {
				t.Fatalf("run/%s/main.go: no // Run: overflows the stack claim", name)
			}
			exe := filepath.Join(bin, name)
			build := exec.Command("go", "build", "-o", exe, "./run/"+name)
			build.Dir = dir
			if out, err := build.CombinedOutput(); err != nil {
				t.Fatalf("go build: %v\n%s", err, out)
			}
			ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
			defer cancel()
			cmd := exec.CommandContext(ctx, exe)
			var stderr bytes.Buffer
			cmd.Stderr = &stderr
			err = cmd.Run()
			out := stderr.String()
			// The overflow must recurse through the fixture's hook:
			// its frames repeat in the trace.
			if !strings.Contains(out, "goroutine stack exceeds") || strings.Count(out, "example.com/libs/"+name+".") < 2 {
				t.Errorf("claimed a stack overflow through %s, but: %v\n%s", name, err, tail(out))
			}
		})
	}
}
