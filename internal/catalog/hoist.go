package catalog

import "go/types"

// What the hoist fix may move into a package initializer: a call whose
// value at program start cannot differ from its value on the hot path.
// Besides the callee's own code (checked by the source), it may call only
// these: functions that compute from their arguments alone, and file reads.
// Anything else (the environment, flags, the clock, other packages' state,
// the network) could give another value later, and is refused.

// pureHoistPackages compute from their arguments only.
var pureHoistPackages = map[string]bool{
	"bufio": true, "bytes": true, "encoding/base64": true, "encoding/binary": true,
	"encoding/csv": true, "encoding/hex": true, "encoding/json": true, "errors": true,
	"html": true, "io": true, "maps": true, "math": true, "math/bits": true,
	"net/netip": true, "path": true, "regexp": true, "slices": true, "sort": true,
	"strconv": true, "strings": true, "unicode": true, "unicode/utf16": true,
	"unicode/utf8": true,
}

// pureHoistFuncs compute from their arguments only, in packages that also
// have functions that do not.
var pureHoistFuncs = map[string]bool{
	"fmt.Sprint": true, "fmt.Sprintf": true, "fmt.Sprintln": true, "fmt.Errorf": true,
	"fmt.Sscan": true, "fmt.Sscanf": true, "fmt.Sscanln": true,
	"net.ParseIP": true, "net.ParseCIDR": true, "net.ParseMAC": true, "net.JoinHostPort": true,
	"net.SplitHostPort": true, "(net.IP).String": true, "(net.IP).To4": true, "(net.IP).To16": true,
	"path/filepath.Join": true, "path/filepath.Clean": true, "path/filepath.Base": true,
	"path/filepath.Dir": true, "path/filepath.Ext": true, "path/filepath.Split": true,
	"path/filepath.ToSlash": true, "path/filepath.FromSlash": true,
	"os.IsNotExist": true, "os.IsExist": true, "os.IsPermission": true,
}

// readOnlyIO are the I/O sinks a hoisted function may call: they read the
// file system (or the host's identity) and change nothing. Writes,
// processes and the network are refused.
var readOnlyIO = map[string]bool{
	"os.Open": true, "os.ReadFile": true, "os.ReadDir": true, "os.Stat": true, "os.Lstat": true,
	"os.Readlink": true, "os.Hostname": true, "io/ioutil.ReadFile": true, "io/ioutil.ReadDir": true,
	"path/filepath.Glob": true, "path/filepath.EvalSymlinks": true, "time.LoadLocation": true,
	"(*os.File).Read": true, "(*os.File).ReadAt": true, "(*os.File).ReadDir": true,
	"(*os.File).Readdir": true, "(*os.File).Readdirnames": true, "(*os.File).Stat": true,
	"(*os.File).Seek": true, "(*os.File).Close": true, "(*os.File).WriteTo": true,
	"os/user.Current": true, "os/user.Lookup": true, "os/user.LookupId": true,
	"os/user.LookupGroup": true, "os/user.LookupGroupId": true,
	"net.Interfaces": true, "net.InterfaceAddrs": true, "net.InterfaceByName": true,
	"net.InterfaceByIndex": true, "(*net.Interface).Addrs": true, "(*net.Interface).MulticastAddrs": true,
}

// PureForHoist reports whether a call of fn from a hoisted function gives
// the same value at program start as later: it computes from its arguments
// only.
func PureForHoist(fn *types.Func) bool {
	fn = fn.Origin()
	if pureHoistFuncs[fn.FullName()] {
		return true
	}
	return fn.Pkg() != nil && pureHoistPackages[fn.Pkg().Path()]
}

// ReadOnlyIO reports whether the sink named name only reads the file
// system or the host's identity.
func ReadOnlyIO(name string) bool { return readOnlyIO[name] }
