package main

// Tests of the driver's parts that need no analysis run.

import (
	"bytes"
	"encoding/json"
	"fmt"
	"go/token"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/spanhotpath/spanhotpath/internal/catalog"
	"github.com/spanhotpath/spanhotpath/internal/directive"
	"github.com/spanhotpath/spanhotpath/internal/hazard"
)

func TestInvokedByVet(t *testing.T) {
	for _, tc := range []struct {
		args []string
		want bool
	}{
		{[]string{"-V=full"}, true},
		{[]string{"-flags"}, true},
		{[]string{"-disable=io", "/tmp/go-build/b001/vet.cfg"}, true},
		{[]string{"/tmp/vet.cfg"}, true},
		{[]string{"./..."}, false},
		{[]string{"-format", "json", "./..."}, false},
		{[]string{"-explain", "io"}, false},
		{nil, false},
	} {
		if got := invokedByVet(tc.args); got != tc.want {
			t.Errorf("invokedByVet(%q) = %v, want %v", tc.args, got, tc.want)
		}
	}
}

func TestDisplayPath(t *testing.T) {
	cwd := filepath.FromSlash("/work/repo")
	for _, tc := range []struct{ file, want string }{
		{"/work/repo/p/p.go", "p/p.go"},
		{"/work/repo/p.go", "p.go"},
		{"/work/other/p.go", "/work/other/p.go"},
		{"/work/repository/p.go", "/work/repository/p.go"},
		{"rel/p.go", "rel/p.go"},
	} {
		if got := displayPath(filepath.FromSlash(tc.file), cwd); got != filepath.FromSlash(tc.want) {
			t.Errorf("displayPath(%s) = %s, want %s", tc.file, got, tc.want)
		}
	}
	if got := displayPos("/work/repo/p/p.go:3:14", cwd); got != filepath.FromSlash("p/p.go")+":3:14" {
		t.Errorf("displayPos = %s", got)
	}
}

func TestFingerprint(t *testing.T) {
	const msg = "io: OnStart of *P calls os.ReadFile: a file read on every span start; fix"
	a := fingerprint("io", "example.com/fx/p/p.go", msg)
	if len(a) != 64 {
		t.Fatalf("fingerprint %q is not a hex sha256", a)
	}
	for _, other := range []string{
		fingerprint("network", "example.com/fx/p/p.go", msg),
		fingerprint("io", "example.com/fx/p/q.go", msg),
		fingerprint("io", "example.com/fx/p/p.go", strings.Replace(msg, "*P", "*Q", 1)),
	} {
		if other == a {
			t.Errorf("different findings share fingerprint %s", a)
		}
	}
	// Positions quoted in a message do not count.
	if fingerprint("io", "f.go", "io: see p.go:12:3") != fingerprint("io", "f.go", "io: see p.go:40:1") {
		t.Errorf("fingerprint depends on a line number in the message")
	}
}

func TestFingerprintPath(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "go.mod"), "// comment\nmodule \"example.com/m\" // trailing\n\ngo 1.26\n")
	file := filepath.Join(dir, "sub", "x.go")
	writeFile(t, file, "package sub\n")
	if got := fingerprintPath(file, "whatever"); got != "example.com/m/sub/x.go" {
		t.Errorf("fingerprintPath = %q, want example.com/m/sub/x.go", got)
	}
}

