#!/bin/sh
# draw.sh CHAPTER OUT: a chapter's figures.  The chapter's program writes
# its figure data as CSV into $BUILD/data/CHAPTER (flag --csv), then
# plots/CHAPTER.gp draws SVG files into OUT (plots/CHAPTER for the book).
set -eu
: "${BUILD:=build}"
chapter=$1 out=$2
number=${chapter%%-*}
case $chapter in
    A-lab) program=$BUILD/descent ;;
    *) program=$BUILD/ch$number ;;
esac
data=$BUILD/data/$chapter
mkdir -p "$data" "$out"
"$program" --csv "$data" >/dev/null
gnuplot -e "data='$data'; out='$out'" "plots/$chapter.gp"
