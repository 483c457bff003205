package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
)

// writeText prints one line per finding, file:line:col: message, sorted.
// Suppressed findings are omitted.
func writeText(w io.Writer, fs []*finding) error {
	bw := bufio.NewWriter(w)
	for _, f := range fs {
		if f.Suppressed != nil {
			continue
		}
		fmt.Fprintf(bw, "%s:%d:%d: %s\n", f.File, f.Line, f.Column, f.Message)
	}
	return bw.Flush()
}

// writeJSON prints the findings as a JSON array (an empty array when there
// are none), suppressed findings included and marked.
func writeJSON(w io.Writer, fs []*finding) error {
	if fs == nil {
		fs = []*finding{}
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(fs)
}
