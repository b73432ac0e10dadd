#!/bin/sh
# tests/04-batches.sh: build/ch04 from the command line (run by make check
# with $BUILD set): usage errors exit 2, a divergence exits 3 with finite
# rows only, and the default run prints the worked examples.
set -u
: "${BUILD:=build}"
ch04=$BUILD/ch04
passed=0 failed=0
out=$(mktemp) err=$(mktemp)
trap 'rm -f "$out" "$err"' EXIT

# expect STATUS DESCRIPTION ARGS...: run ch04 ARGS, check the exit status.
expect() {
    want=$1 what=$2
    shift 2
    "$ch04" "$@" >"$out" 2>"$err"
    got=$?
    if [ "$got" -eq "$want" ]; then
        passed=$((passed + 1))
    else
        failed=$((failed + 1))
        echo "FAIL: $what: ch04 $*: exit $got, expected $want"
        head -n 3 "$err"
    fi
}

# check DESCRIPTION COMMAND...: a shell condition on the last run's output.
check() {
    what=$1
    shift
    if "$@"; then
        passed=$((passed + 1))
    else
        failed=$((failed + 1))
        echo "FAIL: $what"
    fi
}

expect 0 "help" --help
check "help names the flags" grep -q -- '--example' "$out"
check "help ends with the book's exit statuses" grep -qxF \
    'nothing else printed); 3 the run diverged (the finite rows, then a line on stderr).' "$out"
expect 2 "the old name of --lr" --eta 0.1
expect 2 "a repeated flag" --steps 3 --lr 0.1 --steps 4
expect 2 "unknown flag" --batch 3
check "one line on stderr" test "$(wc -l <"$err")" -eq 1
expect 2 "unknown example" --example momentum
# the wording every program gives a name that is not one of its choices
check "unknown example: the choices listed" grep -qF -- "--example: unknown example 'momentum' (known: bgd, sgd, minibatch, compare)" "$err"
expect 2 "sample twice in --order" --example sgd --order 1,1,2
expect 2 "sample out of range" --example sgd --order 1,2,4
expect 2 "eta not a number" --lr nan
expect 2 "eta negative" --lr -0.1
expect 2 "missing value" --steps
expect 3 "BGD above 3/11 diverges" --example bgd --lr 0.5 --steps 1000 --every 100
check "no NaN or inf rows" sh -c "! grep -qiE 'nan|inf' '$out'"
check "the message names the bound" grep -q '3/11' "$err"
expect 0 "BGD below 3/11 converges" --example bgd --lr 0.27 --steps 2000 --every 1000
expect 0 "the worked examples" 
check "1.47 on the rounded path" grep -q ' 1.47 ' "$out"
check "the exact 22/15" grep -q '22/15' "$out"
# --write-data refuses as --csv does (the toolkit's output_create): a
# missing folder named, with what to do; a file in the folder's place; a
# folder that takes no files; an empty name.
expect 2 "data file in a missing folder" --write-data /nonexistent/dir/data.csv
check "the missing folder named, and what to do" grep -qxF "ch04: --write-data: cannot write \
/nonexistent/dir/data.csv: there is no folder /nonexistent/dir: create it first (mkdir -p /nonexistent/dir)" "$err"
expect 2 "data file under a file" --write-data tests/04-batches.sh/data.csv
check "the file in the way named" grep -qF \
    "tests/04-batches.sh is a file, not a folder: give --write-data a file in a folder" "$err"
locked=$(. tests/cli.sh && unwritable_folder)
if [ -n "$locked" ]; then
    expect 2 "data file in a folder that takes none" --write-data "$locked/data.csv"
    check "what to do instead" grep -qF "give --write-data a file you can write to" "$err"
fi
expect 2 "empty data file name" --write-data ''
check "the empty name said" grep -qxF "ch04: --write-data: the file name is empty" "$err"
expect 2 "--lr does not change the comparison" --example compare --lr 0.5
check "one line on stderr" test "$(wc -l <"$err")" -eq 1
expect 2 "--order is SGD's" --example bgd --order 3,2,1
expect 2 "--every is BGD's" --example sgd --every 2
expect 2 "--write-data alone" --write-data /tmp/unused.csv --steps 3
expect 2 "eta infinite" --lr inf
expect 2 "eta above 10" --lr 1e400
expect 2 "steps 0" --steps 0
expect 2 "order not whole" --example sgd --order 1.5,2,3
expect 2 "unwritable csv folder" --csv /nonexistent/dir
expect 3 "SGD diverges" --example sgd --lr 10 --steps 1000
check "no NaN or inf rows" sh -c "! grep -qiE 'nan|inf' '$out'"
expect 3 "mini-batch diverges" --example minibatch --lr 10 --steps 1000
check "no NaN or inf rows" sh -c "! grep -qiE 'nan|inf' '$out'"
expect 0 "SGD in order 3, 2, 1" --example sgd --order 3,2,1
check "ends at (1.616, 2.576)" grep -q '(1.616, 2.576)' "$out"

expect 2 "--values goes alone" --values --example bgd
check "--values beside --example: the one wording of every program" grep -qxF \
    "ch04: --example does not go with --values, which prints only the numbers the chapter quotes" "$err"
expect 2 "--values with --write-data" --values --write-data /tmp/unused.csv
check "--values beside --write-data: the same words" grep -qxF \
    "ch04: --write-data does not go with --values, which prints only the numbers the chapter quotes" "$err"
check "one line on stderr" test "$(wc -l <"$err")" -eq 1
expect 2 "--values twice" --values --values

# stdout on a full disk: exit 2 and one line, not 0 with every row lost.
if [ -w /dev/full ]; then
    "$ch04" >/dev/full 2>"$err"
    got=$?
    if [ "$got" -eq 2 ] && [ "$(wc -l <"$err")" -eq 1 ] && grep -q 'writing standard output failed' "$err"; then
        passed=$((passed + 1))
    else
        failed=$((failed + 1))
        echo "FAIL: a full disk: ch04 >/dev/full: exit $got, expected 2 and one line"
        head -n 3 "$err"
    fi
fi

echo "04-batches.sh: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
