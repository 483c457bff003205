//go:build ignore

// vetwrap is the measuring wrapper used by bench/run.sh. It is not part of the
// module's packages (build tag "ignore"); run.sh builds it with
//
//	go build -o DIR/vetwrap bench/vetwrap.go
//
// It has two personalities, chosen by the name it is started under:
//
//   - vetwrap (go ... -toolexec=DIR/vetwrap): runs the tool named by its first
//     argument as a child process, waits for it and appends one line to
//     $BENCH_LOG with the child's wall time, user and system CPU time and peak
//     resident set size (getrusage ru_maxrss of the waited child). The
//     "-V=full" tool-ID queries are passed through untouched (exec, no child),
//     so the go command computes exactly the same cache keys as without the
//     wrapper.
//
//   - noopvet (a symlink to the same binary, used as -vettool): a vet tool that
//     analyses nothing. run.sh primes a template GOCACHE with
//     `go vet -vettool=noopvet PKGS`, which compiles every package go vet needs
//     (targets, test variants, dependencies) but stores no results of the real
//     vet tools, whose cache keys differ.
//
// Log line (tab-separated):
//
//	run  tool  importpath  mode  wall_ms  user_ms  sys_ms  maxrss_kib  exit
//
// where tool is the base name of the wrapped program (vet, spanhotpath,
// compile, asm, ...), importpath is $TOOLEXEC_IMPORTPATH as set by the go
// command, and mode is "vetx" for a vet run on a dependency (facts only),
// "vet" for a vet run on a named package, "-" otherwise.
package main

import (
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"strings"
	"syscall"
	"time"
)

func main() {
	if filepath.Base(os.Args[0]) == "noopvet" {
		noopVet(os.Args[1:])
		return
	}
	if len(os.Args) < 2 {
		fmt.Fprintln(os.Stderr, "usage: vetwrap TOOL [ARGS...] (as go -toolexec)")
		os.Exit(2)
	}
	tool, args := os.Args[1], os.Args[2:]
	for _, a := range args {
		if a == "-V=full" || a == "-V" || a == "-flags" {
			// Tool identification: replace ourselves, change nothing.
			path, err := exec.LookPath(tool)
			if err != nil {
				fmt.Fprintln(os.Stderr, "vetwrap:", err)
				os.Exit(2)
			}
			err = syscall.Exec(path, append([]string{tool}, args...), os.Environ())
			fmt.Fprintln(os.Stderr, "vetwrap: exec:", err)
			os.Exit(2)
		}
	}

	mode := "-"
	if n := len(args); n > 0 && strings.HasSuffix(args[n-1], "vet.cfg") {
		mode = "vet"
		if data, err := os.ReadFile(args[n-1]); err == nil {
			var cfg struct{ VetxOnly bool }
			if json.Unmarshal(data, &cfg) == nil && cfg.VetxOnly {
				mode = "vetx"
			}
		}
	}

	signal.Ignore(os.Interrupt) // the child gets the signal and decides
	cmd := exec.Command(tool, args...)
	cmd.Stdin, cmd.Stdout, cmd.Stderr = os.Stdin, os.Stdout, os.Stderr
	start := time.Now()
	err := cmd.Start()
	if err != nil {
		fmt.Fprintln(os.Stderr, "vetwrap:", err)
		os.Exit(2)
	}
	_ = cmd.Wait()
	wall := time.Since(start)
	st := cmd.ProcessState
	code := st.ExitCode()

	if logPath := os.Getenv("BENCH_LOG"); logPath != "" {
		var user, sys time.Duration
		var maxrss int64
		if ru, ok := st.SysUsage().(*syscall.Rusage); ok {
			user = time.Duration(ru.Utime.Nano())
			sys = time.Duration(ru.Stime.Nano())
			maxrss = int64(ru.Maxrss) // KiB on Linux
		}
		ip := os.Getenv("TOOLEXEC_IMPORTPATH")
		if ip == "" {
			ip = "-"
		}
		run := os.Getenv("BENCH_RUN")
		if run == "" {
			run = "-"
		}
		line := fmt.Sprintf("%s\t%s\t%s\t%s\t%.1f\t%.1f\t%.1f\t%d\t%d\n",
			run, filepath.Base(tool), ip, mode,
			ms(wall), ms(user), ms(sys), maxrss, code)
		// One write of a short line to an O_APPEND file: concurrent
		// wrappers do not interleave their lines.
		if f, err := os.OpenFile(logPath, os.O_WRONLY|os.O_APPEND|os.O_CREATE, 0o644); err == nil {
			f.WriteString(line)
			f.Close()
		}
	}
	if code < 0 {
		code = 1 // killed by a signal
	}
	os.Exit(code)
}

func ms(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }

// noopVet implements the smallest part of the go vet tool protocol: a
// version for the cache key, no flags, and a run that reports nothing and
// writes no facts.
func noopVet(args []string) {
	for _, a := range args {
		switch a {
		case "-V=full", "-V":
			fmt.Println("noopvet version v1.0.0-bench")
			return
		case "-flags":
			fmt.Println("[]")
			return
		}
	}
}
