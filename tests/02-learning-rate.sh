# tests/02-learning-rate.sh: build/ch02 on good and bad command lines.
. tests/cli.sh
ch02=$BUILD/ch02
expect_exit 0 "the chapter's tables" "$ch02"
expect_exit 0 "help" "$ch02" --help
expect_help "$ch02"
expect_output_lost "$ch02"
expect_exit 0 "one run" "$ch02" --lr 0.05 --steps 50 --every 10
expect_exit 0 "a 2-D function" "$ch02" --lr 0.001 --function rosenbrock --steps 100 --every 50
expect_exit 3 "divergence ends with the finite rows" "$ch02" --function quadratic:1,10 --lr 0.21 --steps 10000
expect_says 3 "ch02: diverged at step 3712: f or x overflowed" \
    "a divergence: the step named as every program names it" "$ch02" --function quadratic:1,10 --lr 0.21 --steps 10000
expect_exit 3 "huge steps diverge at once" "$ch02" --function booth --lr 1000 --steps 100
expect_usage_error "unknown function" "$ch02" --lr 0.1 --function parabola
expect_usage_error "bad function parameters" "$ch02" --lr 0.1 --function rosenbrock:1
expect_usage_error "wrong start dimension" "$ch02" --lr 0.1 --x0 1,2
expect_says 2 "--x0: 2 values given, the objective has 1 parameter" \
    "wrong start dimension: the lab's words" "$ch02" --lr 0.1 --x0 1,2
expect_usage_error "malformed start" "$ch02" --lr 0.1 --x0 1,,2
# a function whose own start overflows blames --function, not the --x0 not given
expect_usage_error "overflowing constants" "$ch02" --lr 0.001 --function rosenbrock:1e200,100
if grep -q -e '--function rosenbrock:1e200,100: f is not finite' "$cli_err" && ! grep -q -e '^ch02: --x0' "$cli_err"
then cli_passed=$((cli_passed + 1)); else cli_fail "overflowing constants: blame --function"; fi
expect_usage_error "an overflowing start" "$ch02" --lr 0.001 --function rosenbrock --x0 1e200,1
if grep -q -e '^ch02: --x0: f is not finite' "$cli_err"
then cli_passed=$((cli_passed + 1)); else cli_fail "an overflowing start: blame --x0"; fi
expect_usage_error "zero rate" "$ch02" --lr 0
expect_usage_error "infinite rate" "$ch02" --lr inf
expect_usage_error "zero every" "$ch02" --lr 0.1 --every 0
expect_usage_error "unknown flag (the old name of --lr)" "$ch02" --eta 0.1
expect_usage_error "a repeated flag" "$ch02" --lr 0.1 --steps 5 --lr 0.2
expect_usage_error "a run's flag without --lr" "$ch02" --steps 5
expect_usage_error "--csv with --lr" "$ch02" --lr 0.1 --csv /tmp
expect_exit 0 "the prose's numbers" "$ch02" --values
expect_usage_error "--values with another flag" "$ch02" --values --csv /tmp
expect_says 2 "--csv does not go with --values, which prints only the numbers the chapter quotes" \
    "--values beside --csv: the one wording of every program (values_not_with)" "$ch02" --values --csv /tmp
cli_summary ch02
