# tests/03-when-to-stop.sh: build/ch03 on good and bad command lines.
. tests/cli.sh
ch03=$BUILD/ch03
expect_exit 0 "the chapter's tables" "$ch03"
expect_exit 0 "help" "$ch03" --help
expect_help "$ch03"
expect_output_lost "$ch03"
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
expect_usage_error "--values with --csv, as ch01, ch02, ch04 and ch05 refuse" "$ch03" --values --csv /tmp
expect_usage_error "--csv with --values" "$ch03" --csv /tmp --values
expect_says 2 "--csv does not go with --values, which prints only the numbers the chapter quotes" \
    "--values beside --csv: the one wording of every program (values_not_with)" "$ch03" --csv /tmp --values
expect_usage_error "missing folder" "$ch03" --csv
expect_usage_error "unwritable csv folder" "$ch03" --csv /nonexistent/folder

# The lab's chapter-3 flags (shared/lab.md, part 2; 03-when-to-stop/lab_flags.h).
descent=$BUILD/descent
"$descent" --function quadratic:1,10 --x0 10,1 --line-search exact --steps 3 >"$cli_out" 2>"$cli_err"
if [ $? -eq 0 ] && [ "$(head -n 1 "$cli_out")" = "step,loss,x1,x2,alpha" ] &&
   sed -n 2p "$cli_out" | grep -q '^0,55,10,1,$' &&
   awk -F, 'NR > 2 { d = $5 - 2 / 11; if (d < 0) d = -d; if (d > 1e-15) bad = 1 }
            NR == 5 { d = $2 - 2657205 / 161051; if (d < 0) d = -d; if (d > 1e-12) bad = 1 }
            END { exit bad || NR != 5 }' "$cli_out"; then
    cli_passed=$((cli_passed + 1))
else
    cli_fail "lab: exact line search from (10, 1) takes alpha = 2/11 three times"
fi
"$descent" --function rosenbrock --line-search armijo --lr 1 --steps 100000 --tol 1e-6 --every 100000 >"$cli_out" 2>"$cli_err"
if [ $? -eq 0 ] && grep -q '^descent: stopped at step 17680: ||grad f|| = .* < --tol 1e-06$' "$cli_err" &&
   tail -n 1 "$cli_out" | grep -q '^17680,.*,0.001953125$'; then
    cli_passed=$((cli_passed + 1))
else
    cli_fail "lab: Armijo on Rosenbrock stops by --tol at step 17680, as build/ch03 counts"
fi
"$descent" --data tests/A-lab/good/crlf-no-final-newline.csv --line-search exact --steps 4 >"$cli_out" 2>"$cli_err"
if [ $? -eq 0 ] && head -n 1 "$cli_out" | grep -q ',b,alpha$'; then
    cli_passed=$((cli_passed + 1))
else
    cli_fail "lab: exact line search on full-batch data, with an alpha column"
fi
expect_exit 0 "lab: Armijo on mini-batches" "$descent" --data tests/A-lab/good/crlf-no-final-newline.csv --line-search armijo --lr 1 --batch 1 --steps 20
expect_exit 0 "lab: --tol with Adam" "$descent" --function rosenbrock --optimizer adam --lr 0.05 --steps 100000 --tol 1e-4
expect_exit 0 "lab: Armijo at the minimum stops at once" "$descent" --function quadratic:1,10 --x0 0,0 --line-search armijo
expect_says 2 "--line-search: unknown line search 'wolfe' (known: armijo, exact)" \
    "lab: an unknown line search, in the words of every unknown name" "$descent" --function booth --line-search wolfe
expect_usage_error "lab: exact search on Rosenbrock" "$descent" --function rosenbrock --line-search exact
expect_usage_error "lab: exact search on mini-batches" "$descent" --data tests/A-lab/good/crlf-no-final-newline.csv --batch 1 --line-search exact
expect_usage_error "lab: a search with Adam" "$descent" --function quadratic:1,10 --optimizer adam --line-search armijo
expect_usage_error "lab: a search with momentum" "$descent" --function quadratic:1,10 --momentum 0.9 --line-search armijo
expect_usage_error "lab: --backtrack without a search" "$descent" --function quadratic:1,10 --backtrack 0.5
expect_usage_error "lab: --armijo-c with exact" "$descent" --function quadratic:1,10 --line-search exact --armijo-c 0.1
expect_usage_error "lab: --backtrack 1" "$descent" --function quadratic:1,10 --line-search armijo --backtrack 1
expect_usage_error "lab: --armijo-c 0" "$descent" --function quadratic:1,10 --line-search armijo --armijo-c 0
expect_usage_error "lab: unknown search" "$descent" --function quadratic:1,10 --line-search newton
expect_usage_error "lab: --tol 0" "$descent" --function quadratic:1,10 --tol 0
expect_usage_error "lab: --tol twice" "$descent" --function quadratic:1,10 --tol 1e-3 --tol 1e-4

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
