#!/bin/sh
# loop-learner.sh: tests/loop.sh (the exercise loop's self-test, which make
# check runs) does not depend on where the learner is in the book.  In a
# temporary clone of this repository (this tree's tests/loop.sh and
# tests/check.sh copied in), the learner has answered exercises 1.3, 1.5
# and 9.4, 1.6 wrongly, and 9.5 half (an endless loop above its TODO), and
# COMMITTED it all (HEAD holds them, not the stubs); loop.sh, run there on
# this BUILD's objects, must still pass, and make reset EX=9.5 bring back
# the book's stub (origin's), not the half-done commit; a file of the
# learner's own beside the stubs (exercise_adamw_v2.c) changes nothing.
# Before, it read 1.3 from the learner's file and took 1.5, 1.6 and 9.4's
# stubs from HEAD (4 failures the learner could not act on), and the
# committed half-done 9.5 was "the stub" (its endless loop a 5th, and make
# reset said "already the stub").  Run by hand (about ten seconds after make
# check, which it needs); prints "N passed, N failed".
set -u
: "${BUILD:=build}"
case $BUILD in /*) build=$BUILD ;; *) build=$(pwd)/$BUILD ;; esac
top=$(pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
[ -f "$build/libdescent.a" ] || { echo "loop-learner.sh: run make first (no $build/libdescent.a)" >&2; exit 2; }
git clone -q "$top" "$work/repo" || exit 2
cp tests/loop.sh tests/check.sh "$work/repo/tests/" || exit 2
cd "$work/repo" || exit 2
one=chapters/01-update-rule nine=chapters/09-schedules
cp "solutions/01-update-rule/exercise_steps.c" "solutions/01-update-rule/exercise_gd_step.c" "$one/" &&
    cp "solutions/09-schedules/exercise_cosine.c" "$nine/" &&
    sed -i 's|^    TODO(.*|    return 0.0;|; /^ *"[^"]*");$/d' "$one/exercise_closed_form.c" &&
    sed -i 's|^    TODO("(9.5)|    for (long k = 0; k < t; k += 0) { }\n&|' "$nine/exercise_steplr.c" &&
    git add "$one" "$nine" &&
    git -c user.name=learner -c user.email=learner@example.org commit -q -m "my answers" || exit 2
# and, not committed, a second try at 8.6 beside its stub
cp chapters/08-adam/exercise_adamw.c chapters/08-adam/exercise_adamw_v2.c || exit 2
passed=0 failed=0
if BUILD="$build" sh tests/loop.sh >"$work/out" 2>&1; then passed=$((passed + 1)); else
    failed=$((failed + 1))
    echo "FAILED: tests/loop.sh depends on the learner's answers (1.3, 1.5, 9.4 and a wrong 1.6 committed, 9.5 half done and committed, exercise_adamw_v2.c):"
    grep -v '^    ' "$work/out" | sed 's/^/    /'
fi
# make reset EX=9.5 restores the book's stub, not the learner's commit
if BUILD="$work/build" FORCE=1 sh tests/check.sh reset 9.5 >"$work/reset.out" 2>&1 &&
    git show "origin/HEAD:$nine/exercise_steplr.c" | cmp -s - "$nine/exercise_steplr.c"; then
    passed=$((passed + 1))
else
    failed=$((failed + 1)); echo "FAILED: make reset EX=9.5 FORCE=1 does not bring back the book's stub over a committed half-done answer:"
    sed 's/^/    /' "$work/reset.out"
fi
# A copy without git history (a downloaded archive): loop.sh cannot find
# the committed stubs; it says so and passes, and make check says it is
# not checked, instead of going red with a failure the learner cannot fix
mkdir "$work/archive" && git archive HEAD | tar -x -C "$work/archive" &&
    cp "$top/tests/loop.sh" "$top/tests/check.sh" "$work/archive/tests/" || exit 2
if (cd "$work/archive" && GIT_CEILING_DIRECTORIES="$work" BUILD="$build" DESCENT_LOOP= sh tests/loop.sh) \
        >"$work/out" 2>&1 &&
    grep -q '^loop.sh: skipped: this copy of the book has no git history' "$work/out" &&
    ! (cd "$work/archive" && GIT_CEILING_DIRECTORIES="$work" BUILD="$build" DESCENT_LOOP=1 \
        sh tests/loop.sh) >"$work/out1" 2>&1 &&
    grep -q '^FAILED: DESCENT_LOOP=1, but this copy of the book has no git history' "$work/out1"; then
    passed=$((passed + 1))
else
    failed=$((failed + 1)); echo "FAILED: tests/loop.sh in a copy without git history does not say it is skipped:"
    sed 's/^/    /' "$work/out"
fi
# and there, 7.3 done by copying its reference answer (its first line is
# the answer's): make hint still finds it, and make reset says why it
# cannot restore it
cp "$work/archive/solutions/07-adaptive/exercise_rmsprop.c" "$work/archive/chapters/07-adaptive/"
(cd "$work/archive" && GIT_CEILING_DIRECTORIES="$work" BUILD="$build" sh tests/check.sh hint 7.3;
    GIT_CEILING_DIRECTORIES="$work" BUILD="$build" sh tests/check.sh reset 7.3) >"$work/out" 2>&1
if grep -q '^exercise 7\.3: chapters/07-adaptive/exercise_rmsprop\.c$' "$work/out" &&
    grep -q '^reset: this copy of the book has no git history' "$work/out"; then
    passed=$((passed + 1))
else
    failed=$((failed + 1)); echo "FAILED: without git history, make hint EX=7.3 or make reset EX=7.3 on a stub whose first line was replaced:"
    sed 's/^/    /' "$work/out"
fi
echo "$passed passed, $failed failed"
[ $failed -eq 0 ]
