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

# One awk reads every script and chapter (a process or two per command
# would be hundreds of them, a second of CPU, on every change to a chapter).
# The key is made byte by byte, as weave.c makes it.
list() {
    set -- plots/*.gp chapters/*/README.md solutions/*.md
    files=
    for f; do [ -f "$f" ] && files="$files $f"; done
    [ -n "$files" ] || return 0
    awk '
        function key(command,    k) { k = command; gsub(/[^A-Za-z0-9._-]/, "_", k); return k }
        function emit(figure, command) { printf "%s\t%s\t%s\t%s\n", key(command), chapter, figure, command }
        FNR == 1 {
            chapter = FILENAME; fence = 0
            gp = sub(/^plots\//, "", chapter) && sub(/\.gp$/, "", chapter)
            if (!gp) { sub(/^chapters\//, "", chapter); sub(/\/README\.md$/, "", chapter)
                       sub(/^solutions\//, "", chapter); sub(/\.md$/, "", chapter) }
        }
        gp {
            if ($0 ~ /^# data: .* --csv DATA$/) emit(1, substr($0, 9, length($0) - 19))
            next
        }
        /^```/ { fence = !fence }
        /^<!-- output/ || (!fence && /^<!-- values: /) {
            line = $0
            sub(/^[^:]*: */, "", line)
            end = index(line, " -->"); if (end == 0) next
            emit(0, substr(line, 1, end - 1))
        }' $files
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
        # Each command's rule: it depends on the programs it names (its words
        # build/NAME, split at blanks and the shell's operators and quotes).
        awk -F '\t' '{
            key = $1; command = $0; sub(/^[^\t]*\t[^\t]*\t[^\t]*\t/, "", command)
            n = split(command, words, /[ |;&()<>='"'"'"]/); count = 0; programs = ""
            for (i = 1; i <= n; i++)
                if (words[i] ~ /^build\/[A-Za-z0-9._-]*$/) {
                    name = "$(BUILD)/" substr(words[i], 7)
                    for (j = 1; j <= count && sorted[j] != name; j++) ;
                    if (j > count) sorted[++count] = name
                }
            for (i = 2; i <= count; i++)        # sorted, as sort -u in the C locale
                for (j = i; j > 1 && sorted[j - 1] > sorted[j]; j--) {
                    t = sorted[j]; sorted[j] = sorted[j - 1]; sorted[j - 1] = t
                }
            for (i = 1; i <= count; i++) programs = programs sorted[i] " "
            print "$(BUILD)/outputs/" key ": " programs "$(OUTPUT_READS) tests/outputs.sh | deps"
            printf "\t$(Q)BUILD='"'"'$(BUILD)'"'"' sh tests/outputs.sh run %s\n", key
        }' "$BUILD/outputs/commands.tmp"
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
        case $BUILD in
            build) run=$command ;;      # build/ for build/: nothing to replace
            *) run=$(printf '%s\n' "$command" | sed "s#\(^\|[ |;&(=<>'\"]\)build/#\1$BUILD/#g") ;;
        esac
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
