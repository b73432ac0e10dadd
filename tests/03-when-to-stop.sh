# tests/03-when-to-stop.sh: build/ch03 on good and bad command lines.
. tests/cli.sh
ch03=$BUILD/ch03
expect_exit 0 "the chapter's tables" "$ch03"
expect_exit 0 "help" "$ch03" --help
expect_exit 0 "the prose's values" "$ch03" --values
# every --values line is "name value", one word each, names unique
"$ch03" --values >"$cli_out" 2>"$cli_err"
if awk 'NF != 2 || seen[$1]++ { bad = 1 } END { exit bad }' "$cli_out"; then
    cli_passed=$((cli_passed + 1))
else
    cli_fail "--values prints one name and one value per line, names unique"
fi
expect_usage_error "unknown flag" "$ch03" --lr 0.1
expect_usage_error "repeated flag" "$ch03" --values --values
expect_usage_error "missing folder" "$ch03" --csv
expect_usage_error "unwritable csv folder" "$ch03" --csv /nonexistent/folder
cli_summary ch03
