#!/bin/sh
# check.sh: the learner's loop, run by the Makefile (BUILD is passed in).
#
#   check.sh run CHAPTER       run its suite (the chapter's tests and the
#                              reference answers), its command-line tests and
#                              your exercises, into BUILD/check/CHAPTER.*
#                              (make runs chapters in parallel)
#   check.sh suite|cli|yours CHAPTER   one of those three parts
#   check.sh numerals [CHAPTER...] | numerals-self | lab-yours | loop
#                              a check of the whole book, into BUILD/check
#   check.sh report            (CHAPTERS, WOVEN set) one line per chapter,
#                              whatever failed in full, the chapters' and
#                              figures' freshness, your progress, and
#                              "check: N passed, N failed" (a done exercise
#                              is a passed check, a failing one a failed
#                              check, a pending one neither)
#   check.sh exercises CHAPTER...   every line of your exercises, and progress
#   check.sh next CHAPTER...        the first exercise not done, in book order
#   check.sh hint N.M          the hint of exercise N.M
#   check.sh reset N.M         its stub as committed (FORCE=1 over your edits)
#   check.sh stub FILE         print the committed stub of FILE (for tests/loop.sh)
# Exit status: 0 when nothing failed, 1 otherwise, 2 for a bad N.M.
set -u
: "${BUILD:=build}"
mode=${1:-}
[ $# -gt 0 ] && shift

# ------------------------------------------------------------- helpers

# The folder of chapter N (7, 07, A).
chapter_folder() {
    n=$1
    case $n in [0-9]) n=0$n ;; a) n=A ;; esac
    for d in chapters/"$n"-*/; do
        [ -d "$d" ] && { d=${d%/}; echo "${d#chapters/}"; return; }
    done
}

# How many exercises tests/CHAPTER-exercises.c defines.
exercise_count() {
    grep -cE 'ADD_EXERCISE\(|= exercise_case\(' "tests/$1-exercises.c" 2>/dev/null || echo 0
}

# The last committed version of a stub that still had its TODO, in the
# book's history: in a clone, a commit the clone's remote also has (a
# learner's own commit of an exercise half done, its TODO still there, is
# not the stub, nor is a newer stub fetched but not merged); any commit
# when no remote has one (the book's own repository, a new stub not yet
# pushed).
committed_stub() {
    git rev-parse --git-dir >/dev/null 2>&1 || return 1
    remotes=$(git for-each-ref --format='%(objectname)' refs/remotes 2>/dev/null)
    commits=$(git log --format=%h -- "$1" 2>/dev/null)
    for pass in upstream any; do
        [ $pass = any ] || [ -n "$remotes" ] || continue
        for commit in $commits; do
            if [ $pass = upstream ]; then
                upstream=
                for r in $remotes; do
                    if git merge-base --is-ancestor "$commit" "$r" 2>/dev/null; then upstream=1; break; fi
                done
                [ -n "$upstream" ] || continue
            fi
            if git show "$commit:$1" 2>/dev/null | grep -q 'TODO('; then
                echo "$commit"
                return 0
            fi
        done
    done
    return 1
}

# The stubs of a chapter folder: those in it, and those of its reference
# answers in solutions/ (a stub you deleted).
chapter_stubs() {
    for f in chapters/"$1"/exercise_*.c solutions/"$1"/exercise_*.c; do
        [ -f "$f" ] && echo "chapters/$1/${f##*/}"
    done | sort -u
}

