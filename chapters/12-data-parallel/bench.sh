#!/bin/sh
# bench.sh: chapter 12's timings (make bench): alpha and beta from a
# ping-pong between two ranks, the seconds of gradient per sample, and the
# seconds per data-parallel update for P = 1..4, measured and predicted by
# (12.6).  Writes $BUILD/bench/12-data-parallel/{times.csv,time-per-update.svg}.
# Machine-dependent: never woven into the chapter, never a test.
set -eu
: "${BUILD:=build}"
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
run 2 --ping-pong | tee "$out/ping-pong.txt"
run 1 --per-sample | tee "$out/per-sample.txt"
alpha=$(awk '$1 == "alpha" { print $2 }' "$out/ping-pong.txt")
beta=$(awk '$1 == "beta" { print $2 }' "$out/ping-pong.txt")
c=$(awk '$1 == "per_sample" { print $2 }' "$out/per-sample.txt")
# (12.6) for the benchmark's update: 4096 samples, 9 doubles all-reduced
# (8 gradient sums and the count).
echo "workers,measured,predicted" >"$out/times.csv"
for p in 1 2 3 4; do
    run "$p" --updates | awk -v a="$alpha" -v b="$beta" -v c="$c" '$1 == "update" {
        p = $2; n = 9 * 8
        printf "%d,%s,%.3e\n", p, $3, 4096 * c / p + 2 * (p - 1) * a + 2 * (p - 1) / p * n * b }' \
        >>"$out/times.csv"
done
column -s, -t "$out/times.csv"
gnuplot -e "data='$out/times.csv'; out='$out/time-per-update.svg'; alpha='$alpha'; beta='$beta'; c='$c'" \
    chapters/12-data-parallel/bench.gp
echo "bench.sh: wrote $out/time-per-update.svg (one run on this machine)"
