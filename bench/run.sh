#!/usr/bin/env bash
# bench/run.sh: cost of `go vet -vettool=spanhotpath` against plain `go vet`
# (the default analyzer suite), measured in the same run, interleaved.
#
# Usage: bench/run.sh            (from anywhere; see docs/bench.md)
#
# Environment:
#   N_COLD=5  N_WARM=5   iterations of cold and warm runs per command
#   WORKLOADS="W1 W2"    which workloads to run
#   BIN=path             spanhotpath binary (default: built from ./cmd/spanhotpath)
#   WORKDIR=dir          scratch directory (default: mktemp under ${TMPDIR:-/tmp})
#   KEEP=1               keep WORKDIR (caches, logs, outputs) at the end
#   OUT=path             markdown results (default: bench/results.md; "-" = stdout only)
#   WRAPPED=1            also do the runs under the measuring wrapper (peak RSS,
#                        per-package times); 0 = plain wall time only
#
# Workloads:
#   W1  scratch module requiring go.opentelemetry.io/otel/sdk v1.47.0,
#       google.golang.org/grpc v1.83.2, otelhttp v0.72.0, otelgrpc v0.72.0;
#       go vet go.opentelemetry.io/otel/sdk/... google.golang.org/grpc/... \
#              .../net/http/otelhttp/... .../google.golang.org/grpc/otelgrpc/...
#   W2  golang.org/x/tools@v0.52.0, copied out of the module cache; go vet ./...
#
# Cache states:
#   cold  GOCACHE is a fresh copy of a template cache that was primed with
#         `go vet -vettool=noopvet PKGS`: every package go vet needs is compiled
#         (export data present), but no result of either measured vet tool is
#         cached, so a cold run does all the vet work and no compile work.
#   warm  the same command again, right after its cold run, on that cache.
#
# Each iteration runs both commands back to back, in alternating order
# (go vet first on even iterations, the tool first on odd ones):
#   plain   `go vet PKGS` and `go vet -vettool=$BIN PKGS`, timed as a whole;
#           these give the wall-time ratio.
#   wrap    the same with -toolexec=vetwrap, which runs every vet process as its
#           child and logs its wall time, CPU time and peak RSS (ru_maxrss).
#           The wrapper costs a fork and a small Go program per process, so
#           wall time comes from the plain runs and memory from these.
# -toolexec keeps the baseline literally `go vet` (the go command's own vet,
# with its own default flags) and leaves every cache key unchanged: vetwrap
# passes the tools' -V=full identification through untouched.
set -euo pipefail

if ((BASH_VERSINFO[0] < 5)); then
	echo "bench/run.sh needs bash 5 (EPOCHREALTIME)" >&2
	exit 2
fi

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
N_COLD=${N_COLD:-5}
N_WARM=${N_WARM:-5}
WORKLOADS=${WORKLOADS:-"W1 W2"}
WRAPPED=${WRAPPED:-1}
KEEP=${KEEP:-0}
OUT=${OUT:-$REPO/bench/results.md}
WORKDIR=${WORKDIR:-$(mktemp -d "${TMPDIR:-/tmp}/spanhotpath-bench.XXXXXX")}
mkdir -p "$WORKDIR"
WORKDIR=$(cd "$WORKDIR" && pwd)

export GOTOOLCHAIN=local # never switch toolchains mid-benchmark
export GOFLAGS=          # no -mod=mod or other surprises from the environment
export GOWORK=off
unset GOCACHEPROG GOEXPERIMENT

log() { printf '%s %s\n' "$(date +%T)" "$*" >&2; }

cleanup() {
	if [[ $KEEP == 1 ]]; then
		log "kept $WORKDIR"
	else
		rm -rf "$WORKDIR"
	fi
}
trap cleanup EXIT

# ---- binaries ------------------------------------------------------------------
mkdir -p "$WORKDIR/bin" "$WORKDIR/out"
if [[ -z ${BIN:-} ]]; then
	log "building spanhotpath from $REPO/cmd/spanhotpath"
	(cd "$REPO" && go build -o "$WORKDIR/bin/spanhotpath" ./cmd/spanhotpath)
	BIN=$WORKDIR/bin/spanhotpath