# The exercise number N.M of a stub, from its first line "/* Exercise N.M "
# (the committed stub's, once you rewrote or deleted it), else from its
# reference answer's ("/* Chapter N, exercise M", "/* Exercise M of
# chapter N", "/* Exercise N.M"): in a copy without git history, a stub
# whose first line you replaced is still found.
stub_number() {    # stub_number chapters/NN-slug/exercise_X.c
    first=$(head -n 1 "$1" 2>/dev/null)
    if commit=$(committed_stub "$1"); then first=$(git show "$commit:$1" | head -n 1); fi
    answer=solutions/${1#chapters/}
    { printf '%s\n' "$first"; head -n 1 "$answer" 2>/dev/null; } | sed -n \
        -e 's|^/\* Exercise \([0-9A-Za-z]*\.[0-9][0-9]*\)[ :(,].*|\1|p' \
        -e 's|^/\* Chapter \([0-9A-Za-z]*\), exercise \([0-9][0-9]*\)[ :(,].*|\1.\2|p' \
        -e 's|^/\* Exercise \([0-9][0-9]*\) of chapter \([0-9A-Za-z]*\)[ :(,].*|\2.\1|p' | head -n 1
}

# Exercise N.M: its stub, found by its number (stub_number).
find_stub() {
    ex=$1
    case $ex in
        [0-9A-Za-z].[0-9]*|[0-9][0-9].[0-9]*) ;;
        *) echo "EX=$ex: give an exercise number as the chapter numbers it, e.g. EX=7.3" >&2; exit 2 ;;
    esac
    folder=$(chapter_folder "${ex%%.*}")
    [ -n "$folder" ] || { echo "EX=$ex: there is no chapter ${ex%%.*}" >&2; exit 2; }
    number=$(printf '%s' "$ex" | sed 's/^0\([0-9]\)/\1/')
    for f in $(chapter_stubs "$folder"); do
        [ "$(stub_number "$f")" != "$number" ] || { echo "$f"; return; }
    done
    known=$(for f in $(chapter_stubs "$folder"); do stub_number "$f"; done |
        sort -t. -k2n | tr '\n' ' ' | sed 's/ $//; s/ /, /g')
    # an exercise of the chapter's list that has no stub: worked by hand
    item=$(awk -v m="${number#*.}" '
        /^## Exercises/ { on = 1; next }
        on && /^## / { exit }
        on && index($0, m ". ") == 1 { print FNR; exit }' "chapters/$folder/README.md" 2>/dev/null)
    answer=$(grep -n -m 1 "^\*\*${number#*.}\.\*\*" "solutions/$folder.md" 2>/dev/null | cut -d: -f1)
    if [ -n "$item" ]; then
        echo "exercise $number is not a code exercise: the chapter asks it in chapters/$folder/README.md:$item," \
            "and its worked answer is solutions/$folder.md${answer:+:$answer} (try it before you look;" \
            "the code exercises of chapter ${ex%%.*}: ${known:-none})" >&2
        exit 3
    fi
    echo "EX=$ex: chapter ${ex%%.*} has no exercise $number (its code exercises: ${known:-none})" >&2
    exit 2
}

# make check runs every test: Check's selections (CK_RUN_SUITE, CK_RUN_CASE
# and its tags), meant for running build/tests/NN-slug by hand, would
# leave tests out and still look green.
unset CK_RUN_SUITE CK_RUN_CASE CK_INCLUDE_TAGS CK_EXCLUDE_TAGS

# ---------------------------------------------------------------- run
# record OUTPUT STAMP COMMAND...: COMMAND's output (stdout and stderr) into
# OUTPUT, its exit status into STAMP.status and, when it passed, STAMP.ok,
# which lets make run it again only when what it reads changes (a check
# that failed runs every time).
record() {
    output=$1 stamp=$2
    shift 2
    rm -f "$stamp.ok"
    mkdir -p "$BUILD/check"
    [ "${V:-0}" != 1 ] || echo "$* >$output 2>&1" >&2    # make V=1
    "$@" >"$output" 2>&1
    rc=$?
    echo $rc >"$stamp.status"
    [ $rc -ne 0 ] || : >"$stamp.ok"
}

# The report of a chapter's exercises that do not link together.
not_linking() {    # not_linking CHAPTER
    n=$(exercise_count "$1")
    echo "  NOT COMPILING exercises of $1: they do not link together:"
    log=$BUILD/tests/$1-yours.log
    # the linker's own lines, not collect2's "ld returned 1 exit status" (nor clang's)
    grep -iE 'error|undefined|multiple definition' "$log" 2>/dev/null | grep -v -e 'collect2' -e 'linker command failed' | head -n 3 |
        sed 's/^/                /'
    if grep -q 'multiple definition' "$log" 2>/dev/null; then
        echo "                two of your files define the same function: keep one (every chapters/$1/exercise_*.c is built, a copy of a stub too)"
    fi
    echo "exercises $1: 0 done, 0 pending, 0 failing, $n not compiling of $n"
    return 1
}

