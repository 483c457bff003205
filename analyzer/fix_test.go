package analyzer_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/spanhotpath/spanhotpath/analyzer"
)

// TestSuggestedFixes applies the suggested fixes of fix_hoist and compares
// the result with fix_hoist.go.golden, then builds the golden file on its
// own to prove each fix leaves the package compiling.
func TestSuggestedFixes(t *testing.T) {
	dir := fixtureDir(t)
	analysistest.RunWithSuggestedFixes(t, dir, analyzer.Analyzer, fixtureModule+"/fix_hoist")

	golden, err := os.ReadFile(filepath.Join(dir, "fix_hoist", "fix_hoist.go.golden"))
	if err != nil {
		t.Fatal(err)
	}
	tmp := t.TempDir()
	for _, f := range []string{"go.mod", "go.sum"} {
		b, err := os.ReadFile(filepath.Join(dir, f))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(tmp, f), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	pkg := filepath.Join(tmp, "fix_hoist")
	if err := os.Mkdir(pkg, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(pkg, "fix_hoist.go"), golden, 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command("go", "vet", "./fix_hoist")
	cmd.Dir = tmp
	cmd.Env = append(os.Environ(), "GOFLAGS=-mod=mod", "GOPROXY=off", "GOWORK=off")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("the fixed file does not build: %v\n%s", err, out)
	}
}
