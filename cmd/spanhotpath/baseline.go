package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
)

// baselineVersion is the version of the baseline file format.
const baselineVersion = 1

// baselineFile is the baseline file: the accepted findings, sorted.
type baselineFile struct {
	Version  int             `json:"version"`
	Findings []baselineEntry `json:"findings"`
}

type baselineEntry struct {
	Fingerprint string `json:"fingerprint"`
	File        string `json:"file"`
	Category    string `json:"category"`
	Message     string `json:"message"`
}

// baseline is a multiset of accepted fingerprints.
type baseline struct {
	count map[string]int
}

func readBaseline(path string) (*baseline, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var bf baselineFile
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&bf); err != nil {
		return nil, fmt.Errorf("%s: not a spanhotpath baseline: %v", path, err)
	}
	if bf.Version != baselineVersion {
		return nil, fmt.Errorf("%s: baseline version %d, want %d", path, bf.Version, baselineVersion)
	}
	b := &baseline{count: map[string]int{}}
	for i, e := range bf.Findings {
		if e.Fingerprint == "" {
			return nil, fmt.Errorf("%s: findings[%d] has no fingerprint", path, i)
		}
		b.count[e.Fingerprint]++
	}
	return b, nil
}

// filter returns the findings that the baseline does not account for, and
// how many it does. Each baseline entry accounts for one finding: two
// identical findings against one entry leave one new finding. Suppressed
// findings are kept (they are never counted) and use up no entry.
func (b *baseline) filter(fs []*finding) (fresh []*finding, known int) {
	left := make(map[string]int, len(b.count))
	for k, v := range b.count {
		left[k] = v
	}
	for _, f := range fs {
		if f.Suppressed == nil && left[f.Fingerprint] > 0 {
			left[f.Fingerprint]--
			known++
			continue
		}
		fresh = append(fresh, f)
	}
	return fresh, known
}

// writeBaseline writes the unsuppressed findings to path, sorted so that
// the file diffs well.
func writeBaseline(path string, fs []*finding) error {
	bf := baselineFile{Version: baselineVersion, Findings: []baselineEntry{}}
	for _, f := range fs {
		if f.Suppressed != nil {
			continue
		}
		bf.Findings = append(bf.Findings, baselineEntry{
			Fingerprint: f.Fingerprint,
			File:        filepath.ToSlash(f.File),
			Category:    f.Category,
			Message:     f.Message,
		})
	}
	slices.SortFunc(bf.Findings, func(a, b baselineEntry) int {
		for _, c := range []int{
			strings.Compare(a.File, b.File),
			strings.Compare(a.Category, b.Category),
			strings.Compare(a.Message, b.Message),
			strings.Compare(a.Fingerprint, b.Fingerprint),
		} {
			if c != 0 {
				return c
			}
		}
		return 0
	})
	data, err := json.MarshalIndent(bf, "", "  ")
	if err != nil {
		return err
	}
	return os.WriteFile(path, append(data, '\n'), 0o644)
}