# One part of a chapter's check (suite, cli or yours; run is all three)
# into BUILD/check/CHAPTER.PART (and .status, .ok: see record).
run_part() {    # run_part CHAPTER PART
    c=$1 part=$2 out=$BUILD/check/$1.$2
    rm -f "$out" "$out.status" "$out.ok"
    case $part in
        suite) [ ! -x "$BUILD/tests/$c" ] ||
                   record "$out" "$out" env CK_VERBOSITY=verbose "$BUILD/tests/$c" ;;
        cli) [ ! -f "tests/$c.sh" ] || record "$out" "$out" env BUILD="$BUILD" sh "tests/$c.sh" ;;
        yours)
            if [ -x "$BUILD/tests/$c-yours" ]; then
                record "$out" "$out" "$BUILD/tests/$c-yours"
            elif [ -f "tests/$c-exercises.c" ]; then
                record "$out" "$out" not_linking "$c"
            fi ;;
    esac
}

case $mode in
    run)
        for part in suite cli yours; do run_part "$1" $part; done
        exit 0 ;;
    suite|cli|yours)
        run_part "$1" "$mode"
        exit 0 ;;
esac

# The checks of the whole book that make check runs beside the chapters,
# each into BUILD/check/NAME.log (and NAME.status, NAME.ok: see record):
# numerals (CHAPTERS, or every chapter), numerals-self (the checker proves
# it can fail: tests/numerals.sh), lab-yours and loop.
whole_part() {    # whole_part NAME COMMAND...
    name=$1
    shift
    record "$BUILD/check/$name.log" "$BUILD/check/$name" "$@"
    exit 0
}
case $mode in
    numerals-self)    # the checker proves it can fail
        whole_part numerals-self env BUILD="$BUILD" sh tests/numerals.sh ;;
    numerals)
        name=numerals-$(echo "${*:-all}" | tr ' ' '+')
        whole_part "$name" "$BUILD/numerals" ${1:+--only} "$@" ;;
    lab-yours) whole_part lab-yours env BUILD="$BUILD" sh tests/lab-yours.sh ;;
    loop) whole_part loop env BUILD="$BUILD" sh tests/loop.sh ;;
esac

# ---------------------------------------------------------- progress
# Adds up the "exercises C: D done, P pending, F failing, B not compiling
# of T" lines of the logs given; prints the block.
progress() {
    awk '
        /^exercises [^ ]+: [0-9]+ done/ {
            c = $2; sub(/:$/, "", c); n++; name[n] = c
            d[n] = $3; p[n] = $5; f[n] = $7; b[n] = $9
            D += $3; P += $5; F += $7; B += $9; T += $13
        }
        END {
            if (n == 0) exit
            printf "%-26s %5s %8s %8s %14s\n", "your exercises", "done", "pending", "failing", "not compiling"
            for (i = 1; i <= n; i++)
                printf "  %-24s %5d %8d %8d %14d\n", name[i], d[i], p[i], f[i], b[i]
            printf "  %-24s %5d %8d %8d %14d   (%d of %d done)\n", "total", D, P, F, B, D, T
        }' "$@"
}

