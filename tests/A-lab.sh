#!/bin/sh
# tests/A-lab.sh: the lab's command line, every exit status (make check runs
# it with $BUILD set).  Bad usage and bad files (the corpus in
# tests/A-lab/bad/) must exit 2 with one line on stderr naming the problem
# and nothing on stdout; a divergence exits 3 with only finite rows; a run
# exits 0 with the CSV the manual describes.
set -u
: "${BUILD:=build}"
descent=$BUILD/descent
corpus=tests/A-lab
passed=0 failed=0
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

pass() { passed=$((passed + 1)); }
flunk() {
    failed=$((failed + 1))
    echo "FAIL: $*"
    echo "  stdout: $(head -c 300 "$work/out")"
    echo "  stderr: $(head -c 300 "$work/err")"
}

run() { "$descent" "$@" >"$work/out" 2>"$work/err"; }

# usage MESSAGE ARGS...: exit 2, no stdout, one stderr line containing MESSAGE.
usage() {
    message=$1
    shift
    run "$@"
    status=$?
    if [ $status -ne 2 ]; then flunk "descent $*: exit $status, not 2"; return; fi
    if [ -s "$work/out" ]; then flunk "descent $*: printed on stdout"; return; fi
    if [ "$(wc -l <"$work/err")" -ne 1 ]; then flunk "descent $*: not one line on stderr"; return; fi
    if ! grep -qF -- "$message" "$work/err"; then flunk "descent $*: no '$message'"; return; fi
    pass
}

# bad FILE MESSAGE: --data tests/A-lab/bad/FILE is refused with MESSAGE.
bad() {
    usage "$corpus/bad/$1:$2" --data "$corpus/bad/$1" --lr 0.01
}

# finite: stdout has no nan or inf.
finite() { ! grep -qiE 'nan|inf' "$work/out"; }

# ------------------------------------------------------------- exit 0
run --function booth --lr 0.01 --steps 3
if [ $? -eq 0 ] && [ "$(head -n 1 "$work/out")" = "step,loss,x1,x2" ] &&
   [ "$(sed -n 2p "$work/out")" = "0,74,0,0" ] &&
   grep -q '^1,.*,0.34000000000000002,0.38$' "$work/out" &&
   [ "$(wc -l <"$work/out")" -eq 5 ] && [ ! -s "$work/err" ]; then pass
else flunk "booth: header, row 0, %.17g row 1 (x = 0.34, 0.38), 4 rows"; fi

run --function rosenbrock --gradcheck --steps 2
if [ $? -eq 0 ] && [ "$(wc -l <"$work/err")" -eq 1 ] &&
   grep -q '^descent: --gradcheck: largest relative error .*, at x[12]: pass$' "$work/err" &&
   [ "$(wc -l <"$work/out")" -eq 4 ]; then pass
else flunk "--gradcheck: one line on stderr, then the run"; fi

run --data "$corpus/good/crlf-no-final-newline.csv" --gradcheck --steps 1
if [ $? -eq 0 ] && grep -q '^descent: --gradcheck: .*: pass$' "$work/err"; then pass
else flunk "--gradcheck on data"; fi
usage "--gradcheck given twice" --function booth --gradcheck --gradcheck
usage "--gradcheck: the gradient fails at the start: relative error" --function x2sinx --x0 1000000 --gradcheck

run --function rosenbrock --optimizer adam --lr 0.01 --steps 10 --every 4
if [ $? -eq 0 ] && [ "$(cut -d, -f1 "$work/out" | tr '\n' ' ')" = "step 0 4 8 10 " ]; then pass
else flunk "--every 4 of 10: rows 0 4 8 10"; fi

run --data "$corpus/good/crlf-no-final-newline.csv" --lr 0.05 --epochs 2 --batch 2
if [ $? -eq 0 ] && [ "$(head -n 1 "$work/out")" = "step,loss,w1,w2,b" ] &&
   [ "$(tail -n 1 "$work/out" | cut -d, -f1)" = 4 ]; then pass
else flunk "CRLF data, 2 epochs of batches 2 + 1: 4 updates"; fi

run --data "$corpus/good/blank-lines-at-end.csv" --no-bias --lr 0.01 --steps 1
if [ $? -eq 0 ] && [ "$(head -n 1 "$work/out")" = "step,loss,w1" ]; then pass
else flunk "--no-bias: no b column"; fi

