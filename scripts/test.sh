#!/usr/bin/env bash
# The whole test suite, as the README gives it and as CI runs it, on a fresh
# clone: fetches modules from the Go module proxy, builds the custom
# golangci-lint with the plugin (about 1.5 minutes cold), then runs every
# test of the repository and of the examples module, and lints the project
# with that golangci-lint.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"

echo "== modules"
go mod download
for m in testdata/src testdata/program testdata/libs examples/incident integration/testdata/fixture tools/golangci-lint; do
	(cd "$m" && go mod download)
done

echo "== golangci-lint with the spanhotpath plugin"
SPANHOTPATH_GOLANGCI_LINT=$(bash scripts/build-golangci-lint.sh)
export SPANHOTPATH_GOLANGCI_LINT

echo "== go vet"
go vet ./...

echo "== tests (the analyzer, the driver and the plugin under the race detector)"
go test -race -timeout 40m ./analyzer/... ./cmd/... ./plugin/... ./internal/...
go test -timeout 40m ./integration/...
(cd examples/incident && go test -timeout 10m ./...)

echo "== lint (the project lints itself, spanhotpath included)"
"$SPANHOTPATH_GOLANGCI_LINT" run ./...
echo "== all passed"
