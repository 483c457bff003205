package catalog

import (
	"fmt"
	"go/types"
	"strings"
)

// FullName is one reading of a function or method name in the form
// go/types prints it (types.Func.FullName): "pkg/path.F",
// "(*pkg/path.T).M", "(pkg/path.T).M"; "pkg/path.T.M" names a method with
// either receiver.
type FullName struct {
	Pkg  string // import path
	Recv string // receiver type name, "" for a function
	Ptr  bool   // pointer receiver written as (*T)
	Name string // function or method name
	// Either: written pkg/path.T.M, the method whatever its receiver.
	Either bool
}

func (n FullName) String() string {
	switch {
	case n.Recv == "":
		return n.Pkg + "." + n.Name
	case n.Either:
		return n.Pkg + "." + n.Recv + "." + n.Name
	case n.Ptr:
		return "(*" + n.Pkg + "." + n.Recv + ")." + n.Name
	default:
		return "(" + n.Pkg + "." + n.Recv + ")." + n.Name
	}
}

const nameForms = "want pkg/path.Func, pkg/path.Type.Method or (*pkg/path.Type).Method"

// Candidates returns every reading of s as a full name. A path may contain
// dots in any element ("gopkg.in/yaml.v3.Marshal"), so "a/b.c.D" is the
// function D of package a/b.c or the method D of type c of package a/b;
// which one is meant is decided against the packages that exist.
func Candidates(s string) ([]FullName, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return nil, fmt.Errorf("empty name")
	}
	if strings.HasPrefix(s, "(") {
		end := strings.LastIndex(s, ").")
		if end < 0 {
			return nil, fmt.Errorf("want (pkg/path.T).Method or (*pkg/path.T).Method")
		}
		var n FullName
		recv, name := s[1:end], s[end+2:]
		if strings.HasPrefix(recv, "*") {
			n.Ptr, recv = true, recv[1:]
		}
		if i := strings.IndexByte(recv, '['); i >= 0 && strings.HasSuffix(recv, "]") {
			recv = recv[:i] // a generic receiver: the type's name
		}
		dot := strings.LastIndex(recv, ".")
		if dot <= 0 || !isIdent(recv[dot+1:]) || !isIdent(name) {
			return nil, fmt.Errorf("want (pkg/path.T).Method or (*pkg/path.T).Method")
		}
		n.Pkg, n.Recv, n.Name = recv[:dot], recv[dot+1:], name
		return []FullName{n}, nil
	}
	slash := strings.LastIndex(s, "/")
	rest := s[slash+1:]
	last := strings.LastIndex(rest, ".")
	if last <= 0 || !isIdent(rest[last+1:]) {
		return nil, fmt.Errorf("%s", nameForms)
	}
	name := rest[last+1:]
	out := []FullName{{Pkg: s[:slash+1+last], Name: name}}
	if prev := strings.LastIndex(rest[:last], "."); prev > 0 && isIdent(rest[prev+1:last]) {
		out = append(out, FullName{Pkg: s[:slash+1+prev], Recv: rest[prev+1 : last], Name: name, Either: true})
	}
	return out, nil
}

func isIdent(s string) bool {
	if s == "" {
		return false
	}
	for i, r := range s {
		if !(r == '_' || 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || i > 0 && '0' <= r && r <= '9' || r > 127) {
			return false
		}
	}
	return true
}

// Resolve reports whether n names a function, a method or an interface
// method of pkg (whose path must be n.Pkg).
func (n FullName) Resolve(pkg *types.Package) bool {
	if pkg == nil || pkg.Path() != n.Pkg {
		return false
	}
	obj := pkg.Scope().Lookup(n.Recv)
	if n.Recv == "" {
		_, ok := pkg.Scope().Lookup(n.Name).(*types.Func)
		return ok
	}
	tn, ok := obj.(*types.TypeName)
	if !ok {
		return false
	}
	t := tn.Type()
	if types.IsInterface(t) {
		m, _, _ := types.LookupFieldOrMethod(t, false, pkg, n.Name)
		_, ok := m.(*types.Func)
		return ok && !n.Ptr
	}
	named, ok := types.Unalias(t).(*types.Named)
	if !ok {
		return false
	}
	for m := range named.Methods() {
		if m.Name() != n.Name {
			continue
		}
		_, ptr := m.Signature().Recv().Type().(*types.Pointer)
		return n.Either || ptr == n.Ptr
	}
	return false
}