// testFindings builds findings as the analyzer would report them, one of
// them suppressed.
func testFindings(t *testing.T, cwd string) []*finding {
	t.Helper()
	fset := token.NewFileSet()
	name := filepath.Join(cwd, "p", "p.go")
	tf := fset.AddFile(name, -1, 1000)
	tf.SetLinesForContent(bytes.Repeat([]byte("0123456789012345678\n"), 50))
	pos := func(line, col int) token.Pos { return tf.LineStart(line) + token.Pos(col-1) }
	p := &hazard.Root{Hook: "OnStart", Recv: "*P", Pkg: "example.com/p", Pipe: catalog.TracePipeline, Event: "span start"}
	pEnd := &hazard.Root{Hook: "OnEnd", Recv: "*P", Pkg: "example.com/p", Pipe: catalog.TracePipeline, Event: "span end"}
	q := &hazard.Root{Hook: "OnStart", Recv: "*Q", Pkg: "example.com/p", Pipe: catalog.TracePipeline, Event: "span start"}
	hop := func(name string, at token.Pos) hazard.Hop {
		return hazard.Hop{Name: name, Qual: name, Pos: at}
	}
	hfs := []hazard.Finding{
		{
			Category: catalog.Network, Pos: pos(13, 10), Root: p,
			Witness: hazard.Witness{Cat: catalog.Network, What: "network I/O", Sink: "net/http.Get", Chain: []hazard.Hop{
				{Name: "getHostIP", Qual: "example.com/p.getHostIP", Pkg: "example.com/p", Pos: pos(13, 10)},
				hop("net/http.Get", pos(30, 2)),
			}},
		},
		{
			Category: catalog.IO, Pos: pos(20, 2), Root: pEnd,
			Witness:    hazard.Witness{Cat: catalog.IO, What: "a file read", Sink: "os.ReadFile", Chain: []hazard.Hop{hop("os.ReadFile", pos(20, 2))}},
			Suppressed: &directive.Directive{Reason: "read once, cached by the kernel"},
		},
		{
			Category: catalog.IO, Pos: pos(5, 1), Root: q,
			Witness: hazard.Witness{Cat: catalog.IO, What: "a file read", Sink: "os.ReadFile", Chain: []hazard.Hop{hop("os.ReadFile", token.NoPos)}},
		},
	}
	var fs []*finding
	for i := range hfs {
		fs = append(fs, newFinding(fset, &hfs[i], cwd))
	}
	sortFindings(fs)
	return fs
}

func TestNewFinding(t *testing.T) {
	cwd := t.TempDir()
	fs := testFindings(t, cwd)
	if fs[0].Line != 5 || fs[1].Line != 13 || fs[2].Line != 20 {
		t.Fatalf("not sorted by line: %d %d %d", fs[0].Line, fs[1].Line, fs[2].Line)
	}
	net := fs[1]
	if net.File != filepath.Join("p", "p.go") || net.Column != 10 || net.Category != "network" || len(net.Related) != 2 {
		t.Errorf("finding %+v", net)
	}
	sup := fs[2]
	if sup.Category != "io" || sup.Suppressed == nil || sup.Suppressed.Reason != "read once, cached by the kernel" {
		t.Errorf("suppressed finding: category %q suppressed %+v", sup.Category, sup.Suppressed)
	}
	if strings.Contains(sup.Message, "[suppressed") {
		t.Errorf("suppressed finding keeps the marker in its message: %q", sup.Message)
	}
	if countActive(fs) != 2 {
		t.Errorf("countActive = %d, want 2", countActive(fs))
	}

	var text bytes.Buffer
	if err := writeText(&text, fs); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(text.String(), "OnEnd") || strings.Count(text.String(), "\n") != 2 {
		t.Errorf("text output should omit the suppressed finding:\n%s", text.String())
	}

	var js bytes.Buffer
	if err := writeJSON(&js, fs); err != nil {
		t.Fatal(err)
	}
	var out []map[string]any
	if err := json.Unmarshal(js.Bytes(), &out); err != nil {
		t.Fatal(err)
	}
	if len(out) != 3 {
		t.Fatalf("JSON has %d findings, want 3 (suppressed included)", len(out))
	}
	if s, ok := out[2]["suppressed"].(map[string]any); !ok || s["reason"] != "read once, cached by the kernel" {
		t.Errorf("JSON suppressed entry: %v", out[2])
	}
	if _, ok := out[0]["suppressed"]; ok {
		t.Errorf("JSON: unsuppressed finding has a suppressed key: %v", out[0])
	}
}

