// Package helper has no hooks; its generic ReadTrimmed reads a file, which
// the analyzer records as a fact on the generic function.
package helper

import (
	"os"
	"strings"
)

// ReadTrimmed reads the file at path and parses its trimmed contents.
func ReadTrimmed[T any](path string, parse func(string) (T, error)) (T, error) { // want ReadTrimmed:"reaches io via os.ReadFile"
	b, err := os.ReadFile(path)
	if err != nil {
		var zero T
		return zero, err
	}
	return parse(strings.TrimSpace(string(b)))
}
