# tests/12-data-parallel.sh: build/ch12 on good and bad command lines, and
# build/descent-mpi under mpirun against the lab (shared/lab.md, part 2):
# the same CSV as build/descent to within 1e-12 relative for P = 1..4,
# bit-identical from run to run, the same exit statuses, one line of error.
. tests/cli.sh
ch12=$BUILD/ch12
expect_exit 0 "every table" "$ch12"
expect_exit 0 "help" "$ch12" --help
expect_help "$ch12"
expect_exit 0 "the values" "$ch12" --values
for example in order projection large-batch local-sgd; do
    expect_exit 0 "example $example" "$ch12" --example "$example"
done
expect_usage_error "unknown flag" "$ch12" --lr 0.1
expect_usage_error "unknown example" "$ch12" --example adam
expect_usage_error "example twice" "$ch12" --example order --example order
expect_usage_error "values with an example" "$ch12" --values --example order
expect_usage_error "unwritable csv folder" "$ch12" --csv /nonexistent/dir

# ------------------------------------------------------------ mpirun
# Open MPI refuses to run as root (CI's containers) unless told twice; and
# more processes than cores need --oversubscribe.  Here only, not globally.
if ! command -v mpirun >/dev/null 2>&1 || [ ! -x "$BUILD/descent-mpi" ] ||
    [ ! -x "$BUILD/ch12-mpi" ]; then
    if [ "${DESCENT_MPI:-0}" = 1 ]; then
        cli_fail "DESCENT_MPI=1 but no mpirun, $BUILD/descent-mpi or $BUILD/ch12-mpi (make deps installs Open MPI)"
    else
        echo "descent-mpi: skipped (no MPI: mpirun, $BUILD/descent-mpi or $BUILD/ch12-mpi missing; make deps installs Open MPI)"
    fi
    cli_summary ch12
    exit
fi
OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1 OMPI_MCA_rmaps_base_oversubscribe=1
export OMPI_ALLOW_RUN_AS_ROOT OMPI_ALLOW_RUN_AS_ROOT_CONFIRM OMPI_MCA_rmaps_base_oversubscribe
# Under AddressSanitizer (CI's sanitizer build), Open MPI itself does not
# free everything at MPI_Finalize (libmpi and its plugins, unloaded by then,
# so no suppression can name them): leak detection is off for the MPI runs
# only.  Our code's leaks are still caught by the Check suites and by the
# lab's own tests, which run the same loop without MPI; addresses and
# undefined behaviour are still checked here.
ASAN_OPTIONS=${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0
export ASAN_OPTIONS
run_mpi() {    # run_mpi P ARGS...: descent-mpi on P processes
    p=$1; shift
    mpirun --quiet --oversubscribe -np "$p" "$BUILD/descent-mpi" "$@"
}
data=$(mktemp -d)
trap 'rm -rf "$data"; rm -f "$cli_out" "$cli_err"' EXIT
"$ch12" --csv "$data" >/dev/null
regression=$data/regression.csv three=chapters/A-lab/three-samples.csv

# same_rows A B: the same header and rows, every value within 1e-12 relative.
same_rows() {
    [ "$(wc -l <"$1")" -eq "$(wc -l <"$2")" ] && [ "$(head -n 1 "$1")" = "$(head -n 1 "$2")" ] &&
        paste -d, "$1" "$2" | awk -F, 'NR > 1 {
            n = NF / 2
            for (i = 1; i <= n; i++) {
                a = $i + 0; b = $(i + n) + 0; d = a - b; if (d < 0) d = -d
                s = (a < 0 ? -a : a) > (b < 0 ? -b : b) ? (a < 0 ? -a : a) : (b < 0 ? -b : b)
                if (d > 1e-12 * s) { print "row " NR ", column " i ": " $i " and " $(i + n); bad = 1; exit }
            }
        } END { exit bad }'
}

