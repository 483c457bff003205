//go:build ignore

// report turns the raw files written by bench/run.sh into the markdown
// results table. It is not part of the module's packages (build tag
// "ignore"); run.sh runs it with `go run bench/report.go DIR`.
//
// DIR holds:
//
//	runs.tsv      workload cmd cache mode iter wall_s exit output_lines
//	wrap.log      one line per tool process (see vetwrap.go)
//	pkgmod-W.tsv  importpath <TAB> module path ("std" for the standard library)
//	header.md     machine and command description, copied to the top
package main

import (
	"bufio"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
)

type run struct {
	wl, cmd, cache, mode string
	iter                 int
	wall                 float64
	exit, lines          int
	cpu, other           float64 // CPU s of the go command's process tree; share of the machine busy with other work
}

type proc struct {
	wl, cmd, cache, mode string
	iter                 int
	tool, pkg, kind      string  // kind: vet (named package) or vetx (dependency, facts only)
	wall, cpu            float64 // ms
	rss                  float64 // KiB
	exit                 int
}

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: go run bench/report.go DIR")
		os.Exit(2)
	}
	dir := os.Args[1]
	runs := readRuns(filepath.Join(dir, "runs.tsv"))
	procs, others := readProcs(filepath.Join(dir, "wrap.log"))

	w := bufio.NewWriter(os.Stdout)
	defer w.Flush()
	if h, err := os.ReadFile(filepath.Join(dir, "header.md")); err == nil {
		w.Write(h)
		fmt.Fprintln(w)
	}

	wls := uniq(runs, func(r run) string { return r.wl })

	// ---- Wall time: plain (unwrapped) runs ---------------------------------
	fmt.Fprintln(w, "## Wall time (plain `go vet`, no wrapper)")
	fmt.Fprintln(w)
	fmt.Fprintln(w, "Elapsed time of the whole `go vet` command, median of the runs (min–max in brackets).")
	fmt.Fprintln(w, "Ratio = tool / `go vet`: ratio of the medians, and the median of the per-iteration ratios")
	fmt.Fprintln(w, "(each iteration runs both commands back to back, in alternating order).")
	fmt.Fprintln(w, "CPU = user+system seconds of the go command and all the processes it waited for, median;")
	fmt.Fprintln(w, "other load = share of the machine's CPUs busy with anything else during the runs (median, max).")
	fmt.Fprintln(w)
	fmt.Fprintln(w, "| workload | cache | runs | `go vet` s | tool s | ratio of medians | median paired ratio | budget | verdict | CPU s `go vet` / tool | CPU ratio | other load |")
	fmt.Fprintln(w, "|---|---|---|---|---|---|---|---|---|---|---|---|")
	for _, wl := range wls {
		for _, cache := range []string{"cold", "warm"} {
			b := pick(runs, wl, "base", cache, "plain")
			t := pick(runs, wl, "tool", cache, "plain")
			if len(b) == 0 || len(t) == 0 {
				continue
			}
			bw, tw := walls(b), walls(t)
			r := median(tw) / median(bw)
			pr := median(paired(b, t))
			budget := "≤ 1.00×"
			if cache == "warm" {
				budget = "as vet's own (≈ 1.00×)"
			}
			bc, tc := cpus(b), cpus(t)
			ol := otherLoad(append(append([]run(nil), b...), t...))
			fmt.Fprintf(w, "| %s | %s | %d | %s | %s | %.2f× | %.2f× | %s | %s | %.1f / %.1f | %.2f× | %.0f%%, max %.0f%% |\n",
				wl, cache, min(len(b), len(t)), spread(bw), spread(tw), r, pr, budget, verdict2(r, pr, 1.0),
				median(bc), median(tc), median(tc)/median(bc), 100*median(ol), 100*maxOf(ol))
		}
	}
	fmt.Fprintln(w)

	// ---- Memory and CPU: wrapped cold runs ---------------------------------
	fmt.Fprintln(w, "## Peak memory per vet process and CPU (cold, runs under the measuring wrapper)")
	fmt.Fprintln(w)
	fmt.Fprintln(w, "go vet starts one tool process per package (named packages, their test variants and every")
	fmt.Fprintln(w, "dependency, the standard library included). Peak RSS is getrusage `ru_maxrss` of each process.")
	fmt.Fprintln(w, "Largest = the largest process of any run (and its package); median = median over the processes of")
	fmt.Fprintln(w, "a run, then median over runs. CPU = user+system seconds summed over the vet processes of a run, median")
	fmt.Fprintln(w, "over runs (steadier than wall time on a shared 2-core machine).")
	fmt.Fprintln(w)
	fmt.Fprintln(w, "| workload | processes per run (`go vet` / tool) | largest process `go vet` | largest process tool | ratio (budget ≤ 1.20×) | median process `go vet` / tool | ratio | CPU s `go vet` / tool | ratio | wall under wrapper, ratio |")
	fmt.Fprintln(w, "|---|---|---|---|---|---|---|---|---|---|")
	for _, wl := range wls {
		b := procsOf(procs, wl, "base", "cold")
		t := procsOf(procs, wl, "tool", "cold")
		if len(b) == 0 || len(t) == 0 {
			continue
		}
		bmax, bpkg := largest(b)
		tmax, tpkg := largest(t)
		bmed, tmed := median(perRun(b, medRSS)), median(perRun(t, medRSS))
		bcpu, tcpu := median(perRun(b, sumCPU)), median(perRun(t, sumCPU))
		bn, tn := median(perRun(b, count)), median(perRun(t, count))
		wb := walls(pick(runs, wl, "base", "cold", "wrap"))
		wt := walls(pick(runs, wl, "tool", "cold", "wrap"))
		wr := math.NaN()
		if len(wb) > 0 && len(wt) > 0 {
			wr = median(wt) / median(wb)
		}
		fmt.Fprintf(w, "| %s | %.0f / %.0f | %s (%s) | %s (%s) | %.2f× %s | %s / %s | %.2f× | %.1f / %.1f | %.2f× | %.2f× |\n",
			wl, bn, tn, mib(bmax), bpkg, mib(tmax), tpkg, tmax/bmax, verdict2(tmax/bmax, tmax/bmax, 1.2),
			mib(bmed), mib(tmed), tmed/bmed, bcpu/1000, tcpu/1000, tcpu/bcpu, wr)
	}
	fmt.Fprintln(w)
	for _, wl := range wls {
		for _, cmd := range []string{"base", "tool"} {
			var n []float64
			for _, it := range iters(runs, wl, cmd, "warm", "wrap") {
				c := 0
				for _, p := range procs {
					if p.wl == wl && p.cmd == cmd && p.cache == "warm" && p.iter == it {
						c++
					}
				}
				n = append(n, float64(c))
			}
			if len(n) > 0 && median(n) != 0 {
				fmt.Fprintf(w, "- note: %s %s warm runs still started %.0f vet processes (median): the cache did not hold every result\n", wl, name(cmd), median(n))
			}
		}
	}
	// Same package, both tools: where does the tool need more memory than vet?
	for _, wl := range wls {
		bm, tm := map[string]float64{}, map[string]float64{}
		for _, p := range procsOf(procs, wl, "base", "cold") {
			k := p.pkg + " (" + p.kind + ")"
			bm[k] = math.Max(bm[k], p.rss)
		}
		for _, p := range procsOf(procs, wl, "tool", "cold") {
			k := p.pkg + " (" + p.kind + ")"
			tm[k] = math.Max(tm[k], p.rss)
		}
		var rs []float64
		worst, wk := 0.0, ""
		for k, b := range bm {
			t, ok := tm[k]
			if !ok || b < 40*1024 {
				continue
			}
			r := t / b
			rs = append(rs, r)
			if r > worst {
				worst, wk = r, k
			}
		}
		if len(rs) > 0 {
			fmt.Fprintf(w, "- %s, package by package (processes where `go vet` peaks above 40 MiB, %d of them): tool/`go vet` peak RSS median %.2f×, largest %.2f× (`%s`: %s vs %s).\n",
				wl, len(rs), median(rs), worst, wk, mib(tm[wk]), mib(bm[wk]))
		}
	}
	warmZero := true
	for _, p := range procs {
		if p.cache == "warm" {
			warmZero = false
		}
	}
	if warmZero {
		fmt.Fprintln(w, "- warm runs started no vet process at all, for either command: every result (facts and output) came from the build cache, so warm cost is the go command's own (package loading, cache look-ups).")
	}
	nCompile := 0
	for _, o := range others {
		if o.cache == "cold" && (o.tool == "compile" || o.tool == "asm" || o.tool == "link" || o.tool == "cgo") {
			nCompile++
		}
	}
	fmt.Fprintf(w, "- compiler/assembler/cgo processes started during the measured cold runs: %d (0 means the template cache held every compiled package, so cold runs measure vet work only).\n", nCompile)
	fmt.Fprintln(w)

	// ---- Exit status ------------------------------------------------------
	fmt.Fprintln(w, "## Exit status and output")
	fmt.Fprintln(w)
	fmt.Fprintln(w, "| workload | command | cache | exit codes | output lines (median) |")
	fmt.Fprintln(w, "|---|---|---|---|---|")
	for _, wl := range wls {
		for _, cmd := range []string{"base", "tool"} {
			for _, cache := range []string{"cold", "warm"} {
				rs := pick(runs, wl, cmd, cache, "")
				if len(rs) == 0 {
					continue
				}
				codes := map[int]int{}
				var lines []float64
				for _, r := range rs {
					codes[r.exit]++
					lines = append(lines, float64(r.lines))
				}
				var cs []string
				for c, n := range codes {
					cs = append(cs, fmt.Sprintf("%d ×%d", c, n))
				}
				sort.Strings(cs)
				fmt.Fprintf(w, "| %s | %s | %s | %s | %.0f |\n", wl, name(cmd), cache, strings.Join(cs, ", "), median(lines))
			}
		}
	}
	fmt.Fprintln(w)

	// ---- Where the time goes -------------------------------------------------
	for _, wl := range wls {
		b := procsOf(procs, wl, "base", "cold")
		t := procsOf(procs, wl, "tool", "cold")
		if len(b) == 0 || len(t) == 0 {
			continue
		}
		mods := readPkgMod(filepath.Join(dir, "pkgmod-"+wl+".tsv"))
		nb := float64(len(uniqProcIters(b)))
		nt := float64(len(uniqProcIters(t)))
		fmt.Fprintf(w, "## %s: where the vet processes spend their time (cold, per run)\n\n", wl)
		fmt.Fprintln(w, "Process time = wall time of each vet process summed (two run at once), per run (mean over runs);")
		fmt.Fprintln(w, "`vetx` = dependency vetted for facts only, `vet` = named package (with its test variants).")
		fmt.Fprintln(w)
		fmt.Fprintln(w, "| module | kind | processes | `go vet` process-s | tool process-s | tool − `go vet` s | ratio | tool CPU s |")
		fmt.Fprintln(w, "|---|---|---|---|---|---|---|---|")
		type agg struct{ n, bw, tw, tc float64 }
		groups := map[[2]string]*agg{}
		get := func(k [2]string) *agg {
			if groups[k] == nil {
				groups[k] = &agg{}
			}
			return groups[k]
		}
		for _, p := range b {
			g := get([2]string{modOf(mods, p.pkg), p.kind})
			g.bw += p.wall / nb
		}
		for _, p := range t {
			g := get([2]string{modOf(mods, p.pkg), p.kind})
			g.n += 1 / nt
			g.tw += p.wall / nt
			g.tc += p.cpu / nt
		}
		var keys [][2]string
		for k := range groups {
			keys = append(keys, k)
		}
		sort.Slice(keys, func(i, j int) bool { return groups[keys[i]].tw > groups[keys[j]].tw })
		var tot agg
		for i, k := range keys {
			g := groups[k]
			tot.n += g.n
			tot.bw += g.bw
			tot.tw += g.tw
			tot.tc += g.tc
			if i < 12 {
				fmt.Fprintf(w, "| %s | %s | %.0f | %.1f | %.1f | %+.1f | %.2f× | %.1f |\n", k[0], k[1], g.n, g.bw/1000, g.tw/1000, (g.tw-g.bw)/1000, g.tw/g.bw, g.tc/1000)
			}
		}
		if len(keys) > 12 {
			fmt.Fprintf(w, "| (%d more groups) | | | | | | | |\n", len(keys)-12)
		}
		fmt.Fprintf(w, "| **all** | | %.0f | %.1f | %.1f | %+.1f | %.2f× | %.1f |\n\n", tot.n, tot.bw/1000, tot.tw/1000, (tot.tw-tot.bw)/1000, tot.tw/tot.bw, tot.tc/1000)

		// Per package: median over runs.
		type pk struct {
			pkg, kind      string
			bw, tw, bm, tm float64
		}
		byPkg := func(ps []proc) (map[string][]float64, map[string][]float64) {
			wm, rm := map[string][]float64{}, map[string][]float64{}
			for _, p := range ps {
				k := p.pkg + "\x00" + p.kind
				wm[k] = append(wm[k], p.wall)
				rm[k] = append(rm[k], p.rss)
			}
			return wm, rm
		}
		bwm, brm := byPkg(b)
		twm, trm := byPkg(t)
		var pks []pk
		for k, tws := range twm {
			f := strings.SplitN(k, "\x00", 2)
			x := pk{pkg: f[0], kind: f[1], tw: median(tws), tm: maxOf(trm[k])}
			if v := bwm[k]; len(v) > 0 {
				x.bw, x.bm = median(v), maxOf(brm[k])
			}
			pks = append(pks, x)
		}
		row := func(x pk) {
			fmt.Fprintf(w, "| `%s` | %s | %.2f | %.2f | %+.2f | %s | %s |\n", x.pkg, x.kind, x.bw/1000, x.tw/1000, (x.tw-x.bw)/1000, mib(x.bm), mib(x.tm))
		}
		hdr := "| package | kind | `go vet` s | tool s | tool − `go vet` s | `go vet` peak MiB | tool peak MiB |\n|---|---|---|---|---|---|---|"
		fmt.Fprintf(w, "Slowest tool processes (median wall over runs):\n\n%s\n", hdr)
		sort.Slice(pks, func(i, j int) bool { return pks[i].tw > pks[j].tw })
		for i := 0; i < len(pks) && i < 10; i++ {
			row(pks[i])
		}
		fmt.Fprintf(w, "\nLargest extra time over `go vet` per process:\n\n%s\n", hdr)
		sort.Slice(pks, func(i, j int) bool { return pks[i].tw-pks[i].bw > pks[j].tw-pks[j].bw })
		for i := 0; i < len(pks) && i < 10; i++ {
			row(pks[i])
		}
		fmt.Fprintf(w, "\nLargest tool processes (peak RSS, max over runs):\n\n%s\n", hdr)
		sort.Slice(pks, func(i, j int) bool { return pks[i].tm > pks[j].tm })
		for i := 0; i < len(pks) && i < 5; i++ {
			row(pks[i])
		}
		fmt.Fprintln(w)
	}
}

