#!/usr/bin/env bash
# bench/standalone.sh: cost of the standalone command, per package
# (`spanhotpath PKGS`) and in program mode (`spanhotpath -program PKGS`),
# against a cold `go vet PKGS` of the same packages, in the same run,
# interleaved. Writes bench/standalone-results.md (see docs/bench.md).
#
# Environment:
#   N=3                  iterations (each runs all three commands, cold)
#   WORKLOADS="W1 W2 K8S"
#   BIN=path             spanhotpath binary (default: built from ./cmd/spanhotpath)
#   WORKDIR=dir          scratch directory (default: mktemp under ${TMPDIR:-/tmp})
#   KEEP=1               keep WORKDIR
#   OUT=path             markdown results (default: bench/standalone-results.md; "-" = stdout only)
#
# Cold, as in bench/run.sh: every run gets a fresh copy of a template
# GOCACHE in which everything is compiled (go vet with a vet tool that
# analyses nothing, and go list -export -test for the standalone command's
# export data) but no result of go vet is cached. All three commands include
# test packages, as go vet does.
#
# Peak memory is GNU time's %M for the command: the largest RSS of the
# command and every process it waited for. For go vet that is its largest
# vet process (or the go command); for the standalone command, itself.
set -euo pipefail

if ((BASH_VERSINFO[0] < 5)); then
	echo "bench/standalone.sh needs bash 5 (EPOCHREALTIME)" >&2
	exit 2
fi

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
N=${N:-3}
WORKLOADS=${WORKLOADS:-"W1 W2 K8S"}
KEEP=${KEEP:-0}
OUT=${OUT:-$REPO/bench/standalone-results.md}
WORKDIR=${WORKDIR:-$(mktemp -d "${TMPDIR:-/tmp}/spanhotpath-standalone.XXXXXX")}
mkdir -p "$WORKDIR"
WORKDIR=$(cd "$WORKDIR" && pwd)

export GOTOOLCHAIN=local
export GOFLAGS=
export GOWORK=off
unset GOCACHEPROG GOEXPERIMENT

log() { printf '%s %s\n' "$(date +%T)" "$*" >&2; }
cleanup() {
	if [[ $KEEP == 1 ]]; then log "kept $WORKDIR"; else rm -rf "$WORKDIR"; fi
}
trap cleanup EXIT

mkdir -p "$WORKDIR/bin" "$WORKDIR/out"
if [[ -z ${BIN:-} ]]; then
	log "building spanhotpath from $REPO/cmd/spanhotpath"
	(cd "$REPO" && go build -o "$WORKDIR/bin/spanhotpath" ./cmd/spanhotpath)
	BIN=$WORKDIR/bin/spanhotpath
fi
BIN=$(cd "$(dirname "$BIN")" && pwd)/$(basename "$BIN")
(cd "$REPO" && go build -o "$WORKDIR/bin/noopvet" ./bench/vetwrap.go)
NOOP=$WORKDIR/bin/noopvet

# shellcheck source=bench/workloads.sh
source "$REPO/bench/workloads.sh"

# run_one WL CMD ITER: one cold run on a fresh copy of the template cache.
run_one() {
	local wl=$1 cmd=$2 iter=$3
	local c=$WORKDIR/$wl/cache-run out=$WORKDIR/out/$wl-$cmd-$iter.txt
	rm -rf "$c"
	cp -a "$WORKDIR/$wl/template" "$c"
	sync
	local -a argv
	case $cmd in
	vet) argv=(go vet) ;;
	perpkg) argv=("$BIN") ;;
	program) argv=("$BIN" -program) ;;
	esac
	# shellcheck disable=SC2206
	argv+=(${WPKGS[$wl]})
	local t0 t1 rc=0
	cd "${WDIR[$wl]}"
	t0=${EPOCHREALTIME/./}
	GOCACHE=$c /usr/bin/time -o "$WORKDIR/time.out" -f '%U %S %M' "${argv[@]}" >"$out" 2>&1 || rc=$?
	t1=${EPOCHREALTIME/./}
	cd "$WORKDIR"
	local wall cpu rss
	wall=$(awk -v a="$t0" -v b="$t1" 'BEGIN{printf "%.2f", (b-a)/1e6}')
	read -r cpu rss < <(awk 'END{printf "%.1f %d\n", $1+$2, $3/1024}' "$WORKDIR/time.out")
	printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$wl" "$cmd" "$iter" "$wall" "$cpu" "$rss" "$rc" >>"$WORKDIR/runs.tsv"
	log "  $wl $cmd #$iter: ${wall}s, CPU ${cpu}s, peak ${rss} MiB, exit $rc"
	# go vet exits 1 on findings (client-go's own tests have some), the
	# tool 3; anything else, or an error line, is a broken run.
	if grep -qE '^spanhotpath: (loading|internal)|^panic: |could not import|missing go.sum' "$out" ||
		{ [[ $cmd != vet ]] && ((rc != 0 && rc != 3)); }; then
		echo "$wl $cmd failed; see $out:" >&2
		head -20 "$out" >&2
		exit 1
	fi
	rm -rf "$c"
}

