#!/bin/sh
# tests/11-tiny-network.sh: chapter 11's program on the command line, and
# the seed's loop next to PyTorch's when DESCENT_TORCH=1.
. tests/cli.sh
ch11=$BUILD/ch11

expect_exit 0 "--help" "$ch11" --help
expect_output_lost "$ch11"
expect_exit 0 "the seed's loop" "$ch11" --example seed-loop
expect_exit 0 "backpropagation by hand" "$ch11" --example by-hand
expect_exit 0 "the digits network's first steps" "$ch11" --example pytorch-network
expect_usage_error "unknown flag" "$ch11" --bogus
expect_usage_error "unknown example" "$ch11" --example everything
expect_says 2 "--example: unknown example 'everything' (known: seed-loop, by-hand," \
    "unknown example: the wording of every program" "$ch11" --example everything
expect_usage_error "missing value" "$ch11" --example
expect_usage_error "a repeated flag" "$ch11" --example by-hand --example by-hand
expect_usage_error "--values with --example" "$ch11" --values --example by-hand
expect_says 2 "--example does not go with --values, which prints only the numbers the chapter quotes" \
    "--values beside --example: the one wording of every program (values_not_with)" "$ch11" --values --example by-hand
expect_usage_error "an empty --csv path" "$ch11" --example by-hand --csv ""
expect_usage_error "csv to a folder that does not exist" "$ch11" --csv /nonexistent/ch11
# The shared runs (experiments.h): their parts need a folder; a file that
# DESCENT_CH11_RUNS names but cannot be read, that is not whole, or that
# another build of ch11 made, stops the program before it prints anything.
expect_usage_error "runs-tuned without --csv" "$ch11" --example runs-tuned
expect_usage_error "runs-sweep without --csv" "$ch11" --example runs-sweep
expect_usage_error "DESCENT_CH11_RUNS naming no file" \
    env DESCENT_CH11_RUNS=/nonexistent/tuned.runs "$ch11" --values
shared=$(mktemp)
printf 'not shared runs\n' >"$shared"
expect_usage_error "DESCENT_CH11_RUNS naming another file" \
    env DESCENT_CH11_RUNS="$shared" "$ch11" --values
printf 'ch11 shared runs, format 2\nrun 1 sgd 3ff0000000000000' >"$shared"
expect_usage_error "DESCENT_CH11_RUNS naming a cut file" \
    env DESCENT_CH11_RUNS="$shared" "$ch11" --example digits
# a run of the digits with 5 parameters, not the network's 2410
one=3ff0000000000000
printf 'ch11 shared runs, format 2\nrun 1 sgd %s 0 30 0 1 %s %s %s 30 0 5\n %s %s %s %s %s\ncurve 0\n' \
    $one $one $one $one $one $one $one $one $one >"$shared"
expect_usage_error "DESCENT_CH11_RUNS naming a run of the wrong size" \
    env DESCENT_CH11_RUNS="$shared" "$ch11" --example digits
# a file cut inside its last number: the 7 hex digits left are not a
# double's 16 (read as they stand, the curvature would be 0.00)
printf 'ch11 shared runs, format 2\ncurvature 1 0000000000000000 3fee02b' >"$shared"
expect_usage_error "DESCENT_CH11_RUNS naming a file cut inside a number" \
    env DESCENT_CH11_RUNS="$shared" "$ch11" --example by-hand
# a run of an optimizer the chapter has not: the message names the file
printf 'ch11 shared runs, format 2\nrun 1 rmsprop %s %s 30 0 1 %s %s %s 30 0 2410\n' \
    $one 0000000000000000 $one $one $one >"$shared"
expect_says 2 "$shared: not a file of ch11's shared runs" \
    "DESCENT_CH11_RUNS naming a run of another optimizer" \
    env DESCENT_CH11_RUNS="$shared" "$ch11" --example by-hand
# make keeps a file changed by hand (it is newer than what it is made
# from): the way back is to delete it, and the message says so
expect_says 2 "$shared: not a file of ch11's shared runs (delete it and run make again, which remakes it)" \
    "DESCENT_CH11_RUNS naming a damaged file: what to do" \
    env DESCENT_CH11_RUNS="$shared" "$ch11" --example by-hand