run --data "$corpus/good/blank-lines-at-end.csv" --x0 2,1 --lr 0 --steps 1
if [ $? -eq 0 ] && [ "$(sed -n 2p "$work/out")" = "0,0,2,1" ]; then pass
else flunk "--x0 w,b on y = 2x + 1: loss 0"; fi

# y = 2x + 1 on (1, 3) and (2, 5), written three ways that all read the same:
# a byte order mark with CRLF, bare CR line ends, a 602-character numeral.
for file in byte-order-mark bare-cr long-numeral; do
    run --data "$corpus/good/$file.csv" --steps 1
    if [ $? -eq 0 ] && [ "$(sed -n 2p "$work/out")" = "0,17,0,0" ] &&
       [ "$(wc -l <"$work/out")" -eq 3 ]; then pass
    else flunk "$file.csv: 2 samples, loss (9 + 25) / 2 = 17 at zero"; fi
done

# --x0 for a data set wider than any built-in function (100 features).
awk 'BEGIN { for (i = 1; i <= 100; i++) printf "x%d,", i; print "y";
             for (i = 1; i <= 100; i++) printf "1,"; print "101" }' >"$work/wide.csv"
x0=$(awk 'BEGIN { for (i = 1; i <= 100; i++) printf "1,"; print "1" }')
run --data "$work/wide.csv" --x0 "$x0" --steps 1
if [ $? -eq 0 ] && [ "$(sed -n 2p "$work/out" | cut -d, -f1-3)" = "0,0,1" ]; then pass
else flunk "--x0 with 101 values (w1..w100, b) on 100 features"; fi

# A pipe, as the manual suggests: --data /dev/stdin reads what a file would give.
"$descent" --data /dev/stdin --steps 1 <"$corpus/good/bare-cr.csv" >"$work/out" 2>"$work/err"
if [ $? -eq 0 ] && [ "$(sed -n 2p "$work/out")" = "0,17,0,0" ]; then pass
else flunk "--data /dev/stdin: the file's rows"; fi

# A batch larger than the data set is the full batch, as a DataLoader gives.
run --data "$corpus/good/crlf-no-final-newline.csv" --lr 0.01 --steps 5
cp "$work/out" "$work/first"
run --data "$corpus/good/crlf-no-final-newline.csv" --lr 0.01 --steps 5 --batch 1000
if [ $? -eq 0 ] && cmp -s "$work/out" "$work/first"; then pass
else flunk "--batch 1000 of 3 samples: the full batch's bytes"; fi

# -0 is a learning rate PyTorch accepts (0.0 <= -0.0): nothing moves.
run --function booth --lr -0 --steps 1
if [ $? -eq 0 ] && [ "$(tail -n 1 "$work/out")" = "1,74,0,0" ]; then pass
else flunk "--lr -0: exit 0, the start twice"; fi

run --data "$corpus/good/crlf-no-final-newline.csv" --batch 1 --order shuffle:7 --steps 30 --lr 0.01
cp "$work/out" "$work/first"
run --data "$corpus/good/crlf-no-final-newline.csv" --batch 1 --order shuffle:7 --steps 30 --lr 0.01
if [ $? -eq 0 ] && cmp -s "$work/out" "$work/first"; then pass
else flunk "shuffle:7 twice: the same bytes"; fi

for optimizer in sgd adagrad rmsprop adadelta adam adamw adamax nadam; do
    run --function rosenbrock --optimizer "$optimizer" --steps 50
    if [ $? -eq 0 ] && [ "$(wc -l <"$work/out")" -eq 52 ] && finite; then pass
    else flunk "--optimizer $optimizer with its defaults"; fi
done

run --help
if [ $? -eq 0 ] && grep -q '^usage: descent' "$work/out" && grep -q 'nadam' "$work/out"; then pass
else flunk "--help"; fi
# the exit statuses in the words of every chapter program (args.c)
if grep -qxF 'nothing else printed); 3 the run diverged (the finite rows, then a line on stderr).' "$work/out"
then pass; else flunk "--help: the book's exit-status paragraph"; fi
run --version
if [ $? -eq 0 ] && grep -q '^descent [0-9]' "$work/out"; then pass; else flunk "--version"; fi

