# cli.sh: helpers for the command-line tests (tests/NN-slug.sh), sourced
# with `. tests/cli.sh`.  Each check runs a program, captures its stdout,
# stderr and exit status, and counts a pass or a failure; `cli_summary NAME`
# prints "NAME: N passed, N failed" (the line `make check` adds up) and
# returns non-zero if anything failed.
: "${BUILD:=build}"
cli_passed=0 cli_failed=0
cli_out=$(mktemp) cli_err=$(mktemp)
trap 'rm -f "$cli_out" "$cli_err"' EXIT

cli_fail() {
    cli_failed=$((cli_failed + 1))
    printf 'FAIL: %s\n' "$*"
    sed 's/^/  stdout: /' "$cli_out" | head -n 5
    sed 's/^/  stderr: /' "$cli_err" | head -n 5
}

# one_line FILE: FILE holds exactly one line, as wc -l counts them (one
# newline), read with the shell's own read rather than a wc for each check:
# the first read succeeds on a whole line, the second on another.  The line
# is left in cli_line, what follows it in cli_rest.
one_line() {
    cli_line= cli_rest=
    { IFS= read -r cli_line && ! IFS= read -r cli_rest; } <"$1"
}

# one_line_says TEXT: TEXT is in the line one_line read (or, as grep would
# find it, in an unfinished line after it).
one_line_says() {
    case $cli_line in *"$1"*) return 0 ;; esac
    case $cli_rest in *"$1"*) return 0 ;; esac
    return 1
}

# expect_usage_error WHAT PROGRAM ARGS...: exit 2, nothing on stdout, one
# line on stderr.
expect_usage_error() {
    what=$1; shift
    "$@" >"$cli_out" 2>"$cli_err"; rc=$?
    if [ $rc -ne 2 ]; then cli_fail "$what: exit $rc, expected 2 ($*)"; return; fi
    if [ -s "$cli_out" ]; then cli_fail "$what: printed on stdout ($*)"; return; fi
    if ! one_line "$cli_err"; then cli_fail "$what: stderr is not one line ($*)"; return; fi
    cli_passed=$((cli_passed + 1))
}

# expect_says CODE TEXT WHAT PROGRAM ARGS...: exit CODE, and TEXT (fixed,
# not a pattern) on stdout or stderr: the words a message must carry, or
# the cell a table must show.  Also checks that stderr is at most one line.
expect_says() {
    code=$1 text=$2 what=$3; shift 3
    "$@" >"$cli_out" 2>"$cli_err"; rc=$?
    if [ $rc -ne "$code" ]; then cli_fail "$what: exit $rc, expected $code ($*)"; return; fi
    if [ "$(wc -l <"$cli_err")" -gt 1 ]; then cli_fail "$what: stderr is more than one line ($*)"; return; fi
    if ! grep -qF -e "$text" "$cli_out" "$cli_err"; then
        cli_fail "$what: '$text' is not in the output ($*)"; return
    fi
    cli_passed=$((cli_passed + 1))
}

# expect_not_says CODE TEXT WHAT PROGRAM ARGS...: exit CODE, and TEXT
# nowhere in stdout or stderr (a message that must not mislead).
expect_not_says() {
    code=$1 text=$2 what=$3; shift 3
    "$@" >"$cli_out" 2>"$cli_err"; rc=$?
    if [ $rc -ne "$code" ]; then cli_fail "$what: exit $rc, expected $code ($*)"; return; fi
    if grep -qF -e "$text" "$cli_out" "$cli_err"; then
        cli_fail "$what: '$text' is in the output ($*)"; return
    fi
    cli_passed=$((cli_passed + 1))
}

# expect_exit CODE WHAT PROGRAM ARGS...: the exit status, and no nan or
# inf anywhere in the output.
expect_exit() {
    code=$1 what=$2; shift 2
    "$@" >"$cli_out" 2>"$cli_err"; rc=$?
    if [ $rc -ne "$code" ]; then cli_fail "$what: exit $rc, expected $code ($*)"; return; fi
    if grep -qiE '(^|[^a-z])(nan|inf)([^a-z]|$)' "$cli_out"; then
        cli_fail "$what: nan or inf in the output ($*)"; return
    fi
    cli_passed=$((cli_passed + 1))
}

