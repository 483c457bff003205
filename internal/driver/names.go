package driver

import (
	"go/types"

	"golang.org/x/tools/go/packages"

	"github.com/spanhotpath/spanhotpath/internal/catalog"
	"github.com/spanhotpath/spanhotpath/internal/load"
)

// Unmatched returns an error for each name in the configuration (roots,
// sinks, safe) that matches no function, method or interface method of the
// packages in g: a typo there silently drops coverage.
func Unmatched(g *load.Graph, cat *catalog.Catalog) []error {
	if len(cat.Names()) == 0 {
		return nil
	}
	byPath := make(map[string]*packages.Package)
	for _, p := range g.All {
		// The package itself, not a test variant of it, when there is one.
		if q := byPath[p.PkgPath]; q == nil || q.ID != q.PkgPath {
			byPath[p.PkgPath] = p
		}
	}
	cache := make(map[string]*types.Package)
	return cat.Unmatched(func(path string) *types.Package {
		if pkg, ok := cache[path]; ok {
			return pkg
		}
		var pkg *types.Package
		if p := byPath[path]; p != nil {
			pkg, _ = load.ExportTypes(p)
		}
		cache[path] = pkg
		return pkg
	})
}
