# tests/05-checking-gradients.sh: build/ch05 on good and bad command lines.
. tests/cli.sh
ch05=$BUILD/ch05
expect_exit 0 "every table" "$ch05"
expect_exit 0 "help" "$ch05" --help
expect_help "$ch05"
expect_output_lost "$ch05"
expect_exit 0 "the values" "$ch05" --values
for example in steps specimen gradients kinks; do
    expect_exit 0 "example $example" "$ch05" --example "$example"
done
expect_usage_error "unknown flag" "$ch05" --lr 0.1
expect_usage_error "unknown example" "$ch05" --example adam
expect_says 2 "--example: unknown example 'adam' (known: steps, specimen, gradients, kinks)" \
    "unknown example: the wording of every program" "$ch05" --example adam
expect_usage_error "missing example" "$ch05" --example
expect_usage_error "example twice" "$ch05" --example steps --example kinks
expect_usage_error "values with an example" "$ch05" --values --example steps
expect_says 2 "--example does not go with --values, which prints only the numbers the chapter quotes" \
    "--values beside --example: the one wording of every program (values_not_with)" "$ch05" --values --example steps
expect_usage_error "values twice" "$ch05" --values --values
expect_usage_error "unwritable csv folder" "$ch05" --csv /nonexistent/dir
# The values are the numbers the tables print.
"$ch05" --values >"$cli_out" 2>"$cli_err"
if grep -q '^specimen_overflow_step 107$' "$cli_out" &&
    "$ch05" --example specimen | grep -q 'overflows at step 107'; then
    cli_passed=$((cli_passed + 1))
else
    cli_fail "the overflow step of --values and of the table"
fi
expect_pytorch_agrees "the specimen against torch.autograd.gradcheck" chapters/05-checking-gradients/pytorch_check.py "$BUILD"
cli_summary ch05
