package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime"
	"sort"
	"strings"
	"time"

	"github.com/spanhotpath/spanhotpath/internal/catalog"
	"github.com/spanhotpath/spanhotpath/internal/driver"
	"github.com/spanhotpath/spanhotpath/internal/load"
	"github.com/spanhotpath/spanhotpath/internal/program"
)

// Exit statuses of the standalone driver (docs/cli.md).
const (
	exitClean    = 0
	exitError    = 1 // load, type-check or analysis error
	exitUsage    = 2 // bad flag, unknown -explain category, unreadable baseline
	exitFindings = 3 // findings (new findings, with -baseline)
)

// options are the standalone flags.
type options struct {
	format        string
	json          bool
	tests         bool
	baseline      string
	writeBaseline string
	explain       string
	fix           bool
	program       bool
	stats         bool
	patterns      []string
}

// usageError is a command-line mistake: exit status 2.
type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

func usagef(format string, args ...any) error { return usageError{fmt.Sprintf(format, args...)} }

// run is the standalone driver. It returns the exit status.
func run(args []string, stdout, stderr io.Writer) int {
	opts, cat, err := parseFlags(args, stdout)
	if errors.Is(err, flag.ErrHelp) {
		return exitClean
	}
	if err != nil {
		fmt.Fprintf(stderr, "spanhotpath: %v\n", err)
		if _, ok := err.(usageError); ok {
			fmt.Fprintln(stderr, "Run 'spanhotpath -h' for usage.")
		}
		return exitUsage
	}

	if opts.explain != "" {
		text, ok := explain(opts.explain)
		if !ok {
			fmt.Fprintf(stderr, "spanhotpath: -explain: unknown category %q (want one of %s)\n",
				opts.explain, strings.Join(categories, ", "))
			return exitUsage
		}
		if _, err := io.WriteString(stdout, text); err != nil {
			fmt.Fprintf(stderr, "spanhotpath: %v\n", err)
			return exitError
		}
		return exitClean
	}

	var base *baseline
	if opts.baseline != "" {
		base, err = readBaseline(opts.baseline)
		if err != nil {
			fmt.Fprintf(stderr, "spanhotpath: -baseline: %v\n", err)
			return exitUsage
		}
	}

	res := analyze(cat, opts, stderr)
	if res.fatal {
		// Nothing was analysed; a machine reader still gets a valid
		// document, and in SARIF the reason.
		if err := writeOutput(stdout, opts, nil, res, false); err != nil {
			fmt.Fprintf(stderr, "spanhotpath: writing results: %v\n", err)
		}
		if res.config {
			return exitUsage
		}
		return exitError
	}

	if opts.fix {
		n, err := applyFixes(res, stderr)
		if err != nil {
			fmt.Fprintf(stderr, "spanhotpath: -fix: %v\n", err)
			return exitError
		}
		if n > 0 {
			// Report what is left, at the positions of the edited files.
			res = analyze(cat, opts, stderr)
			if res.fatal {
				return exitError
			}
		}
	}

	findings := res.findings

	if opts.writeBaseline != "" {
		if res.failed {
			fmt.Fprintf(stderr, "spanhotpath: -write-baseline: analysis failed; %s not written\n", opts.writeBaseline)
			return exitError
		}
		if err := writeBaseline(opts.writeBaseline, findings); err != nil {
			fmt.Fprintf(stderr, "spanhotpath: -write-baseline: %v\n", err)
			return exitError
		}
		n := countActive(findings)
		fmt.Fprintf(stderr, "spanhotpath: wrote %d finding(s) to %s\n", n, opts.writeBaseline)
		return exitClean
	}

	if base != nil {
		var known int
		findings, known = base.filter(findings)
		if known > 0 {
			fmt.Fprintf(stderr, "spanhotpath: %d finding(s) in the baseline not shown\n", known)
		}
	}

	if werr := writeOutput(stdout, opts, findings, res, base != nil); werr != nil {
		fmt.Fprintf(stderr, "spanhotpath: writing results: %v\n", werr)
		return exitError
	}

	switch {
	case res.failed:
		return exitError
	case countActive(findings) > 0:
		return exitFindings
	}
	return exitClean
}

// writeOutput writes the findings in the chosen format; JSON and SARIF
// are valid documents even when nothing could be analysed, and SARIF
// carries the errors as tool execution notifications.
func writeOutput(w io.Writer, opts *options, findings []*finding, res *result, baselined bool) error {
	switch opts.format {
	case "json":
		return writeJSON(w, findings)
	case "sarif":
		return writeSARIF(w, findings, res.cwd, baselined, res.errors)
	}
	return writeText(w, findings)
}

func countActive(fs []*finding) int {
	n := 0
	for _, f := range fs {
		if f.Suppressed == nil {
			n++
		}
	}
	return n
}

