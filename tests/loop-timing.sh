#!/bin/sh
# loop-timing.sh [RUNS]: how long the learner's loop takes on this machine,
# in a fresh clone of the committed tree (so nothing here is touched):
#   - `make check` on the fresh clone, from nothing built
#   - `make check` again with nothing changed
#   - `make check CH=N` after editing one exercise stub, for every chapter
#     with exercises (the edit: a comment line appended, then taken away)
# Each is run RUNS times (default 3; the fresh clone once per run) and the
# median is printed with every run's time, and the median processor time
# (user + system, all processes: on an idle machine with N cores the wall
# time is about the larger of the longest single job and cpu/N).  Timings
# on a busy machine vary: quote medians, and say how loaded the machine was
# (printed before and after).
# Targets (issue 9): edited chapter <= 1 s, nothing changed <= 3 s, fresh
# clone <= 10 s, on 2 cores.
set -eu
runs=${1:-3}
top=$(pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

seconds() {     # seconds COMMAND...: wall-clock seconds of a quiet run
    if [ -x /usr/bin/time ]; then   # also the processor time, in cpu_total
        /usr/bin/time -f '%e %U %S' -o "$work/time" "$@" >/dev/null 2>&1 || true
        read -r wall user system <"$work/time"
        cpu_total="$cpu_total $(echo "$user $system" | awk '{ printf "%.2f", $1 + $2 }')"
        echo "$wall"
        return
    fi
    start=$(date +%s.%N)
    "$@" >/dev/null 2>&1 || true
    end=$(date +%s.%N)
    echo "$start $end" | awk '{ printf "%.2f", $2 - $1 }'
}
median() { tr ' ' '\n' | grep . | sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
report() {      # report WHAT TIMES...
    what=$1; shift
    printf '%-40s median %5s s wall, %5s s cpu   (wall: %s)\n' "$what" "$(echo "$*" | median)" \
        "$(echo "$cpu_total" | median)" "$*"
    cpu_total=
}
cpu_total=

echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo '?')"
fresh=
done_chapters=
for r in $(seq "$runs"); do
    rm -rf "$work/clone"
    git clone -q "$top" "$work/clone"
    cd "$work/clone"
    seconds make check >"$work/w"
    cd "$top"
    fresh="$fresh $(cat "$work/w")"
done
report "make check, fresh clone" $fresh
cd "$work/clone"
make check >/dev/null 2>&1 || true
same=
for r in $(seq "$runs"); do seconds make check >"$work/w"; same="$same $(cat "$work/w")"; done
report "make check, nothing changed" $same
for stub in chapters/*/exercise_*.c; do
    chapter=${stub#chapters/}; chapter=${chapter%%/*}
    case " $done_chapters " in *" $chapter "*) continue ;; esac
    done_chapters="${done_chapters:-} $chapter"
    times=
    for r in $(seq "$runs"); do
        cp "$stub" "$work/saved"
        echo "/* edited */" >>"$stub"
        seconds make check CH="${chapter%%-*}" >"$work/w"
        times="$times $(cat "$work/w")"
        cp "$work/saved" "$stub"
    done
    make check CH="${chapter%%-*}" >/dev/null 2>&1 || true
    report "make check CH=${chapter%%-*}, one stub edited" $times
done
echo "machine after: load average $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo '?')"