: >"$WORKDIR/runs.tsv"
for wl in $WORKLOADS; do
	setup "$wl"
	(
		cd "${WDIR[$wl]}"
		log "$wl: priming the template cache"
		# shellcheck disable=SC2086
		GOCACHE=$WORKDIR/$wl/template go vet -vettool="$NOOP" ${WPKGS[$wl]} >/dev/null 2>&1 || true
		# shellcheck disable=SC2086
		GOCACHE=$WORKDIR/$wl/template go list -e -export -deps -test ${WPKGS[$wl]} >/dev/null
	)
	for ((i = 0; i < N; i++)); do
		# Rotate the order so that no command always runs first.
		case $((i % 3)) in
		0) order=(vet perpkg program) ;;
		1) order=(perpkg program vet) ;;
		2) order=(program vet perpkg) ;;
		esac
		for cmd in "${order[@]}"; do run_one "$wl" "$cmd" "$i"; done
	done
	rm -rf "${WORKDIR:?}/$wl/template"
done

# ---- report: medians per workload and command ----
{
	echo "# Standalone spanhotpath vs cold go vet"
	echo
	echo "- date: $(date -u +%Y-%m-%dT%H:%MZ); $(go version); $(nproc) CPUs, $(free -g | awk '/^Mem:/{print $2}') GiB RAM"
	echo "- repository $(git -C "$REPO" rev-parse --short HEAD 2>/dev/null || echo '?'); $N cold iterations per command, order rotating"
	echo "- commands, from the workload's directory, on a fresh copy of a compiled-but-not-vetted GOCACHE:"
	echo "  \`go vet PKGS\`, \`spanhotpath PKGS\` (per package), \`spanhotpath -program PKGS\`"
	echo
	echo "| workload | command | wall s, median (min–max) | ratio to go vet | CPU s | peak RSS MiB, median (max) | ratio to go vet's peak |"
	echo "|---|---|---|---|---|---|---|"
	python3 - "$WORKDIR/runs.tsv" <<'PY'
import statistics as st, sys
rows = [l.rstrip("\n").split("\t") for l in open(sys.argv[1])]
by = {}
for wl, cmd, it, wall, cpu, rss, rc in rows:
    by.setdefault((wl, cmd), []).append((float(wall), float(cpu), int(rss)))
wls = []
for wl, _, *_ in rows:
    if wl not in wls:
        wls.append(wl)
for wl in wls:
    vw = st.median(w for w, _, _ in by[(wl, "vet")])
    vr = st.median(r for _, _, r in by[(wl, "vet")])
    for cmd in ("vet", "perpkg", "program"):
        xs = by.get((wl, cmd))
        if not xs:
            continue
        w = [x[0] for x in xs]; c = [x[1] for x in xs]; r = [x[2] for x in xs]
        print(f"| {wl} | {cmd} | {st.median(w):.2f} ({min(w):.2f}–{max(w):.2f}) | {st.median(w)/vw:.2f}× | {st.median(c):.1f} | {st.median(r):.0f} ({max(r)}) | {st.median(r)/vr:.2f}× |")
PY
} >"$WORKDIR/results.md"
cat "$WORKDIR/results.md"
if [[ $OUT != - ]]; then
	cp "$WORKDIR/results.md" "$OUT"
	log "wrote $OUT"
fi