// ---- input ------------------------------------------------------------------

func readRuns(path string) []run {
	var rs []run
	for _, f := range readTSV(path) {
		if len(f) < 8 {
			continue
		}
		r := run{wl: f[0], cmd: f[1], cache: f[2], mode: f[3]}
		r.iter, _ = strconv.Atoi(f[4])
		r.wall, _ = strconv.ParseFloat(f[5], 64)
		r.exit, _ = strconv.Atoi(f[6])
		r.lines, _ = strconv.Atoi(f[7])
		if len(f) >= 10 {
			r.cpu, _ = strconv.ParseFloat(f[8], 64)
			r.other, _ = strconv.ParseFloat(f[9], 64)
		}
		rs = append(rs, r)
	}
	return rs
}

// readProcs returns the vet tool processes and, separately, every other tool
// process the wrapper saw (compile, asm, gcc -### ...).
func readProcs(path string) (vets, others []proc) {
	for _, f := range readTSV(path) {
		if len(f) < 9 {
			continue
		}
		lab := strings.Split(f[0], "|")
		if len(lab) != 5 {
			continue
		}
		p := proc{wl: lab[0], cmd: lab[1], cache: lab[2], mode: lab[3], tool: f[1], pkg: f[2], kind: f[3]}
		p.iter, _ = strconv.Atoi(lab[4])
		p.wall, _ = strconv.ParseFloat(f[4], 64)
		u, _ := strconv.ParseFloat(f[5], 64)
		s, _ := strconv.ParseFloat(f[6], 64)
		p.cpu = u + s
		p.rss, _ = strconv.ParseFloat(f[7], 64)
		p.exit, _ = strconv.Atoi(f[8])
		if p.kind == "vet" || p.kind == "vetx" {
			vets = append(vets, p)
		} else {
			others = append(others, p)
		}
	}
	return
}