if command -v gnuplot >/dev/null 2>&1; then
    run --function himmelblau --optimizer rmsprop --lr 0.05 --steps 100 --plot "$work/path.svg"
    if [ $? -eq 0 ] && grep -q '<svg' "$work/path.svg" && [ "$(wc -l <"$work/out")" -eq 102 ]; then pass
    else flunk "--plot FILE.svg: the picture and the CSV"; fi
    run --data "$corpus/good/crlf-no-final-newline.csv" --lr 0.01 --plot "$work/loss.png"
    if [ $? -eq 0 ] && [ -s "$work/loss.png" ]; then pass; else flunk "--plot FILE.png"; fi
    # The title (the command) is a gnuplot string: a backquote there is no command.
    cp "$corpus/good/bare-cr.csv" "$work/\`true\`.csv"
    run --data "$work/\`true\`.csv" --steps 2 --plot "$work/title.svg"
    if [ $? -eq 0 ] && grep -q "'true'.csv" "$work/title.svg"; then pass
    else flunk "--plot: a backquote in the title ran a command"; fi
    # No log scale for a loss at or below 0 (x2sinx near -3; Booth's minimum).
    run --function x2sinx --x0 -3 --lr 0.01 --steps 20 --plot "$work/negative.svg"
    if [ $? -eq 0 ] && grep -q 'linear scale' "$work/negative.svg"; then pass
    else flunk "--plot of a negative loss: a linear scale, exit 0"; fi
    run --function booth --x0 1,3 --optimizer adam --eps 0 --plot "$work/diverged.svg"
    if [ $? -eq 3 ] && [ "$(wc -l <"$work/out")" -eq 2 ] && grep -q '<svg' "$work/diverged.svg"
    then pass; else flunk "--plot of a run that diverges at step 1 from loss 0: exit 3"; fi
fi

mkdir "$work/figure"
run --csv "$work/figure"
if [ $? -eq 0 ] && [ "$(ls "$work/figure" | wc -l)" -eq 8 ] &&
   [ "$(tail -n 1 "$work/figure/adam.csv" | cut -d, -f1)" = 2000 ]; then pass
else flunk "--csv DIR: the figure's eight runs"; fi

# ------------------------------------------------------------- exit 3
run --function quadratic --lr 0.3 --steps 1000
status=$?
if [ $status -eq 3 ] && finite && grep -q '^diverge\|diverged at step' "$work/err" &&
   grep -q 'smaller learning rate' "$work/err" && [ "$(wc -l <"$work/err")" -eq 1 ] &&
   [ "$(head -n 1 "$work/out")" = "step,loss,x1,x2" ]; then pass
else flunk "quadratic, lr 0.3 (|1 - 0.3 * 10| > 1): exit 3 ($status), finite rows, a hint"; fi

# Adam with eps 0 at the minimum: 0 / 0 is NaN in the parameters at step 1.
run --function booth --x0 1,3 --optimizer adam --eps 0 --steps 5
status=$?
if [ $status -eq 3 ] && finite && [ "$(wc -l <"$work/out")" -eq 2 ] &&
   grep -q 'step 1: a parameter became NaN' "$work/err"; then pass
else flunk "adam, eps 0, zero gradient: exit 3 ($status) at step 1"; fi

run --data "$corpus/good/blank-lines-at-end.csv" --lr 10 --steps 1000 --every 7
status=$?
if [ $status -eq 3 ] && finite && [ -s "$work/out" ]; then pass
else flunk "data, lr 10: exit 3 ($status), finite rows"; fi

