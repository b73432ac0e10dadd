#!/bin/sh
# tests/08-adam.sh: chapter 8's program on the command line, and its
# optimizers next to PyTorch's when a Python with torch is found.
. tests/cli.sh
ch08=$BUILD/ch08

expect_exit 0 "--help" "$ch08" --help
expect_exit 0 "every worked example" "$ch08"
expect_exit 0 "the race on the saddle" "$ch08" --show race --surface saddle
expect_usage_error "unknown flag" "$ch08" --bogus
expect_usage_error "unknown part" "$ch08" --show everything
expect_usage_error "unknown surface" "$ch08" --show race --surface himmelblau
expect_usage_error "--surface without the race" "$ch08" --surface beale
expect_usage_error "missing value" "$ch08" --show
expect_usage_error "csv to an empty path (it would write into /)" "$ch08" --csv ''
expect_usage_error "csv to a folder that does not exist, before any table" "$ch08" --csv /nonexistent/ch08

# PyTorch: the same five steps of each optimizer, float64.  Agreement to
# 1e-15 (a few units in the last place of numbers near 2).
python=$(torch_python)
if [ -n "$python" ]; then
    "$python" chapters/08-adam/pytorch_check.py >"$cli_out" 2>"$cli_err"
    "$ch08" --show pytorch >"$cli_err.c" 2>&1
    if awk 'NR == FNR { if (FNR > 1) { ours[$1 " " $2] = $3 " " $4 }; next }
            FNR > 1 { split(ours[$1 " " $2], c, " ");
                      d1 = c[1] - $3; d2 = c[2] - $4; if (d1 < 0) d1 = -d1; if (d2 < 0) d2 = -d2;
                      if (d1 > 1e-15 || d2 > 1e-15) { print "differs: " $0; bad = 1 }
                      if (d1 > worst) worst = d1; if (d2 > worst) worst = d2; n++ }
            END { printf "PyTorch rows compared: %d, largest difference %.3g\n", n, worst;
                  exit bad || n == 0 }' "$cli_err.c" "$cli_out"; then
        cli_passed=$((cli_passed + 1))
    else
        cli_failed=$((cli_failed + 1))
    fi
    rm -f "$cli_err.c"
else
    echo "PyTorch not found: the comparison with torch.optim is skipped"
fi

cli_summary 08-adam
