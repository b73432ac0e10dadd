#!/bin/sh
# stubs.sh OUT OBJECT...: the table of the learner's functions (see
# tests/harness.h) for a build/tests/NN-slug-yours program.  OBJECT is
# BUILD/obj/yours/chapters/NN-slug/exercise_WHAT.o, compiled from the stub,
# or from the reference answer as a stand-in when the stub does not compile
# (then OBJECT.broken holds the first compiler error).
set -eu
out=$1
shift
# One nm for every object (each start of nm costs more than reading one
# of them): its lines are "OBJECT:ADDRESS TYPE NAME".
symbols=
[ $# -eq 0 ] || symbols=$(${NM:-nm} -A -g --defined-only "$@")
functions() {    # functions OBJECT: the functions OBJECT defines
    printf '%s\n' "$symbols" | while read -r where type name; do
        case $where in "$1":*) [ "$type" != T ] || echo "$name" ;; esac
    done
}
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
        stub=${object#*/obj/yours/}
        stub=${stub%.o}.c
        broken=NULL
        if [ -s "$object.broken" ]; then
            broken="\"$(head -n 1 "$object.broken" | sed 's/\\/\\\\/g; s/"/\\"/g') (every message: $object.log)\""
        fi
        for f in $(functions "$object"); do
            echo "    {\"$f\", \"$stub\", $broken, (uintptr_t)$f},"
        done
    done
    echo '    {NULL, NULL, NULL, 0},'
    echo '};'
} >"$out.tmp"
mv "$out.tmp" "$out"
