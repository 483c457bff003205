// Package bench holds the Go benchmarks of spanhotpath; run.sh and the
// build-ignored programs beside this file measure it against go vet.
package bench

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/spanhotpath/spanhotpath/internal/catalog"
	"github.com/spanhotpath/spanhotpath/internal/driver"
	"github.com/spanhotpath/spanhotpath/internal/load"
)

// BenchmarkChainDepth analyses a package in which a hot-path root reaches
// net/http.Get through a chain of depth functions (declared root first, the
// worst order for an engine that sweeps functions until nothing changes).
// The cost must stay near linear in the depth:
//
//	go test ./bench -run '^$' -bench ChainDepth -benchmem -count 6 | tee chain.txt
//	benchstat chain.txt
func BenchmarkChainDepth(b *testing.B) {
	for _, depth := range []int{1250, 2500, 5000} {
		b.Run(fmt.Sprintf("depth=%d", depth), func(b *testing.B) {
			dir := chainModule(b, depth)
			g, err := load.Metadata(dir, false, "./...")
			if err != nil {
				b.Fatal(err)
			}
			cat, err := catalog.Compile(catalog.Config{Roots: []string{"example.com/chain.Hot"}})
			if err != nil {
				b.Fatal(err)
			}
			b.ReportAllocs()
			b.ResetTimer()
			for range b.N {
				res := driver.PerPackage(g, cat, 1)
				if len(res.Errors) > 0 || len(res.Units) != 1 || len(res.Units[0].Findings) != 1 {
					b.Fatalf("want one finding, got %+v", res)
				}
			}
		})
	}
}

// chainModule writes a module whose root Hot calls f0, f0 calls f1, ...,
// and the last calls net/http.Get.
func chainModule(b *testing.B, depth int) string {
	b.Helper()
	dir := b.TempDir()
	var src strings.Builder
	src.WriteString("package chain\n\nimport \"net/http\"\n\nfunc Hot() { f0() }\n")
	for i := range depth {
		if i == depth-1 {
			fmt.Fprintf(&src, "func f%d() { _, _ = http.Get(\"http://169.254.169.254/\") }\n", i)
		} else {
			fmt.Fprintf(&src, "func f%d() { f%d() }\n", i, i+1)
		}
	}
	for name, text := range map[string]string{
		"go.mod":   "module example.com/chain\n\ngo 1.26\n",
		"chain.go": src.String(),
	} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			b.Fatal(err)
		}
	}
	return dir
}
