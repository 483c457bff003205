package catalog

import (
	"flag"
	"io"
	"reflect"
	"strings"
	"testing"
)

func parse(t *testing.T, args ...string) (*Flags, error) {
	t.Helper()
	fs := flag.NewFlagSet("test", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	f := NewFlags()
	f.Register(fs)
	return f, fs.Parse(args)
}

func TestFlagsValid(t *testing.T) {
	f, err := parse(t,
		"-roots=(*example.com/app.Proc).Handle, example.com/app.hot",
		"-safe=(*example.com/app.Cache[K, V]).Get,example.com/app.cached",
		"-disable=io,deadlock",
		"-sinks=example.com/inv.Lookup=network:read inv.Cached instead, refreshed by the loader,example.com/inv.Dial=network",
	)
	if err != nil {
		t.Fatal(err)
	}
	want := Config{
		Roots:   []string{"(*example.com/app.Proc).Handle", "example.com/app.hot"},
		Safe:    []string{"(*example.com/app.Cache[K, V]).Get", "example.com/app.cached"},
		Disable: []string{"io", "deadlock"},
		Sinks: []SinkSetting{
			{Name: "example.com/inv.Lookup", Category: "network", Fix: "read inv.Cached instead, refreshed by the loader"},
			{Name: "example.com/inv.Dial", Category: "network"},
		},
	}
	if got := f.Config(); !reflect.DeepEqual(got, want) {
		t.Errorf("config:\n got %+v\nwant %+v", got, want)
	}
	if !f.Catalog().Disabled(IO) || f.Catalog().Disabled(Network) {
		t.Errorf("the compiled catalog does not follow -disable")
	}
}

// TestFlagsRejected: every bad value fails when it is set, naming the
// problem, and leaves the configuration as it was.
func TestFlagsRejected(t *testing.T) {
	for _, tc := range []struct {
		arg, want string
	}{
		{"-disable=bogus", `"bogus": must be one of blocking, deadlock, io, network, reentrancy`},
		{"-disable=io,,slow", `"slow": must be one of`},
		{"-roots=not a name", `"not a name": want`},
		{"-safe=example.com/app", `"example.com/app": want`},
		{"-sinks=example.com/app.F", `"example.com/app.F": want name=category`},
		{"-sinks=example.com/app.F=slow", `category "slow": must be one of`},
		{"-sinks==network", `want name=category`},
	} {
		t.Run(tc.arg, func(t *testing.T) {
			f, err := parse(t, tc.arg)
			if err == nil {
				t.Fatalf("accepted")
			}
			if !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error %q does not contain %q", err, tc.want)
			}
			if !reflect.DeepEqual(f.Config(), Config{}) {
				t.Errorf("a rejected value changed the configuration: %+v", f.Config())
			}
		})
	}
}

// TestFlagsCompileOnce: the catalog is compiled when a flag is set, so
// reading it (from packages analysed in parallel) returns the same value.
func TestFlagsCompileOnce(t *testing.T) {
	f, err := parse(t, "-disable=io")
	if err != nil {
		t.Fatal(err)
	}
	if a, b := f.Catalog(), f.Catalog(); a != b {
		t.Errorf("Catalog() compiled twice for one configuration")
	}
}

// TestHookPackages: the packages whose absence from a program proves it
// has no hook are the hook interfaces' and the trace API's (an ID
// generator's shape), never the standard library's.
func TestHookPackages(t *testing.T) {
	got := HookPackages()
	for _, want := range []string{
		"go.opentelemetry.io/otel/sdk/trace",
		"go.opentelemetry.io/otel/sdk/log",
		"go.opentelemetry.io/otel/propagation",
		"go.opentelemetry.io/otel/trace",
	} {
		if !got[want] {
			t.Errorf("HookPackages() lacks %s: %v", want, got)
		}
	}
	if got["context"] {
		t.Errorf("HookPackages() holds a standard library package: %v", got)
	}
}