# The exercise to work on next: the first, in book order, that is failing,
# crashed, timed out or does not compile (one you started and broke comes
# before any you have not started), else the first pending one; where the
# chapter asks it (its item in the README's "Exercises"), and its hint
# command.
next_step() {
    line=$(grep -h -m 1 -E '^  (FAILING|TIMED OUT|CRASHED|NOT COMPILING) +exercise [0-9A-Z]+\.[0-9]+' "$@" 2>/dev/null | head -n 1)
    [ -n "$line" ] ||
        line=$(grep -h -m 1 -E '^  pending +exercise [0-9A-Z]+\.[0-9]+' "$@" 2>/dev/null | head -n 1)
    if [ -z "$line" ]; then
        grep -q -E '^  (FAILING|TIMED OUT|CRASHED|NOT COMPILING) ' "$@" 2>/dev/null ||
            echo "next: every exercise here is done (make lab-yours runs the lab on your code)"
        return 0
    fi
    title=$(printf '%s' "$line" | sed -E 's/^  [A-Za-z ]+ exercise //; s/: .*//')
    number=${title%% *}
    folder=$(chapter_folder "${number%%.*}")
    file=$(find_stub "$number" 2>/dev/null)
    where=$(awk -v m="${number#*.}" '
        /^## Exercises/ { on = 1; next }
        on && /^## / { exit }
        on && index($0, m ". ") == 1 { print FILENAME ":" FNR; exit }' "chapters/$folder/README.md" 2>/dev/null)
    echo "next: exercise $title, in ${file:-chapters/$folder/} (make hint EX=$number; make watch CH=${number%%.*})"
    [ -z "$where" ] || echo "      chapter ${number%%.*} asks it in its Exercises, item ${number#*.} ($where)"
}

# How much of build/descent-yours is the learner's: the optimizers of
# tests/lab-yours.c whose exercise is done in the logs given (said only
# when the logs cover every chapter those exercises are in).
lab_share() {
    have=" $(for f in "$@"; do b=${f##*/}; echo "${b%%-*}" | sed 's/^0//'; done | tr '\n' ' ')"
    for n in $(sed -n 's/^ *LAB_YOURS([a-z_]*, *[a-z_]*, *"\([0-9A-Z]*\)\..*/\1/p' tests/lab-yours.c); do
        case $have in *" $n "*) ;; *) return 0 ;; esac    # not every chapter was run
    done
    sed -n 's/^ *LAB_YOURS(\([a-z]*\)_kind, *[a-z_]*, *"\([0-9A-Z]*\.[0-9]*\)").*/\2 \1/p' tests/lab-yours.c |
        awk -v logs="$*" -v build="$BUILD" '
            BEGIN { n = split(logs, files, " ")
                    for (i = 1; i <= n; i++)
                        while ((getline line < files[i]) > 0)
                            if (line ~ /^  done +exercise /) { split(line, w, " "); done[w[3]] = 1 } }
            { total++; if ($1 in done) { mine++; names = names (names ? ", " : "") $2 } }
            END { if (total) printf "your lab: %d of %d optimizers run your code%s (make lab-yours builds %s/descent-yours)\n",
                                   mine, total, mine ? " (" names ")" : "", build }'
}

# Run the learner's exercises of the chapters given into
# BUILD/check/CHAPTER.exercises; sets logs and status.
run_exercises() {
    status=0
    logs=
    for c in "$@"; do
        [ -f "tests/$c-exercises.c" ] || continue
        mkdir -p "$BUILD/check"
        log=$BUILD/check/$c.exercises
        if [ -x "$BUILD/tests/$c-yours" ]; then
            "$BUILD/tests/$c-yours" >"$log" 2>&1 || status=1
        else
            BUILD="$BUILD" sh tests/check.sh run "$c"
            cp "$BUILD/check/$c.yours" "$log"
            status=1
        fi
        logs="$logs $log"
    done
}

if [ "$mode" = next ]; then
    run_exercises "$@"
    [ -n "$logs" ] || { echo "no exercises in: $*"; exit 0; }
    awk '/^exercises [^ ]+: [0-9]+ done/ { d += $3; p += $5; f += $7 + $9; t += $13 }
        END { printf "your exercises: %d done, %d pending, %d failing or not compiling, of %d\n", d, p, f, t }' $logs
    next_step $logs
    exit 0
fi

if [ "$mode" = exercises ]; then
    run_exercises "$@"
    for log in $logs; do grep -v '^exercises ' "$log"; done
    [ -n "$logs" ] || { echo "no exercises in: $*"; exit 0; }
    echo
    progress $logs
    lab_share $logs
    next_step $logs
    exit $status
fi