# a curve longer than the file (its length 2^64 - 1, one past it wraps
# to 0): refused, not read into a buffer too small for it
{
    printf 'ch11 shared runs, format 2\nrun 1 sgd %s %s 30 0 1 %s %s %s 30 0 2410\n' \
        $one 0000000000000000 $one $one $one
    awk -v d=$one 'BEGIN { for (p = 0; p < 2410; p++) printf " %s", d; printf "\n" }'
    printf 'curve 18446744073709551615\n'
    awk 'BEGIN { for (i = 0; i < 2000; i++) printf "%0100d\n", i }'
} >"$shared"
expect_usage_error "DESCENT_CH11_RUNS naming a file whose curve is longer than it" \
    env DESCENT_CH11_RUNS="$shared" "$ch11" --example by-hand
# a file of another build of ch11: its last line's fingerprint (one epoch
# of each optimizer) is not what this build computes
printf 'ch11 shared runs, format 2\nend %s %s %s %s %s %s\n' $one $one $one $one $one $one \
    >"$shared"
expect_says 2 "$shared: made by another build of ch11" \
    "DESCENT_CH11_RUNS naming a file of another build" \
    env DESCENT_CH11_RUNS="$shared" "$ch11" --example by-hand
# a file cut between two lines: no "end"
printf 'ch11 shared runs, format 2\n' >"$shared"
expect_says 2 "$shared: cut short: its last line, \"end\", is missing (delete it and run make again" \
    "DESCENT_CH11_RUNS naming a file cut between two lines" \
    env DESCENT_CH11_RUNS="$shared" "$ch11" --example by-hand
rm -f "$shared"
expect_says 2 "DESCENT_CH11_RUNS: cannot read $shared: No such file or directory (it names files of shared runs, made by ch11 --example runs-NAME: run make again, which remakes them)" \
    "DESCENT_CH11_RUNS naming a file deleted during the build" \
    env DESCENT_CH11_RUNS="$shared" "$ch11" --example by-hand
