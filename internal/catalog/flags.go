package catalog

import (
	"flag"
	"fmt"
	"strings"
	"sync/atomic"
)

// Flags binds a Config to command-line flags: -roots, -sinks, -safe,
// -disable. It is the one flag parser of the project (the analyzer under
// go vet and singlechecker, and the standalone driver). Every value is
// validated when it is set, so a bad setting fails the command before any
// package is analysed; and the catalog is compiled once per configuration,
// when a flag changes it, never while packages are analysed.
type Flags struct {
	cfg Config
	cat atomic.Pointer[Catalog]
}

// NewFlags returns flags holding the default configuration.
func NewFlags() *Flags {
	f := new(Flags)
	f.cat.Store(mustCompile(Config{}))
	return f
}

// Register defines the configuration flags on fs.
func (f *Flags) Register(fs *flag.FlagSet) {
	fs.Var(&listFlag{f, "roots", func(c *Config) *[]string { return &c.Roots }},
		"roots", "comma-separated extra hot-path roots by full name, e.g. (*example.com/app.Proc).Handle")
	fs.Var(&sinksFlag{f}, "sinks",
		"extra sinks, comma-separated: name=category or name=category:fix hint (a fix hint may contain commas)")
	fs.Var(&listFlag{f, "safe", func(c *Config) *[]string { return &c.Safe }},
		"safe", "comma-separated functions declared safe (cached or suppressed) by full name")
	fs.Var(&listFlag{f, "disable", func(c *Config) *[]string { return &c.Disable }},
		"disable", "comma-separated categories to turn off ("+CategoryList()+")")
}

// Config returns the configuration the flags hold.
func (f *Flags) Config() Config { return f.cfg }

// Catalog returns the catalog compiled from the flags. It is safe to call
// from packages analysed in parallel.
func (f *Flags) Catalog() *Catalog { return f.cat.Load() }

// set validates and compiles a changed configuration; on error nothing
// changes.
func (f *Flags) set(cfg Config) error {
	cat, err := Compile(cfg)
	if err != nil {
		return err
	}
	f.cfg = cfg
	f.cat.Store(cat)
	return nil
}

func mustCompile(cfg Config) *Catalog {
	c, err := Compile(cfg)
	if err != nil {
		panic(err)
	}
	return c
}

// listFlag is a comma-separated list setting. Commas inside brackets (the
// type arguments of a generic receiver) do not separate entries.
type listFlag struct {
	f     *Flags
	name  string
	field func(*Config) *[]string
}

func (l *listFlag) String() string {
	if l == nil || l.f == nil {
		return ""
	}
	cfg := l.f.cfg
	return strings.Join(*l.field(&cfg), ",")
}

func (l *listFlag) Set(s string) error {
	cfg := l.f.cfg
	*l.field(&cfg) = splitList(s)
	if err := l.f.set(cfg); err != nil {
		return fmt.Errorf("%s", unprefix(err, l.name))
	}
	return nil
}

// sinksFlag is the -sinks setting: name=category or name=category:fix
// hint, comma-separated. A comma starts a new entry only where a new
// name=category follows, so a fix hint may contain commas.
type sinksFlag struct{ f *Flags }

func (s *sinksFlag) String() string {
	if s == nil || s.f == nil {
		return ""
	}
	var parts []string
	for _, k := range s.f.cfg.Sinks {
		p := k.Name + "=" + k.Category
		if k.Fix != "" {
			p += ":" + k.Fix
		}
		parts = append(parts, p)
	}
	return strings.Join(parts, ",")
}

func (s *sinksFlag) Set(v string) error {
	sinks, err := ParseSinks(v)
	if err != nil {
		return err
	}
	cfg := s.f.cfg
	cfg.Sinks = sinks
	if err := s.f.set(cfg); err != nil {
		return fmt.Errorf("%s", unprefix(err, "sinks"))
	}
	return nil
}

// ParseSinks parses the -sinks syntax.
func ParseSinks(v string) ([]SinkSetting, error) {
	var out []SinkSetting
	for _, entry := range splitSinks(v) {
		name, rest, ok := strings.Cut(entry, "=")
		if !ok || strings.TrimSpace(name) == "" {
			return nil, fmt.Errorf("%q: want name=category or name=category:fix hint", entry)
		}
		cat, fix, _ := strings.Cut(rest, ":")
		out = append(out, SinkSetting{Name: strings.TrimSpace(name), Category: strings.TrimSpace(cat), Fix: strings.TrimSpace(fix)})
	}
	return out, nil
}

// splitSinks splits at the commas that are followed by a new
// name=category entry.
func splitSinks(v string) []string {
	var out []string
	start := 0
	for i := 0; i < len(v); i++ {
		if v[i] == ',' && startsEntry(v[i+1:]) {
			out = appendTrimmed(out, v[start:i])
			start = i + 1
		}
	}
	return appendTrimmed(out, v[start:])
}

// startsEntry reports whether s begins with name=category, category being
// a known category followed by ":", "," or the end.
func startsEntry(s string) bool {
	name, rest, ok := strings.Cut(s, "=")
	if !ok || strings.TrimSpace(name) == "" || strings.ContainsAny(name, ",: ") && !strings.HasPrefix(strings.TrimSpace(name), "(") {
		return false
	}
	for _, c := range Categories {
		if r, ok := strings.CutPrefix(rest, string(c)); ok && (r == "" || r[0] == ':' || r[0] == ',') {
			return true
		}
	}
	return false
}

// splitList splits a comma-separated list, except at commas inside
// brackets.
func splitList(s string) []string {
	var out []string
	depth, start := 0, 0
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '[':
			depth++
		case ']':
			depth--
		case ',':
			if depth == 0 {
				out = appendTrimmed(out, s[start:i])
				start = i + 1
			}
		}
	}
	return appendTrimmed(out, s[start:])
}

func appendTrimmed(out []string, s string) []string {
	if s = strings.TrimSpace(s); s != "" {
		out = append(out, s)
	}
	return out
}

// unprefix drops the "name[i] " or "name[i]." Validate puts before a
// message: on the command line the flag is named instead.
func unprefix(err error, name string) string {
	msg := err.Error()
	if rest, ok := strings.CutPrefix(msg, name+"["); ok {
		if i := strings.Index(rest, "]"); i >= 0 {
			return strings.TrimLeft(rest[i+1:], ". ")
		}
	}
	return msg
}
