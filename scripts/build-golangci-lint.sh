#!/bin/sh
# Builds golangci-lint v2 with the spanhotpath module plugin compiled in,
# offline (Go module proxy only), from the nested module tools/golangci-lint.
# Idempotent: a rebuild with nothing changed takes a few seconds, and one
# after an analyzer edit recompiles only the analyzer, the plugin and the link.
# Prints the path of the binary.
#
# Do not add -X main.version=...: see tools/golangci-lint/main.go.
set -eu

root=$(cd "$(dirname "$0")/.." && pwd)
out="$root/bin/golangci-lint-spanhotpath"

mkdir -p "$root/bin"
go build -C "$root/tools/golangci-lint" -trimpath -ldflags "-s -w" -o ../../bin/golangci-lint-spanhotpath . >&2
echo "$out"
