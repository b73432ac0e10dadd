# tests/09-schedules.sh: build/ch09 on good and bad command lines.
. tests/cli.sh
ch09=$BUILD/ch09
expect_exit 0 "the chapter's run" "$ch09"
expect_help "$ch09"
expect_output_lost "$ch09"
expect_exit 0 "the table alone" "$ch09" --table
expect_exit 0 "the warm-up alone" "$ch09" --warmup
expect_exit 0 "the quoted values" "$ch09" --values
expect_exit 0 "the exact race alone" "$ch09" --race-exact
expect_usage_error "two single reports" "$ch09" --step-every --adam-warmup
expect_usage_error "a single report with the race" "$ch09" --adam-warmup --race
expect_usage_error "a single report with csv" "$ch09" --race-exact --csv /tmp
expect_usage_error "unknown flag" "$ch09" --schedule cosine
expect_usage_error "values with a report" "$ch09" --values --table
expect_says 2 "--race does not go with --pytorch, which prints only the table pytorch_check.py compares" \
    "--pytorch beside a report: what goes with what" "$ch09" --pytorch --race
expect_says 2 "--table does not go with --values, which prints only the numbers the chapter quotes" \
    "--values beside --table: the one wording of every program (values_not_with)" "$ch09" --values --table
expect_usage_error "a flag given twice" "$ch09" --table --table
expect_usage_error "csv without a folder" "$ch09" --csv
expect_usage_error "pytorch with csv" "$ch09" --pytorch --csv /tmp
expect_usage_error "unwritable csv folder" "$ch09" --csv /nonexistent/folder
expect_pytorch_agrees "the schedules of chapter 9 against torch.optim.lr_scheduler" chapters/09-schedules/pytorch_check.py "$BUILD"
cli_summary 09-schedules.sh
