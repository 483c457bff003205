// Package integration holds end-to-end tests that run the real binaries:
// golangci-lint v2 with the spanhotpath plugin compiled in (built by
// scripts/build-golangci-lint.sh), a stock golangci-lint v2 without it, and
// cmd/spanhotpath, both standalone and as `go vet -vettool`, on the fixture
// module in testdata/fixture.
//
// The tests are skipped with -short. The first run builds golangci-lint
// (about two to five minutes with a cold build cache), so give them time:
//
//	go test -timeout 20m ./integration
//
// Set SPANHOTPATH_GOLANGCI_LINT to the path of an already built
// golangci-lint-spanhotpath to skip that build (rebuild it after changing
// the analyzer), and SPANHOTPATH_GOLANGCI_LINT_STOCK to a stock
// golangci-lint v2 binary; relative paths are taken from the repository
// root.
package integration
