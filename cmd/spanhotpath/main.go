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
	"flag"
	"fmt"
	"os"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/singlechecker"

	"github.com/spanhotpath/spanhotpath/analyzer"
	"github.com/spanhotpath/spanhotpath/internal/catalog"
)

func main() {
	if invokedByVet(os.Args[1:]) {
		if err := checkConfigFlags(os.Args[1:]); err != nil {
			// One line per package go vet runs us on, instead of the
			// usage text singlechecker prints for a bad flag.
			fmt.Fprintf(os.Stderr, "spanhotpath: %v\n", err)
			os.Exit(2)
		}
		// singlechecker answers go vet's -V=full and -flags and hands a
		// unit .cfg over to unitchecker.Run. Unlike unitchecker.Main, it
		// registers the analyzer's flags unprefixed (-disable, not
		// -spanhotpath.disable), as docs/design.md specifies.
		singlechecker.Main(failFast(analyzer.Analyzer)) // does not return
	}
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// checkConfigFlags validates the configuration flags among args (go vet
// passes them as -name=value) with the analyzer's own parser.
func checkConfigFlags(args []string) error {
	fs := flag.NewFlagSet("spanhotpath", flag.ContinueOnError)
	catalog.NewFlags().Register(fs)
	for _, a := range args {
		name, value, ok := strings.Cut(strings.TrimLeft(a, "-"), "=")
		if !ok || !strings.HasPrefix(a, "-") || fs.Lookup(name) == nil {
			continue
		}
		if err := fs.Set(name, value); err != nil {
			return fmt.Errorf("-%s: %v", name, err)
		}
	}
	return nil
}

// failFast returns a copy of a whose analysis errors end the process with
// exit status 1. Under go vet a dependency is analysed only for its facts,
// and unitchecker then drops the analysis error and exits 0: go vet would
// cache the package as a success, without its facts, and never run it again
// (with -json, it drops the error of the named packages too). Exiting here
// makes go vet report the failure and cache nothing.
func failFast(a *analysis.Analyzer) *analysis.Analyzer {
	b := *a
	b.Run = func(pass *analysis.Pass) (any, error) {
		res, err := a.Run(pass)
		if err != nil {
			fmt.Fprintf(os.Stderr, "spanhotpath: analysing %s: %v\n", pass.Pkg.Path(), err)
			os.Exit(1)
		}
		return res, nil
	}
	return &b
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