func TestSARIFSchemaSynthetic(t *testing.T) {
	sch := loadSARIFSchema(t)
	cwd := t.TempDir()
	fs := testFindings(t, cwd)
	// A finding outside the working directory, and one of an unknown category.
	fs = append(fs, &finding{
		File: "/elsewhere/x.go", AbsFile: "/elsewhere/x.go", Line: 1, Column: 1,
		Category: "experimental", Message: "experimental: OnStart of *X calls time.Sleep", Related: []related{},
		Fingerprint: fingerprint("experimental", "/elsewhere/x.go", "m"),
	})
	for _, baselined := range []bool{false, true} {
		var b bytes.Buffer
		if err := writeSARIF(&b, fs, cwd, baselined, nil); err != nil {
			t.Fatal(err)
		}
		validateSARIF(t, sch, b.String())

		var doc sarifDoc
		if err := json.Unmarshal(b.Bytes(), &doc); err != nil {
			t.Fatal(err)
		}
		rules := doc.Runs[0].Tool.Driver.Rules
		if len(rules) != len(categories)+1 || rules[len(categories)].ID != "experimental" {
			t.Errorf("want the categories and experimental as rules, got %+v", rules)
		}
		results := doc.Runs[0].Results
		if len(results) != 4 {
			t.Fatalf("want 4 results, got %d", len(results))
		}
		// The network finding: its flow is its two hops, the first at the
		// finding's own position.
		flow := results[1].CodeFlows[0].ThreadFlows[0].Locations
		if len(flow) != 2 || flow[0].Location.Message.Text != "calls getHostIP" || flow[1].Location.Message.Text != "calls net/http.Get" {
			t.Errorf("network finding flow: %+v", flow)
		}
		// The finding without hops: one flow location, itself.
		if flow := results[0].CodeFlows[0].ThreadFlows[0].Locations; len(flow) != 1 || flow[0].Location.Message.Text != "OnStart of *Q calls os.ReadFile" {
			t.Errorf("finding without related hops: flow %+v", flow)
		}
		sup := results[2].Suppressions
		if len(sup) != 1 || sup[0].Kind != "inSource" || sup[0].Justification != "read once, cached by the kernel" {
			t.Errorf("suppressed result: suppressions %+v", sup)
		}
		if uri := results[3].Locations[0].PhysicalLocation.ArtifactLocation.URI; uri != "file:///elsewhere/x.go" {
			t.Errorf("file outside the working directory: uri %q", uri)
		}
		for _, r := range results {
			if baselined != (r.BaselineState == "new") {
				t.Errorf("baselined=%v: baselineState %q", baselined, r.BaselineState)
			}
		}
	}

	// No findings at all.
	var b bytes.Buffer
	if err := writeSARIF(&b, nil, cwd, false, nil); err != nil {
		t.Fatal(err)
	}
	validateSARIF(t, sch, b.String())
	if !strings.Contains(b.String(), `"results": []`) {
		t.Errorf("no findings: want an empty results array:\n%s", b.String())
	}
}

func TestBaselineFile(t *testing.T) {
	cwd := t.TempDir()
	fs := testFindings(t, cwd)
	path := filepath.Join(cwd, "baseline.json")
	if err := writeBaseline(path, fs); err != nil {
		t.Fatal(err)
	}
	data, _ := os.ReadFile(path)
	if strings.Contains(string(data), "OnEnd") {
		t.Errorf("the suppressed finding went into the baseline:\n%s", data)
	}
	b, err := readBaseline(path)
	if err != nil {
		t.Fatal(err)
	}
	fresh, known := b.filter(fs)
	if known != 2 || len(fresh) != 1 || fresh[0].Suppressed == nil {
		t.Errorf("filter: known %d, fresh %d (want 2 known and the suppressed one kept)", known, len(fresh))
	}

	// Multiset: three identical findings against one entry leave two.
	dup := []*finding{fs[0], fs[0], fs[0]}
	if err := writeBaseline(path, dup[:1]); err != nil {
		t.Fatal(err)
	}
	if b, err = readBaseline(path); err != nil {
		t.Fatal(err)
	}
	if fresh, known := b.filter(dup); known != 1 || len(fresh) != 2 {
		t.Errorf("multiset filter: known %d, fresh %d; want 1 and 2", known, len(fresh))
	}
	// filter does not use up the baseline.
	if fresh, _ := b.filter(dup); len(fresh) != 2 {
		t.Errorf("second filter: fresh %d, want 2", len(fresh))
	}

	for name, content := range map[string]string{
		"garbage.json":       "not json",
		"unknown-field.json": `{"version":1,"findings":[],"extra":true}`,
		"version.json":       `{"version":2,"findings":[]}`,
		"nofp.json":          `{"version":1,"findings":[{"file":"x.go"}]}`,
	} {
		p := filepath.Join(cwd, name)
		writeFile(t, p, content)
		if _, err := readBaseline(p); err == nil {
			t.Errorf("readBaseline(%s) accepted %s", name, content)
		}
	}
}

func TestExplainSections(t *testing.T) {
	for _, c := range categories {
		s, ok := explain(c)
		if !ok || !strings.HasPrefix(s, "## "+c+"\n") || !strings.HasSuffix(s, "\n") || strings.HasSuffix(s, "\n\n") {
			t.Errorf("explain(%s) = %q, %v", c, s, ok)
		}
		if _, ok := ruleText[c]; !ok {
			t.Errorf("no SARIF rule text for %s", c)
		}
	}
	for _, bad := range []string{"", "nope", "spanhotpath checks", "IO"} {
		if _, ok := explain(bad); ok {
			t.Errorf("explain(%q) succeeded", bad)
		}
	}
}

