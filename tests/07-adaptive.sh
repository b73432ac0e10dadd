# tests/07-adaptive.sh: build/ch07 on good and bad command lines, and its
# optimizers against PyTorch when this machine has it.
. tests/cli.sh
ch07=$BUILD/ch07
expect_exit 0 "the comparison" "$ch07"
expect_exit 0 "help" "$ch07" --help
expect_exit 0 "the numbers the text quotes" "$ch07" --values
expect_usage_error "--values with another flag" "$ch07" --values --steps 3
expect_says 2 "--steps does not go with --values, which prints only the numbers the chapter quotes" \
    "--values beside --steps: the one wording of every program (values_not_with)" "$ch07" --values --steps 3
expect_help "$ch07"
expect_output_lost "$ch07"
expect_exit 0 "a worked table" "$ch07" --optimizer adagrad --lr 0.1 --steps 5
expect_exit 0 "centered RMSprop with momentum" "$ch07" --optimizer rmsprop --centered --momentum 0.9
# every step as CSV is the lab's output (the text's command), not ch07's
expect_exit 0 "every step of a run, in the lab" "$BUILD/descent" --function quadratic:1,100 --optimizer adagrad --lr 0.5 --steps 30
expect_usage_error "the old --trace, now the lab's output" "$ch07" --optimizer adadelta --steps 100 --trace
expect_exit 0 "other curvatures and start" "$ch07" --function quadratic:4,0.5 --x0 -2,3
# the lab's words for a start of the wrong length, ch06's for a curvature
expect_says 2 "--x0: 3 values given, the objective has 2 parameters" \
    "a start of three coordinates" "$ch07" --optimizer sgd --x0 1,2,3
expect_says 2 "--x0: 1 value given, the objective has 2 parameters" \
    "a start of one coordinate" "$ch07" --optimizer sgd --x0 1
expect_says 2 "--function: curvatures must lie in (0, 1e6], not 'quadratic:0,1'" \
    "a curvature of 0, in chapter 6's words" "$ch07" --function quadratic:0,1
expect_exit 0 "eps 0 lands on the minimum without a NaN" "$ch07" --optimizer adagrad --lr 1 --eps 0 --steps 3
expect_exit 3 "gd past 2/a_2 diverges" "$ch07" --optimizer sgd --lr 0.05 --steps 100000
expect_exit 3 "0/0 with eps 0 is reported" "$ch07" --optimizer adagrad --eps 0 --x0 0,1
expect_exit 3 "eps 0 and a gradient whose square underflows" "$ch07" --optimizer rmsprop --eps 0 --function quadratic:1e-300,1 --x0 1,1
expect_exit 0 "Adadelta with eps 0 never moves" "$ch07" --optimizer adadelta --eps 0
expect_usage_error "an optimizer of chapter 8" "$ch07" --optimizer adam
expect_says 2 "--optimizer: unknown optimizer 'adam' (known: sgd, adagrad, rmsprop, adadelta; build/descent runs every optimizer)" \
    "an optimizer of chapter 8: the lab's wording, and where to run it" "$ch07" --optimizer adam
expect_usage_error "unknown flag" "$ch07" --eta 0.1
expect_usage_error "the old name of --optimizer" "$ch07" --method adagrad
expect_usage_error "the old name of --function" "$ch07" --curvature 1,100
expect_usage_error "the old name of sgd" "$ch07" --optimizer gd
expect_usage_error "not a quadratic" "$ch07" --function booth
expect_usage_error "a repeated flag" "$ch07" --optimizer rmsprop --lr 0.1 --lr 0.01
expect_usage_error "a repeated switch" "$ch07" --optimizer rmsprop --centered --centered
expect_says 2 "--alpha: the adagrad optimizer does not take it (try --help)" \
    "a hyper-parameter the optimizer does not take: the lab's words" "$ch07" --optimizer adagrad --alpha 0.9
expect_usage_error "hyper-parameter without a method" "$ch07" --lr 0.1
expect_usage_error "a flag the method does not take" "$ch07" --optimizer adagrad --rho 0.9
expect_usage_error "momentum outside RMSprop" "$ch07" --optimizer adadelta --momentum 0.9
expect_says 2 "--momentum applies to --optimizer rmsprop only here (chapter 6 has SGD's)" \
    "momentum outside RMSprop: 'applies to ... only', as the lab words it" "$ch07" --optimizer sgd --momentum 0.9
expect_usage_error "negative learning rate" "$ch07" --optimizer rmsprop --lr -1
expect_usage_error "alpha of 1" "$ch07" --optimizer rmsprop --alpha 1
expect_says 2 "--alpha: 1 is outside [0, 1)" "alpha of 1: the help's [0, 1)" "$ch07" --optimizer rmsprop --alpha 1
expect_says 2 "--momentum: 1 is outside [0, 1)" "momentum of 1: the help's [0, 1)" "$ch07" --optimizer rmsprop --momentum 1
expect_usage_error "zero curvature" "$ch07" --function quadratic:0,1
# A 100 000-digit curvature is quoted cut around a "…", not echoed twice in full.
expect_says 2 "1111…1111" "a very long argument is cut in the message" "$ch07" --function "quadratic:$(printf '%0100000d' 0 | tr 0 1)"
if [ "$(wc -c <"$cli_err")" -lt 400 ]; then cli_passed=$((cli_passed + 1))
else cli_fail "a very long argument: the message is $(wc -c <"$cli_err") bytes, not under 400"; fi
expect_usage_error "three coordinates" "$ch07" --x0 1,2,3
expect_usage_error "zero steps" "$ch07" --optimizer sgd --steps 0
expect_usage_error "csv with a method" "$ch07" --optimizer sgd --csv /tmp
# in ch02's words: a run's flag without the flag that asks for the run, --csv with one
expect_says 2 "--steps describes a single run: give --optimizer too" \
    "steps without a method: what to add" "$ch07" --steps 5
