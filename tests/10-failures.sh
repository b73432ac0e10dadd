# tests/10-failures.sh: build/ch10 on good and bad command lines.
. tests/cli.sh
ch10=$BUILD/ch10
expect_exit 0 "the chapter's run" "$ch10"
expect_help "$ch10"
expect_output_lost "$ch10"
expect_exit 0 "the saddle alone" "$ch10" --saddle
expect_exit 0 "the clipping step" "$ch10" --clip
expect_exit 0 "the quoted values" "$ch10" --values
expect_usage_error "unknown flag" "$ch10" --explosion
expect_usage_error "values with a report" "$ch10" --values --saddle
expect_says 2 "--saddle does not go with --values, which prints only the numbers the chapter quotes" \
    "--values beside --saddle: the one wording of every program (values_not_with)" "$ch10" --values --saddle
expect_usage_error "a flag given twice" "$ch10" --clip --clip
expect_usage_error "csv without a folder" "$ch10" --csv
expect_usage_error "unwritable csv folder" "$ch10" --csv /nonexistent/folder
# The chapter's gdb recipe on the lab's diverging run: it must stop at step 7
# with an infinite loss.  It needs gdb and a build with debug information
# (the default -O2 -g); without them it says so and checks nothing.
lab=$BUILD/descent
if command -v gdb >/dev/null 2>&1 && [ -x "$lab" ] && readelf -S "$lab" 2>/dev/null | grep -q debug_info; then
    got=$(gdb -q -batch -ex 'break row_is_finite if loss - loss != 0 || x[0] - x[0] != 0' -ex run -ex up \
              -ex 'print step' -ex 'print loss' --args "$lab" --function rosenbrock --lr 0.01 2>&1 | tail -2)
    if [ "$got" = "\$1 = 7
\$2 = inf" ]; then
        cli_passed=$((cli_passed + 1))
    else
        cli_fail "the gdb recipe of chapter 10 printed: $got"
    fi
else
    echo "10-failures.sh: the gdb recipe not run (no gdb, or $lab without debug information)"
fi
cli_summary 10-failures.sh
