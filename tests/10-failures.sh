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
expect_usage_error "a flag given twice" "$ch10" --clip --clip
expect_usage_error "csv without a folder" "$ch10" --csv
expect_usage_error "unwritable csv folder" "$ch10" --csv /nonexistent/folder
cli_summary 10-failures.sh
