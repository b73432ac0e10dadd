#!/bin/sh
# stubs.sh OUT OBJECT...: the table of the learner's functions (see
# tests/harness.h) for a build/tests/NN-slug-yours program.  OBJECT is
# BUILD/obj/yours/chapters/NN-slug/exercise_WHAT.o, compiled from the stub,
# or from the reference answer as a stand-in when the stub does not compile
# (then OBJECT.broken holds the first compiler error).
#
# Before writing the table, each stub object is made to link on its own,
# so that one exercise's mistake never stops its chapter's others: with
# OTHERS (the objects and library the program links beside the stubs) and
# PROBE (a link command with the system libraries: "CC FLAGS ... --
# LIBS"), a stub that calls a function defined nowhere (nm -u), or no
# longer defines a function its test calls (renamed), or is missing
# altogether (deleted), is replaced by its reference answer compiled with
# STANDIN (the stubs' compile command), and OBJECT.unlinked says why: the
# harness reports that exercise alone, with that sentence.
set -eu
export LC_ALL=C
out=$1
shift
NM=${NM:-nm}
# One nm for many objects (each start of nm costs more than reading one of
# them): lines "FILE TYPE NAME" in $listing, read by these helpers.
listing=
list_symbols() {    # list_symbols FILE...: into $listing
    listing=$([ $# -eq 0 ] || $NM -A -g "$@" 2>/dev/null | awk 'NF >= 2 { f = $1; sub(/:.*/, "", f); print f, $(NF - 1), $NF }')
}
functions() { printf '%s\n' "$listing" | awk -v f="$1" '$1 == f && $2 == "T" { print $3 }'; }
defined() {      # defined FILE...: the symbols they define
    printf '%s\n' "$listing" | awk -v files=" $* " 'index(files, " " $1 " ") && $2 != "U" { print $3 }' | sort -u
}
undefined() { printf '%s\n' "$listing" | awk -v f="$1" '$1 == f && $2 == "U" { print $3 }' | sort -u; }
stub_of() { s=${1#*/obj/yours/}; echo "${s%.o}.c"; }
answer_of() { s=$(stub_of "$1"); echo "solutions/${s#chapters/}"; }

# The exercise number of a stub, as the chapter numbers it: from its first
# line (or the committed stub's, or the reference answer's).
exercise_number() {
    first=$(head -n 1 "$1" 2>/dev/null || git show "HEAD:$1" 2>/dev/null | head -n 1 || :)
    n=$(printf '%s\n' "$first" | sed -n 's|^/\* Exercise \([0-9A-Za-z]*\.[0-9]*\).*|\1|p')
    [ -n "$n" ] || n=$(head -n 1 "$2" | sed -n \
        -e 's|^/\* Exercise \([0-9A-Za-z]*\.[0-9]*\).*|\1|p' \
        -e 's|^/\* Chapter \([0-9A-Za-z]*\), exercise \([0-9]*\).*|\1.\2|p')
    echo "${n:-?}"
}

# Replace OBJECT by its reference answer, OBJECT.unlinked saying why.
stand_in() {    # stand_in OBJECT MESSAGE
    [ -n "${STANDIN:-}" ] || return 0
    mkdir -p "$(dirname "$1")"
    [ ! -f "$(stub_of "$1")" ] || [ -f "$1.unlinked" ] || cp -p "$1" "$1.mine"
    $STANDIN -c "$(answer_of "$1")" -o "$1"
    printf '%s\n' "$2" >"$1.unlinked"
    replaced=1
    printf '  %-6s %s\n' STUB "exercise $(exercise_number "$(stub_of "$1")" "$(answer_of "$1")"): $2 (make check reports it)" >&2
}

# A deleted stub: its reference answer stands in.  A stub that stood in
# for one that did not link is looked at again, its object as compiled
# (OBJECT.mine) put back: another stub's mistake may have been the cause.
for object in "$@"; do
    stub=$(stub_of "$object")
    if [ -f "$stub" ] && [ -f "$object.unlinked" ] && [ -f "$object.mine" ]; then
        mv "$object.mine" "$object" && rm -f "$object.unlinked"
    elif [ ! -f "$stub" ]; then
        n=$(exercise_number "$stub" "$(answer_of "$object")")
        [ -f "$object.unlinked" ] && [ "$object" -nt "$(answer_of "$object")" ] ||
            stand_in "$object" "$stub is missing (make reset EX=$n brings it back)"
    fi
done

# Symbols the stubs need that neither the other stubs, OTHERS, nor the
# system libraries (one probe link, then one per symbol if it fails)
# define.
if [ -n "${OTHERS:-}" ] && [ -n "${PROBE:-}" ]; then
    work=$(mktemp -d)
    trap 'rm -rf "$work"' EXIT
    # The symbols the system libraries were found to define, so that the
    # probe links only for a name not seen before: one list beside OUT for
    # every chapter (they link the same libraries), replaced whole by a
    # rename (two chapters' runs at once may lose each other's names,
    # which are then probed again, never read half-written).
    system=$(dirname "$out")/system-symbols
    touch "$system"
    # (-fno-builtin: clang refuses "extern char pow;" for a builtin's name)
    resolvable() {    # resolvable SYMBOL...: do the system libraries define them all?
        unknown=$(printf '%s\n' "$@" | sort -u | comm -23 - "$system")
        [ -n "$unknown" ] || return 0
        {
            for s in $unknown; do echo "extern char $s;"; done
            echo 'char *stubs_probe[] = {'
            for s in $unknown; do echo "&$s,"; done
            echo '0};'
            echo 'int main(void) { return stubs_probe[0] == 0; }'
        } >"$work/probe.c"
        compile=${PROBE%% -- *} libs=${PROBE#* -- }
        $compile -w -fno-builtin "$work/probe.c" $libs -o "$work/probe" >/dev/null 2>&1 || return 1
        printf '%s\n' $unknown | sort -u - "$system" >"$system.$$" && mv "$system.$$" "$system"
    }
    answer_object() { echo "${1%%/obj/yours/chapters/*}/obj/solutions/${1#*/obj/yours/chapters/}"; }
    answers=
    linked=
    for object in "$@"; do
        answers="$answers $(answer_object "$object")"
        [ -f "$object.unlinked" ] || linked="$linked $object"
    done
    list_symbols "$@" $answers $OTHERS
    # In one pass: the names a test calls or a stub uses that neither
    # OTHERS nor a stub defines; none, or only names the system libraries
    # are known to define, and every stub links (the usual case, quickly).
    suspects=$(printf '%s\n' "$listing" | awk -v stubs="$linked " \
        -v others=" $OTHERS " '
        $2 != "U" && index(others, " " $1 " ") { defined[$3] = 1 }
        $2 != "U" && index(stubs, " " $1 " ") { defined[$3] = 1 }
        $2 == "U" && (index(stubs, " " $1 " ") || $1 ~ /-exercises\.o$/) { used[$3] = 1 }
        END { for (n in used) if (!(n in defined)) print n }' | sort | comm -23 - "$system")
    # (names new to that list: one probe link; they are the system's
    # when it links, and are remembered)
    [ -z "$suspects" ] || ! resolvable $suspects || suspects=
fi
if [ -n "${suspects:-}" ]; then
    defined $OTHERS >"$work/others"
    defined $(for object in "$@"; do [ -f "$object.unlinked" ] || echo "$object"; done) >"$work/stubs"
    defined $answers >"$work/answers"
    # what the tests call that no stub defines: a renamed function
    for o in $OTHERS; do case $o in *-exercises.o) undefined "$o" ;; esac; done | sort -u |
        comm -23 - "$work/others" | comm -23 - "$work/stubs" | comm -12 - "$work/answers" >"$work/renamed" || :
    replaced=
    for object in "$@"; do
        [ ! -f "$object.unlinked" ] || continue
        for m in $(cat "$work/renamed"); do
            if defined "$(answer_object "$object")" | grep -qx "$m"; then
                stand_in "$object" "your $(stub_of "$object") defines no $m(), which the test calls: did you rename it?"
                replaced=1
                break
            fi
        done
    done
    [ -z "$replaced" ] || list_symbols "$@" $answers $OTHERS
    # what each stub calls that nothing defines
    for object in "$@"; do
        [ ! -f "$object.unlinked" ] || continue
        others=$(for o in "$@"; do [ "$o" = "$object" ] || echo "$o"; done)
        undefined "$object" >"$work/u"
        missing=$( { cat "$work/others"; defined "$object" $others; } | sort -u | comm -23 "$work/u" -)
        [ -n "$missing" ] || continue
        resolvable $missing && continue
        for m in $missing; do
            resolvable "$m" && continue
            stub=$(stub_of "$object")
            line=$(grep -n -E "(^|[^A-Za-z0-9_])$m[ 	]*\(" "$stub" | grep -v -E "^[0-9]+:[ 	]*(/?\*|//)" |
                sed -n 's/^\([0-9]*\):.*/\1/p' | tail -n 1)
            caller=
            if [ -n "$line" ]; then
                caller=$(awk -v n="$line" 'NR > n { exit }
                    /^[A-Za-z_]/ && match($0, /[A-Za-z_][A-Za-z0-9_]*[ \t]*\(/) {
                        f = substr($0, RSTART, RLENGTH); sub(/[ \t]*\($/, "", f) }
                    END { print f }' "$stub")
                functions "$object" | grep -qx "$caller" || caller=
            fi
            who="your code in ${stub##*/}"
            [ -z "$caller" ] || who="your $caller()"
            stand_in "$object" "$who calls $m(), which is not defined anywhere ($stub${line:+:$line})"
            break
        done
    done
fi
# the table, from the objects as they now are: "OBJECT FUNCTION" lines
[ -n "${listing:-}" ] && [ -z "${replaced:-}" ] || list_symbols "$@"
table=$(printf '%s\n' "$listing" | awk -v stubs=" $* " '$2 == "T" && index(stubs, " " $1 " ") { print $1, $3 }')
functions() { printf '%s\n' "$table" | while read -r where name; do [ "$where" != "$1" ] || echo "$name"; done; }

{
    echo '/* Written by tests/stubs.sh: the functions of the exercise stubs. */'
    echo '#include "harness.h"'
    echo
    for object in "$@"; do
        for f in $(functions "$object"); do echo "void $f(void);"; done
    done
    echo
    echo 'const struct stub_function stub_functions[] = {'
    for object in "$@"; do
        stub=$(stub_of "$object")
        for f in $(functions "$object"); do
            broken=NULL
            if [ -s "$object.unlinked" ]; then
                broken=$(head -n 1 "$object.unlinked")
            elif [ -s "$object.broken" ]; then
                broken="your $f() does not compile: $(head -n 1 "$object.broken") (every message: $object.log)"
            fi
            [ "$broken" = NULL ] || broken="\"$(printf '%s' "$broken" | sed 's/\\/\\\\/g; s/"/\\"/g')\""
            echo "    {\"$f\", \"$stub\", $broken, (uintptr_t)$f},"
        done
    done
    echo '    {NULL, NULL, NULL, 0},'
    echo '};'
} >"$out.tmp"
mv "$out.tmp" "$out"
