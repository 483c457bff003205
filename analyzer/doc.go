// Package analyzer defines spanhotpath, an analyzer that finds I/O, span
// creation and unsafe caching reachable from OpenTelemetry hot-path hooks.
package analyzer

import (
	_ "embed"
)

//go:embed doc.txt
var doc string