# --------------------------------------------------- exit 2: the command
usage "nothing to optimise"
usage "--csv DIR takes no other flag" --csv "$work" --function booth
usage "--csv needs a value" --csv
usage "--csv DIR takes no other flag" --function booth --csv "$work"
usage "cannot write $work/no/such/sgd.csv" --csv "$work/no/such"
usage "unknown flag '--foo'" --function booth --foo
usage "unknown flag '-x'" -x
usage "unknown function 'nope'" --function nope
usage "rosenbrock takes 2 parameters, not 1" --function rosenbrock:1
usage "booth takes no parameters" --function booth:1
usage "not both" --function booth --data "$corpus/good/blank-lines-at-end.csv"
usage "unknown optimizer 'adamm'" --function booth --optimizer adamm
usage "--function needs a value" --function
usage "--lr needs a value" --function booth --lr
usage "'abc' is not a finite number" --function booth --lr abc
usage "'nan' is not a finite number" --function booth --lr nan
usage "'inf' is not a finite number" --function booth --lr inf
usage "'1e999' is not a finite number" --function booth --lr 1e999
usage "'' is not a finite number" --function booth --lr ''
usage "'0.1x' is not a finite number" --function booth --lr 0.1x
usage "--lr: '0x10' is not a decimal number" --function booth --lr 0x10
usage "--lr: ' 1' is not a" --function booth --lr ' 1'
usage "'1 ' is not a finite number" --function booth --lr '1 '
usage "--steps: ' 5' is not a decimal number" --function booth --steps ' 5'
usage "--x0: ' 2'" --function booth --x0 '1, 2'
usage "--betas: '0x1p-1' is not a decimal number" --function booth --optimizer adam --betas 0.9,0x1p-1
usage "--function: '0x1' is not a decimal number" --function quadratic:0x1,2
usage "--function: '' in '' is not a finite number" --function quadratic:
usage "--steps: '99999999999999999999' is not a whole number" --function booth --steps 99999999999999999999
usage "--steps: 1000000000001 is outside" --function booth --steps 1000000000001
usage "--optimizer given twice" --function booth --optimizer sgd --optimizer adam
usage "--nesterov given twice" --function booth --momentum 0.9 --nesterov --nesterov
usage "--optimizer needs a value" --function booth --optimizer
usage "unknown flag 'extra'" --function booth extra
usage "--lr given twice" --function booth --lr 0.1 --lr 0.2
usage "--steps: '1.5' is not a whole number" --function booth --steps 1.5
usage "--steps: -1 is outside" --function booth --steps -1
usage "--steps: 'many' is not a whole number" --function booth --steps many
usage "--every: 0 is outside" --function booth --every 0
usage "--x0: 1 values given, the objective has 2" --function booth --x0 1
usage "'nan' in '1,nan' is not a finite number" --function booth --x0 1,nan
usage "--x0: the loss at the start overflows (inf)" --function booth --x0 1e300,1
usage "the loss at the start overflows (inf): the function's parameters are too large" --function rosenbrock:1e200,100
if [ -w /dev/full ]; then
    "$descent" --function booth --steps 100000 >/dev/full 2>"$work/err"
    status=$?
    if [ $status -eq 2 ] && grep -q 'writing the rows failed' "$work/err"; then pass
    else flunk "stdout on a full disk: exit $status, not 2"; fi
fi
usage "--batch applies to --data only" --function booth --batch 2
usage "--epochs applies to --data only" --function booth --epochs 2
usage "--order applies to --data only" --function booth --order shuffle
usage "--no-bias applies to --data only" --function booth --no-bias
usage "--plot: 'x.pdf' must end in .svg or .png" --function booth --plot x.pdf
usage "--plot: cannot write $work/no/such/x.svg" --function booth --plot "$work/no/such/x.svg"

# PyTorch's checks and flags the optimizer does not take.
usage "invalid learning rate" --function booth --lr -0.1
usage "--nesterov needs --momentum above 0" --function booth --nesterov
usage "--nesterov needs --momentum above 0 and --dampening 0" --function booth --nesterov --momentum 0.9 --dampening 0.1
usage "invalid momentum value" --function booth --momentum -0.5
usage "invalid weight_decay value" --function booth --weight-decay -1
usage "beta1 = 1 is outside [0, 1)" --function booth --optimizer adam --betas 1,0.999
usage "beta2 = -0.1 is outside [0, 1)" --function booth --optimizer nadam --betas 0.9,-0.1
usage "--betas takes two numbers" --function booth --optimizer adam --betas 0.9
usage "more than 2 values" --function booth --optimizer adam --betas 0.9,0.99,0.9
usage "invalid epsilon value" --function booth --optimizer adam --eps -1e-8
usage "invalid rho value" --function booth --optimizer adadelta --rho 1.5
usage "invalid alpha value" --function booth --optimizer rmsprop --alpha -1
usage "invalid lr_decay value" --function booth --optimizer adagrad --lr-decay -1
usage "invalid initial_accumulator_value" --function booth --optimizer adagrad --initial-accumulator-value -1
usage "invalid momentum_decay value" --function booth --optimizer nadam --momentum-decay -1
usage "--momentum: the adam optimizer does not take it" --function booth --optimizer adam --momentum 0.9
usage "--amsgrad: the sgd optimizer does not take it" --function booth --amsgrad
usage "--centered: the adam optimizer does not take it" --function booth --optimizer adam --centered
usage "--betas: the rmsprop optimizer does not take it" --function booth --optimizer rmsprop --betas 0.9,0.99
usage "--rho: the adagrad optimizer does not take it" --function booth --optimizer adagrad --rho 0.9
usage "--lr-decay: the adam optimizer does not take it" --function booth --optimizer adam --lr-decay 0.1
usage "--momentum-decay: the adamw optimizer does not take it" --function booth --optimizer adamw --momentum-decay 0.1
usage "--eps: the sgd optimizer does not take it" --function booth --eps 1e-8

