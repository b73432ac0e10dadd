#!/bin/sh
# check.sh: what `make check` runs (the Makefile passes BUILD, CHAPTERS and
# ALL).  For each chapter: its Check suite (with the exercises against the
# reference answers), its command-line tests (tests/NN-slug.sh), then your
# exercise stubs; then whether the chapters and book.md are up to date, and
# the figures when this gnuplot is the one that drew them.  Ends with one
# line of exercises and one of tests passed and failed (a failed exercise
# counts as a failed test).
set -u
: "${BUILD:=build}" "${CHAPTERS:?}" "${ALL:=}"
passed=0 failed=0 status=0
done_total=0 pending_total=0 exercise_failed=0 exercise_total=0
log="$BUILD/tests/last.log"
mkdir -p "$BUILD/tests"

# Add up Check's "NN%: Checks: X, Failures: Y, Errors: Z" and the scripts'
# "N passed, N failed" lines found in $log.
count() {
    set -- $(awk '
        /Checks: [0-9]+, Failures: [0-9]+, Errors: [0-9]+/ {
            gsub(/[^0-9 ]/, " "); n = split($0, v, " ");
            c = v[n-2]; f = v[n-1] + v[n]; p += c - f; q += f }
        /^[a-zA-Z0-9_.-]*:? ?[0-9]+ passed, [0-9]+ failed/ {
            for (i = 1; i <= NF; i++) { if ($(i) == "passed,") p += $(i-1); if ($(i) == "failed") q += $(i-1) } }
        END { print p + 0, q + 0 }' "$log")
    passed=$((passed + $1)) failed=$((failed + $2))
}

# Figures are compared byte for byte only with the gnuplot that drew them:
# another version draws the same data with other bytes.  They are drawn in
# the background while the tests run (the machine has more than one core).
made_with=$(cat plots/GNUPLOT_VERSION 2>/dev/null)
have=$(gnuplot --version 2>/dev/null)
draw_figures() {
    for c in $CHAPTERS; do
        [ -f "plots/$c.gp" ] || continue
        rm -rf "$BUILD/figures/$c"
        sh tests/draw.sh "$c" "$BUILD/figures/$c" >"$BUILD/figures/$c.log" 2>&1
        echo $? >"$BUILD/figures/$c.status"
    done
}
if [ "$made_with" = "$have" ]; then
    mkdir -p "$BUILD/figures"
    draw_figures &
    drawing=$!
fi

run() {
    "$@" >"$log" 2>&1
    rc=$?
    cat "$log"
    count
    [ $rc -eq 0 ] || status=1
}

for c in $CHAPTERS; do
    if [ -x "$BUILD/tests/$c" ]; then
        echo "== $c"
        run "$BUILD/tests/$c"
    fi
    if [ -f "tests/$c.sh" ]; then
        echo "== $c (command line)"
        run env BUILD="$BUILD" sh "tests/$c.sh"
    fi
done

for c in $CHAPTERS; do
    [ -x "$BUILD/tests/$c-yours" ] || continue
    echo "== $c: your exercises"
    "$BUILD/tests/$c-yours" >"$log" 2>&1 || status=1
    grep -v '^[0-9]*%: Checks' "$log"
    set -- $(awk '/^exercises .*: [0-9]+ done/ { print $3, $5, $7, $10 }' "$log")
    if [ $# -eq 4 ]; then
        done_total=$((done_total + $1)) pending_total=$((pending_total + $2))
        exercise_failed=$((exercise_failed + $3)) exercise_total=$((exercise_total + $4))
    fi
done

echo "== chapters and book.md up to date"
if [ -n "$ALL" ]; then
    "$BUILD/weave" --build "$BUILD" --check >"$log" 2>&1 || status=1
else
    "$BUILD/weave" --build "$BUILD" --check --only $CHAPTERS >"$log" 2>&1 || status=1
fi
cat "$log"
if grep -q 'up to date' "$log"; then passed=$((passed + 1)); else failed=$((failed + 1)); fi

echo "== numbers in the prose (see tests/numerals.c)"
run env BUILD="$BUILD" sh tests/numerals.sh
if [ -n "$ALL" ]; then "$BUILD/numerals"; else "$BUILD/numerals" --only $CHAPTERS; fi >"$log" 2>&1
if [ $? -eq 0 ]; then passed=$((passed + 1)); else failed=$((failed + 1)) status=1; fi
cat "$log"

echo "== figures"
if [ "$made_with" = "$have" ]; then
    wait "$drawing"
    for c in $CHAPTERS; do
        [ -f "plots/$c.gp" ] || continue
        if [ "$(cat "$BUILD/figures/$c.status")" != 0 ]; then
            cat "$BUILD/figures/$c.log"; failed=$((failed + 1)); status=1; continue
        fi
        if diff -r "plots/$c" "$BUILD/figures/$c" -x '*.csv' >"$log" 2>&1; then
            passed=$((passed + 1))
        else
            echo "figures of $c are stale (run \`make plots\`):"; head -n 20 "$log"
            failed=$((failed + 1)); status=1
        fi
    done
    echo "figures compared ($have)"
else
    echo "figures not compared: they were drawn by $made_with, this is ${have:-no gnuplot}"
fi

echo
if [ "$exercise_total" -gt 0 ]; then
    echo "exercises: $done_total/$exercise_total done ($pending_total pending, $exercise_failed failed): see \`make exercises CH=NN\`"
fi
failed=$((failed + exercise_failed))
echo "check: $passed passed, $failed failed"
[ "$failed" -eq 0 ] || status=1
exit $status
