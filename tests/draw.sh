#!/bin/sh
# draw.sh CHAPTER OUT: a chapter's figures.  The chapter's program writes
# its figure data as CSV into $BUILD/data/CHAPTER, then plots/CHAPTER.gp
# draws SVG files into OUT (the Makefile draws into build/figures/CHAPTER
# and `make plots` copies them into plots/CHAPTER for the book).
#
# The data commands are the script's lines "# data: COMMAND --csv DATA"
# (build/ and DATA stand for $BUILD/ and the data folder), or else
# "PROGRAM --csv DATA".  A declared command's output, which --csv must not
# change, is kept in $BUILD/outputs for the weaver (weave --outputs): a
# chapter whose output shows a long run makes it once, here.
set -eu
: "${BUILD:=build}"
chapter=$1 out=$2
number=${chapter%%-*}
case $chapter in
    A-lab) program=build/descent ;;
    *) program=build/ch$number ;;
esac
data=$BUILD/data/$chapter
mkdir -p "$data" "$out" "$BUILD/outputs"
commands=$(sed -n 's/^# data: //p' "plots/$chapter.gp")
if [ -z "$commands" ]; then
    BUILD_PROGRAM=$BUILD/${program#build/}
    "$BUILD_PROGRAM" --csv "$data" >/dev/null
else
    echo "$commands" | while IFS= read -r command; do
        case $command in
            *" --csv DATA") ;;
            *) echo "draw.sh: plots/$chapter.gp: a data command ends in --csv DATA: $command" >&2
               exit 2 ;;
        esac
        shown=${command% --csv DATA}
        key=$(printf '%s' "$shown" | sed 's/[^A-Za-z0-9._-]/_/g')
        run="$BUILD/${command#build/}"
        run=$(printf '%s' "$run" | sed "s|DATA\$|'$data'|")
        if ! LC_ALL=C sh -c "$run" >"$BUILD/outputs/$key.tmp" 2>&1; then
            cat "$BUILD/outputs/$key.tmp" >&2
            rm -f "$BUILD/outputs/$key.tmp"
            exit 1
        fi
        mv "$BUILD/outputs/$key.tmp" "$BUILD/outputs/$key"
    done
fi
gnuplot -e "data='$data'; out='$out'" "plots/$chapter.gp"