# --------------------------------------------------- exit 2: data files
data=$corpus/good/crlf-no-final-newline.csv
usage "--batch: 0 is outside" --data "$data" --batch 0
usage "give --steps or --epochs, not both" --data "$data" --steps 3 --epochs 3
usage "--order: 'random' is neither sequential nor shuffle" --data "$data" --order random
usage "seed 'abc' is not a whole number" --data "$data" --order shuffle:abc
usage "seed '-1' is not a whole number" --data "$data" --order shuffle:-1
usage "--x0: 2 values given, the objective has 3 parameters (w1..wd, then b)" --data "$data" --x0 1,2
usage "cannot read $work/missing.csv: No such file or directory" --data "$work/missing.csv"
usage "cannot read $corpus/bad: Is a directory" --data "$corpus/bad"
if [ "$(id -u)" -ne 0 ]; then    # root reads any file
    cp "$data" "$work/unreadable.csv" && chmod 000 "$work/unreadable.csv"
    usage "cannot read $work/unreadable.csv: Permission denied" --data "$work/unreadable.csv"
fi
usage "--epochs: 1000000000001 is outside" --data "$data" --epochs 1000000000001
usage "--epochs 1000000000000: more than 10^12 updates" --data "$data" --epochs 1000000000000 --batch 1

usage "nan.csv:2:1:" --data "$corpus/bad/nan.csv" --plot "$work/never.svg"
if [ ! -e "$work/never.svg" ]; then pass; else flunk "a refused run left a --plot file"; fi

bad empty.csv "1:1: empty file"
bad header-only.csv "2:1: no data rows after the header"
bad one-column.csv "1:1: the header names 1 column"
bad empty-column-name.csv "1:3: empty column name in the header"
bad no-header.csv "1:1: header cell '1' is a number"
bad row-too-short.csv "3:4: this row has 2 cells, the header has 3"
bad row-too-long.csv "3:4: this row has 3 cells, the header has 2"
bad trailing-comma.csv "2:4: this row has 3 cells, the header has 2"
bad not-a-number.csv "3:3: 'abc' is not a number (column 'y')"
bad empty-cell.csv "2:3: empty cell (column 'y')"
bad nan.csv "2:1: 'nan' is not a finite number (column 'x')"
bad inf.csv "2:3: '-inf' is not a finite number (column 'y')"
bad overflow.csv "2:1: '1e999' is not a finite number (column 'x')"
bad blank-line-inside.csv "3:1: empty line"
bad crlf-bad-cell.csv "3:3: '4x' is not a number (column 'y')"
bad quoted.csv "2:1: '\"1\"' is not a number (column '\"x\"')"
bad two-numbers-in-a-cell.csv "2:1: '1 2' is not a number"
bad semicolons.csv "1:1: the header names 1 column; the lab needs at least 2, separated by commas"
bad spaces-only-row.csv "3:4: this row has 1 cell, the header has 2"
bad nul-byte.csv "2:3: a NUL byte in this cell"
usage "the loss at the start overflows (inf): the data's values are too large to square" --data "$corpus/bad/too-large-to-square.csv"
bad hexadecimal.csv "2:1: '0x10' is not a decimal number (column 'x')"
bad plus-inf.csv "3:1: '+inf' is not a finite number (column 'x')"
bad byte-order-mark-no-header.csv "1:1: header cell '1' is a number"

echo "A-lab: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
