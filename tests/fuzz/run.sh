#!/bin/sh
# tests/fuzz/run.sh [SECONDS [CLI_SECONDS]]: build the reader's libFuzzer
# harness with AddressSanitizer and UndefinedBehaviorSanitizer (clang) and
# run it for SECONDS (default 600), seeded with the lab's test files; then
# build every program with the same sanitizers (BUILD=build-asan) and run
# random command lines at them for CLI_SECONDS (default 600,
# tests/fuzz/cli.py).  Not part of make check.  Findings of the reader go
# to build-fuzz/findings/.
set -eu
seconds=${1:-600}
out=build-fuzz
mkdir -p "$out/corpus" "$out/findings"
cp tests/A-lab/good/*.csv tests/A-lab/bad/*.csv chapters/A-lab/*.csv "$out/corpus/"
flags="-g -O1 -std=c11 -Ichapters -Itests -ffp-contract=off -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined"
clang $flags -Dexit=fuzz_exit -include tests/fuzz/fuzz_exit.h -c chapters/00-toolkit/fail.c -o "$out/fail.o"
clang $flags tests/fuzz/reader.c chapters/00-toolkit/args.c chapters/04-batches/regression.c \
    chapters/00-toolkit/rng.c chapters/01-update-rule/gd.c \
    chapters/00-toolkit/csv.c "$out/fail.o" -lcsv -lm -o "$out/reader"
if [ "$seconds" != 0 ]; then
    ASAN_OPTIONS=detect_leaks=0 "$out/reader" -max_total_time="$seconds" -max_len=4096 \
        -artifact_prefix="$out/findings/" -print_final_stats=1 "$out/corpus"
fi
cli_seconds=${2:-600}
[ "$cli_seconds" = 0 ] && exit 0
make programs BUILD=build-asan CC=clang \
    CFLAGS='-O1 -g -fsanitize=address,undefined -fno-sanitize-recover=undefined' >/dev/null
python3 tests/fuzz/cli.py build-asan "$cli_seconds"