fi
BIN=$(cd "$(dirname "$BIN")" && pwd)/$(basename "$BIN")
(cd "$REPO" && go build -o "$WORKDIR/bin/vetwrap" ./bench/vetwrap.go)
ln -sf vetwrap "$WORKDIR/bin/noopvet"
WRAP=$WORKDIR/bin/vetwrap
NOOP=$WORKDIR/bin/noopvet
STOCKVET=$(go env GOTOOLDIR)/vet
"$BIN" -V=full >/dev/null || { echo "$BIN -V=full failed: not a vet tool?" >&2; exit 1; }
"$BIN" -flags >/dev/null || { echo "$BIN -flags failed: not a vet tool?" >&2; exit 1; }

# ---- workloads -----------------------------------------------------------------
# shellcheck source=bench/workloads.sh
source "$REPO/bench/workloads.sh"

# ---- one measured command --------------------------------------------------------
# run_one WL CMD CACHE MODE ITER GOCACHE
run_one() {
	local wl=$1 cmd=$2 cache=$3 mode=$4 iter=$5 gocache=$6
	local label="$wl|$cmd|$cache|$mode|$iter"
	local out="$WORKDIR/out/${wl}-${cmd}-${cache}-${mode}-${iter}.txt"
	local -a args=(vet)
	[[ $mode == wrap ]] && args+=("-toolexec=$WRAP")
	[[ $cmd == tool ]] && args+=("-vettool=$BIN")
	# shellcheck disable=SC2206
	args+=(${WPKGS[$wl]})
	local t0 t1 s0 s1 rc=0
	cd "${WDIR[$wl]}"
	s0=$(cpu_jiffies)
	t0=${EPOCHREALTIME/./}
	GOCACHE=$gocache BENCH_LOG=$WORKDIR/wrap.log BENCH_RUN=$label \
		/usr/bin/time -o "$WORKDIR/time.out" -f '%U %S' go "${args[@]}" >"$out" 2>&1 || rc=$?
	t1=${EPOCHREALTIME/./}
	s1=$(cpu_jiffies)
	cd "$WORKDIR"
	local wall lines cpu other
	wall=$(awk -v a="$t0" -v b="$t1" 'BEGIN{printf "%.3f", (b-a)/1e6}')
	# CPU of the go command and every process it waited for (the vet tools).
	cpu=$(awk 'END{printf "%.2f", $1+$2}' "$WORKDIR/time.out")
	# Share of the machine's CPUs busy with anything else during the run
	# (other users of the machine, steal), from /proc/stat.
	other=$(awk -v a="$s0" -v b="$s1" -v c="$cpu" -v w="$wall" -v n="$NCPU" -v hz="$HZ" \
		'BEGIN{x=((b-a)/hz - c)/(w*n); if (x<0) x=0; printf "%.2f", x}')
	lines=$(wc -l <"$out")
	printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$wl" "$cmd" "$cache" "$mode" "$iter" "$wall" "$rc" "$lines" "$cpu" "$other" >>"$WORKDIR/runs.tsv"
	log "  $label: ${wall}s, CPU ${cpu}s, other load $other, exit $rc, $lines output lines"
	if ((rc != 0)) && grep -qE '^go: |^panic: |could not import|cannot find package|missing go.sum|: undefined: ' "$out"; then
		echo "go vet failed for a reason other than findings; see $out:" >&2
		head -20 "$out" >&2
		exit 1
	fi
}

NCPU=$(nproc)
HZ=$(getconf CLK_TCK)
cpu_jiffies() { # busy jiffies of all CPUs: everything but idle and iowait
	awk '/^cpu /{print $2+$3+$4+$7+$8+$9; exit}' /proc/stat
}

