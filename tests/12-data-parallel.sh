# tests/12-data-parallel.sh: build/ch12 on good and bad command lines, and
# build/descent-mpi under mpirun against the lab (shared/lab.md, part 2):
# the same CSV as build/descent to within 1e-12 relative for P = 1..4,
# bit-identical from run to run, the same exit statuses, one line of error.
#
# Starting Open MPI is most of the time here, so the mpirun runs are
# queued first, run two at a time in the background while build/ch12 is
# checked, and their results checked afterwards, in order (mpi_cases below
# is read twice: once to queue, once to check).
. tests/cli.sh
ch12=$BUILD/ch12
data=$(mktemp -d)
trap 'rm -rf "$data"; rm -f "$cli_out" "$cli_err"' EXIT
"$ch12" --csv "$data" >/dev/null
regression=$data/regression.csv three=chapters/A-lab/three-samples.csv

have_mpi=yes
if ! command -v mpirun >/dev/null 2>&1 || [ ! -x "$BUILD/descent-mpi" ] ||
    [ ! -x "$BUILD/ch12-mpi" ]; then
    have_mpi=
fi

# ------------------------------------------------------------ mpirun
# Open MPI refuses to run as root (CI's containers) unless told twice; and
# more processes than cores need --oversubscribe.  Here only, not globally.
OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1 OMPI_MCA_rmaps_base_oversubscribe=1
export OMPI_ALLOW_RUN_AS_ROOT OMPI_ALLOW_RUN_AS_ROOT_CONFIRM OMPI_MCA_rmaps_base_oversubscribe
# What follows changes how fast Open MPI starts and stops, not what the
# processes compute.  ob1, its point-to-point layer over shared memory, is
# the one it picks on a machine without a fast network, but it first tries
# the cm layer, whose Omni-Path library (libpsm2) spends a tenth of a second
# in every process before it finds no card.  Every process (and mpirun) maps
# the machine with hwloc, and reading each PCI device's registers is slow in
# a virtual machine: without the PCI devices (no network card to place here)
# a start takes about 40% less CPU time.  When a process exits non-zero
# (every refused command line, every diverged run), mpirun waits two seconds
# (one before SIGTERM, one before SIGKILL) before it tears the job down,
# even when every process has already finished; the exit status it returns
# is the same without the wait.  And several jobs share the cores: no binding
# of a process to a core (two jobs would bind theirs to the same ones), and
# a process waiting for the others' sums yields its core.
# hwloc also loads its plugins in every process (and with them libxml2,
# ICU, libstdc++, X11 and OpenCL, for the XML, GPU and PCI backends none of
# this uses): an empty plugin folder skips them.  And of the byte transfer
# layers only self and vader (shared memory), the ones ob1 uses between
# processes of one machine, are loaded, not tcp, ofi and openib as well.
OMPI_MCA_pml=ob1 HWLOC_COMPONENTS=-pci,-linuxio OMPI_MCA_odls_base_sigkill_timeout=0
OMPI_MCA_hwloc_base_binding_policy=none OMPI_MCA_mpi_yield_when_idle=1
HWLOC_PLUGINS_PATH=$data/no-hwloc-plugins OMPI_MCA_btl=self,vader
mkdir "$HWLOC_PLUGINS_PATH"
export OMPI_MCA_pml HWLOC_COMPONENTS OMPI_MCA_odls_base_sigkill_timeout
export OMPI_MCA_hwloc_base_binding_policy OMPI_MCA_mpi_yield_when_idle
export HWLOC_PLUGINS_PATH OMPI_MCA_btl
# Under AddressSanitizer (CI's sanitizer build), Open MPI itself does not
# free everything at MPI_Finalize (libmpi and its plugins, unloaded by then,
# so no suppression can name them): leak detection is off for the MPI runs
# only.  Our code's leaks are still caught by the Check suites and by the
# lab's own tests, which run the same loop without MPI; addresses and
# undefined behaviour are still checked here, and build/ch12 and
# build/descent keep leak detection.
mpi_asan=${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0

jobs=$data/jobs
mkdir "$jobs"
queued=0

# quote ARGS...: the arguments as one line of sh, each in single quotes.
quote() {
    for a; do
        case $a in *\'*) a=$(printf '%s' "$a" | sed "s/'/'\\\\''/g") ;; esac
        printf " '%s'" "$a"
    done
}

# mpi_run NAME P PROGRAM ARGS...: mpirun -np P PROGRAM ARGS.  When
# queueing, it writes the job (its output goes to $jobs/NAME.out, .err,
# .status); when checking, it prints that output and returns that status.
# One line is left out of stderr: libevent's "[warn] Epoll ..." which
# Open MPI's runtime now and then prints while it tears down a job whose
# processes exit non-zero (open-mpi/ompi#2004, #5520: a race in its own
# shutdown); it is no part of what descent-mpi writes.
mpi_run() {
    job=$jobs/$1 job_p=$2; shift 2
    if [ "$mode" = queue ]; then
        queued=$((queued + 1))
        # (timeout: a job that hangs fails, exit 124, instead of stopping make check)
        printf 'timeout 300 mpirun --quiet --oversubscribe -np %s%s >%s 2>%s\necho $? >%s\n' \
            "$job_p" "$(quote "$@")" "$(quote "$job.out")" \
            "$(quote "$job.err")" "$(quote "$job.status")" >"$jobs/$(printf %03d $queued).sh"
        return 0
    fi
    if [ ! -f "$job.status" ]; then echo "$1: the job did not run" >&2; return 125; fi
    cat "$job.out"; grep -v '^\[warn\] Epoll ' "$job.err" >&2
    return "$(cat "$job.status")"
}

# run_jobs N: the queued jobs in order, N at a time (each worker takes the
# next job no other worker has taken: mkdir either creates or fails).
run_jobs() {
    w=0
    while [ "$w" -lt "$1" ]; do
        (
            ASAN_OPTIONS=$mpi_asan; export ASAN_OPTIONS
            # Its own folder for Open MPI's session files: a mpirun that
            # ends removes the shared one, /tmp/ompi.HOST.UID, when it
            # looks empty, under the feet of another one starting.
            OMPI_MCA_orte_tmpdir_base=$data/worker$w; export OMPI_MCA_orte_tmpdir_base
            mkdir "$OMPI_MCA_orte_tmpdir_base"
            for j in "$jobs"/*.sh; do mkdir "${j%.sh}.taken" 2>/dev/null && sh "$j"; done
        ) &
        w=$((w + 1))
    done
    wait
}

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

# expect_same NAME WHAT ARGS...: descent-mpi on 1..4 processes prints what
# descent does (its output kept as $jobs/NAME.P.out, descent's as
# $data/NAME.serial).
expect_same() {
    name=$1 what=$2; shift 2
    if [ "$mode" = queue ]; then
        for p in 1 2 3 4; do mpi_run "$name.$p" "$p" "$BUILD/descent-mpi" "$@"; done
        return
    fi
    serial=$data/$name.serial
    "$BUILD/descent" "$@" >"$serial" 2>"$serial.err"; serial_rc=$?
    for p in 1 2 3 4; do
        mpi_run "$name.$p" "$p" "$BUILD/descent-mpi" "$@" >"$cli_out" 2>"$cli_err"; rc=$?
        if [ $rc -ne $serial_rc ]; then
            cli_fail "$what, P = $p: exit $rc, descent exits $serial_rc"
        elif ! same_rows "$serial" "$cli_out" >"$data/why"; then
            cli_fail "$what, P = $p: not the rows of descent $* ($(cat "$data/why"))"
        elif [ "$(wc -l <"$cli_err")" -ne "$(wc -l <"$serial.err")" ]; then
            cli_fail "$what, P = $p: stderr has $(wc -l <"$cli_err") lines, descent's $(wc -l <"$serial.err")"
        else
            cli_passed=$((cli_passed + 1))
        fi
    done
}

# refused WHAT NAME P PROGRAM ARGS...: exit 2, no CSV, one line of error
# (from rank 0 alone).
refused() {
    what=$1 name=$2; shift 2
    if [ "$mode" = queue ]; then mpi_run "$name" "$@"; return; fi
    expect_usage_error "$what" mpi_run "$name" "$@"
}

# shuffled COMMAND...: COMMAND with the flags of the first case.
shuffled() {
    "$@" --data "$regression" --batch 64 --steps 50 --every 10 --lr 0.05 --order shuffle:3
}

mpi_cases() {
    shuffled expect_same shuffled "mini-batches of 64, shuffled"
    expect_same adam "a last batch of 96, two epochs, Adam" --data "$regression" --batch 100 \
        --epochs 2 --every 41 --optimizer adam --lr 0.01
    expect_same nesterov "full batch, Nesterov momentum" --data "$regression" --steps 40 --every 5 \
        --momentum 0.9 --nesterov --lr 0.1
    expect_same empty "batches of 2 of three samples (empty shares from P = 3)" --data "$three" \
        --batch 2 --steps 12 --lr 0.01 --optimizer rmsprop
    expect_same diverging "diverging (exit 3: the finite rows, one line)" --data "$three" --lr 1 \
        --steps 400 --every 100
    expect_same gradcheck "a gradient check first" --data "$three" --gradcheck --steps 3 --lr 0.01

    # Bit-identical from run to run, for each P: the first case again.
    for p in 2 3 4; do
        if [ "$mode" = queue ]; then
            shuffled mpi_run "shuffled.$p.again" "$p" "$BUILD/descent-mpi"
            continue
        fi
        # The CSV (stdout) is what must not move; stderr is Open MPI's too, and a
        # loaded machine can make it print a notice in one run and not the other.
        if cmp -s "$jobs/shuffled.$p.out" "$jobs/shuffled.$p.again.out" &&
            [ -s "$jobs/shuffled.$p.out" ]; then
            cli_passed=$((cli_passed + 1))
        else
            cp "$jobs/shuffled.$p.out" "$cli_out"
            cat "$jobs/shuffled.$p.err" "$jobs/shuffled.$p.again.err" >"$cli_err"
            cli_fail "P = $p: two runs differ"
        fi
    done

    # The shares are really summed over the processes: P = 3 rounds differently
    # from one process on the first case (if the MPI sum were skipped, it would not).
    if [ "$mode" = check ]; then
        cp "$jobs/shuffled.3.out" "$cli_out"; cp "$jobs/shuffled.3.err" "$cli_err"
        if cmp -s "$cli_out" "$data/shuffled.serial"; then
            cli_fail "P = 3 is byte for byte the serial run: are the shares summed at all?"
        else
            cli_passed=$((cli_passed + 1))
        fi
    fi

    # Local SGD on four real processes (build/ch12-mpi) is the simulation of
    # local_sgd.c (build/ch12 --csv) to within 1e-12: only the order in which
    # the four models are added differs.
    for k in 1 4 16; do
        : >"$data/why"
        if [ "$mode" = queue ]; then
            mpi_run "local.$k" 4 "$BUILD/ch12-mpi" --local-sgd "$k"
        elif mpi_run "local.$k" 4 "$BUILD/ch12-mpi" --local-sgd "$k" >"$cli_out" 2>"$cli_err" &&
            same_rows "$data/local_K$k.csv" "$cli_out" >"$data/why"; then
            cli_passed=$((cli_passed + 1))
        else
            cli_fail "local SGD, K = $k, on 4 processes: not the simulation's rows ($(cat "$data/why"))"
        fi
    done

    # Errors: one line from rank 0 alone, exit 2, no CSV.
    refused "ch12-mpi: local SGD without K" no-k 2 "$BUILD/ch12-mpi" --local-sgd
    refused "ch12-mpi: K = 0" k0 2 "$BUILD/ch12-mpi" --local-sgd 0
    refused "ch12-mpi: an unknown flag" unknown-flag 2 "$BUILD/ch12-mpi" --lr
    if [ "$mode" = check ] && ! grep -qxF "ch12-mpi: unknown flag '--lr' (try --help)" "$cli_err"
    then cli_fail "ch12-mpi: an unknown flag, in every program's words"
    elif [ "$mode" = check ]; then cli_passed=$((cli_passed + 1)); fi
    if [ "$mode" = queue ]; then mpi_run help 1 "$BUILD/ch12-mpi" --help
    elif mpi_run help 1 "$BUILD/ch12-mpi" --help >"$cli_out" 2>"$cli_err" &&
         grep -q -- '--local-sgd K' "$cli_out" && grep -qF 'Exit status: 0 the run finished' "$cli_out"
    then cli_passed=$((cli_passed + 1))
    else cli_fail "ch12-mpi --help: its flags and the exit statuses, exit 0"; fi
    refused "a function (nothing to share)" function 3 "$BUILD/descent-mpi" --function rosenbrock
    refused "a network model (its gradient is not shared)" mlp 2 "$BUILD/descent-mpi" \
        --data "$three" --model mlp:4
    refused "--plot" plot 2 "$BUILD/descent-mpi" --data "$three" --plot "$data/x.svg"
    refused "a missing file" missing 3 "$BUILD/descent-mpi" --data "$data/none.csv"
    refused "an unknown flag" unknown 4 "$BUILD/descent-mpi" --data "$three" --learning-rate 0.1
    # Its messages name descent-mpi, though the lab's code writes them.
    refused "a malformed number" steps 2 "$BUILD/descent-mpi" --data "$three" --steps x
    if [ "$mode" = check ]; then
        if grep -q "^descent-mpi: --steps: 'x' is not a whole number" "$cli_err"; then
            cli_passed=$((cli_passed + 1))
        else cli_fail "a usage error of descent-mpi names descent-mpi, not descent"; fi
    fi

    # Under mpirun, stdout is mpirun's copy, and mpirun exits 0 when its own
    # write fails: --output FILE has rank 0 write the file itself, so a full
    # disk is exit 2 with the lab's one line, for any P.
    for p in 1 2 3; do
        refused "--output /dev/full, P = $p" "full.$p" "$p" "$BUILD/descent-mpi" --data "$three" \
            --steps 3 --output /dev/full
        if [ "$mode" = check ]; then
            if grep -q '^descent-mpi: writing standard output failed: No space left on device$' "$cli_err"
            then cli_passed=$((cli_passed + 1))
            else cli_fail "--output /dev/full, P = $p: the lab's line about the full disk"; fi
        fi
    done
    # A write that fails in the middle of a long run (past stdio's buffer):
    # rank 0 does not stop alone while the others wait for it in the next
    # all-reduce; all stop there, exit 2, with the lab's one line.
    for p in 2 3; do
        refused "--output /dev/full in the middle of a run, P = $p" "midfull.$p" "$p" \
            "$BUILD/descent-mpi" --data "$three" --steps 200000 --output /dev/full
        if [ "$mode" = check ]; then
            if grep -q '^descent-mpi: writing standard output failed: No space left on device$' "$cli_err"
            then cli_passed=$((cli_passed + 1))
            else cli_fail "--output /dev/full in the middle of a run, P = $p: the lab's line"; fi
        fi
    done
    refused "--output in no folder" output.none 2 "$BUILD/descent-mpi" --data "$three" \
        --output "$data/no/such/out.csv"
    # as --csv and --plot refuse it (the toolkit's output_refused)
    if [ "$mode" = check ]; then
        if grep -qF -- "--output: cannot write $data/no/such/out.csv: there is no folder $data/no/such: create it first (mkdir -p $data/no/such)" "$cli_err"
        then cli_passed=$((cli_passed + 1))
        else cli_fail "--output in no folder: the folder named, with what to do"; fi
    fi
    if [ "$mode" = queue ]; then
        mpi_run output 2 "$BUILD/descent-mpi" --data "$three" --steps 3 --output "$data/output.csv"
    elif mpi_run output 2 "$BUILD/descent-mpi" --data "$three" --steps 3 \
            --output "$data/output.csv" >"$cli_out" 2>"$cli_err" && [ ! -s "$cli_out" ] &&
        "$BUILD/descent" --data "$three" --steps 3 >"$data/output.serial" &&
        same_rows "$data/output.serial" "$data/output.csv" >"$data/why"; then
        cli_passed=$((cli_passed + 1))
    else
        cli_fail "--output FILE on 2 processes: the rows in FILE, nothing on stdout"
    fi
}

if [ -n "$have_mpi" ]; then
    mode=queue
    mpi_cases
    run_jobs 2 &
fi

# ------------------------------------------------------------ build/ch12
expect_exit 0 "every table" "$ch12"
expect_exit 0 "help" "$ch12" --help
expect_help "$ch12"
expect_exit 0 "the values" "$ch12" --values
for example in order projection large-batch local-sgd; do
    expect_exit 0 "example $example" "$ch12" --example "$example"
done
expect_usage_error "unknown flag" "$ch12" --lr 0.1
expect_usage_error "unknown example" "$ch12" --example adam
expect_says 2 "--example: unknown example 'adam' (known: order, projection, large-batch, local-sgd)" \
    "unknown example: the wording of every program" "$ch12" --example adam
expect_usage_error "example twice" "$ch12" --example order --example order
expect_usage_error "values with an example" "$ch12" --values --example order
expect_says 2 "--csv does not go with --example: give one of them" \
    "--csv beside --example" "$ch12" --example order --csv /tmp
expect_says 2 "--example does not go with --values, which prints only the numbers the chapter quotes" \
    "--values beside --example: the one wording of every program (values_not_with)" "$ch12" --values --example order
expect_usage_error "unwritable csv folder" "$ch12" --csv /nonexistent/dir

if [ -n "$have_mpi" ]; then
    wait
    mode=check
    mpi_cases
    # --help says how to run it: under mpirun, quietly, and with --output.
    # (Open MPI's own allocations are not freed at exit: no leak check, as for the jobs)
    ASAN_OPTIONS=$mpi_asan "$BUILD/descent-mpi" --help >"$cli_out" 2>"$cli_err"
    if [ $? -eq 0 ] && head -n 1 "$cli_out" | grep -qF 'usage: mpirun --quiet -np P descent-mpi --data FILE.csv [--output FILE]' &&
       grep -q '^  --output FILE' "$cli_out"
    then cli_passed=$((cli_passed + 1))
    else cli_fail "descent-mpi --help: its own usage, under mpirun"; fi
elif [ "${DESCENT_MPI:-0}" = 1 ]; then
    : >"$cli_out"; : >"$cli_err"
    cli_fail "DESCENT_MPI=1 but no mpirun, $BUILD/descent-mpi or $BUILD/ch12-mpi (make deps installs Open MPI)"
else
    echo "descent-mpi: skipped (no MPI: mpirun, $BUILD/descent-mpi or $BUILD/ch12-mpi missing; make deps installs Open MPI)"
fi
cli_summary ch12