# expect_same WHAT ARGS...: descent-mpi on 1..4 processes prints what descent does.
expect_same() {
    what=$1; shift
    "$BUILD/descent" "$@" >"$data/serial" 2>"$data/serial.err"; serial_rc=$?
    for p in 1 2 3 4; do
        run_mpi "$p" "$@" >"$cli_out" 2>"$cli_err"; rc=$?
        if [ $rc -ne $serial_rc ]; then
            cli_fail "$what, P = $p: exit $rc, descent exits $serial_rc"
        elif ! same_rows "$data/serial" "$cli_out" >"$data/why"; then
            cli_fail "$what, P = $p: not the rows of descent $* ($(cat "$data/why"))"
        elif [ "$(wc -l <"$cli_err")" -ne "$(wc -l <"$data/serial.err")" ]; then
            cli_fail "$what, P = $p: stderr has $(wc -l <"$cli_err") lines, descent's $(wc -l <"$data/serial.err")"
        else
            cli_passed=$((cli_passed + 1))
        fi
    done
}
expect_same "mini-batches of 64, shuffled" --data "$regression" --batch 64 --steps 50 \
    --every 10 --lr 0.05 --order shuffle:3
expect_same "a last batch of 96, two epochs, Adam" --data "$regression" --batch 100 \
    --epochs 2 --every 41 --optimizer adam --lr 0.01
expect_same "full batch, Nesterov momentum" --data "$regression" --steps 40 --every 5 \
    --momentum 0.9 --nesterov --lr 0.1
expect_same "batches of 2 of three samples (empty shares from P = 3)" --data "$three" \
    --batch 2 --steps 12 --lr 0.01 --optimizer rmsprop
expect_same "diverging (exit 3: the finite rows, one line)" --data "$three" --lr 1 --steps 400 --every 100
expect_same "a gradient check first" --data "$three" --gradcheck --steps 3 --lr 0.01

# Bit-identical from run to run, for each P.
for p in 2 3 4; do
    # The CSV (stdout) is what must not move; stderr is Open MPI's too, and a
    # loaded machine can make it print a notice in one run and not the other.
    run_mpi "$p" --data "$regression" --batch 50 --steps 30 --lr 0.05 --order shuffle:7 \
        >"$data/first" 2>"$data/first.err"
    run_mpi "$p" --data "$regression" --batch 50 --steps 30 --lr 0.05 --order shuffle:7 \
        >"$data/second" 2>"$data/second.err"
    if cmp -s "$data/first" "$data/second" && [ -s "$data/first" ]; then
        cli_passed=$((cli_passed + 1))
    else
        cp "$data/first" "$cli_out"; cat "$data/first.err" "$data/second.err" >"$cli_err"
        cli_fail "P = $p: two runs differ"
    fi
done

# The shares are really summed over the processes: P = 3 rounds differently
# from one process on this run (if the MPI sum were skipped, it would not).
run_mpi 3 --data "$regression" --batch 64 --steps 50 --lr 0.05 --order shuffle:3 >"$cli_out" 2>"$cli_err"
"$BUILD/descent" --data "$regression" --batch 64 --steps 50 --lr 0.05 --order shuffle:3 >"$data/serial"
if cmp -s "$cli_out" "$data/serial"; then
    cli_fail "P = 3 is byte for byte the serial run: are the shares summed at all?"
else
    cli_passed=$((cli_passed + 1))
fi

# Local SGD on four real processes (build/ch12-mpi) is the simulation of
# local_sgd.c (build/ch12 --csv) to within 1e-12: only the order in which
# the four models are added differs.
for k in 1 4 16; do
    mpirun --quiet --oversubscribe -np 4 "$BUILD/ch12-mpi" --local-sgd "$k" >"$cli_out" 2>"$cli_err"
    if [ $? -eq 0 ] && same_rows "$data/local_K$k.csv" "$cli_out" >"$data/why"; then
        cli_passed=$((cli_passed + 1))
    else
        cli_fail "local SGD, K = $k, on 4 processes: not the simulation's rows ($(cat "$data/why"))"
    fi
done

# Errors: one line from rank 0 alone, exit 2, no CSV.
expect_usage_error "ch12-mpi: local SGD without K" mpirun --quiet --oversubscribe -np 2 \
    "$BUILD/ch12-mpi" --local-sgd
expect_usage_error "ch12-mpi: K = 0" mpirun --quiet --oversubscribe -np 2 "$BUILD/ch12-mpi" \
    --local-sgd 0
expect_usage_error "a function (nothing to share)" run_mpi 3 --function rosenbrock
expect_usage_error "a network model (its gradient is not shared)" run_mpi 2 --data "$three" \
    --model mlp:4
expect_usage_error "--plot" run_mpi 2 --data "$three" --plot "$data/x.svg"
expect_usage_error "a missing file" run_mpi 3 --data "$data/none.csv"
expect_usage_error "an unknown flag" run_mpi 4 --data "$three" --learning-rate 0.1
cli_summary ch12
