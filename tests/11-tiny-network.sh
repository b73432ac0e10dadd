#!/bin/sh
# tests/11-tiny-network.sh: chapter 11's program on the command line, and
# the seed's loop next to PyTorch's when DESCENT_TORCH=1.
. tests/cli.sh
ch11=$BUILD/ch11

expect_exit 0 "--help" "$ch11" --help
expect_exit 0 "the seed's loop" "$ch11" --example seed-loop
expect_exit 0 "backpropagation by hand" "$ch11" --example by-hand
expect_exit 0 "the digits network's first steps" "$ch11" --example pytorch-network
expect_usage_error "unknown flag" "$ch11" --bogus
expect_usage_error "unknown example" "$ch11" --example everything
expect_usage_error "missing value" "$ch11" --example
expect_usage_error "a repeated flag" "$ch11" --example by-hand --example by-hand
expect_usage_error "--values with --example" "$ch11" --values --example by-hand
expect_usage_error "an empty --csv path" "$ch11" --example by-hand --csv ""
expect_usage_error "csv to a folder that does not exist" "$ch11" --csv /nonexistent/ch11

# PyTorch: the seed's loop, 100 epochs of Linear(10, 1) with MSELoss and
# SGD(lr=0.01) from the C program's data and initial weights, and five steps
# of the 64-32-10 digits network with every optimizer, within 1e-12.
expect_pytorch_agrees "the seed's loop and the digits network against PyTorch's" \
    chapters/11-tiny-network/pytorch_check.py "$BUILD"

cli_summary 11-tiny-network
