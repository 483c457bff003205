// Command golangci-lint-spanhotpath is golangci-lint v2 with the spanhotpath
// module plugin compiled in. scripts/build-golangci-lint.sh builds it
// offline, from the Go module proxy alone; users who can reach GitHub can
// use .custom-gcl.yml and `golangci-lint custom` instead.
//
// This file is spanhotpath's own: it only calls golangci-lint's public
// commands package.
package main

import (
	"fmt"
	"os"
	"runtime/debug"

	"github.com/golangci/golangci-lint/v2/pkg/commands"
	"github.com/golangci/golangci-lint/v2/pkg/exitcodes"

	// Registers the "spanhotpath" module plugin.
	_ "github.com/spanhotpath/spanhotpath/plugin"
)

func main() {
	if err := commands.Execute(buildInfo()); err != nil {
		_, _ = fmt.Fprintf(os.Stderr, "The command is terminated due to an error: %v\n", err)
		os.Exit(exitcodes.Failure)
	}
}

// buildInfo describes this binary. Version must stay "(devel)" (and must not
// be set with -ldflags -X): golangci-lint salts its result cache with any
// other version string instead of the binary's hash, and would then keep
// reporting an old analyzer's findings after a rebuild.
func buildInfo() commands.BuildInfo {
	info := commands.BuildInfo{
		GoVersion: "unknown",
		Version:   "(devel)",
		Commit:    "golangci-lint (unknown version) with the spanhotpath plugin",
		Date:      "(unknown)",
	}
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		return info
	}
	info.GoVersion = bi.GoVersion
	for _, dep := range bi.Deps {
		if dep.Path == "github.com/golangci/golangci-lint/v2" {
			info.Commit = "golangci-lint " + dep.Version + " with the spanhotpath plugin"
		}
	}
	return info
}
