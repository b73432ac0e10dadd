# tests/09-schedules.sh: build/ch09 on good and bad command lines.
. tests/cli.sh
ch09=$BUILD/ch09
expect_exit 0 "the chapter's run" "$ch09"
expect_help "$ch09"
expect_output_lost "$ch09"
# --example NAME picks one part, as in every chapter program; each runs alone
for part in table noise warmup race race-exact step-every adam-warmup pytorch; do
    expect_exit 0 "the part $part alone" "$ch09" --example "$part"
done
expect_exit 0 "the quoted values" "$ch09" --values
expect_says 2 "--example: unknown example 'cosine' (known: table, noise, warmup, race, race-exact, step-every, adam-warmup, pytorch)" \
    "an unknown part: the one wording of every program (unknown_choice)" "$ch09" --example cosine
expect_usage_error "a part without its name" "$ch09" --example
expect_usage_error "the old flag of a part" "$ch09" --table
expect_usage_error "unknown flag" "$ch09" --schedule cosine
expect_says 2 "--example given twice" "two parts at once: one --example, as every chapter" \
    "$ch09" --example step-every --example adam-warmup
expect_says 2 "--example does not go with --values, which prints only the numbers the chapter quotes" \
    "--values beside --example: the one wording of every program (values_not_with)" "$ch09" --values --example table
expect_says 2 "--example race-exact writes no figure data: leave out --csv" \
    "a part without figures and --csv" "$ch09" --example race-exact --csv /tmp
expect_says 2 "--example pytorch writes no figure data: leave out --csv" \
    "pytorch with csv" "$ch09" --example pytorch --csv /tmp
expect_usage_error "csv without a folder" "$ch09" --csv
expect_usage_error "unwritable csv folder" "$ch09" --csv /nonexistent/folder
expect_pytorch_agrees "the schedules of chapter 9 against torch.optim.lr_scheduler" chapters/09-schedules/pytorch_check.py "$BUILD"
cli_summary 09-schedules.sh
