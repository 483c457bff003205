// Package helper has a reviewed function: its directive travels to callers
// in other packages (it exports no fact), and an unreviewed one.
package helper

import "os"

// Hostname reads /etc/hostname.
//
//spanhotpath:ignore the file is on tmpfs and the page cache; reviewed in PR 123
func Hostname() string {
	b, _ := os.ReadFile("/etc/hostname")
	return string(b)
}

// MachineID reads /etc/machine-id.
func MachineID() string { // want MachineID:"reaches io via os.ReadFile"
	b, _ := os.ReadFile("/etc/machine-id")
	return string(b)
}