fresh_cache() { # fresh_cache WL NAME -> path of a fresh copy of the template
	local c=$WORKDIR/$1/cache-$2
	rm -rf "$c"
	cp -a "$WORKDIR/$1/template" "$c"
	sync
	echo "$c"
}

# ---- header ----------------------------------------------------------------------
: >"$WORKDIR/runs.tsv"
: >"$WORKDIR/wrap.log"
{
	echo "# spanhotpath vs go vet: results"
	echo
	echo "- date: $(date -u +%Y-%m-%dT%H:%MZ)"
	echo "- machine: $(nproc) CPUs ($(lscpu | sed -n 's/^Model name:[[:space:]]*//p' | head -1)), $(free -g | awk '/^Mem:/{print $2}') GiB RAM, $(uname -sr)"
	echo "- $(go version)"
	echo "- tool: \`$("$BIN" -V=full 2>&1 | head -1)\`; repository $(git -C "$REPO" rev-parse --short HEAD 2>/dev/null || echo '?')$( [[ -n $(git -C "$REPO" status --porcelain -- analyzer cmd 2>/dev/null) ]] && echo ' with uncommitted changes in analyzer/ or cmd/')"
	echo "- iterations: $N_COLD cold, $N_WARM warm per command, interleaved (go vet / tool, order alternating)"
	echo "- commands (from the workload's directory; GOCACHE set per run):"
	echo "  - baseline: \`go vet PKGS\`"
	echo "  - tool: \`go vet -vettool=spanhotpath PKGS\`"
	echo "  - memory runs: the same with \`-toolexec=vetwrap\` (bench/vetwrap.go)"
} >"$WORKDIR/header.md"

# ---- setup and priming -----------------------------------------------------------------
for wl in $WORKLOADS; do
	setup "$wl"
	(
		cd "${WDIR[$wl]}"
		# shellcheck disable=SC2086
		go list -e -deps -test -f '{{.ImportPath}}{{"\t"}}{{with .Module}}{{.Path}}{{else}}std{{end}}' ${WPKGS[$wl]} >"$WORKDIR/pkgmod-$wl.tsv"
		# shellcheck disable=SC2086
		n=$(go list ${WPKGS[$wl]} | wc -l)
		echo "- $wl: \`go vet ${WPKGS[$wl]}\` — $n packages named" >>"$WORKDIR/header.md"
		log "$wl: priming template cache ($n packages named)"
		# shellcheck disable=SC2086
		GOCACHE=$WORKDIR/$wl/template go vet -vettool="$NOOP" ${WPKGS[$wl]}
	)
	log "$wl: template cache $(du -sh "$WORKDIR/$wl/template" | cut -f1)"
done

# ---- measurement --------------------------------------------------------------------
iters=$((N_COLD > N_WARM ? N_COLD : N_WARM))
for wl in $WORKLOADS; do
	log "$wl: $N_COLD cold + $N_WARM warm iterations"
	for ((i = 0; i < iters; i++)); do
		if ((i % 2 == 0)); then order=(base tool); else order=(tool base); fi
		modes=(plain)
		[[ $WRAPPED == 1 ]] && modes+=(wrap)
		for mode in "${modes[@]}"; do
			for cmd in "${order[@]}"; do
				c=$WORKDIR/$wl/cache-$cmd-$mode
				if ((i < N_COLD)); then
					c=$(fresh_cache "$wl" "$cmd-$mode")
					run_one "$wl" "$cmd" cold "$mode" "$i" "$c"
				fi
				if ((i < N_WARM)); then
					run_one "$wl" "$cmd" warm "$mode" "$i" "$c"
				fi
			done
			order=("${order[1]}" "${order[0]}") # wrapped runs in the other order
		done
	done
	rm -rf "$WORKDIR/$wl"/cache-*
done

# ---- report ------------------------------------------------------------------------------
(cd "$REPO" && go run ./bench/report.go "$WORKDIR") >"$WORKDIR/results.md"
cat "$WORKDIR/results.md"
if [[ $OUT != - ]]; then
	cp "$WORKDIR/results.md" "$OUT"
	log "wrote $OUT"
fi
