#!/bin/sh
# bench.sh: chapter 12's timings (make bench): alpha and beta from a
# ping-pong between two ranks, the seconds of gradient per sample, and the
# seconds per data-parallel update for P = 1..4, measured and predicted by
# (12.6).  Every measurement is taken RUNS times (default 3; each is itself
# a median of 7 inside build/ch12-mpi) and the median of those is kept.
# Writes $BUILD/bench/12-data-parallel/{runs.txt,times.csv,time-per-update.svg}.
# Machine-dependent: never woven into the chapter, never a test.
set -eu
: "${BUILD:=build}" "${RUNS:=3}"
if ! command -v mpirun >/dev/null 2>&1 || [ ! -x "$BUILD/ch12-mpi" ]; then
    echo "bench.sh: skipped (no MPI; make deps installs Open MPI)"
    exit 0
fi
# Open MPI as root (CI) and more processes than cores, here only.
OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1
export OMPI_ALLOW_RUN_AS_ROOT OMPI_ALLOW_RUN_AS_ROOT_CONFIRM
out=$BUILD/bench/12-data-parallel
mkdir -p "$out"
run() { p=$1; shift; mpirun --quiet --oversubscribe -np "$p" "$BUILD/ch12-mpi" "$@"; }
: >"$out/runs.txt"
for r in $(seq "$RUNS"); do
    echo "load $(cut -d' ' -f1 /proc/loadavg 2>/dev/null || echo unknown)" >>"$out/runs.txt"
    run 2 --ping-pong >>"$out/runs.txt"
    run 1 --per-sample >>"$out/runs.txt"
    for p in 1 2 3 4; do
        run "$p" --updates >>"$out/runs.txt"
    done
done
# median NAME [KEY]: the median over the runs of the lines "NAME [KEY] value".
median() {
    awk -v name="$1" -v key="${2:-}" '$1 == name && (key == "" || $2 == key) { print $NF }' \
        "$out/runs.txt" | sort -g | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'
}
alpha=$(median alpha) beta=$(median beta) c=$(median per_sample)
echo "medians of $RUNS runs (load averages: $(awk '$1 == "load" { printf "%s ", $2 }' "$out/runs.txt")):"
echo "alpha $alpha s   beta $beta s/byte   c $c s per sample"
# (12.6) for the benchmark's update: 4096 samples, 9 doubles all-reduced
# (8 gradient sums and the count).
echo "workers,measured,predicted" >"$out/times.csv"
for p in 1 2 3 4; do
    awk -v p="$p" -v t="$(median update "$p")" -v a="$alpha" -v b="$beta" -v c="$c" 'BEGIN {
        n = 9 * 8
        printf "%d,%s,%.3e\n", p, t, 4096 * c / p + 2 * (p - 1) * a + 2 * (p - 1) / p * n * b }' \
        >>"$out/times.csv"
done
column -s, -t "$out/times.csv"
gnuplot -e "data='$out/times.csv'; out='$out/time-per-update.svg'; alpha='$alpha'; beta='$beta'; c='$c'; runs='$RUNS'" \
    chapters/12-data-parallel/bench.gp
echo "bench.sh: wrote $out/time-per-update.svg"
