package catalog

import (
	"go/types"
	"reflect"
	"strings"
	"testing"
)

func TestCandidates(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want []string
	}{
		{"example.com/app.hot", []string{"example.com/app.hot"}},
		{"example.com/app.Hook.Run", []string{"example.com/app.Hook.Run", "example.com/app.Hook.Run"}},
		{"gopkg.in/yaml.v3.Marshal", []string{"gopkg.in/yaml.v3.Marshal", "gopkg.in/yaml.v3.Marshal"}},
		{"(*example.com/x/v3.x).Hot", []string{"(*example.com/x/v3.x).Hot"}},
		{"(*example.com/app.Cache[K, V]).Get", []string{"(*example.com/app.Cache).Get"}},
		{"main.f", []string{"main.f"}},
	} {
		ns, err := Candidates(tc.in)
		if err != nil {
			t.Errorf("Candidates(%q): %v", tc.in, err)
			continue
		}
		var got []string
		for _, n := range ns {
			got = append(got, n.String())
		}
		if !reflect.DeepEqual(got, tc.want) {
			t.Errorf("Candidates(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
	ns, _ := Candidates("gopkg.in/yaml.v3.Marshal")
	if ns[0].Pkg != "gopkg.in/yaml.v3" || ns[0].Recv != "" || ns[1].Pkg != "gopkg.in/yaml" || ns[1].Recv != "v3" {
		t.Errorf("readings of gopkg.in/yaml.v3.Marshal: %+v", ns)
	}
	for _, bad := range []string{"", "noDot", "example.com/app.", "(example.com/app.T.M", "example.com/app.1x"} {
		if _, err := Candidates(bad); err == nil {
			t.Errorf("Candidates(%q) accepted", bad)
		}
	}
}

// testPackage builds package path with a function F, a type T with a
// pointer method M and an interface I with method Run.
func testPackage(path string) (*types.Package, *types.Func, *types.Func) {
	pkg := types.NewPackage(path, "p")
	sig := types.NewSignatureType(nil, nil, nil, nil, nil, false)
	f := types.NewFunc(0, pkg, "F", sig)
	pkg.Scope().Insert(f)
	tn := types.NewTypeName(0, pkg, "T", nil)
	named := types.NewNamed(tn, types.NewStruct(nil, nil), nil)
	recv := types.NewVar(0, pkg, "t", types.NewPointer(named))
	m := types.NewFunc(0, pkg, "M", types.NewSignatureType(recv, nil, nil, nil, nil, false))
	named.AddMethod(m)
	pkg.Scope().Insert(tn)
	run := types.NewFunc(0, pkg, "Run", types.NewSignatureType(nil, nil, nil, nil, nil, false))
	iface := types.NewInterfaceType([]*types.Func{run}, nil)
	iface.Complete()
	in := types.NewTypeName(0, pkg, "I", nil)
	types.NewNamed(in, iface, nil)
	pkg.Scope().Insert(in)
	pkg.MarkComplete()
	return pkg, f, m
}

// TestDottedPaths: names whose path has a dot in its last element match
// exactly the functions a finding prints.
func TestDottedPaths(t *testing.T) {
	yaml, marshal, _ := testPackage("gopkg.in/yaml.v3")
	x, _, hot := testPackage("example.com/x/v3.x")
	cat, err := Compile(Config{
		Safe:  []string{marshal.FullName(), "example.com/x/v3.x.T.M"}, // as findings print them
		Sinks: []SinkSetting{{Name: "gopkg.in/yaml.v3.T.M", Category: "io"}},
	})
	if err != nil {
		t.Fatal(err)
	}
	if s, _, ok := cat.Lookup(marshal); !ok || s.Kind != SafeCall {
		t.Errorf("-safe %s does not match it", marshal.FullName())
	}
	if s, _, ok := cat.Lookup(hot); !ok || s.Kind != SafeCall {
		t.Errorf("-safe example.com/x/v3.x.T.M does not match %s", hot.FullName())
	}
	yamlM := yaml.Scope().Lookup("T").Type().(*types.Named).Method(0)
	if s, _, ok := cat.Lookup(yamlM); !ok || s.Category != IO {
		t.Errorf("-sinks gopkg.in/yaml.v3.T.M does not match %s", yamlM.FullName())
	}
	pkgs := map[string]*types.Package{yaml.Path(): yaml, x.Path(): x}
	if errs := cat.Unmatched(func(p string) *types.Package { return pkgs[p] }); len(errs) != 0 {
		t.Errorf("Unmatched: %v", errs)
	}
}

func TestUnmatched(t *testing.T) {
	app, _, _ := testPackage("example.com/app")
	cat, err := Compile(Config{
		Roots: []string{"example.com/app.I.Run", "(*example.com/app.T).M", "example.com/app.I.Walk"},
		Safe:  []string{"example.com/app.G", "(example.com/app.T).M", "example.com/nope.F"},
	})
	if err != nil {
		t.Fatal(err)
	}
	errs := cat.Unmatched(func(p string) *types.Package {
		if p == app.Path() {
			return app
		}
		return nil
	})
	var got []string
	for _, e := range errs {
		got = append(got, e.Error())
	}
	want := []string{
		`-roots "example.com/app.I.Walk" matches no function, method or interface method (no package example.com/app.I; type example.com/app.I has no method Walk)`,
		`-safe "example.com/app.G" matches no function, method or interface method (package example.com/app has no function G)`,
		`-safe "(example.com/app.T).M" matches no function, method or interface method (the method is (*example.com/app.T).M)`,
		`-safe "example.com/nope.F" matches no function, method or interface method (no package example.com/nope)`,
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Unmatched:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}

	// One package at a time: only what app itself can decide.
	err = cat.CheckPackage(app)
	if err == nil || !strings.Contains(err.Error(), `"example.com/app.G"`) {
		t.Errorf("CheckPackage(app) = %v, want the unmatched example.com/app.G", err)
	}
	other, _, _ := testPackage("example.com/other")
	if err := cat.CheckPackage(other); err != nil {
		t.Errorf("CheckPackage(other) = %v: none of the names is in it", err)
	}
}
