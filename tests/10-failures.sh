# tests/10-failures.sh: build/ch10 on good and bad command lines.
. tests/cli.sh
ch10=$BUILD/ch10
expect_exit 0 "the chapter's run" "$ch10"
expect_help "$ch10"
expect_output_lost "$ch10"
# --example NAME picks one part, as in every chapter program; each runs alone
for part in saddle plateau chains explode clip basins; do
    expect_exit 0 "the part $part alone" "$ch10" --example "$part"
done
expect_exit 0 "the quoted values" "$ch10" --values
expect_says 2 "--example: unknown example 'explosion' (known: saddle, plateau, chains, explode, clip, basins)" \
    "an unknown part: the one wording of every program (unknown_choice)" "$ch10" --example explosion
expect_usage_error "a part without its name" "$ch10" --example
expect_usage_error "the old flag of a part" "$ch10" --saddle
expect_says 2 "--example does not go with --values, which prints only the numbers the chapter quotes" \
    "--values beside --example: the one wording of every program (values_not_with)" "$ch10" --values --example saddle
expect_says 2 "--example given twice" "two parts at once: one --example, as every chapter" \
    "$ch10" --example clip --example saddle
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