# expect_help PROGRAM: --help exits 0 and ends with the exit statuses in
# the words every program of the book uses (args.c's exit_status_help).
expect_help() {
    "$@" --help >"$cli_out" 2>"$cli_err"; rc=$?
    if [ $rc -ne 0 ]; then cli_fail "help: exit $rc, expected 0 ($*)"; return; fi
    if ! grep -qxF 'Exit status: 0 the run finished; 2 bad usage or input (one line on stderr,' "$cli_out" ||
       ! grep -qxF 'nothing else printed); 3 the run diverged (the finite rows, then a line on stderr).' "$cli_out"; then
        cli_fail "help: the exit statuses are not in the book's words ($*)"; return
    fi
    cli_passed=$((cli_passed + 1))
}

# expect_output_lost PROGRAM ARGS...: with stdout on a full disk
# (/dev/full, where there is one) the program must not exit 0 as if its
# rows were written: exit 2 and one line on stderr (fail.c checks stdout at exit).
expect_output_lost() {
    [ -w /dev/full ] || return 0
    "$@" >/dev/full 2>"$cli_err"; rc=$?
    : >"$cli_out"
    if [ $rc -ne 2 ]; then cli_fail "a full disk: exit $rc, expected 2 ($*)"; return; fi
    if ! one_line "$cli_err" || ! one_line_says 'writing standard output failed'; then
        cli_fail "a full disk: stderr is not the one line 'writing standard output failed' ($*)"; return
    fi
    cli_passed=$((cli_passed + 1))
}

# unwritable_folder: print a folder that refuses new files (for a user, /;
# for root, whom permissions do not stop, /sys, which takes no new files),
# or nothing, with a note on stderr, when there is none here.
unwritable_folder() {
    if [ ! -w / ]; then echo /; return; fi
    if [ -d /sys ] && ! (: >/sys/.descent-probe) 2>/dev/null; then echo /sys; return; fi
    rm -f /sys/.descent-probe
    echo "note: no folder here refuses new files: the unwritable-folder checks are skipped" >&2
}

cli_summary() {
    echo "$1: $cli_passed passed, $cli_failed failed"
    [ "$cli_failed" -eq 0 ]
}

# The first Python that can import torch (Debian's python3-torch installs
# into /usr/bin/python3), or nothing.  The comparisons take seconds each, so
# they run only when asked: DESCENT_TORCH=1 make check (CI asks).
torch_python() {
    [ -n "${DESCENT_TORCH:-}" ] || return 0
    for candidate in ${DESCENT_PYTHON:-} /usr/bin/python3 python3; do
        if "$candidate" -c 'import torch' >/dev/null 2>&1; then
            echo "$candidate"
            return
        fi
    done
}

# expect_pytorch_agrees WHAT SCRIPT ARGS...: a chapter's pytorch_check.py,
# which exits 0 when the book's numbers match torch.optim's.  It runs only
# under DESCENT_TORCH=1 (otherwise it is skipped, and says so), and then a
# missing PyTorch is a failure: CI asks for the comparison and must get it.
# DESCENT_PYTHON=/path/to/python picks the interpreter.
expect_pytorch_agrees() {
    what=$1; shift
    python=$(torch_python)
    if [ -z "$python" ]; then
        if [ -n "${DESCENT_TORCH:-}" ]; then
            : >"$cli_out"
            echo "DESCENT_TORCH=1 but no Python here imports torch (tried ${DESCENT_PYTHON:-}" \
                "/usr/bin/python3, python3): install python3-torch" >"$cli_err"
            cli_fail "$what"
        else
            echo "$what: skipped (DESCENT_TORCH=1 make check runs it, with python3-torch)"
        fi
        return
    fi
    if "$python" "$@" >"$cli_out" 2>"$cli_err"; then
        cli_passed=$((cli_passed + 1))
    else
        cli_fail "$what"
    fi
    cat "$cli_out"
}
