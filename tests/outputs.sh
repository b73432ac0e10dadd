#!/bin/sh
# outputs.sh: every command whose output the book shows, run by make once
# per build of its program (and of the data and scripts it may read), in
# parallel with everything else, into BUILD/outputs; the weaver (weave
# --outputs) and the figures (tests/draw.sh) read them from there, so a
# long run is made once and a change to one chapter's program runs that
# chapter's commands only.
#
#   outputs.sh list      KEY, CHAPTER, FIGURE and COMMAND of each, tab
#                        separated: the commands of every "<!-- output ...:
#                        COMMAND -->" and "<!-- values: COMMAND -->" line of
#                        chapters/*/README.md and solutions/*.md, and of every
#                        "# data: COMMAND --csv DATA" line of plots/*.gp
#                        (FIGURE is 1 for those: they run with --csv into
#                        BUILD/data/CHAPTER, which must not change what
#                        they print)
#   outputs.sh rules     that list as make rules (the Makefile includes them
#                        from BUILD/outputs.mk, and keeps the list in
#                        BUILD/outputs/commands)
#   outputs.sh run KEY   run one into BUILD/outputs/KEY (stdout and stderr,
#                        as the weaver shows them) and KEY.status (its exit
#                        status, which the weaver checks); a figure's command
#                        that fails fails here
#
# KEY is the command with every character but letters, digits, '.', '_'
# and '-' as '_' (weave.c's add_output computes the same).  Commands run
# from the top of the repository, with LC_ALL=C and "build/" at the start
# of a word replaced by BUILD.
set -u
: "${BUILD:=build}"
mode=${1:-}

list() {
    for gp in plots/*.gp; do
        [ -f "$gp" ] || continue
        chapter=${gp#plots/}; chapter=${chapter%.gp}
        sed -n 's/^# data: \(.*\) --csv DATA$/\1/p' "$gp" | while IFS= read -r command; do
            printf '%s\t%s\t1\t%s\n' "$(printf '%s' "$command" | sed 's/[^A-Za-z0-9._-]/_/g')" "$chapter" "$command"
        done
    done
    for md in chapters/*/README.md solutions/*.md; do
        [ -f "$md" ] || continue
        case $md in
            chapters/*) chapter=${md#chapters/}; chapter=${chapter%/README.md} ;;
            *) chapter=${md#solutions/}; chapter=${chapter%.md} ;;
        esac
        awk '/^```/ { fence = !fence }
             /^<!-- output/ || (!fence && /^<!-- values: /) {
                 line = $0
                 sub(/^[^:]*: */, "", line)
                 end = index(line, " -->"); if (end == 0) next
                 print substr(line, 1, end - 1)
             }' "$md" | while IFS= read -r command; do
            printf '%s\t%s\t0\t%s\n' "$(printf '%s' "$command" | sed 's/[^A-Za-z0-9._-]/_/g')" "$chapter" "$command"
        done
    done
}

case $mode in
    list)
        # A figure's command first: it is the one that runs when a chapter
        # also shows its output.
        list | awk -F '\t' '!seen[$1]++'
        ;;
    rules)
        mkdir -p "$BUILD/outputs"
        list >"$BUILD/outputs/all.tmp"
        awk -F '\t' '!seen[$1]++' "$BUILD/outputs/all.tmp" >"$BUILD/outputs/commands.tmp"
        echo "# Written by tests/outputs.sh rules from the book's commands: do not edit."
        # What each chapter shows or draws (a command two chapters show is in both).
        awk -F '\t' '!seen[$1 FS $2]++ {
            print "OUTPUTS_" $2 " += $(BUILD)/outputs/" $1
            if ($3 == 1) print "FIGURE_OUTPUTS_" $2 " += $(BUILD)/outputs/" $1
        }' "$BUILD/outputs/all.tmp"
        rm -f "$BUILD/outputs/all.tmp"
        while IFS="$(printf '\t')" read -r key chapter figure command; do
            programs=$(printf '%s\n' "$command" | tr " |;&()<>='\"" '\n\n\n\n\n\n\n\n\n\n\n' |
                sed -n 's|^build/\([A-Za-z0-9._-]*\)$|$(BUILD)/\1|p' | sort -u | tr '\n' ' ')
            echo "\$(BUILD)/outputs/$key: $programs\$(OUTPUT_READS) tests/outputs.sh | deps"
            printf '\t$(Q)BUILD='"'"'$(BUILD)'"'"' sh tests/outputs.sh run %s\n' "$key"
        done <"$BUILD/outputs/commands.tmp"
        mv "$BUILD/outputs/commands.tmp" "$BUILD/outputs/commands"
        ;;
    run)
        key=${2:?usage: outputs.sh run KEY}
        tab=$(printf '\t')
        line=$(grep -m 1 "^$key$tab" "$BUILD/outputs/commands") ||
            { echo "outputs.sh: no command has the key $key (make remakes $BUILD/outputs.mk)" >&2; exit 2; }
        IFS=$tab read -r key chapter figure command <<EOF
$line
EOF
        run=$(printf '%s\n' "$command" | sed "s#\(^\|[ |;&(=<>'\"]\)build/#\1$BUILD/#g")
        if [ "$figure" = 1 ]; then
            mkdir -p "$BUILD/data/$chapter"
            run="$run --csv '$BUILD/data/$chapter'"
        fi
        out=$BUILD/outputs/$key
        [ "${V:-0}" != 1 ] || echo "LC_ALL=C sh -c \"$run\" >$out.tmp 2>&1" >&2
        LC_ALL=C sh -c "$run" >"$out.tmp" 2>&1
        status=$?
        if [ "$figure" = 1 ] && [ $status -ne 0 ]; then
            echo "outputs.sh: the data for plots/$chapter.gp: $command --csv DATA exited with $status:" >&2
            cat "$out.tmp" >&2
            rm -f "$out.tmp" "$out" "$out.status"
            exit 1
        fi
        echo $status >"$out.status"
        mv "$out.tmp" "$out"
        ;;
    *)
        echo "usage: outputs.sh list | rules | run KEY" >&2
        exit 2
        ;;
esac
