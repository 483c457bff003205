package load_test

import (
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/spanhotpath/spanhotpath/internal/load"
)

// TestMetadataListFailure: go/packages answers some failures of go list
// with no package and no error. A pattern over the packages of several
// dependency modules, in a module whose go.mod does not list them all, is
// one: go list wants the go.mod updated. Metadata must return the go
// command's reason, not an empty result the driver would call "no packages
// matched".
func TestMetadataListFailure(t *testing.T) {
	dir, err := filepath.Abs(filepath.Join("..", "..", "testdata", "libs"))
	if err != nil {
		t.Fatal(err)
	}
	if out, err := exec.Command("go", "-C", dir, "mod", "download").CombinedOutput(); err != nil {
		t.Fatalf("go mod download in testdata/libs: %v\n%s", err, out)
	}
	// The pattern covers the module go.opentelemetry.io/otel/sdk/log/logtest,
	// which the fixture module's go.mod does not require.
	const pattern = "go.opentelemetry.io/otel/sdk/..."
	if err := exec.Command("go", "-C", dir, "list", "-find", pattern).Run(); err == nil {
		t.Skipf("go list %s succeeds in testdata/libs now: choose another failing pattern", pattern)
	}
	g, err := load.Metadata(dir, false, pattern)
	if err == nil {
		t.Fatalf("Metadata(%s) = %d roots, no error; want go list's failure", pattern, len(g.Roots))
	}
	if !strings.Contains(err.Error(), "go list: go: ") || strings.Contains(err.Error(), "\n") {
		t.Errorf("error %q: want go list's message, on one line", err)
	}
}
