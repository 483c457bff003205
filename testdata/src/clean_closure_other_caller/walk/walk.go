// Package walk has a generic walker and a command-line dump built on it.
package walk

import "os"

// Each calls f for every key.
func Each(keys []string, f func(k string)) {
	for _, k := range keys {
		f(k)
	}
}

// Dump writes every key to a file.
func Dump(keys []string) {
	Each(keys, func(k string) {
		_ = os.WriteFile("/tmp/"+k, nil, 0o600)
	})
}
