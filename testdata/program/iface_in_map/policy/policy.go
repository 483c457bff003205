// Package policy has sampling policies.
package policy

import "os"

// Always keeps every span.
type Always struct{}

// Keep keeps.
func (Always) Keep(string) bool { return true }

// FileFlag keeps spans while a flag file exists.
type FileFlag struct{ Path string }

// Keep checks the flag file.
func (f *FileFlag) Keep(string) bool {
	_, err := os.Stat(f.Path)
	return err == nil
}