// parseFlags parses the command line into options and the compiled
// catalog. The configuration flags (-roots, -sinks, -safe, -disable) are
// the analyzer's own parser, so they are spelled, documented and validated
// exactly as under go vet.
func parseFlags(args []string, stdout io.Writer) (*options, *catalog.Catalog, error) {
	opts := new(options)
	fs := flag.NewFlagSet("spanhotpath", flag.ContinueOnError)

	fs.StringVar(&opts.format, "format", "text", "output format: text, json or sarif")
	fs.BoolVar(&opts.json, "json", false, "same as -format json")
	fs.BoolVar(&opts.tests, "test", true, "also analyze test packages")
	fs.StringVar(&opts.baseline, "baseline", "", "report only findings not in this baseline `file`")
	fs.StringVar(&opts.writeBaseline, "write-baseline", "", "write all current findings to this baseline `file` and exit 0")
	fs.StringVar(&opts.explain, "explain", "", "print the documentation of a `category` (reentrancy, deadlock, network, io, blocking, directive) and exit")
	fs.BoolVar(&opts.fix, "fix", false, "apply suggested fixes, then report what is left")
	fs.BoolVar(&opts.stats, "stats", false, "print what each stage cost to stderr (wall time, packages, call graph sizes, peak heap)")
	fs.BoolVar(&opts.program, "program", false, "analyse the packages as one program: follow interface and function values across packages (whole-program call graph)")

	// Fresh flags per parse, so that parsing twice (tests) starts from the
	// defaults.
	cfgFlags := catalog.NewFlags()
	cfgFlags.Register(fs)

	// Parse errors are reported by run, in one line; -h prints the usage.
	fs.SetOutput(io.Discard)
	fs.Usage = func() {}
	printUsage := func(out io.Writer) {
		fmt.Fprint(out, `spanhotpath reports I/O and span creation reachable from OpenTelemetry hot-path hooks.

Usage:
  spanhotpath [flags] packages...          analyze packages (go list patterns)
  spanhotpath -explain CATEGORY            explain a finding category
  go vet -vettool=$(which spanhotpath) ./...

Exit status: 0 clean, 3 findings, 1 load or analysis error, 2 usage error.

Flags:
`)
		fs.SetOutput(out)
		fs.PrintDefaults()
		fs.SetOutput(io.Discard)
	}

	var cfg *catalog.Catalog
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			printUsage(stdout)
			return nil, cfg, err
		}
		return nil, cfg, usageError{err.Error()}
	}
	opts.patterns = fs.Args()

	formatSet := false
	fs.Visit(func(f *flag.Flag) {
		if f.Name == "format" {
			formatSet = true
		}
	})
	if opts.json {
		if formatSet && opts.format != "json" {
			return nil, cfg, usagef("-json conflicts with -format %s", opts.format)
		}
		opts.format = "json"
	}
	switch opts.format {
	case "text", "json", "sarif":
	default:
		return nil, cfg, usagef("-format %q: want text, json or sarif", opts.format)
	}

	if opts.explain != "" {
		return opts, cfgFlags.Catalog(), nil
	}
	if len(opts.patterns) == 0 {
		return nil, cfg, usagef("no packages given (try ./...)")
	}
	if opts.baseline != "" && opts.writeBaseline != "" {
		return nil, cfg, usagef("-baseline and -write-baseline are exclusive")
	}

	return opts, cfgFlags.Catalog(), nil
}

// result is one analysis run.
type result struct {
	cwd      string
	run      *driver.Result
	findings []*finding // deduplicated and sorted
	errors   []string   // the errors printed, one per line
	failed   bool       // an error was printed
	fatal    bool       // nothing could be analysed
	config   bool       // because the configuration names what does not exist
}

