package catalog

import "fmt"

// Config is the one settings type shared by the command-line flags and the
// golangci-lint plugin settings: the same names, the same defaults.
//
// The zero Config is the default: the built-in hooks and sinks, every
// category enabled.
type Config struct {
	// Roots adds hot-path roots by full name, in the form go/types prints
	// (types.Func.FullName): "(*example.com/app.Proc).Handle" for one method,
	// "example.com/app.Hook.Run" or "(example.com/app.Hook).Run" for every
	// implementation of an interface method, "example.com/app.hot" for a function.
	Roots []string `json:"roots,omitempty"`

	// Sinks adds sinks by full name.
	Sinks []SinkSetting `json:"sinks,omitempty"`

	// Safe lists functions, by full name, that the user declares safe on the
	// hot path (cached or suppressed): calls to them are not followed.
	Safe []string `json:"safe,omitempty"`

	// Disable turns categories off ("network", "io", "reentrancy", "deadlock").
	Disable []string `json:"disable,omitempty"`
}

// SinkSetting is one user-declared sink.
type SinkSetting struct {
	Name     string `json:"name"`
	Category string `json:"category"`
	Fix      string `json:"fix,omitempty"`
}

// Validate reports the first problem in c, naming the offending setting.
func (c Config) Validate() error {
	for i, r := range c.Roots {
		if _, err := Candidates(r); err != nil {
			return fmt.Errorf("roots[%d] %q: %v", i, r, err)
		}
	}
	for i, s := range c.Sinks {
		if _, err := Candidates(s.Name); err != nil {
			return fmt.Errorf("sinks[%d].name %q: %v", i, s.Name, err)
		}
		if _, ok := ParseCategory(s.Category); !ok {
			return fmt.Errorf("sinks[%d].category %q: must be one of %s", i, s.Category, CategoryList())
		}
	}
	for i, s := range c.Safe {
		if _, err := Candidates(s); err != nil {
			return fmt.Errorf("safe[%d] %q: %v", i, s, err)
		}
	}
	for i, d := range c.Disable {
		if _, ok := ParseCategory(d); !ok {
			return fmt.Errorf("disable[%d] %q: must be one of %s", i, d, CategoryList())
		}
	}
	return nil
}
