package integration

import (
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// TestLibraryFrontEnds runs the three front ends on the library fixtures
// (testdata/libs: otelsql, pgx, go-redis, the AWS SDK, Cloud Storage, zap,
// logrus, logr, etcd, client-go, exporters): each reports exactly the lines
// the fixtures expect, and all three agree on file, line, category and
// message. internal/program's TestLibraryFixtures checks the messages; this
// checks that the catalog reaches every front end.
func TestLibraryFrontEnds(t *testing.T) {
	skipShort(t)
	dir := filepath.Join(repoRoot(t), "testdata", "libs")
	mustRun(t, dir, nil, "go", "mod", "download")
	want := wantLines(t, dir)
	if len(want) < 10 {
		t.Fatalf("%d expected findings in testdata/libs, want at least 10", len(want))
	}
	bin, err := spanhotpath(t)
	if err != nil {
		t.Fatal(err)
	}
	runs := []struct {
		name string
		code int
		r    func(t *testing.T) *result
	}{
		{"go vet", 1, func(t *testing.T) *result { return textRun(t, dir, "go", "vet", "-vettool="+bin, "./...") }},
		{"standalone", 3, func(t *testing.T) *result { return textRun(t, dir, bin, "./...") }},
		{"golangci-lint", 1, func(t *testing.T) *result {
			return golangciJSON(t, dir, golangciLint(t), configFile(t, "libs.yml", config("")), "./...")
		}},
	}
	var first string
	for _, fe := range runs {
		t.Run(fe.name, func(t *testing.T) {
			r := fe.r(t)
			checkExit(t, r, fe.code)
			got := make(map[string]bool)
			for _, f := range r.findings {
				key := f.File + ":" + strconv.Itoa(f.Line)
				got[key] = true
				if !want[key] {
					t.Errorf("unexpected finding %s: %s", key, f.Message)
				}
			}
			for key := range want {
				if !got[key] {
					t.Errorf("no finding at %s", key)
				}
			}
			s := formatFindings(r.findings)
			if first == "" {
				first = s
			} else if s != first {
				t.Errorf("%s and %s disagree\n%s:\n%s\n%s:\n%s", fe.name, runs[0].name, fe.name, s, runs[0].name, first)
			}
		})
	}
}

var wantLineRx = regexp.MustCompile("// want `")

// wantLines returns "file:line" of every // want under dir, run/ aside.
func wantLines(t *testing.T, dir string) map[string]bool {
	t.Helper()
	out := make(map[string]bool)
	err := filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
		if err != nil || !strings.HasSuffix(path, ".go") {
			return err
		}
		src, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, path)
		for i, line := range strings.Split(string(src), "\n") {
			if wantLineRx.MatchString(line) {
				out[filepath.ToSlash(rel)+":"+strconv.Itoa(i+1)] = true
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}