func readPkgMod(path string) map[string]string {
	m := map[string]string{}
	for _, f := range readTSV(path) {
		if len(f) >= 2 {
			m[f[0]] = f[1]
		}
	}
	return m
}

func modOf(m map[string]string, pkg string) string {
	if mod, ok := m[pkg]; ok {
		return mod
	}
	// "p [q.test]", "p.test", "p_test [p.test]": look up the base package.
	base := strings.SplitN(pkg, " ", 2)[0]
	base = strings.TrimSuffix(strings.TrimSuffix(base, ".test"), "_test")
	if mod, ok := m[base]; ok {
		return mod
	}
	if !strings.Contains(strings.SplitN(base, "/", 2)[0], ".") {
		return "std"
	}
	return "?"
}

func readTSV(path string) [][]string {
	f, err := os.Open(path)
	if err != nil {
		return nil
	}
	defer f.Close()
	var out [][]string
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		if line := sc.Text(); line != "" && !strings.HasPrefix(line, "#") {
			out = append(out, strings.Split(line, "\t"))
		}
	}
	return out
}

// ---- selection and statistics -------------------------------------------------

func pick(rs []run, wl, cmd, cache, mode string) []run {
	var out []run
	for _, r := range rs {
		if r.wl == wl && r.cmd == cmd && r.cache == cache && (mode == "" || r.mode == mode) {
			out = append(out, r)
		}
	}
	return out
}

