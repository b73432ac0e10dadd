# tests/09-schedules.sh: build/ch09 on good and bad command lines.
. tests/cli.sh
ch09=$BUILD/ch09
expect_exit 0 "the chapter's run" "$ch09"
expect_help "$ch09"
expect_exit 0 "the table alone" "$ch09" --table
expect_exit 0 "the warm-up alone" "$ch09" --warmup
expect_exit 0 "the quoted values" "$ch09" --values
expect_usage_error "unknown flag" "$ch09" --schedule cosine
expect_usage_error "values with a report" "$ch09" --values --table
expect_usage_error "a flag given twice" "$ch09" --table --table
expect_usage_error "csv without a folder" "$ch09" --csv
expect_usage_error "pytorch with csv" "$ch09" --pytorch --csv /tmp
expect_usage_error "unwritable csv folder" "$ch09" --csv /nonexistent/folder
expect_pytorch_agrees "the schedules of chapter 9 against torch.optim.lr_scheduler" chapters/09-schedules/pytorch_check.py "$BUILD"
# Output lost (a full disk) is an error, never a silent exit 0.
if [ -w /dev/full ]; then
    "$ch09" --table >/dev/full 2>"$cli_err"; rc=$?
    if [ $rc -eq 2 ] && [ "$(wc -l <"$cli_err")" -eq 1 ] && grep -q 'writing the output failed' "$cli_err"; then
        cli_passed=$((cli_passed + 1))
    else
        : >"$cli_out"; cli_fail "stdout on a full disk: exit $rc, expected 2 and one line"
    fi
fi
cli_summary 09-schedules.sh
