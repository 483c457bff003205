//go:build !spanhotpath_faults

// Package faults injects internal errors for tests that must prove a
// failure is never reported as success. Without the spanhotpath_faults
// build tag it does nothing.
package faults

// Inject panics when analysing the package named by the test (only with
// the spanhotpath_faults build tag).
func Inject(pkgPath string) {}
