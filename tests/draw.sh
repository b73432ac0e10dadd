#!/bin/sh
# draw.sh CHAPTER OUT: a chapter's figures.  The chapter's program writes
# its figure data as CSV into $BUILD/data/CHAPTER, then plots/CHAPTER.gp
# draws SVG files into OUT (the Makefile draws into build/figures/CHAPTER
# and `make plots` copies them into plots/CHAPTER for the book).
#
# The data commands are the script's lines "# data: COMMAND --csv DATA"
# (build/ and DATA stand for $BUILD/ and the data folder): make runs them
# before this script, as outputs (tests/outputs.sh), so that the weaver can
# show what they print without running them again.  Without such lines,
# "PROGRAM --csv DATA" runs here.
set -eu
: "${BUILD:=build}"
chapter=$1 out=$2
number=${chapter%%-*}
case $chapter in
    A-lab) program=build/descent ;;
    *) program=build/ch$number ;;
esac
data=$BUILD/data/$chapter
mkdir -p "$data" "$out"
[ "${V:-0}" != 1 ] || set -x     # make V=1 (the Makefile shows this log then)
if ! grep -q '^# data: ' "plots/$chapter.gp"; then
    "$BUILD/${program#build/}" --csv "$data" >/dev/null
fi
gnuplot -e "data='$data'; out='$out'" "plots/$chapter.gp"
