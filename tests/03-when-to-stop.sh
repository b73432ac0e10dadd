# tests/03-when-to-stop.sh: build/ch03 on good and bad command lines.
. tests/cli.sh
ch03=$BUILD/ch03
expect_exit 0 "the chapter's tables" "$ch03"
expect_exit 0 "help" "$ch03" --help
expect_exit 0 "the prose's values" "$ch03" --values
# every --values line is "name value", one word each, names unique
"$ch03" --values >"$cli_out" 2>"$cli_err"
if awk 'NF != 2 || seen[$1]++ { bad = 1 } END { exit bad }' "$cli_out"; then
    cli_passed=$((cli_passed + 1))
else
    cli_fail "--values prints one name and one value per line, names unique"
fi
expect_usage_error "unknown flag" "$ch03" --lr 0.1
expect_usage_error "repeated flag" "$ch03" --values --values
expect_usage_error "missing folder" "$ch03" --csv
expect_usage_error "unwritable csv folder" "$ch03" --csv /nonexistent/folder

# The comparison with scipy.optimize.line_search runs when asked,
# DESCENT_SCIPY=1 make check, with Debian's python3-scipy (/usr/bin/python3).
# Asked for and SciPy missing is a failure, not a skip.
if [ -n "${DESCENT_SCIPY:-}" ]; then
    scipy_python=
    for candidate in /usr/bin/python3 python3; do
        if "$candidate" -c 'import scipy' >/dev/null 2>&1; then scipy_python=$candidate; break; fi
    done
    if [ -z "$scipy_python" ]; then
        cli_failed=$((cli_failed + 1))
        echo "FAIL: DESCENT_SCIPY=1 but no python3 can import scipy (apt-get install python3-scipy)"
    elif "$scipy_python" chapters/03-when-to-stop/scipy_check.py "$BUILD" >"$cli_out" 2>"$cli_err"; then
        cli_passed=$((cli_passed + 1)); cat "$cli_out"
    else
        cli_fail "line searches against scipy.optimize.line_search"
    fi
else
    echo "scipy comparison: skipped (DESCENT_SCIPY=1 make check runs it, with python3-scipy)"
fi
cli_summary ch03