# -------------------------------------------------------- hint, reset
# EX=07.3 is exercise 7.3: messages say it as the chapter numbers it; the
# spaces around it (EX='7.3 ', as make keeps them) are not part of it.
[ $# -gt 0 ] && set -- "$(printf '%s' "$1" | sed 's/^[[:space:]]*//; s/[[:space:]]*$//; s/^0\([0-9]\)/\1/')"

if [ "$mode" = hint ]; then
    stub=$(find_stub "${1:-}" 2>&1)
    case $? in
        0) ;;
        3) echo "$stub"; exit 0 ;;     # worked by hand: where its answer is
        *) echo "$stub" >&2; exit 2 ;;
    esac
    text=$(tr -d '\r' 2>/dev/null <"$stub")       # a stub saved with CRLF line ends too
    if ! grep -q 'TODO(' "$stub" 2>/dev/null; then
        commit=$(committed_stub "$stub") && text=$(git show "$commit:$stub" | tr -d '\r')
    fi
    echo "exercise ${1}: $stub"
    [ -f "$stub" ] || echo "  ($stub is missing: make reset EX=$1 brings it back; its hint follows)"
    printf '%s\n' "$text" | sed -n '1,/\*\//p' | sed 's/^/  /'
    printf '%s\n' "$text" | awk '
        /TODO\(/ { on = 1 }
        on { line = line $0 }
        on && /"\);[ \t]*$/ { on = 0
            gsub(/^.*TODO\(/, "", line); sub(/\);[ \t]*$/, "", line)
            gsub(/"[ \t]*"/, "", line); gsub(/^[ \t]*"|"[ \t]*$/, "", line); gsub(/\\"/, "\"", line)
            print "hint: " line; line = "" }'
    exit 0
fi

if [ "$mode" = stub ]; then
    commit=$(committed_stub "${1:-}") || {
        echo "stub: cannot find the committed stub of ${1:-} (is this a git clone?)" >&2; exit 2; }
    git show "$commit:$1"
    exit
fi

