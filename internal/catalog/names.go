package catalog

import (
	"fmt"
	"strings"
)

// FullName is a parsed function or method name in the form go/types prints
// it (types.Func.FullName): "pkg/path.F", "(*pkg/path.T).M", "(pkg/path.T).M".
// The form "pkg/path.T.M" is accepted for methods too.
type FullName struct {
	Pkg  string // import path
	Recv string // receiver type name, "" for a function
	Ptr  bool   // pointer receiver written as (*T)
	Name string // function or method name
}

func (n FullName) String() string {
	switch {
	case n.Recv == "":
		return n.Pkg + "." + n.Name
	case n.Ptr:
		return "(*" + n.Pkg + "." + n.Recv + ")." + n.Name
	default:
		return "(" + n.Pkg + "." + n.Recv + ")." + n.Name
	}
}

// ParseFullName parses a function or method name.
func ParseFullName(s string) (FullName, error) {
	var n FullName
	s = strings.TrimSpace(s)
	if s == "" {
		return n, fmt.Errorf("empty name")
	}
	if strings.HasPrefix(s, "(") {
		end := strings.Index(s, ").")
		if end < 0 {
			return n, fmt.Errorf("want (pkg/path.T).Method or (*pkg/path.T).Method")
		}
		recv, name := s[1:end], s[end+2:]
		if strings.HasPrefix(recv, "*") {
			n.Ptr, recv = true, recv[1:]
		}
		dot := strings.LastIndex(recv, ".")
		if dot <= 0 || dot == len(recv)-1 || !isIdent(name) {
			return n, fmt.Errorf("want (pkg/path.T).Method or (*pkg/path.T).Method")
		}
		n.Pkg, n.Recv, n.Name = recv[:dot], recv[dot+1:], name
		return n, nil
	}
	slash := strings.LastIndex(s, "/")
	rest := s[slash+1:]
	parts := strings.Split(rest, ".")
	switch len(parts) {
	case 2: // pkg.F
		n.Pkg, n.Name = s[:slash+1]+parts[0], parts[1]
	case 3: // pkg.T.M
		n.Pkg, n.Recv, n.Name = s[:slash+1]+parts[0], parts[1], parts[2]
	default:
		return n, fmt.Errorf("want pkg/path.Func, pkg/path.Type.Method or (*pkg/path.Type).Method")
	}
	if n.Pkg == "" || !isIdent(n.Name) || (n.Recv != "" && !isIdent(n.Recv)) {
		return n, fmt.Errorf("want pkg/path.Func, pkg/path.Type.Method or (*pkg/path.Type).Method")
	}
	return n, nil
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

// keys returns the catalog keys a user-written name stands for: the form
// pkg.T.M names the method whatever its receiver.
func (n FullName) keys() []string {
	if n.Recv == "" || n.Ptr {
		return []string{n.String()}
	}
	ptr := n
	ptr.Ptr = true
	return []string{n.String(), ptr.String()}
}
