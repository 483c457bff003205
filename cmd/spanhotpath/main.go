// Command spanhotpath reports I/O and span creation reachable from
// OpenTelemetry hot-path hooks (SpanProcessor.OnStart, Sampler.ShouldSample,
// log Processor.OnEmit, ...).
//
// It is one binary for two front ends:
//
//	go vet -vettool=$(which spanhotpath) ./...   # the unitchecker protocol
//	spanhotpath [flags] packages...              # standalone
//
// Standalone, it prints findings as text, JSON or SARIF 2.1.0, compares them
// with a baseline file, applies suggested fixes and explains each category.
// Exit status: 0 clean, 3 findings, 1 load or analysis error, 2 usage error.
// See docs/cli.md.
package main

import (
	"os"
	"strings"

	"golang.org/x/tools/go/analysis/singlechecker"

	"github.com/spanhotpath/spanhotpath/analyzer"
)

func main() {
	if invokedByVet(os.Args[1:]) {
		// singlechecker answers go vet's -V=full and -flags and hands a
		// unit .cfg over to unitchecker.Run. Unlike unitchecker.Main, it
		// registers the analyzer's flags unprefixed (-disable, not
		// -spanhotpath.disable), as docs/design.md specifies.
		singlechecker.Main(analyzer.Analyzer) // does not return
	}
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// invokedByVet reports whether the arguments are go vet's: a version query
// (-V=full), a flag description query (-flags), or a unit config file as the
// last argument.
func invokedByVet(args []string) bool {
	if len(args) == 0 {
		return false
	}
	for _, a := range args {
		switch strings.TrimPrefix(a, "-") {
		case "V=full", "-V=full", "flags", "-flags":
			return true
		}
	}
	return strings.HasSuffix(args[len(args)-1], ".cfg")
}