if [ "$mode" = reset ]; then
    stub=$(find_stub "${1:-}") || exit 2
    git rev-parse --git-dir >/dev/null 2>&1 || {
        echo "reset: this copy of the book has no git history (a downloaded archive?), where make reset finds the stub of exercise $1 as it came; in a git clone of the book it works ($stub is left as it is)" >&2
        exit 2; }
    commit=$(committed_stub "$stub") || {
        echo "reset: cannot find the committed stub of $stub in git's history" >&2; exit 2; }
    if [ ! -f "$stub" ]; then
        git show "$commit:$stub" >"$stub" && echo "exercise $1: $stub was missing; the stub is back"
        exit 0
    fi
    if git show "$commit:$stub" | cmp -s - "$stub"; then
        echo "exercise $1: $stub is already the stub"
        exit 0
    fi
    if [ "${FORCE:-}" != 1 ]; then
        echo "exercise $1: $stub holds your edits (see them with: git diff $commit -- $stub)."
        echo "To restore the stub (yours is kept under $BUILD/reset): make reset EX=$1 FORCE=1"
        exit 1
    fi
    # Your version is kept under BUILD/reset, in case you want it back.
    keep=$BUILD/reset/$(date +%Y%m%d-%H%M%S)-${stub##*/}
    mkdir -p "$BUILD/reset" && cp "$stub" "$keep" || exit 1
    git show "$commit:$stub" >"$stub" && echo "exercise $1: $stub restored (your version is in $keep)"
    exit 0
fi

# -------------------------------------------------------------- report
[ "$mode" = report ] || { echo "usage: check.sh run|suite|cli|yours|numerals|numerals-self|lab-yours|loop|report|exercises|next|hint|reset|stub ..." >&2; exit 2; }
: "${CHAPTERS:?}" "${WOVEN:?}"
passed=0 failed=0 status=0 skipped_torch=0
logs=
fail() { failed=$((failed + $1)); status=1; }

for c in $CHAPTERS; do
    out=$BUILD/check/$c
    line=$(printf '%-18s' "$c")
    problems=
    if [ -f "$out.suite" ]; then
        # Check's verbose lines: FILE:LINE:RESULT:CASE:TEST:ITERATION: MESSAGE;
        # exercise cases are titled "N.M ...".
        set -- $(awk -F: '
            NF >= 6 && $3 ~ /^[PFE]$/ {
                ex = $4 ~ /^[0-9A-Z]+\.[0-9]+ /
                if (ex) { if (!($4 in seen)) { seen[$4] = 1; et++ } if ($3 != "P") bad[$4] = 1 }
                else { t++; if ($3 != "P") tf++ }
            }
            END { eb = 0; for (k in bad) eb++; print t + 0, tf + 0, et + 0, eb }' "$out.suite")
        t=$1 tf=$2 et=$3 eb=$4
        line="$line  tests $(printf '%-7s' "$((t - tf))/$t")"
        [ "$et" -gt 0 ] && line="$line  reference answers $(printf '%-5s' "$((et - eb))/$et")"
        passed=$((passed + t - tf + et - eb))
        if [ $((t + et)) -eq 0 ]; then    # a suite that ran nothing has failed
            fail 1
            problems="$problems    $BUILD/tests/$c ran no test at all
"
        elif [ "$tf" -gt 0 ] || [ "$eb" -gt 0 ] || [ "$(cat "$out.suite.status")" != 0 ]; then
            fail $((tf + eb))
            [ "$tf" -eq 0 ] && [ "$eb" -eq 0 ] && fail 1
            problems="$problems$(grep -v ':P:' "$out.suite" | grep -v '^Running suite' | sed 's/^/    /')
"
        fi
    fi
    if [ -f "$out.cli" ]; then
        set -- $(awk '/[0-9]+ passed, [0-9]+ failed/ {
                for (i = 1; i <= NF; i++) { if ($(i) == "passed,") p += $(i-1); if ($(i) == "failed") q += $(i-1) } }
            END { print p + 0, q + 0 }' "$out.cli")
        line="$line  command line $1/$(($1 + $2))"
        passed=$((passed + $1))
        grep -q 'skipped (DESCENT_TORCH' "$out.cli" && skipped_torch=$((skipped_torch + 1))
        grep -q '^descent-mpi: skipped' "$out.cli" && skipped_mpi=1
        if [ "$2" -gt 0 ] || [ "$(cat "$out.cli.status")" != 0 ]; then
            fail "$2"
            [ "$2" -eq 0 ] && fail 1
            problems="$problems$(grep -v ' passed, [0-9]* failed$' "$out.cli" | grep -v 'skipped (DESCENT_TORCH' | sed 's/^/    /')
"
        fi
    fi
    echo "$line" | sed 's/ *$//'
    [ -z "$problems" ] || printf '%s' "$problems"
    [ -f "$out.yours" ] && logs="$logs $out.yours"
done

# The chapters and book.md against what the code prints (made by make).
if [ "$(cat "${WOVEN%.log}.status" 2>/dev/null)" = 0 ]; then
    case $WOVEN in
        *-all.log) echo "chapters and book.md: every listing and output up to date" ;;
        *) echo "chapter text: every listing and output up to date" ;;
    esac
    passed=$((passed + 1))
else
    sed 's/^/    /' "$WOVEN"
    fail 1
fi

# Numbers in the prose (tests/numerals.c): each numeral woven, asserted,
# given or exempt; tests/numerals.sh first proves the check can fail (made
# by make: check.sh numerals).
case $WOVEN in *-all.log) numerals=numerals-all ;; *) numerals=numerals-$(echo $CHAPTERS | tr ' ' '+') ;; esac
if [ "$(cat "$BUILD/check/$numerals.status" 2>/dev/null)" = 0 ] &&
    [ "$(cat "$BUILD/check/numerals-self.status" 2>/dev/null)" = 0 ]; then
    grep '^numerals: ' "$BUILD/check/$numerals.log" | sed 's/^numerals:/numbers in the prose:/'
    passed=$((passed + 1))
else
    grep -v ' 0 failed$' "$BUILD/check/numerals-self.log" 2>/dev/null | sed 's/^/    /'
    grep -v -e ': pending conversion: ' -e ', 0 uncovered$' "$BUILD/check/$numerals.log" 2>/dev/null | sed 's/^/    /'
    fail 1