expect_says 2 "--lr describes a single run: give --optimizer too" \
    "a hyper-parameter without a method: which, and what to add" "$ch07" --lr 0.1
expect_says 2 "--csv writes the chapter's figures: use it without --optimizer" \
    "csv with a method: ch02's words" "$ch07" --optimizer sgd --csv /tmp
expect_usage_error "csv to an empty path (it would write into /)" "$ch07" --csv ''
expect_usage_error "csv to a folder that does not exist, before any table" "$ch07" --csv /nonexistent/ch07
expect_exit 3 "a contender of the comparison diverging on other curvatures" "$ch07" --function quadratic:1,300
expect_exit 0 "huge iterates keep the table's columns" "$ch07" --optimizer sgd --lr 100 --function quadratic:1e6,1e6 --x0 1e6,1e6 --steps 3
# The first figure's data: Adadelta's x2 rate sits on the limit 0.02 (the
# text: a two-point cycle) over the last 1000 steps, within 0.05%, and
# RMSprop's first passes it at step 835 (the end of its straight line).
figure_data=$(mktemp -d)
if ! "$ch07" --csv "$figure_data" >/dev/null 2>&1; then
    cli_fail "--csv $figure_data failed"
elif ! awk -F, 'NR == 1 { for (i = 1; i <= NF; i++) col[$i] = i; next }
        $1 > 1000 && ($(col["adadelta_2"]) < 0.02 || $(col["adadelta_2"]) > 0.02001) { exit 1 }
        !seen && $(col["rmsprop_2"]) > 0.02 { seen = 1; if ($1 != 835) exit 1 }' \
        "$figure_data/effective_lr.csv"; then
    cli_fail "effective_lr.csv: Adadelta's x2 rate is not on 0.02 after step 1000, or RMSprop's passes it elsewhere than step 835"
else
    cli_passed=$((cli_passed + 1))
fi
# The loss figure's label: of its six runs, RMSprop and RMSprop centered
# (and they alone) fall below the axis's 1e-100 within its 2000 steps.
below=$(for run in sgd adagrad rmsprop centered momentum adadelta; do
            awk -F, -v run="$run" 'NR > 1 && $1 <= 2000 && $2 + 0 < 1e-100 { print run; exit }' \
                "$figure_data/path_$run.csv"
        done | tr '\n' ' ')
if [ "$below" = "rmsprop centered " ]; then
    cli_passed=$((cli_passed + 1))
else
    cli_fail "path_*.csv: the runs whose loss falls below 1e-100 are '$below', not RMSprop's two (the loss figure's label)"
fi
# The loss figure's caption, on its data.  "Gradient descent and Adagrad
# converge linearly": neither loss ever rises, and the factor over steps
# 500 to 1000 is the factor over 1500 to 2000.  By step 500 the steep
# direction has died out and Adagrad's sums have stopped growing, so the
# factor per step is constant: the two logarithms agree to rounding (equal
# in the printed 17 digits); 1e-6, relative, leaves room for those digits.
for run in sgd adagrad; do
    if awk -F, 'NR > 2 && $2 + 0 > last { rose = 1 } NR > 1 { last = $2 + 0; at[$1] = last }
                END { a = log(at[1000] / at[500]); b = log(at[2000] / at[1500])
                      exit !(!rose && a < 0 && a / b > 1 - 1e-6 && a / b < 1 + 1e-6) }' "$figure_data/path_$run.csv"
    then cli_passed=$((cli_passed + 1))
    else cli_fail "path_$run.csv: the loss rises, or does not fall by the same factor per 500 steps (the caption: converges linearly)"; fi
done
# "The three RMSprop runs faster, then back up to a plateau": each falls
# below the final losses of both (lowest 4.5e-55, Adagrad's), then ends
# above 1e-10.
floor=$(for run in sgd adagrad; do tail -n 1 "$figure_data/path_$run.csv" | cut -d, -f2; done | sort -g | head -n 1)
for run in rmsprop centered momentum; do
    if awk -F, -v floor="$floor" 'NR > 1 { if (!seen || $2 + 0 < low) low = $2 + 0; seen = 1; last = $2 + 0 }
                END { exit !(low < floor + 0 && last > 1e-10) }' "$figure_data/path_$run.csv"
    then cli_passed=$((cli_passed + 1))
    else cli_fail "path_$run.csv: not below SGD's and Adagrad's final loss ($floor), or not back above 1e-10 at the end (the caption)"; fi
done
# "Adadelta slowly, then a sudden plunge and back up to a plateau": still
# above 0.1 at step 300, below 1e-40 before step 450 (forty orders in a
# hundred and fifty steps), and above 1e-3 at the end.
if awk -F, 'NR > 1 { if ($1 == 300) slow = $2 + 0 > 0.1; if ($1 < 450 && $2 + 0 < 1e-40) plunge = 1; last = $2 + 0 }
            END { exit !(slow && plunge && last > 1e-3) }' "$figure_data/path_adadelta.csv"
then cli_passed=$((cli_passed + 1))
else cli_fail "path_adadelta.csv: not slow, then a plunge below 1e-40 before step 450, then back above 1e-3 (the caption)"; fi
rm -rf "$figure_data"
if ! awk 'length > 120 { exit 1 }' "$cli_out"; then
    cli_fail "a row of the worked table is longer than 120 characters"
fi

# The same runs in torch.optim, if /usr/bin/python3 (Debian's python3-torch)
# or python3 can import torch; skipped otherwise.
expect_pytorch_agrees "the optimizers of chapter 7 against PyTorch's" chapters/07-adaptive/pytorch_check.py "$BUILD"
cli_summary ch07
