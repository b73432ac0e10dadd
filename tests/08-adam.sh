#!/bin/sh
# tests/08-adam.sh: chapter 8's program on the command line, and its
# optimizers next to PyTorch's when a Python with torch is found.
. tests/cli.sh
ch08=$BUILD/ch08

expect_exit 0 "--help" "$ch08" --help
expect_help "$ch08"
expect_output_lost "$ch08"
expect_exit 0 "the numbers the text quotes" "$ch08" --values
expect_usage_error "--values with another flag" "$ch08" --values --example race
expect_says 2 "--example does not go with --values, which prints only the numbers the chapter quotes" \
    "--values beside --example: the one wording of every program (values_not_with)" "$ch08" --values --example race
expect_exit 0 "every worked example" "$ch08"
expect_exit 0 "the race on the saddle" "$ch08" --example race --function saddle
expect_usage_error "unknown flag" "$ch08" --bogus
expect_usage_error "unknown part" "$ch08" --example everything
expect_says 2 "--example: unknown example 'everything' (known: first-steps, bias, eps, amsgrad, decay, family, race, pytorch)" \
    "unknown example: the wording of every program" "$ch08" --example everything
expect_says 2 "--function: unknown function 'booth' (known: rosenbrock, beale, saddle)" \
    "unknown surface: the lab's wording for --function" "$ch08" --example race --function booth
expect_usage_error "unknown surface" "$ch08" --example race --function himmelblau
expect_usage_error "--function without the race" "$ch08" --function beale
expect_says 2 "--function applies to --example race only: give it too" \
    "--function without the race: the lab's 'applies to ... only', and what to add" "$ch08" --function beale
expect_usage_error "the old name of --example" "$ch08" --show bias
expect_usage_error "the old name of --function" "$ch08" --example race --surface beale
expect_usage_error "a repeated flag" "$ch08" --example bias --example eps
expect_usage_error "missing value" "$ch08" --example
expect_usage_error "csv to an empty path (it would write into /)" "$ch08" --csv ''
expect_usage_error "csv to a folder that does not exist, before any table" "$ch08" --csv /nonexistent/ch08

# PyTorch: the same five steps of each optimizer, float64, against
# build/ch08 --example pytorch to 1e-15; skipped when no Python has torch.
# The decay figure's data: the two Adam + L2 runs lie on plain Adam (to
# 1e-12, rounding) at every one of its 60 steps, and AdamW's does not.
figure_data=$(mktemp -d)
if ! "$ch08" --csv "$figure_data" >/dev/null 2>&1; then
    cli_fail "--csv $figure_data failed"
elif ! awk -F, 'NR > 1 { d1 = $3 - $2; d2 = $4 - $2; if (d1 < 0) d1 = -d1; if (d2 < 0) d2 = -d2
                         if (d1 > 1e-12 || d2 > 1e-12) exit 1; w = $5 - $2; if (w < 0) w = -w; if (w > far) far = w }
        END { if (far < 0.01) exit 1 }' "$figure_data/decay.csv"; then
    cli_fail "decay.csv: an Adam + L2 run leaves plain Adam's, or AdamW's does not"
else
    cli_passed=$((cli_passed + 1))
fi
# The race's loss figures share an axis down to 1e-35, and their labels say
# which runs leave it: on the saddle RMSprop (875 steps below 1e-35, from
# 393 to 1329, as low as 2e-323, 289 of them at 0 exactly), on Beale Adam
# (0 exactly at 30 steps, 1889 to 1997); no other run of the 18.
left=$(for surface in rosenbrock beale saddle; do
           for run in sgd momentum nesterov adagrad rmsprop adam; do
               awk -F, -v run="$surface $run" 'NR > 1 && $2 + 0 < 1e-35 {
                       n++; if (!first) first = $1; last = $1
                       if ($2 + 0 == 0) zeros++; else if (!low || $2 + 0 < low) low = $2 + 0 }
                   END { if (n) printf "%s: %d (%d-%d) low %.0e zeros %d; ", run, n, first, last, low, zeros }' \
                   "$figure_data/race_${surface}_$run.csv"
           done
       done)
if [ "$left" = "beale adam: 30 (1889-1997) low 0e+00 zeros 30; saddle rmsprop: 875 (393-1329) low 2e-323 zeros 289; " ]; then
    cli_passed=$((cli_passed + 1))
else
    cli_fail "race_*.csv: the runs below the loss figures' 1e-35 are '$left', not what their labels say"
fi
rm -rf "$figure_data"

expect_pytorch_agrees "the optimizers of chapter 8 against PyTorch's" chapters/08-adam/pytorch_check.py "$BUILD"

cli_summary 08-adam