fi

# The lab on the reference answers of the optimizer exercises, as make
# lab-yours links yours: the same bytes as build/descent; and the loop
# itself on broken answers (a syntax error, a crash, an endless loop,
# exit()) in a temporary copy of the tree.  Full check only; made by make
# (check.sh lab-yours, check.sh loop).
if case $WOVEN in *-all.log) true ;; *) false ;; esac; then
    if [ "$(cat "$BUILD/check/lab-yours.status" 2>/dev/null)" = 0 ]; then
        echo "the lab on the exercises' reference answers: $(tail -n 1 "$BUILD/check/lab-yours.log" | sed 's/ passed.*//') checks pass (its runs print what $BUILD/descent prints; a faulty step of yours is named: tests/lab-yours.sh)"
        passed=$((passed + 1))
    else
        sed 's/^/    /' "$BUILD/check/lab-yours.log" 2>/dev/null
        fail 1
    fi
    if [ "$(cat "$BUILD/check/loop.status" 2>/dev/null)" = 0 ] && grep -q '^loop.sh: skipped: ' "$BUILD/check/loop.log"; then
        echo "the exercise loop on broken answers: NOT CHECKED, $(sed -n 's/^loop.sh: skipped: //p' "$BUILD/check/loop.log")"
    elif [ "$(cat "$BUILD/check/loop.status" 2>/dev/null)" = 0 ]; then
        echo "the exercise loop on broken answers: $(tail -n 1 "$BUILD/check/loop.log" | sed 's/ passed.*//') checks pass (tests/loop.sh)"
        passed=$((passed + 1))
    else
        sed 's/^/    /' "$BUILD/check/loop.log" 2>/dev/null
        fail 1
    fi
fi

# Figures, byte for byte, only with the gnuplot that drew the committed ones.
made_with=$(cat plots/GNUPLOT_VERSION 2>/dev/null)
have=$(gnuplot --version 2>/dev/null)
figures=0 stale=
for c in $CHAPTERS; do
    [ -f "plots/$c.gp" ] || continue
    [ "$made_with" = "$have" ] || continue
    if diff -r "plots/$c" "$BUILD/figures/$c" -x '*.csv' >/dev/null 2>&1; then
        figures=$((figures + 1)) passed=$((passed + 1))
    else
        stale="$stale $c"
        fail 1
    fi
done
if [ "$made_with" != "$have" ]; then
    echo "figures: not compared (drawn by $made_with; this is ${have:-no gnuplot})"
elif [ -n "$stale" ]; then
    echo "figures: stale in$stale (make plots redraws them; git diff plots/ shows the change)"
else
    echo "figures: up to date (chapters: $figures)"
fi
[ "${skipped_mpi:-0}" -eq 0 ] ||
    echo "descent-mpi under mpirun: SKIPPED, no MPI here (make deps installs Open MPI; DESCENT_MPI=1 makes it a failure)"
[ "$skipped_torch" -eq 0 ] ||
    echo "torch.optim comparisons: skipped in $skipped_torch chapter$([ "$skipped_torch" -eq 1 ] || echo s) (DESCENT_TORCH=1 make check runs them, with python3-torch)"

# Your exercises: what went wrong, then the progress block.
if [ -n "$logs" ]; then
    trouble=$(grep -hv -e '^  done ' -e '^exercises ' $logs | awk '
        /^  pending / { skip = 1; next }
        /^  [A-Z]/ { skip = 0 }
        !skip')
    echo
    if [ -n "$trouble" ]; then printf '%s\n\n' "$trouble"; fi
    progress $logs
    set -- $(awk '/^exercises [^ ]+: [0-9]+ done/ { d += $3; f += $7 + $9 } END { print d + 0, f + 0 }' $logs)
    passed=$((passed + $1))
    [ "$2" -eq 0 ] || fail "$2"
    lab_share $logs
    next_step $logs
fi
echo "check: $passed passed, $failed failed"
exit $status