// why says why n does not resolve in pkg (nil: no such package).
func (n FullName) why(pkg *types.Package) string {
	if pkg == nil {
		return "no package " + n.Pkg
	}
	if n.Recv == "" {
		return "package " + n.Pkg + " has no function " + n.Name
	}
	tn, ok := pkg.Scope().Lookup(n.Recv).(*types.TypeName)
	if !ok {
		return "package " + n.Pkg + " has no type " + n.Recv
	}
	if !types.IsInterface(tn.Type()) {
		if named, ok := types.Unalias(tn.Type()).(*types.Named); ok {
			for m := range named.Methods() {
				if m.Name() == n.Name {
					return "the method is " + m.FullName()
				}
			}
		}
	}
	return "type " + n.Pkg + "." + n.Recv + " has no method " + n.Name
}

// ConfiguredName is a name in the configuration: the setting it is in
// (roots, sinks or safe), as written, and every reading of it.
type ConfiguredName struct {
	Setting    string
	Name       string
	Candidates []FullName
}

// Names returns the configured names, in the order of the settings.
func (c *Catalog) Names() []ConfiguredName {
	var out []ConfiguredName
	add := func(setting, name string) {
		ns, _ := Candidates(name)
		out = append(out, ConfiguredName{Setting: setting, Name: strings.TrimSpace(name), Candidates: ns})
	}
	for _, r := range c.config.Roots {
		add("roots", r)
	}
	for _, s := range c.config.Sinks {
		add("sinks", s.Name)
	}
	for _, s := range c.config.Safe {
		add("safe", s)
	}
	return out
}

// Unmatched returns an error for each configured name that matches no
// function, method or interface method, given the packages by path
// (lookup returns nil for a package it does not have).
func (c *Catalog) Unmatched(lookup func(path string) *types.Package) []error {
	var errs []error
	for _, n := range c.Names() {
		var why []string
		found := false
		for _, cand := range n.Candidates {
			pkg := lookup(cand.Pkg)
			if cand.Resolve(pkg) {
				found = true
				break
			}
			why = append(why, cand.why(pkg))
		}
		if !found {
			errs = append(errs, fmt.Errorf("-%s %q matches no function, method or interface method (%s)", n.Setting, n.Name, strings.Join(why, "; ")))
		}
	}
	return errs
}

// CheckPackage reports the configured names that should name something in
// pkg but do not: a name one of whose readings is in pkg, none of whose
// readings resolves in pkg or its imports, and whose other readings name
// no package pkg imports. It is the part of Unmatched that one package
// can decide (under go vet and golangci-lint, which see one at a time).
func (c *Catalog) CheckPackage(pkg *types.Package) error {
	if len(c.config.Roots)+len(c.config.Sinks)+len(c.config.Safe) == 0 {
		return nil
	}
	var visible map[string]*types.Package
	for _, n := range c.Names() {
		mine := false
		for _, cand := range n.Candidates {
			mine = mine || cand.Pkg == pkg.Path()
		}
		if !mine {
			continue
		}
		if visible == nil {
			visible = map[string]*types.Package{pkg.Path(): pkg}
			var walk func(ps []*types.Package)
			walk = func(ps []*types.Package) {
				for _, p := range ps {
					if visible[p.Path()] == nil {
						visible[p.Path()] = p
						walk(p.Imports())
					}
				}
			}
			walk(pkg.Imports())
		}
		ok, decided := false, true
		var why []string
		for _, cand := range n.Candidates {
			p := visible[cand.Pkg]
			if p == nil {
				decided = false // maybe a package this one does not see
				continue
			}
			if cand.Resolve(p) {
				ok = true
			}
			why = append(why, cand.why(p))
		}
		if !ok && decided {
			return fmt.Errorf("-%s %q matches no function, method or interface method (%s)", n.Setting, n.Name, strings.Join(why, "; "))
		}
	}
	return nil
}
