# tests/01-update-rule.sh: build/ch01 on good and bad command lines.
. tests/cli.sh
ch01=$BUILD/ch01
expect_exit 0 "the chapter's run" "$ch01"
expect_exit 0 "help" "$ch01" --help
expect_help "$ch01"
expect_output_lost "$ch01"
expect_exit 0 "a bouncing rate" "$ch01" --lr 1 --steps 6
expect_exit 3 "a diverging rate stops before inf" "$ch01" --lr 10 --steps 1000
expect_says 3 "ch01: diverged at step 120: f(x) overflowed" \
    "a divergence: the step named as every program names it" "$ch01" --lr 10 --steps 1000
expect_usage_error "unknown flag" "$ch01" --speed 3
expect_usage_error "missing value" "$ch01" --lr
expect_usage_error "not a number" "$ch01" --lr fast
expect_usage_error "nan" "$ch01" --lr nan
expect_usage_error "negative rate" "$ch01" --lr -0.1
expect_usage_error "zero steps" "$ch01" --steps 0
expect_usage_error "too many steps" "$ch01" --steps 100000
expect_usage_error "steps past a long" "$ch01" --steps 99999999999999999999
if grep -q -e "--steps: 99999999999999999999 is too large: it must be in \\[1, 1000\\]$" "$cli_err"
then cli_passed=$((cli_passed + 1)); else cli_fail "steps past a long: say too large, not 'not a whole number'"; fi
expect_usage_error "fractional steps" "$ch01" --steps 2.5
expect_says 2 "--steps: '2.5' is not a whole number (write digits only, e.g. 100)" \
    "fractional steps: what to write, as for any other text that is not a whole number" "$ch01" --steps 2.5
expect_says 2 "--steps: ' 5' is not a whole number (write digits only, e.g. 100)" "a space before the steps: digits asked for" "$ch01" --steps ' 5'
expect_not_says 2 "0.5" "a whole-number flag never suggests a fraction" "$ch01" --steps ' 5'
expect_says 0 "" "steps written with an exponent" "$ch01" --steps 1e2
expect_usage_error "no such example" "$ch01" --example 3
expect_says 2 "--example: unknown example 'bgd' (known: 1, 2)" \
    "a named example: the choices, in every program's wording" "$ch01" --example bgd
expect_usage_error "unwritable csv folder" "$ch01" --csv /nonexistent/folder
# the toolkit's csv_create names a missing folder and what to do (every program)
if grep -q 'there is no folder /nonexistent/folder: create it first (mkdir -p /nonexistent/folder)$' "$cli_err"
then cli_passed=$((cli_passed + 1)); else cli_fail "a missing --csv folder: say to create it first"; fi
expect_usage_error "a file as the csv folder" "$ch01" --csv tests/01-update-rule.sh
if grep -q 'tests/01-update-rule.sh is a file, not a folder' "$cli_err"
then cli_passed=$((cli_passed + 1)); else cli_fail "a file given to --csv: say it is not a folder"; fi
expect_usage_error "the old name of --lr" "$ch01" --eta 0.1
expect_usage_error "a repeated flag" "$ch01" --lr 0.1 --lr 0.2
expect_usage_error "a repeated example" "$ch01" --example 1 --example 2
expect_usage_error "example 2 takes no --lr" "$ch01" --example 2 --lr 0.2
expect_usage_error "example 2 takes no --x0" "$ch01" --x0 1 --example 2
expect_exit 0 "the prose's numbers" "$ch01" --values
expect_usage_error "--values with another flag" "$ch01" --values --csv /tmp
expect_says 2 "--csv does not go with --values, which prints only the numbers the chapter quotes" \
    "--values beside --csv: the one wording of every program (values_not_with)" "$ch01" --values --csv /tmp
cli_summary ch01
