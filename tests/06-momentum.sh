# tests/06-momentum.sh: build/ch06 on good and bad command lines.
. tests/cli.sh
ch06=$BUILD/ch06
expect_exit 0 "the chapter's run" "$ch06"
expect_exit 0 "help" "$ch06" --help
expect_help "$ch06"
expect_output_lost "$ch06"
expect_exit 0 "the worked example alone" "$ch06" --example by-hand
expect_exit 0 "the rates alone" "$ch06" --example rates
expect_exit 0 "the numbers the prose quotes" "$ch06" --values
expect_usage_error "--values with another flag" "$ch06" --values --lr 0.01
expect_says 2 "--lr does not go with --values, which prints only the numbers the chapter quotes" \
    "--values beside --lr: the one wording of every program (values_not_with)" "$ch06" --values --lr 0.01
expect_exit 0 "a setting of your own" "$ch06" --lr 0.01 --momentum 0.9
expect_says 2 "--momentum describes a single run: give --lr too" \
    "a momentum without --lr: ch02's words for a run's flag alone" "$ch06" --momentum 0.9
expect_exit 0 "Nesterov of your own" "$ch06" --lr 0.01 --momentum 0.9 --nesterov --function quadratic:1,50
expect_exit 0 "dampening" "$ch06" --lr 0.01 --momentum 0.9 --dampening 0.5
expect_exit 0 "past the edge 2 + 2 beta: a rate above 1, measured" "$ch06" --lr 0.05 --momentum 0.9
expect_exit 3 "far past the edge it overflows, reported" "$ch06" --lr 0.5 --momentum 0.9
expect_says 3 "; this setting is stable only for --lr below 0.038" \
    "far past the edge: the edge as a value of the flag" "$ch06" --lr 0.5 --momentum 0.9
expect_usage_error "too fast to measure" "$ch06" --lr 0.9 --function quadratic:1,1.1
expect_usage_error "unknown flag" "$ch06" --speed 3
expect_usage_error "missing value" "$ch06" --lr
expect_usage_error "not a number" "$ch06" --lr fast
expect_usage_error "negative lr" "$ch06" --lr -0.1
expect_usage_error "momentum 1" "$ch06" --lr 0.01 --momentum 1
expect_usage_error "momentum without lr" "$ch06" --momentum 0.9
expect_usage_error "Nesterov without momentum" "$ch06" --lr 0.01 --nesterov
expect_usage_error "Nesterov with dampening" "$ch06" --lr 0.01 --momentum 0.9 --dampening 0.1 --nesterov
expect_says 2 "--nesterov needs --momentum above 0 and --dampening 0 (PyTorch: Nesterov momentum requires a momentum and zero dampening)" \
    "Nesterov without momentum: the lab's words (PyTorch's check, A-lab/kinds.c)" "$ch06" --lr 0.01 --nesterov
expect_usage_error "one curvature" "$ch06" --lr 0.01 --function quadratic:1
expect_usage_error "not a quadratic" "$ch06" --lr 0.01 --function rosenbrock
expect_usage_error "the old name of --function" "$ch06" --lr 0.01 --curvatures 1,50
expect_usage_error "a repeated flag" "$ch06" --lr 0.01 --momentum 0.9 --momentum 0.5
expect_usage_error "a repeated part" "$ch06" --example rates --example by-hand
expect_usage_error "an unknown part" "$ch06" --example theory
expect_says 2 "--example: unknown example 'theory' (known: by-hand, rates)" \
    "unknown example: the wording of every program" "$ch06" --example theory
expect_usage_error "the old --rates" "$ch06" --rates
expect_usage_error "a function without --lr" "$ch06" --function quadratic:1,50
expect_usage_error "zero curvature" "$ch06" --lr 0.01 --function quadratic:0,1
expect_usage_error "unwritable csv folder" "$ch06" --csv /nonexistent/folder
expect_usage_error "exactly 0 before the window: no rate to take" "$ch06" --lr 0.01 --function quadratic:100,100
expect_usage_error "--lr with --example" "$ch06" --example by-hand --lr 0.1
expect_usage_error "--lr with --example rates" "$ch06" --example rates --lr 0.01
# Numbers in messages and in the row of your own setting as given, never
# %f's 0.000000; the bound of --momentum as the help writes it, [0, 1).
expect_says 0 "your setting                        1 1e-300 " "a tiny lr shown as it is" "$ch06" --lr 1e-300 --function quadratic:1,1
expect_not_says 2 "0.000000" "a rate of 0 too fast to measure, not 0.000000" "$ch06" --lr 1 --function quadratic:1,1
expect_says 2 "--momentum: 1 is outside [0, 1)" "momentum 1: the help's [0, 1)" "$ch06" --lr 0.01 --momentum 1
expect_says 2 "--dampening: 1 is outside [0, 1)" "dampening 1: the help's [0, 1)" "$ch06" --lr 0.01 --momentum 0.5 --dampening 1
"$ch06" --lr 0.01 --function quadratic:100,1 >"$cli_out" 2>"$cli_err"
if grep -q '^your setting  *100 ' "$cli_out"; then
    cli_passed=$((cli_passed + 1))
else
    cli_fail "curvatures given as L,MU: kappa is still the larger over the smaller"
fi
# The last column of the rates table: every gap within 1.1% (see tests/06-momentum.c).
"$ch06" --example rates >"$cli_out" 2>"$cli_err"
if awk '/%$/ { g = $NF; sub(/%/, "", g); g += 0; if (g < -1.1 || g > 1.1) bad = 1; n++ }
        END { exit (n == 10 && !bad) ? 0 : 1 }' "$cli_out"; then
    cli_passed=$((cli_passed + 1))
else
    cli_fail "rates table: 10 rows, measured within 1.1% of theory"
fi

# The lab's SGD against torch.optim.SGD, if /usr/bin/python3 (Debian's
# python3-torch) or python3 can import torch; skipped otherwise.
expect_pytorch_agrees "sgd_kind against torch.optim.SGD" chapters/06-momentum/pytorch_check.py "$BUILD"
cli_summary ch06