func iters(rs []run, wl, cmd, cache, mode string) []int {
	var out []int
	for _, r := range pick(rs, wl, cmd, cache, mode) {
		out = append(out, r.iter)
	}
	return out
}

func procsOf(ps []proc, wl, cmd, cache string) []proc {
	var out []proc
	for _, p := range ps {
		if p.wl == wl && p.cmd == cmd && p.cache == cache {
			out = append(out, p)
		}
	}
	return out
}

func uniq[T any](xs []T, key func(T) string) []string {
	seen := map[string]bool{}
	var out []string
	for _, x := range xs {
		if k := key(x); !seen[k] {
			seen[k] = true
			out = append(out, k)
		}
	}
	sort.Strings(out)
	return out
}

func uniqProcIters(ps []proc) map[int]bool {
	m := map[int]bool{}
	for _, p := range ps {
		m[p.iter] = true
	}
	return m
}

func walls(rs []run) []float64 {
	var out []float64
	for _, r := range rs {
		out = append(out, r.wall)
	}
	return out
}

func cpus(rs []run) []float64 {
	var out []float64
	for _, r := range rs {
		out = append(out, r.cpu)
	}
	return out
}

func otherLoad(rs []run) []float64 {
	var out []float64
	for _, r := range rs {
		out = append(out, r.other)
	}
	return out
}