rm -f "$shared"
# From another folder the data cannot be found: every part that reads it
# stops before it prints anything (no title line on stdout).
elsewhere=$(mktemp -d)
case $ch11 in /*) ch11_path=$ch11 ;; *) ch11_path=$PWD/$ch11 ;; esac
for part in sweep cancer digits claims pytorch-network; do
    expect_usage_error "--example $part away from the data" \
        sh -c 'cd "$1" && exec "$2" --example "$3"' sh "$elsewhere" "$ch11_path" "$part"
done
expect_usage_error "--values away from the data" \
    sh -c 'cd "$1" && exec "$2" --values' sh "$elsewhere" "$ch11_path"
expect_usage_error "--csv away from the data" \
    sh -c 'cd "$1" && exec "$2" --csv .' sh "$elsewhere" "$ch11_path"
rmdir "$elsewhere"

# A copy of the data damaged by hand (experiments.c, check_book_data): each
# refused before anything is printed, in one line that says how to restore
# the book's files.  damaged FILE WHAT TEXT PART FILTER...: FILE (cancer or
# digits) rewritten by the command FILTER from the book's copy, then
# ch11 --example PART run beside it must exit 2 saying TEXT.
damaged=$(mktemp -d)
mkdir -p "$damaged/chapters/11-tiny-network/data"
damaged() {     # (its names are its own: cli.sh's helpers set what and text)
    dfile=chapters/11-tiny-network/data/$1.csv dwhat=$2 dtext=$3 dpart=$4; shift 4
    cp chapters/11-tiny-network/data/*.csv "$damaged/chapters/11-tiny-network/data/"
    "$@" <"$dfile" >"$damaged/$dfile"
    set -- sh -c 'cd "$1" && exec "$2" --example "$3"' sh "$damaged" "$ch11_path" "$dpart"
    expect_usage_error "damaged data: $dwhat" "$@"
    expect_says 2 "$dtext" "damaged data: $dwhat, said" "$@"
    expect_says 2 "restore the book's copy: git checkout -- chapters/11-tiny-network/data" \
        "damaged data: $dwhat, with the way back" "$@"
}
damaged breast-cancer "a column dropped" "569 samples of 29 features, the book's file has 569 of 30" \
    cancer cut -d, -f2-
damaged breast-cancer "cut after 3 samples" "3 samples of 30 features, the book's file has 569" \
    cancer head -n 4
damaged breast-cancer "cut inside a line" "breast-cancer.csv:282:126: this row has 19 cells" \
    cancer head -c 60000
damaged breast-cancer "a label 2" "breast-cancer.csv:5: label 2 is not a class (0 to 1)" \
    cancer awk -F, -v OFS=, 'NR == 5 { $NF = 2 } 1'
damaged digits "a label 0.5" "digits.csv:7: label 0.5 is not a class (0 to 9)" \
    claims awk -F, -v OFS=, 'NR == 7 { $NF = 0.5 } 1'
damaged digits "a label 10" "digits.csv:7: label 10 is not a class (0 to 9)" \
    digits awk -F, -v OFS=, 'NR == 7 { $NF = 10 } 1'
damaged breast-cancer "values whose mean overflows (NaN rows before)" \
    "breast-cancer.csv: its numbers are not the book's" \
    cancer sed '3,12s/^[0-9.]*,/1e308,/'
damaged digits "a pixel changed (the sweep asked to update its tuned rates)" \
    "digits.csv: its numbers are not the book's" sweep sed '3s/^0,/16,/'
damaged digits "a label changed to another class" \
    "digits.csv: its numbers are not the book's" digits awk -F, -v OFS=, 'NR == 5 { $NF = ($NF + 1) % 10 } 1'
# the same numbers written another way are the book's: CRLF line ends,
# a byte order mark, 1.0 for 1
cp chapters/11-tiny-network/data/*.csv "$damaged/chapters/11-tiny-network/data/"
{ printf '\357\273\277'; sed '2s/,1$/,1.0/; s/$/\r/' chapters/11-tiny-network/data/breast-cancer.csv; } \
    >"$damaged/chapters/11-tiny-network/data/breast-cancer.csv"
expect_exit 0 "the data with CRLF, a byte order mark and 1.0 for 1 is the book's" \
    sh -c 'cd "$1" && exec "$2" --example cancer' sh "$damaged" "$ch11_path"
damaged digits "a cell that is not a number" "digits.csv:3:1: 'x' is not a number" \
    sweep sed '3s/^0,/x,/'
rm "$damaged/chapters/11-tiny-network/data/digits.csv"
expect_says 2 "cannot read chapters/11-tiny-network/data/digits.csv: No such file or directory (restore the book's copy: git checkout -- chapters/11-tiny-network/data)" \
    "damaged data: a file deleted in the top folder" \
    sh -c 'mkdir -p "$1/chapters/11-tiny-network" && : >"$1/chapters/11-tiny-network/README.md" && cd "$1" && exec "$2" --values' sh "$damaged" "$ch11_path"
rm -rf "$damaged"

# The lab's chapter-11 flags (11-tiny-network/lab_model.h).
lab=$BUILD/descent
digits=chapters/11-tiny-network/data/digits.csv
cancer=chapters/11-tiny-network/data/breast-cancer.csv
expect_exit 0 "lab: an mlp on the digits, loss and accuracy only" \
    "$lab" --data "$digits" --model mlp:8 --loss cross-entropy --columns loss --epochs 1 \
    --batch 32 --optimizer adam --lr 0.01 --every 10
if [ "$(head -n 1 "$cli_out")" = "step,loss,accuracy" ]; then
    cli_passed=$((cli_passed + 1))
else
    cli_fail "lab: --columns loss prints step,loss,accuracy"
fi
expect_exit 0 "lab: logistic regression's gradient passes the check" \
    "$lab" --data "$cancer" --model logistic --steps 0 --gradcheck
expect_exit 0 "lab: a tanh mlp's gradient passes the check" \
    "$lab" --data "$digits" --model mlp:4 --loss cross-entropy --steps 0 --gradcheck
if [ "$(head -n 1 "$cli_out" | cut -d, -f1-4)" = "step,loss,W1_1_1,W1_1_2" ]; then
    cli_passed=$((cli_passed + 1))
else
    cli_fail "lab: an mlp's parameters are named W1_i_j, ..."
fi
# With a scheduler the CSV gains the lr column (shared/lab.md, part 2,
# chapter 9), for the models too: StepLR halving the rate after every
# update, row k holds the rate of update k (row 0: the initial one).
expect_exit 0 "lab: an mlp with a scheduler" \
    "$lab" --data "$digits" --model mlp:3 --loss cross-entropy --columns loss --steps 3 \
    --batch 10 --optimizer sgd --lr 0.1 --scheduler steplr --step-size 1 --gamma 0.5
if [ "$(cut -d, -f1,4 "$cli_out" | tr '\n' ' ')" = \
     "step,lr 0,0.10000000000000001 1,0.10000000000000001 2,0.050000000000000003 3,0.025000000000000001 " ]; then
    cli_passed=$((cli_passed + 1))
else
    cli_fail "lab: an mlp with steplr prints the rates 0.1, 0.1, 0.05, 0.025 in its last column lr"
fi
expect_exit 0 "lab: logistic regression with a scheduler, every parameter" \
    "$lab" --data "$cancer" --model logistic --steps 1 --optimizer sgd --lr 0.1 \
    --scheduler cosineannealinglr --t-max 4
if [ "$(head -n 1 "$cli_out" | tr ',' '\n' | tail -n 2 | tr '\n' ' ')" = "b lr " ]; then
    cli_passed=$((cli_passed + 1))
else
    cli_fail "lab: logistic regression with a scheduler ends its header with b,lr"
fi
expect_usage_error "lab: --model with --function" "$lab" --function rosenbrock --model logistic
expect_usage_error "lab: --loss with logistic" "$lab" --data "$cancer" --model logistic --loss mse
expect_usage_error "lab: logistic on targets 0..9" "$lab" --data "$digits" --model logistic
expect_usage_error "lab: --init-seed with linear" "$lab" --data "$cancer" --init-seed 3
expect_usage_error "lab: no hidden units" "$lab" --data "$digits" --model mlp:0
expect_usage_error "lab: an unknown activation" "$lab" --data "$digits" --model mlp:4:gelu
expect_usage_error "lab: an unknown --columns" "$lab" --data "$digits" --columns some
# every name that is not one of a flag's choices, in the one wording (unknown_choice)
expect_says 2 "--model: unknown activation 'gelu' (known: tanh, relu, sigmoid)" \
    "lab: an unknown activation, its choices listed" "$lab" --data "$digits" --model mlp:4:gelu
expect_says 2 "--columns: unknown choice 'some' (known: all, loss)" \
    "lab: an unknown --columns, its choices listed" "$lab" --data "$digits" --columns some
expect_says 2 "--model: unknown model 'mlp' (known: linear, logistic, mlp:H[:ACT])" \
    "lab: an unknown model, its choices listed" "$lab" --data "$digits" --model mlp
expect_says 2 "--loss: unknown loss 'bce' (known: mse, cross-entropy)" \
    "lab: an unknown --loss, its choices listed" "$lab" --data "$digits" --model mlp:4 --loss bce
expect_usage_error "lab: --line-search with an mlp" \
    "$lab" --data "$digits" --model mlp:4 --line-search armijo
expect_usage_error "lab: --x0 of the wrong length" "$lab" --data "$cancer" --model logistic --x0 1,2

# PyTorch: the seed's loop, 100 epochs of Linear(10, 1) with MSELoss and
# SGD(lr=0.01) from the C program's data and initial weights, and five steps
# of the 64-32-10 digits network with every optimizer, within 1e-12, and the
# lab's --model runs, with and without schedulers (RMSprop on the network
# within 1e-9: see the script).
expect_pytorch_agrees "the seed's loop and the digits network against PyTorch's" \
    chapters/11-tiny-network/pytorch_check.py "$BUILD"

cli_summary 11-tiny-network