// analyze loads the packages and analyses them with cat. Errors of
// individual packages are printed to stderr and recorded in result.failed;
// every other package is still analysed. When nothing can be loaded at all,
// result.fatal is set.
func analyze(cat *catalog.Catalog, opts *options, stderr io.Writer) *result {
	res := &result{}
	fail := func(format string, args ...any) *result {
		msg := fmt.Sprintf(format, args...)
		fmt.Fprintln(stderr, "spanhotpath: "+msg)
		res.errors = append(res.errors, msg)
		res.failed, res.fatal = true, true
		return res
	}
	cwd, err := os.Getwd()
	if err != nil {
		return fail("%v", err)
	}
	res.cwd = cwd
	start := time.Now()
	g, err := load.Metadata("", opts.tests, opts.patterns...)
	listed := time.Since(start)
	if err != nil {
		return fail("loading packages: %v", err)
	}
	if len(g.Roots) == 0 {
		return fail("no packages matched %s", strings.Join(opts.patterns, " "))
	}
	if errs := driver.Unmatched(g, cat); len(errs) > 0 {
		for _, err := range errs {
			fail("%v", err)
		}
		res.config = true
		return res
	}
	start = time.Now()
	if opts.program {
		var st driver.ProgramStats
		pruned := program.Prune(g, cat)
		if opts.stats {
			fmt.Fprintf(stderr, "spanhotpath: stats: pruned test packages in %v (%d of %d packages left)\n", time.Since(start).Round(time.Millisecond), len(pruned.All), len(g.All))
		}
		res.run, st, err = driver.Program(pruned, cat)
		if err != nil {
			return fail("%v", err)
		}
		if opts.stats && st.PerPackage {
			fmt.Fprintf(stderr, "spanhotpath: stats: list %v; no package a hook needs is in the program, so it was analysed per package\n", listed.Round(time.Millisecond))
		} else if opts.stats {
			fmt.Fprintf(stderr, "spanhotpath: stats: list %v, type-check and ssa %v (%d packages from source; ssa %v of it), index %v, call graph %v (%d functions, rounds %+v), solve %v (%d summaries)\n",
				listed.Round(time.Millisecond), st.Check.Round(time.Millisecond), st.FromSource, st.Build.Round(time.Millisecond),
				st.Index.Round(time.Millisecond), st.Graph.Round(time.Millisecond), st.Functions, st.Rounds, st.Solve.Round(time.Millisecond), st.Solved)
			var ms runtime.MemStats
			runtime.ReadMemStats(&ms)
			fmt.Fprintf(stderr, "spanhotpath: stats: heap in use %d MiB, peak RSS see the OS\n", ms.HeapInuse>>20)
		}
	} else {
		res.run = driver.PerPackage(g, cat, 0)
		if opts.stats {
			fmt.Fprintf(stderr, "spanhotpath: stats: list %v, analysis %v (%d packages)\n",
				listed.Round(time.Millisecond), time.Since(start).Round(time.Millisecond), len(g.All))
		}
	}
	if opts.stats {
		fmt.Fprintf(stderr, "spanhotpath: stats: analysis done at %v\n", time.Since(start).Round(time.Millisecond))
	}
	res.errors = printErrors(stderr, res.run.Errors, cwd)
	res.failed = len(res.errors) > 0
	res.findings = collect(res.run, cwd)
	if opts.program && opts.fix {
		addPackageFixes(res.findings, collect(driver.PerPackage(g, cat, 0), cwd))
	}
	return res
}

// addPackageFixes gives program-mode findings the fixes the per-package
// engine offers for the same call. A fix is decided by the call alone (the
// hook's call of a package-level function, hoisted into a package
// variable, only where the callee's value cannot differ: perpkg/hoistsafe.go),
// so it holds whichever engine found the call; it is taken only where both
// engines give the call the same category, so program mode's knowledge
// (this call starts a span in this program) is never overridden.
func addPackageFixes(program, perpkg []*finding) {
	type key struct {
		file      string
		line, col int
		category  string
	}
	fixes := make(map[key]*finding)
	for _, f := range perpkg {
		if f.fix != nil {
			fixes[key{f.AbsFile, f.Line, f.Column, f.Category}] = f
		}
	}
	for _, f := range program {
		if f.fix != nil {
			continue
		}
		if p := fixes[key{f.AbsFile, f.Line, f.Column, f.Category}]; p != nil {
			f.fix, f.fset, f.imports = p.fix, p.fset, p.imports
		}
	}
}

// printErrors prints the errors of the packages that were not analysed,
// each line once, with paths relative to cwd, and returns them.
func printErrors(w io.Writer, errs []driver.PackageError, cwd string) []string {
	// By package, each error's lines in the go command's order (a message,
	// then its "to add: go get ..." hint).
	errs = append([]driver.PackageError(nil), errs...)
	sort.SliceStable(errs, func(i, j int) bool { return errs[i].Pkg.ID < errs[j].Pkg.ID })
	var lines []string
	seen := map[string]bool{}
	for _, e := range errs {
		for _, l := range e.Lines {
			line := displayLine(l, cwd)
			if !strings.HasPrefix(line, e.Pkg.PkgPath) && !positioned(line) {
				line = e.Pkg.ID + ": " + line
			}
			if !seen[line] {
				seen[line] = true
				lines = append(lines, line)
			}
		}
	}
	for _, l := range lines {
		fmt.Fprintln(w, l)
	}
	return lines
}

// positioned reports whether an error line starts with a file position.
func positioned(line string) bool {
	file, _, ok := strings.Cut(line, ":")
	return ok && strings.HasSuffix(file, ".go")
}

// displayLine makes the position an error line starts with relative to cwd.
func displayLine(line, cwd string) string {
	pos, msg, ok := strings.Cut(line, ": ")
	if !ok || !strings.Contains(pos, ".go:") {
		return line
	}
	return displayPos(pos, cwd) + ": " + msg
}

// displayPos makes the file part of a "file:line:col" position relative to
// cwd when the file is under it.
func displayPos(pos, cwd string) string {
	file, rest := pos, ""
	// Split off up to two trailing numeric fields.
	for range 2 {
		i := strings.LastIndexByte(file, ':')
		if i < 0 || !isDigits(file[i+1:]) {
			break
		}
		rest = file[i:] + rest
		file = file[:i]
	}
	return displayPath(file, cwd) + rest
}

func isDigits(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}