// paired returns tool/base wall ratios of the iterations that have both.
func paired(b, t []run) []float64 {
	bw := map[int]float64{}
	for _, r := range b {
		bw[r.iter] = r.wall
	}
	var out []float64
	for _, r := range t {
		if x, ok := bw[r.iter]; ok && x > 0 {
			out = append(out, r.wall/x)
		}
	}
	return out
}

func perRun(ps []proc, f func([]proc) float64) []float64 {
	by := map[int][]proc{}
	for _, p := range ps {
		by[p.iter] = append(by[p.iter], p)
	}
	var out []float64
	for _, v := range by {
		out = append(out, f(v))
	}
	return out
}

func medRSS(ps []proc) float64 {
	var xs []float64
	for _, p := range ps {
		xs = append(xs, p.rss)
	}
	return median(xs)
}

func sumCPU(ps []proc) float64 {
	s := 0.0
	for _, p := range ps {
		s += p.cpu
	}
	return s
}

func count(ps []proc) float64 { return float64(len(ps)) }

func largest(ps []proc) (float64, string) {
	var m float64
	var pkg string
	for _, p := range ps {
		if p.rss > m {
			m, pkg = p.rss, p.pkg
		}
	}
	return m, "`" + pkg + "`"
}

func median(xs []float64) float64 {
	if len(xs) == 0 {
		return math.NaN()
	}
	s := append([]float64(nil), xs...)
	sort.Float64s(s)
	n := len(s)
	if n%2 == 1 {
		return s[n/2]
	}
	return (s[n/2-1] + s[n/2]) / 2
}

func maxOf(xs []float64) float64 {
	m := 0.0
	for _, x := range xs {
		m = math.Max(m, x)
	}
	return m
}

func spread(xs []float64) string {
	s := append([]float64(nil), xs...)
	sort.Float64s(s)
	return fmt.Sprintf("%.2f (%.2f–%.2f)", median(s), s[0], s[len(s)-1])
}

func mib(kib float64) string {
	if kib == 0 {
		return "—"
	}
	return fmt.Sprintf("%.0f MiB", kib/1024)
}

func name(cmd string) string {
	if cmd == "base" {
		return "`go vet`"
	}
	return "tool"
}

// verdict2 judges a ratio against its budget from two estimates (ratio of
// medians, median of paired ratios): when they fall on both sides of the
// budget, the runs cannot tell.
func verdict2(r1, r2, budget float64) string {
	switch {
	case math.IsNaN(r1) || math.IsNaN(r2):
		return "?"
	case r1 <= budget && r2 <= budget:
		return "within"
	case r1 > budget && r2 > budget:
		return fmt.Sprintf("**over by %.1f%%**", (math.Min(r1, r2)/budget-1)*100)
	default:
		return "inconclusive (the two ratios disagree)"
	}
}
