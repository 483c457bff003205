//go:build spanhotpath_faults

package faults

import "os"

// Inject panics when pkgPath is the package named by the environment
// variable SPANHOTPATH_FAULT: a stand-in for any bug in the analysis.
func Inject(pkgPath string) {
	if pkgPath != "" && os.Getenv("SPANHOTPATH_FAULT") == pkgPath {
		panic("injected fault (spanhotpath_faults build)")
	}
}