func TestApplyEdits(t *testing.T) {
	src := []byte(`package p

import (
	"fmt"
	"os"
)

func f() {
	b, _ := os.ReadFile("/etc/hostname")
	fmt.Println(string(b))
}
`)
	i := bytes.Index(src, []byte(`b, _ := os.ReadFile("/etc/hostname")`))
	j := i + len(`b, _ := os.ReadFile("/etc/hostname")`)
	edited, err := applyEdits(src, []edit{{start: i, end: j, text: `b := hostname`}})
	if err != nil {
		t.Fatal(err)
	}
	out, err := tidyFile("p.go", src, edited, map[string]string{"fmt": "fmt", "os": "os"})
	if err != nil {
		t.Fatal(err)
	}
	want := `package p

import (
	"fmt"
)

func f() {
	b := hostname
	fmt.Println(string(b))
}
`
	if string(out) != want {
		t.Errorf("tidyFile:\n%s\nwant:\n%s", out, want)
	}

	if _, err := applyEdits(src, []edit{{start: 5, end: 10}, {start: 8, end: 12}}); err == nil {
		t.Errorf("overlapping edits were applied")
	}
	if !overlaps(edit{file: "a", start: 3, end: 3}, edit{file: "a", start: 3, end: 5}) {
		t.Errorf("two edits at one offset should conflict")
	}
	if overlaps(edit{file: "a", start: 1, end: 3}, edit{file: "a", start: 3, end: 5}) {
		t.Errorf("adjacent edits should not conflict")
	}
}

// TestFixWriteFailure: when a file cannot be written, -fix names the files
// it already changed, and the file it failed on is left as it was.
func TestFixWriteFailure(t *testing.T) {
	dir := t.TempDir()
	fset := token.NewFileSet()
	src := "package p\n\nfunc f() string { return g() }\n"
	var findings []*finding
	var names []string
	for _, base := range []string{"a.go", "b.go"} {
		name := filepath.Join(dir, base)
		writeFile(t, name, src)
		names = append(names, name)
		tf := fset.AddFile(name, -1, len(src))
		tf.SetLinesForContent([]byte(src))
		call := tf.Pos(strings.Index(src, "g()"))
		findings = append(findings, &finding{
			Category: "io",
			fset:     fset,
			fix: &hazard.Fix{Message: "hoist", Edits: []hazard.Edit{
				{Pos: call, End: call + 3, NewText: []byte("v")},
			}},
		})
	}
	failOn := names[1]
	write := func(name string, data []byte) error {
		if name == failOn {
			return fmt.Errorf("disk full")
		}
		return writeAtomic(name, data)
	}
	_, err := applyFixesWith(&result{findings: findings}, io.Discard, write)
	if err == nil || !strings.Contains(err.Error(), "disk full") || !strings.Contains(err.Error(), "already fixed: "+names[0]) {
		t.Fatalf("error %v: want the failure and the file already fixed (%s)", err, names[0])
	}
	if b, _ := os.ReadFile(names[0]); !strings.Contains(string(b), "return v") {
		t.Errorf("%s was not fixed:\n%s", names[0], b)
	}
	if b, _ := os.ReadFile(names[1]); string(b) != src {
		t.Errorf("%s changed although its write failed:\n%s", names[1], b)
	}
}

// TestWriteAtomic: the file is replaced whole, keeps its mode, and no
// temporary file is left behind.
func TestWriteAtomic(t *testing.T) {
	dir := t.TempDir()
	name := filepath.Join(dir, "x.go")
	writeFile(t, name, "old")
	if err := os.Chmod(name, 0o600); err != nil {
		t.Fatal(err)
	}
	if err := writeAtomic(name, []byte("new")); err != nil {
		t.Fatal(err)
	}
	info, err := os.Stat(name)
	if err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(name); string(b) != "new" || info.Mode().Perm() != 0o600 {
		t.Errorf("got %q mode %v, want \"new\" mode 0600", b, info.Mode().Perm())
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("temporary files left: %v", entries)
	}
	if err := writeAtomic(filepath.Join(dir, "missing", "y.go"), []byte("x")); err == nil {
		t.Errorf("writing into a missing directory succeeded")
	}
}
