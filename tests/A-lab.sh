#!/bin/sh
# tests/A-lab.sh: the lab's command line, every exit status (make check runs
# it with $BUILD set).  Bad usage and bad files (the corpus in
# tests/A-lab/bad/) must exit 2 with one line on stderr naming the problem
# and nothing on stdout; a divergence exits 3 with only finite rows; a run
# exits 0 with the CSV the manual describes.
set -u
: "${BUILD:=build}"
. tests/cli.sh      # one_line, one_line_says; expect_pytorch_agrees at the end
# Absolute paths: one test runs in a scratch directory (BUILD may be either).
case $BUILD in /*) descent=$BUILD/descent ;; *) descent=$(pwd)/$BUILD/descent ;; esac
corpus=$(pwd)/tests/A-lab
passed=0 failed=0
work=$(mktemp -d)
trap 'rm -rf "$work" "$cli_out" "$cli_err"' EXIT

pass() { passed=$((passed + 1)); }
flunk() {
    failed=$((failed + 1))
    echo "FAIL: $*"
    echo "  stdout: $(head -c 300 "$work/out")"
    echo "  stderr: $(head -c 300 "$work/err")"
}

run() { "$descent" "$@" >"$work/out" 2>"$work/err"; }

# usage MESSAGE ARGS...: exit 2, no stdout, one stderr line containing MESSAGE
# (read by the shell itself, tests/cli.sh's one_line: no wc or grep started
# for each of the 170 cases).
usage() {
    message=$1
    shift
    run "$@"
    status=$?
    if [ $status -ne 2 ]; then flunk "descent $*: exit $status, not 2"; return; fi
    if [ -s "$work/out" ]; then flunk "descent $*: printed on stdout"; return; fi
    if ! one_line "$work/err"; then flunk "descent $*: not one line on stderr"; return; fi
    if ! one_line_says "$message"; then flunk "descent $*: no '$message'"; return; fi
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
    # No text the user gives is read by gnuplot as a command: picture names
    # and data file names (which are in the title) with every gnuplot
    # special, a shell command in each.  The picture lands at exactly that
    # path, well-formed, and no command ran.
    mkdir "$work/specials" && cd "$work/specials" || exit 1
    for name in '|mkdir EVIL;.svg' '<mkdir EVIL.svg' '@EVIL.svg' '`mkdir EVIL`.svg' \
                "q'x\"\\y.svg" "$(printf 'new\nline.svg')" "$(printf 'bad\377\376utf8.svg')" \
                '$(mkdir EVIL).svg' 'a;mkdir EVIL;.png' "$(printf 'esc\033]0;x\007.svg')"; do
        cp "$corpus/good/bare-cr.csv" "./$name.csv"
        "$descent" --data "./$name.csv" --steps 2 --plot "./$name" >"$work/out" 2>"$work/err"
        status=$?
        if [ $status -eq 0 ] && [ -s "./$name" ] && [ ! -d EVIL ] && [ ! -d "$OLDPWD/EVIL" ] &&
           [ ! -s "$work/err" ] &&
           { case "$name" in *.png) true;; *) ! command -v xmllint >/dev/null ||
               xmllint --noout "./$name" 2>/dev/null;; esac; }; then pass
        else flunk "--plot and --data named $(printf '%s' "$name" | od -An -c | tr -s ' '): exit $status"; fi
    done
    cd "$OLDPWD" || exit 1
    # ... and the title shows the name as text: the backquotes themselves.
    if grep -q 'mkdir EVIL`.svg.csv' "$work/specials/\`mkdir EVIL\`.svg"; then pass
    else flunk "--plot: the title shows a backquoted name as it is"; fi
    # A plot that fails keeps the run's own status and leaves no temporary
    # folder: a gnuplot that says "x range is invalid" and exits 1.
    mkdir "$work/fakebin"
    printf '#!/bin/sh\ncat >/dev/null\necho "         line 0: x range is invalid" >&2\nexit 1\n' \
        >"$work/fakebin/gnuplot"
    chmod +x "$work/fakebin/gnuplot"
    mkdir "$work/tmp"
    PATH="$work/fakebin:$PATH" TMPDIR="$work/tmp" "$descent" --function quadratic --lr 0.3 --steps 1000 \
        --plot "$work/fail.svg" >"$work/out" 2>"$work/err"
    status=$?
    if [ $status -eq 3 ] && [ "$(wc -l <"$work/err")" -eq 1 ] &&
       grep -q 'diverged at step.*--plot failed: gnuplot: line 0: x range is invalid' "$work/err" &&
       [ -z "$(ls "$work/tmp")" ]; then pass
    else flunk "a failing plot of a divergence: exit 3 ($status), one line, no temporary folder"; fi
    PATH="$work/fakebin:$PATH" TMPDIR="$work/tmp" "$descent" --function booth --steps 3 \
        --plot "$work/fail.svg" >"$work/out" 2>"$work/err"
    status=$?
    if [ $status -eq 2 ] && grep -q -- '--plot: gnuplot: line 0: x range is invalid' "$work/err" &&
       [ "$(wc -l <"$work/out")" -eq 5 ] && [ ! -e "$work/fail.svg" ] &&
       [ -z "$(ls "$work/tmp")" ]; then pass
    else flunk "a failing plot of a finished run: exit 2 ($status), the rows, no picture"; fi
    # Standard output closed (>&-): the rows are not written into the
    # temporary file that took descriptor 1; the run says so, exit 2.
    "$descent" --function booth --steps 3 --plot "$work/closed.svg" >&- 2>"$work/err"
    status=$?
    if [ $status -eq 2 ] && grep -q 'writing standard output failed: standard output is closed' "$work/err"
    then pass; else flunk "--plot with stdout closed: exit 2 ($status)"; fi
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
# The figure's caption, on its data: RMSprop and SGD end lowest, then
# Adadelta; Adagrad and the Adam family "hardly move": each ends above
# f = 4 (SGD ends at 0.195) with x1 still below -1, less than a fifth of
# the way from -1.5 to the minimum at 1; Adadelta's loss goes down, then
# back up: its last value more than twice its lowest, reached before 1000.
order=$(for optimizer in sgd adagrad rmsprop adadelta adam adamw adamax nadam; do
            tail -n 1 "$work/figure/$optimizer.csv" | awk -F, -v o="$optimizer" '{ print $2, o }'
        done | sort -g | awk '{ printf "%s ", $2 }')
case $order in
    "rmsprop sgd adadelta "*) pass ;;
    *) flunk "defaults figure: the runs by final loss are '$order', not RMSprop, SGD, Adadelta first" ;;
esac
stuck=$(for optimizer in adagrad adam adamw adamax nadam; do
            tail -n 1 "$work/figure/$optimizer.csv" |
                awk -F, -v o="$optimizer" '!($2 > 4 && $3 < -1) { printf "%s ", o }'
        done)
if [ -z "$stuck" ]; then pass
else flunk "defaults figure: $stuck ended below f = 4 or past x1 = -1 (the caption: they hardly move)"; fi
if awk -F, 'NR > 1 { if (!low || $2 < low) { low = $2; at = $1 } last = $2 }
            END { exit !(at < 1000 && last > 2 * low) }' "$work/figure/adadelta.csv"; then pass
else flunk "defaults figure: Adadelta's loss does not go down then back up"; fi

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
usage "'abc' is not a number (write e.g. 16, 0.5 or 1e-3)" --function booth --lr abc
usage "'nan' is not a finite number" --function booth --lr nan
usage "'inf' is not a finite number" --function booth --lr inf
usage "'1e999' is not a finite number" --function booth --lr 1e999
usage "--lr: '' is empty: give a number" --function booth --lr ''
usage "'0.1x' is not a number" --function booth --lr 0.1x
usage "--lr: '0x10' is not a decimal number" --function booth --lr 0x10
usage "--lr: ' 1' is not a" --function booth --lr ' 1'
usage "'1 ' is not a number" --function booth --lr '1 '
usage "--x0: ' 2'" --function booth --x0 '1, 2'
usage "--betas: '0x1p-1' is not a decimal number" --function booth --optimizer adam --betas 0.9,0x1p-1
usage "--function: '0x1' is not a decimal number" --function quadratic:0x1,2
usage "--function: '' is empty: give a number" --function quadratic:
usage "--x0: 'abc' is not a number (write" --function booth --x0 abc
usage "--x0: '' in '1,,2' is empty" --function booth --x0 1,,2
usage "--steps: 99999999999999999999 is too large: it must be in [0, 1000000000000]" --function booth --steps 99999999999999999999
usage "--steps: 1000000000001 is outside" --function booth --steps 1000000000001
usage "--optimizer given twice" --function booth --optimizer sgd --optimizer adam
usage "--nesterov given twice" --function booth --momentum 0.9 --nesterov --nesterov
usage "--optimizer needs a value" --function booth --optimizer
usage "unknown flag 'extra'" --function booth extra
usage "--lr given twice" --function booth --lr 0.1 --lr 0.2
usage "--steps: '1.5' is not a whole number" --function booth --steps 1.5
usage "--steps: -1 is outside" --function booth --steps -1
usage "--steps: 'many' is not a whole number" --function booth --steps many
# A whole number written with an exponent is one (1e12 updates is the
# limit); a fraction, or a value past the range, is not.
run --function booth --steps 2.5e2 --every 1000
if [ $? -eq 0 ] && [ "$(tail -n 1 "$work/out" | cut -d, -f1)" = 250 ]; then pass
else flunk "--steps 2.5e2: 250 updates"; fi
usage "--steps: '1e-3' is not a whole number" --function booth --steps 1e-3
usage "--steps: 1e13 is outside [0, 1000000000000]" --function booth --steps 1e13
usage "--steps: ' 5' is not a whole number (write digits only, e.g. 100)" --function booth --steps ' 5'
# What the user typed is quoted, but never 100 000 characters of it: a long
# word is cut around a "…", and the message keeps its advice.
long=$(printf '%0100000d' 0 | tr 0 a)
usage "unknown optimizer 'aaaaaaaaaa" --function booth --optimizer "$long"
if [ "$(wc -c <"$work/err")" -lt 300 ] && grep -qF "a…aaaa" "$work/err" &&
   grep -qF "aaaa' (known: sgd," "$work/err"; then pass
else flunk "--optimizer with 100000 letters: a short line, cut with …, the known names kept"; fi
usage "--every: 0 is outside" --function booth --every 0
usage "--x0: 1 value given, the objective has 2 parameters" --function booth --x0 1
usage "--x0: 2 values given, the objective has 1 parameter" --function x2sinx --x0 1,2
usage "'nan' in '1,nan' is not a finite number" --function booth --x0 1,nan
usage "--x0: the loss at the start overflows (inf)" --function booth --x0 1e300,1
usage "the loss at the start overflows (inf): the function's parameters are too large" --function rosenbrock:1e200,100
if [ -w /dev/full ]; then
    "$descent" --function booth --steps 100000 >/dev/full 2>"$work/err"
    status=$?
    if [ $status -eq 2 ] && [ "$(wc -l <"$work/err")" -eq 1 ] &&
       grep -q 'writing standard output failed: No space left on device' "$work/err"; then pass
    else flunk "stdout on a full disk: exit $status, not 2"; fi
fi
usage "--batch applies to --data only" --function booth --batch 2
usage "--epochs applies to --data only" --function booth --epochs 2
usage "--order applies to --data only" --function booth --order shuffle
usage "--no-bias applies to --data only" --function booth --no-bias
usage "--plot: 'x.pdf' must end in .svg or .png" --function booth --plot x.pdf
# --plot refuses a place it cannot write as --csv does (the toolkit's
# output_check_writable): the missing folder named, with what to do.
usage "--plot: cannot write $work/no/such/x.svg: there is no folder $work/no/such: create it first (mkdir -p $work/no/such)" \
    --function booth --plot "$work/no/such/x.svg"
usage "--plot: cannot write $corpus/seven-samples.csv/x.svg: $corpus/seven-samples.csv is a file, not a folder: give --plot a file in a folder" \
    --function booth --plot "$corpus/seven-samples.csv/x.svg"
mkdir -p "$work/folder.svg"
usage "--plot: cannot write $work/folder.svg: it is a folder, not a file: give --plot a file name" \
    --function booth --plot "$work/folder.svg"
locked=$(unwritable_folder)
if [ -n "$locked" ]; then
    usage "give --plot a file you can write to" --function booth --plot "$locked/x.svg"
    usage "give --csv a folder you can write to" --csv "$locked"
fi

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
usage "--order: unknown order 'random' (known: sequential, shuffle, shuffle:SEED)" --data "$data" --order random
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
bad two-numbers-in-a-cell.csv "2:1: '1 2' is not a number"
bad semicolons.csv "1:1: the header names 1 column; the lab needs at least 2: this file is separated by ';'"
bad nul-byte.csv "2:4: a NUL byte: is this a text file?"
usage "the loss at the start overflows (inf): the data's values are too large to square" --data "$corpus/bad/too-large-to-square.csv"
bad hexadecimal.csv "2:1: '0x10' is not a decimal number (column 'x')"
bad plus-inf.csv "3:1: '+inf' is not a finite number (column 'x')"
bad byte-order-mark-no-header.csv "1:1: header cell '1' is a number"

# Habits of spreadsheets, R and pandas: each named, with what to do.
bad pandas-index.csv "1:1: empty column name in the header: the first column looks like an index (pandas: save with to_csv(..., index=False)"
bad r-row-names.csv "1:1: empty column name in the header: the first column looks like an index"
bad empty-last-column.csv "1:5: empty column name in the header: an empty last column"
bad tabs.csv "1:1: the header names 1 column; the lab needs at least 2: this file is separated by tabs"
bad semicolons-decimal-commas.csv "1:1: the header names 1 column; the lab needs at least 2: this file is separated by ';'"
bad excel-sep.csv "1:1: the header names 1 column; the lab needs at least 2: 'sep=' is a line for Excel only"
bad decimal-comma.csv "2:1: '1,5' is not a number (column 'x'): a decimal comma; save with a point"
bad thousands.csv "2:1: '1,234,567' is not a number (column 'x'): thousands separators"
bad missing-na.csv "2:3: 'NA' is not a number (column 'y'): a missing value; drop the incomplete rows"
bad empty-cell.csv "2:3: empty cell (column 'y'): a missing value"
bad utf16.csv "1:1: UTF-16 text"
bad utf16-no-bom.csv "1:2: a NUL byte: is this a text file? (UTF-16 text"
bad comment-first.csv "1:1: a comment line before the header"
bad comment-inside.csv "2:1: '# a note' is not a number (column 'x'): a comment?"
bad currency.csv "2:1: '\$5' is not a number (column 'x'): a unit or currency sign"
bad percent.csv "2:1: '5%' is not a number (column 'x'): a unit or currency sign"
bad boolean.csv "2:1: 'TRUE' is not a number (column 'x'): the lab reads numbers only; write yes/no as 1/0"
# RFC 4180 quoting, read by libcsv: errors keep their file:line:column.
bad quote-inside.csv "2:2: a quote in the wrong place"
bad text-after-quote.csv "2:4: a quote in the wrong place"
bad unclosed-quote.csv "2:1: a quote opened on this line is never closed"
bad after-quoted-newline.csv "4:3: 'x' is not a number (column 'y')"
# Control bytes are shown escaped: one clean line, no terminal escape.
bad terminal-escape.csv "2:3: '\\x1b]0;hi\\x07' is not a number (column 'y')"
if ! grep -q "$(printf '\033')" "$work/err"; then pass; else flunk "a raw ESC on stderr"; fi
usage "unknown function 'ros\\nenbrock'" --function "$(printf 'ros\nenbrock')"
usage "unknown flag '--\\x1b[2J'" --function booth "$(printf -- '--\033[2J')"
usage "unknown flag '--\\xff\\xfe'" --function booth "$(printf -- '--\377\376')"
# --data /dev/zero: refused at its first byte, not read until memory runs out.
usage "/dev/zero:1:1: a NUL byte" --data /dev/zero

# Out of memory is exit 2 with one line, not a crash or exit 1: a file of
# 4 million cells (32 MB of doubles) under a 30 MB address-space limit.
awk 'BEGIN { print "x,y"; for (i = 0; i < 2000000; i++) print "1,2" }' >"$work/large.csv"
# A build that cannot even start under that limit (AddressSanitizer reserves
# terabytes of address space) cannot show it: the case is skipped, saying so.
( ulimit -v 30000 2>/dev/null || exit 0
  if ! "$descent" --version >/dev/null 2>&1; then
      echo "skipped: out of memory (this build does not start in 30 MB of address space)" >&2
      exit 0
  fi
  "$descent" --data "$work/large.csv" --steps 0 >"$work/out" 2>"$work/err"
  status=$?
  [ $status -eq 2 ] && [ "$(wc -l <"$work/err")" -eq 1 ] &&
      grep -q 'out of memory at .*: the input is too large for this machine' "$work/err" )
if [ $? -eq 0 ]; then pass; else flunk "out of memory: exit 2 and one line"; fi
rm -f "$work/large.csv"

# Read as people save them: every cell quoted, a quoted header with a line
# break and doubled quotes, spaces inside quotes, names like numbers (the
# one rule: only a decimal numeral is a number), a pandas index (a warning).
run --data "$corpus/good/quoted.csv" --steps 1
if [ $? -eq 0 ] && [ "$(sed -n 2p "$work/out")" = "0,4,0,0" ] && [ ! -s "$work/err" ]; then pass
else flunk "every cell quoted: read"; fi
run --data "$corpus/good/quoted-newline-and-quotes.csv" --steps 0
if [ $? -eq 0 ] && [ "$(sed -n 2p "$work/out")" = "0,22.5,0,0,0" ]; then pass
else flunk "a quoted header with a line break: 2 rows, loss (9 + 36) / 2"; fi
run --data "$corpus/good/header-names-like-numbers.csv" --steps 0
if [ $? -eq 0 ] && [ "$(head -n 1 "$work/out")" = "step,loss,w1,w2,w3,b" ]; then pass
else flunk "header cells nan, Infinity, 0x1F are names"; fi
run --data "$corpus/good/pandas-unnamed-index.csv" --steps 0
if [ $? -eq 0 ] && [ "$(wc -l <"$work/err")" -eq 1 ] &&
   grep -q "1:1: warning: column 'Unnamed: 0' looks like a pandas index.*index=False" "$work/err"
then pass; else flunk "'Unnamed: 0': read, with one warning"; fi
run --data "$corpus/good/spaces-only-last-line.csv" --steps 0
if [ $? -eq 0 ] && [ "$(wc -l <"$work/out")" -eq 2 ]; then pass
else flunk "a last line of spaces is a blank line"; fi
# A numeral of 128 characters or more: the same rule on the command line as
# in a file (tests/A-lab/good/long-numeral.csv).
long=$(awk 'BEGIN { printf "0."; for (i = 0; i < 300; i++) printf "0"; print "1" }')
run --function booth --lr "$long" --steps 1
if [ $? -eq 0 ] && [ "$(wc -l <"$work/out")" -eq 3 ]; then pass
else flunk "--lr with a 303-character numeral"; fi

# A long run with few rows shows its start at once (the header and row 0),
# not when the block buffer fills, hours later: 10^12 steps, stopped as
# soon as the two lines are there (or after 20 s, a failure).
: >"$work/long"
"$descent" --function booth --steps 1000000000000 --every 1000000000000 >>"$work/long" 2>&1 &
long=$! waited=0
while [ "$(wc -l <"$work/long")" -lt 2 ] && [ $waited -lt 200 ]; do
    sleep 0.1; waited=$((waited + 1))
done
kill $long 2>/dev/null; wait $long 2>/dev/null
if [ "$(head -n 2 "$work/long")" = "$(printf 'step,loss,x1,x2\n0,74,0,0')" ]; then pass
else flunk "a run of 10^12 steps shows nothing of its start within 20 s"; fi

# --standardize: y = 2x + 1 on x = 1, 2, 3 (mean 2, standard deviation
# sqrt(2/3)) becomes y = 2 sqrt(2/3) z + 5 in standardized units; the
# statistics once on stderr, the units in the header.  Tolerance 1e-12:
# 2000 steps of a contraction by 0.8 per step leave far less than that.
run --data "$corpus/good/line.csv" --standardize --lr 0.1 --steps 2000 --every 2000
if [ $? -eq 0 ] && [ "$(head -n 1 "$work/out")" = "step,loss,std_w1,std_b" ] &&
   [ "$(wc -l <"$work/err")" -eq 1 ] && grep -q 'x1 2 0.816497$' "$work/err" &&
   tail -n 1 "$work/out" | awk -F, '{ w = 2 * sqrt(2 / 3); d1 = $3 - w; d2 = $4 - 5
       exit !(d1 < 1e-12 && d1 > -1e-12 && d2 < 1e-12 && d2 > -1e-12) }'; then pass
else flunk "--standardize on y = 2x + 1: std_w1 = 2 sqrt(2/3), std_b = 5"; fi
usage "--standardize: feature 2 of $work/constant.csv, column 'c' (number 2), is constant" \
    --data "$(printf 'x,c,y\n1,5,2\n2,5,3\n' >"$work/constant.csv"; echo "$work/constant.csv")" --standardize
usage "--standardize given twice" --data "$corpus/good/line.csv" --standardize --standardize
# A refusal after --standardize has read the data is still one line: the
# statistics are printed only once every check has passed.
usage "--plot: cannot write" --data "$corpus/good/line.csv" --standardize \
    --plot "$work/no-such-folder/run.svg"
usage "the loss at the start overflows" --standardize \
    --data "$(printf 'x,y\n1,1e300\n2,1e300\n' >"$work/huge-y.csv"; echo "$work/huge-y.csv")"
usage "--standardize applies to --data only" --function booth --standardize
# The divergence hint names the cause: features whose scales differ by
# orders of magnitude (square feet beside bedrooms; made-up numbers) get
# --standardize; scaled, the same rate is stable.
run --data "$corpus/good/scales-apart.csv" --lr 0.01 --steps 100
if [ $? -eq 3 ] && grep -q "the features' scales differ 590-fold: try --standardize, or a smaller learning rate than --lr 0.01" "$work/err"
then pass; else flunk "scales 590-fold apart: the hint names --standardize"; fi
run --data "$corpus/good/scales-apart.csv" --lr 0.01 --steps 100 --standardize
if [ $? -eq 0 ]; then pass; else flunk "the same run, standardized: exit 0"; fi
run --data "$corpus/good/blank-lines-at-end.csv" --lr 10 --steps 1000
if [ $? -eq 3 ] && ! grep -q standardize "$work/err"; then pass
else flunk "one feature: no --standardize hint"; fi
# Centered RMSprop at --lr 0: the gradient never changes, v - m^2 rounds
# below 0 and its square root is NaN.  The message names that, neither
# --eps (not 0 here) nor a rate below 0; without --centered, no NaN.
run --function booth --optimizer rmsprop --centered --lr 0 --alpha 0.5 --steps 100
if [ $? -eq 3 ] && grep -q "step 53: a parameter became NaN: centered RMSprop's variance estimate v - m^2 rounded below 0" "$work/err" &&
   grep -q 'run without --centered$' "$work/err" && ! grep -q -- '--eps\|smaller learning rate' "$work/err"
then pass; else flunk "centered RMSprop, lr 0: the real cause of the NaN"; fi
run --function booth --optimizer rmsprop --lr 0 --alpha 0.5 --steps 100
if [ $? -eq 0 ]; then pass; else flunk "the same without --centered: no NaN"; fi
run --function booth --x0 1,3 --optimizer adam --eps 0 --steps 5
if [ $? -eq 3 ] && grep -q 'a zero --eps allows 0/0; otherwise try a smaller learning rate than --lr 0.001 (the default)$' "$work/err"
then pass; else flunk "adam with --eps 0: the hint names --eps"; fi
run --function booth --x0 1,3 --optimizer adam --eps 0 --lr 0 --steps 5
if [ $? -eq 3 ] && ! grep -q 'smaller learning rate' "$work/err"; then pass
else flunk "--lr 0: never a rate below 0"; fi
# The rate named is the one the user gave or the default, said so (a
# scheduler's growing rate is not the user's); a setting PyTorch takes but
# that lies outside its usual range is named first.
run --function rosenbrock --scheduler exponentiallr --gamma 1e308 --steps 5
if [ $? -eq 3 ] && ! grep -q -- '--lr inf' "$work/err" &&
   grep -q -- '--gamma 1e+308 is above 1: exponentiallr multiplies the learning rate by it every step' "$work/err" &&
   grep -q 'otherwise try a smaller learning rate than --lr 0.001 (the default)$' "$work/err"
then pass; else flunk "exponentiallr --gamma 1e308: names gamma and the default lr, never --lr inf"; fi
run --function rosenbrock --optimizer adam --weight-decay 1e308
if [ $? -eq 3 ] && grep -q -- '; --weight-decay 1e+308 is far above its usual range' "$work/err"
then pass; else flunk "adam --weight-decay 1e308: names the weight decay"; fi
run --function rosenbrock --optimizer rmsprop --alpha 1
if [ $? -eq 3 ] && grep -q -- "; --alpha 1 is not below 1: RMSprop's running average of g^2 never leaves 0" "$work/err" &&
   grep -q 'than --lr 0.01 (the default)$' "$work/err"
then pass; else flunk "rmsprop --alpha 1: names alpha, and 0.01 as the default"; fi
run --function rosenbrock --lr 0.01
if [ $? -eq 3 ] && grep -q '; try a smaller learning rate than --lr 0.01$' "$work/err"
then pass; else flunk "--lr 0.01 given: named as given, no suspect"; fi
run --function booth --scheduler onecyclelr --max-lr 10
if [ $? -eq 3 ] && grep -q '; try a smaller --max-lr than 10$' "$work/err"
then pass; else flunk "onecyclelr: the rate to lower is --max-lr"; fi

# Every write checked, in every program: stdout on a full disk exits 2 with
# one line naming standard output and the system's reason.
if [ -w /dev/full ]; then
    for command in "$descent --version" "$descent --help" "$descent --function booth" \
                   "$descent --data $corpus/good/quoted.csv --epochs 3"; do
        $command >/dev/full 2>"$work/err"
        status=$?
        if [ $status -eq 2 ] && [ "$(wc -l <"$work/err")" -eq 1 ] &&
           grep -q 'writing standard output failed: No space left on device' "$work/err"; then pass
        else flunk "$command >/dev/full: exit $status"; fi
    done
    # The same check, made once in the toolkit (fail.c), holds for every
    # program of the book: its default output, --help, and a CSV mode.
    for command in "ch01" "ch01 --help" "ch01 --example 1 --steps 1000" "ch02" "ch02 --help" \
                   "ch02 --lr 0.1 --steps 100000" "ch04" "ch04 --help" "ch04 --example sgd" \
                   "ch06" "ch06 --help" "ch06 --lr 0.01 --momentum 0.9" "ch07" "ch07 --help" \
                   "ch07 --optimizer rmsprop --steps 1000" "ch08" "ch08 --help" "ch08 --example race" \
                   "ch05" "ch05 --help" "ch05 --values" "ch05 --example steps" \
                   "ch03" "ch03 --help" "ch09" "ch09 --help" "ch10" "ch10 --help"; do
        [ -x "$BUILD/${command%% *}" ] || continue
        $BUILD/$command >/dev/full 2>"$work/err"
        status=$?
        if [ $status -eq 2 ] && [ "$(wc -l <"$work/err")" -eq 1 ] &&
           grep -q 'writing standard output failed: No space left on device' "$work/err"; then pass
        else flunk "$command >/dev/full: exit $status"; fi
    done
    if [ -x "$BUILD/ch04" ]; then     # make check CH=A builds the lab alone
        "$BUILD/ch04" --write-data /dev/full 2>"$work/err"
        if [ $? -eq 2 ] && grep -q 'writing /dev/full failed: No space left on device' "$work/err"
        then pass; else flunk "ch04 --write-data /dev/full: exit 2 with the reason"; fi
    fi
    # A long run stops at the first failed write, not after its last step.
    "$descent" --function booth --steps 1000000000 >/dev/full 2>"$work/err"
    if [ $? -eq 2 ]; then pass; else flunk "10^9 steps into /dev/full: not stopped early"; fi
    # --csv DIR on a full disk: the file named, with the reason.
    mkdir -p "$work/full" && ln -sf /dev/full "$work/full/sgd.csv"
    run --csv "$work/full"
    if [ $? -eq 2 ] && grep -q "writing $work/full/sgd.csv failed: No space left on device" "$work/err"
    then pass; else flunk "--csv DIR into a full file: exit 2 naming it"; fi
fi
# ch04 and ch08 check every --csv file before printing anything: a file
# that cannot be written (here a folder in its place) means exit 2 and no
# table on stdout.
for case in "ch04 order_shuffled.csv" "ch08 race_saddle_adam.csv" "ch08 decay.csv"; do
    program=${case% *} file=${case#* }
    [ -x "$BUILD/$program" ] || continue
    rm -rf "$work/figures" && mkdir -p "$work/figures/$file"
    "$BUILD/$program" --csv "$work/figures" >"$work/out" 2>"$work/err"
    status=$?
    if [ $status -eq 2 ] && [ ! -s "$work/out" ] && [ "$(wc -l <"$work/err")" -eq 1 ] &&
       grep -qF "cannot write $work/figures/$file: it is a folder, not a file: move it away or give --csv another folder" "$work/err" &&
       [ "$(ls "$work/figures")" = "$file" ]; then pass
    else flunk "$program --csv with $file unwritable: exit $status, no table, no file"; fi
done
# A closed pipe (SIGPIPE ignored, as some shells and Python do): stops at once.
( trap '' PIPE; "$descent" --function booth --steps 1000000000 2>"$work/err" | head -n 1 >/dev/null )
if grep -q 'writing standard output failed: Broken pipe' "$work/err"; then pass
else flunk "a closed pipe: stopped with 'Broken pipe'"; fi
# A --csv path longer than any buffer: written, or refused by the system,
# never shortened into another name; the message quotes it cut around a
# "…", keeping its start and its end.
deep=$work/$(awk 'BEGIN { for (i = 0; i < 30; i++) printf "%0200d/", i }')
run --csv "$deep"
if [ $? -eq 2 ] && grep -qF "cannot write $work/00000" "$work/err" &&
   grep -qF "…00000000" "$work/err" && grep -qF "0029//sgd.csv: File name too long" "$work/err" &&
   [ "$(wc -c <"$work/err")" -lt 300 ]; then pass
else flunk "--csv with a 6000-character folder: refused by the system, its name cut in the message"; fi

# ------------------------------------ chapters 9 and 10: schedules, clipping
# StepLR halves the rate every 2 updates: the lr column is the rate of the
# update that made the row, row 0 the first update's.
run --function booth --lr 0.01 --steps 5 --scheduler steplr --step-size 2 --gamma 0.5
if [ $? -eq 0 ] && [ "$(head -n 1 "$work/out")" = "step,loss,x1,x2,lr" ] &&
   [ "$(cut -d, -f5 "$work/out" | tr '\n' ' ')" = \
     "lr 0.01 0.01 0.01 0.0050000000000000001 0.0050000000000000001 0.0025000000000000001 " ]
then pass; else flunk "--scheduler steplr: the lr column 0.01, 0.01, 0.01, 0.005, 0.005, 0.0025"; fi
# Per epoch (3 samples, batch 1: 3 updates an epoch), on data with a bias.
run --data chapters/A-lab/three-samples.csv --batch 1 --epochs 3 --lr 0.01 \
    --scheduler exponentiallr --gamma 0.5 --scheduler-every epoch
if [ $? -eq 0 ] && [ "$(head -n 1 "$work/out")" = "step,loss,w1,w2,b,lr" ] &&
   [ "$(cut -d, -f6 "$work/out" | sed 1d | uniq -c | awk '{ printf "%s x %s; ", $1, $2 }')" = \
     "4 x 0.01; 3 x 0.0050000000000000001; 3 x 0.0025000000000000001; " ]
then pass; else flunk "--scheduler-every epoch: the rate changes after every third update"; fi
# OneCycleLR: total_steps defaults to the run's updates, so the run ends at
# the bottom of the cycle, max_lr / 25 / 1e4 = 4e-7 at update 10.
run --function booth --optimizer sgd --momentum 0.9 --steps 10 --scheduler onecyclelr --max-lr 0.1
if [ $? -eq 0 ] && [ "$(sed -n 2p "$work/out" | cut -d, -f5)" = "0.0040000000000000036" ] &&
   [ "$(tail -n 1 "$work/out" | cut -d, -f1)" = "10" ]
then pass; else flunk "--scheduler onecyclelr: starts at max_lr / 25, runs its 10 steps"; fi
# Clipping booth's first gradient (-34, -38) from (0, 0).
run --function booth --lr 0.1 --steps 1 --clip-grad-value 1
if [ $? -eq 0 ] && [ "$(sed -n 3p "$work/out" | cut -d, -f3,4)" = "0.10000000000000001,0.10000000000000001" ]
then pass; else flunk "--clip-grad-value 1: the step is lr times (1, 1)"; fi
run --function booth --lr 0.1 --steps 1 --clip-grad-norm 1
if [ $? -eq 0 ] && sed -n 3p "$work/out" |
   awk -F, '{ n = sqrt($3 * $3 + $4 * $4); exit !(n < 0.1 && n > 0.1 * (1 - 1e-7) && $3 / $4 < 34 / 38 + 1e-12 && $3 / $4 > 34 / 38 - 1e-12) }'
then pass; else flunk "--clip-grad-norm 1: a step of length 0.1 in the direction of (34, 38)"; fi
# Value first, then norm: (-30, -30) scaled to length 40 keeps x1 = x2; the
# norm first would give (-26.7, -29.8), then nothing to clamp, x1 != x2.
run --function booth --lr 0.1 --steps 1 --clip-grad-norm 40 --clip-grad-value 30
if [ $? -eq 0 ] && sed -n 3p "$work/out" | awk -F, '{ exit !($3 == $4 && $3 < 3) }'
then pass; else flunk "--clip-grad-value then --clip-grad-norm: the value first"; fi
# Chapter 10's chain explodes at its first update; clipped, it converges.
run --function chain:10,1.5 --lr 0.1 --steps 1000
if [ $? -eq 3 ] && finite && grep -q 'diverged at step 2: the loss overflowed' "$work/err"
then pass; else flunk "chain:10,1.5 --lr 0.1: exit 3 at step 2"; fi
run --function chain:10,1.5 --lr 0.1 --steps 1000 --clip-grad-norm 1
if [ $? -eq 0 ] && [ "$(tail -n 1 "$work/out")" = "1000,0,1,1,1,1,1,1,1,1,1,1" ]
then pass; else flunk "chain:10,1.5 clipped at norm 1: every weight 1, loss 0"; fi
for spec in chain:10,1.5 tanh-chain:6,0.8 plateau; do
    run --function $spec --gradcheck --steps 1
    if [ $? -eq 0 ] && grep -q 'largest relative error .*: pass$' "$work/err"; then pass
    else flunk "--function $spec --gradcheck: the exact gradient passes"; fi
done

usage "--gamma applies to a learning-rate schedule only: give --scheduler NAME too" \
    --function booth --gamma 0.5
usage "--step-size: the cosineannealinglr scheduler does not take it (it takes --t-max --eta-min)" \
    --function booth --scheduler cosineannealinglr --t-max 5 --step-size 2
usage "--scheduler steplr needs --step-size N (PyTorch's step_size has no default)" \
    --function booth --scheduler steplr
usage "--scheduler exponentiallr needs --gamma G" --function booth --scheduler exponentiallr
usage "--scheduler cosineannealinglr needs --t-max N" --function booth --scheduler cosineannealinglr
usage "--scheduler multisteplr needs --milestones" --function booth --scheduler multisteplr
usage "--scheduler onecyclelr needs --max-lr LR" --function booth --scheduler onecyclelr
usage "--scheduler: unknown scheduler 'cosine'" --function booth --scheduler cosine
usage "--scheduler given twice" --function booth --scheduler steplr --scheduler steplr
usage "--lr has no effect with --scheduler onecyclelr" \
    --function booth --momentum 0.9 --lr 0.1 --scheduler onecyclelr --max-lr 0.1
usage "the run steps the scheduler 10 times, past --total-steps 5 (PyTorch raises at step 6)" \
    --function booth --steps 10 --scheduler onecyclelr --max-lr 0.1 --total-steps 5
usage "the run steps the scheduler 4 times, past --total-steps 3" \
    --data chapters/A-lab/three-samples.csv --epochs 4 --scheduler onecyclelr --max-lr 0.1 \
    --total-steps 3 --scheduler-every epoch
usage "--scheduler onecyclelr: the run never steps the scheduler (it ends before its first epoch does)" \
    --data chapters/A-lab/three-samples.csv --batch 1 --steps 2 --scheduler onecyclelr \
    --max-lr 0.1 --scheduler-every epoch
usage "cycle_momentum needs an optimizer with momentum or betas (PyTorch's constructor refuses it)" \
    --function booth --optimizer adagrad --scheduler onecyclelr --max-lr 0.1
usage "--base-momentum has no effect with --no-cycle-momentum: drop one of them" \
    --function booth --scheduler onecyclelr --max-lr 0.1 --no-cycle-momentum --base-momentum 0.8
usage "start_factor must be in (0, 1]" --function booth --scheduler linearlr --start-factor 0
usage "T_max must be a whole number of at least 1" \
    --function booth --scheduler cosineannealinglr --t-max 0
usage "milestones must be whole numbers >= 1 in increasing order" \
    --function booth --scheduler multisteplr --milestones 5,3
usage "--milestones: 2.5 is not a step number" \
    --function booth --scheduler multisteplr --milestones 2.5
usage "pct_start must be in [0, 1]" \
    --function booth --scheduler onecyclelr --max-lr 0.1 --pct-start 1.5
usage "--anneal-strategy: unknown strategy 'cosine' (known: cos, linear)" \
    --function booth --scheduler onecyclelr --max-lr 0.1 --anneal-strategy cosine
usage "--scheduler-every epoch applies to --data only" \
    --function booth --scheduler steplr --step-size 2 --scheduler-every epoch
usage "--scheduler-every: unknown choice 'batch' (known: update, epoch)" \
    --data chapters/A-lab/three-samples.csv --scheduler steplr --step-size 2 --scheduler-every batch
usage "--scheduler does not apply with --line-search" \
    --function booth --line-search armijo --scheduler steplr --step-size 2
usage "--clip-grad-norm does not apply with --line-search" \
    --function booth --line-search armijo --clip-grad-norm 1
usage "--clip-grad-norm" --function booth --clip-grad-norm 0
usage "--clip-grad-value" --function booth --clip-grad-value -1
usage "--clip-grad-value" --function booth --clip-grad-value nan
usage "--clip-grad-norm given twice" --function booth --clip-grad-norm 1 --clip-grad-norm 2
usage "--function: chain:0,1: the number of layers L must be a whole number from 1 to 64" \
    --function chain:0,1
usage "--function: chain:3 takes two parameters, L,W0" --function chain:3
usage "--function: plateau takes no parameters" --function plateau:1
usage "unknown function 'chains' (known: quadratic, rosenbrock, beale, himmelblau, booth, x2sinx, chain:L,W0, tanh-chain:L,W0, plateau)" \
    --function chains

# Every scheduler with SGD (momentum) and Adam, per update and per epoch,
# and the clipping, against PyTorch (DESCENT_TORCH=1; tests/cli.sh).
expect_pytorch_agrees "--scheduler and --clip-grad-* against torch.optim.lr_scheduler and torch.nn.utils" \
    tests/A-lab/torch_schedules.py "$BUILD"
passed=$((passed + cli_passed)) failed=$((failed + cli_failed))

echo "A-lab: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
