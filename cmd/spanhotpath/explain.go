package main

import (
	_ "embed"
	"slices"
	"strings"
)

// checksDoc is the documentation of every category, one "## <category>"
// section each. It is the canonical copy (docs link here).
//
//go:embed checks.md
var checksDoc string

// explain returns the section of checks.md for category, heading included.
func explain(category string) (string, bool) {
	if !slices.Contains(categories, category) {
		return "", false
	}
	lines := strings.SplitAfter(checksDoc, "\n")
	start := -1
	for i, l := range lines {
		if start < 0 {
			if strings.TrimSpace(l) == "## "+category {
				start = i
			}
			continue
		}
		if strings.HasPrefix(l, "## ") {
			return finishSection(lines[start:i]), true
		}
	}
	if start < 0 {
		return "", false
	}
	return finishSection(lines[start:]), true
}

func finishSection(lines []string) string {
	return strings.TrimRight(strings.Join(lines, ""), "\n") + "\n"
}
