# Chapter 8's figures (tests/draw.sh runs this with data and out set).
load 'plots/style.gp'

# ------------------------------------------------------------ bias correction
set output out.'/bias.svg'
set title 'Uncorrected Adam step / corrected step, constant gradient, β = (0.9, 0.999)'
set xlabel 'step t'
set ylabel 'length of the step relative to η'
set logscale x
set logscale y
set format y '%g'
set xrange [1:10000]
set key top right
plot data.'/bias.csv' using 'step':'first' with lines ls 2 title 'm not corrected: 1 − β₁ᵗ', \
     '' using 'step':'second' with lines ls 4 title 'v not corrected: 1 / √(1 − β₂ᵗ)', \
     '' using 'step':'both' with lines ls 5 title 'neither corrected', \
     1 with lines ls 6 title 'Adam (both corrected)'
unset logscale x
unset logscale y
set autoscale

# ------------------------------------------------------ Adam + L2 vs AdamW
set output out.'/decay.svg'
set title 'f(θ) = θ^2/2 from θ^{(0)} = 1, η = 0.1, ε = 0: L2 inside Adam changes nothing'
set xlabel 'step t'
set ylabel 'θ^{(t)}, after step t'
set key top right
plot data.'/decay.csv' using 'step':'adam' with lines ls 5 lw 6 title 'Adam', \
     '' using 'step':'adam_l2_0.1' with lines ls 2 lw 3 title 'Adam + L2, weight decay 0.1', \
     '' using 'step':'adam_l2_1' with lines ls 1 lw 1 dt 2 title 'Adam + L2, weight decay 1', \
     '' using 'step':'adamw_0.1' with linespoints ls 3 title 'AdamW, weight decay 0.1', \
     0 with lines ls 6 notitle

# ----------------------------------------------------------------- the race
# Adagrad keeps the adaptive red; RMSprop takes chapter 7's brown, dashed
# as well, so that the two differ in colour and in dash.  The racers are
# named as PyTorch names them: plain descent is torch.optim.SGD, "sgd".
set style line 7 lc rgb '#8c564b' lw 2 dt 2
racers = 'sgd momentum nesterov adagrad rmsprop adam'
style_of(i) = (i <= 4 ? i : i == 5 ? 7 : 5)
# The legend names each racer as the chapter does (PyTorch's classes), then
# its rate: the program writes title_NAME = 'NAME, lr RATE' for each.
name_of(i) = (i == 1 ? 'SGD' : i == 2 ? 'SGD, momentum 0.9' : i == 3 ? 'SGD, Nesterov 0.9' \
              : i == 4 ? 'Adagrad' : i == 5 ? 'RMSprop' : 'Adam')
rate_of(i) = (t_ = value('title_'.word(racers, i)), t_[strstrt(t_, ', lr ') + 5:])
legend_of(i) = name_of(i).', η = '.rate_of(i)

# An integer as Unicode superscript digits (enhanced text's ^{} swallows
# the space after it).
superscript_digit(d) = word('⁰ ¹ ² ³ ⁴ ⁵ ⁶ ⁷ ⁸ ⁹', d + 1)
superscript(n) = (n < 0 ? '⁻'.superscript(-n) : n < 10 ? superscript_digit(int(n)) \
                  : superscript(int(n) / 10).superscript_digit(int(n) % 10))

rosenbrock(x, y) = (1 - x)**2 + 100 * (y - x**2)**2
beale(x, y) = (1.5 - x + x*y)**2 + (2.25 - x + x*y**2)**2 + (2.625 - x + x*y**3)**2
saddle(x, y) = x**2 + (y**2 - 1)**2 / 4

# Per surface: contour lines into the datablock $contours, then paths and losses.
contour_levels(levels) = sprintf('set cntrparam levels discrete %s', levels)
do for [surface in 'rosenbrock beale saddle'] {
    load data.'/race_'.surface.'_titles.gp'
    shown = (surface eq 'saddle') ? 'the saddle' : surface eq 'beale' ? 'Beale' : 'Rosenbrock'
    if (surface eq 'rosenbrock') {
        x_lo = -2; x_hi = 2; y_lo = -1; y_hi = 3.5
        levels = '0.3,1,3,10,30,100,300,1000'
        minimum = '1 1'
        start = '-1.5 2'
    }
    if (surface eq 'beale') {
        x_lo = -0.5; x_hi = 4.5; y_lo = -1.5; y_hi = 2
        levels = '0.01,0.1,0.3,1,3,10,30,100'
        minimum = '3 0.5'
        start = '1 1.5'
    }
    if (surface eq 'saddle') {
        x_lo = -1.2; x_hi = 1.2; y_lo = -1.5; y_hi = 1.5
        levels = '0.01,0.05,0.1,0.2,0.25,0.3,0.5,1,1.5'
        minimum = '0 1'
        start = '1 0.001'
    }
    at_lr = (surface eq 'saddle') ? 'PyTorch''s default rates' : 'tuned rates'
    set xrange [x_lo:x_hi]
    set yrange [y_lo:y_hi]
    set isosamples 240, 240
    set contour base
    unset surface
    set view map
    eval contour_levels(levels)
    set table $table
    if (surface eq 'rosenbrock') { splot rosenbrock(x, y) }
    if (surface eq 'beale') { splot beale(x, y) }
    if (surface eq 'saddle') { splot saddle(x, y) }
    unset table
    unset contour
    # the table is written with spaces; the CSV reader wants commas
    set print $contours
    do for [i = 1:|$table|] {
        line = $table[i]
        if (words(line) >= 2 && word(line, 1) ne '#') {
            print sprintf('%s,%s', word(line, 1), word(line, 2))
        } else {
            if (words(line) == 0) { print '' }
        }
    }
    unset print

    set output out.'/race_'.surface.'_paths.svg'
    set title 'The race on '.shown.' from ('.word(start, 1).', '.word(start, 2).'), 2000 steps at '.at_lr
    set xlabel 'x_1'
    set ylabel 'x_2'
    set key outside right top
    set key noautotitle
    # on the saddle sgd, momentum and Nesterov share a path to the origin:
    # drawn widest first, so that each shows beside the next
    width_of(i) = (surface eq 'saddle' && i <= 3) ? 8 - 2*i : 2
    plot $contours with lines ls 9 title 'contours of f', \
         for [i = 1:6] data.'/race_'.surface.'_'.word(racers, i).'.csv' \
             using 'x1':'x2' with lines ls style_of(i) lw width_of(i) title legend_of(i), \
         '+' using (word(minimum, 1) + 0):(word(minimum, 2) + 0) every ::0::0 \
             with points ls 6 pt 3 ps 2 title 'minimum', \
         '+' using (word(start, 1) + 0):(word(start, 2) + 0) every ::0::0 \
             with points ls 6 pt 7 ps 1 title 'start'
    set key autotitle columnheader
    set autoscale

    # The loss: the three surfaces share one axis, down to 1e-35, below the
    # lowest loss of every run but one.  A loss that leaves it (below 1e-35,
    # or 0 exactly, which no log axis can draw) is found in the data: each
    # run's steps at 0 are marked ▼ on the bottom edge, and a label names
    # the run, when it is below the axis and how low it goes
    # (tests/08-adam.sh asserts which runs leave, on these files).
    set output out.'/race_'.surface.'_loss.svg'
    set title 'Loss against step on '.shown.', '.at_lr
    set xlabel 'step'
    set ylabel 'f(x)'
    floor = 1e-35
    top = 1
    do for [i = 1:6] {
        stats [*:*][*:*] data.'/race_'.surface.'_'.word(racers, i).'.csv' using 'loss' name 'L' nooutput
        top = (L_max > top) ? L_max : top
    }
    set xrange [0:2000]
    set yrange [floor:10**ceil(log10(top))]
    @logloss
    unset mytics                   # minor tics of 5-decade steps blot the axis
    set bmargin 7                  # the key under the axes: the panel keeps its width
    set key at screen 0.5, screen 0.02 center bottom maxrows 3
    left = 0
    do for [i = 1:6] {
        file = data.'/race_'.surface.'_'.word(racers, i).'.csv'
        stats [*:*][*:*] file using (column('loss') == 0 ? 1 : 0) name 'Z' nooutput
        stats [*:*][*:*] file using (column('loss') > 0 && column('loss') < floor ? 1 : 0) name 'B' nooutput
        zeros = Z_sum; below = B_sum
        if (zeros + below > 0) {
            stats [*:*][*:*] file using ((column('loss') < floor) ? column('step') : NaN) name 'S' nooutput
            stats [*:*][*:*] file using ((column('loss') > 0) ? column('loss') : NaN) name 'P' nooutput
            exponent = floor(log10(P_min))
            if (below > 0) {
                label_text = name_of(i).': below 10'.superscript(log10(floor)).sprintf(' at %d steps between %d and %d, as low as %.0f·10', \
                    zeros + below, S_min, S_max, 10**(log10(P_min) - exponent)).superscript(exponent)
                if (zeros > 0) { label_text = label_text.sprintf(', and 0 exactly (▼) at %d of them', zeros) }
            } else {
                label_text = name_of(i).sprintf(': 0 exactly (▼) at %d steps between %d and %d', zeros, S_min, S_max)
            }
            left = left + 1
            set label (10 + left) label_text at graph 0, graph (1.03 + 0.07 * (left - 1)) left front \
                textcolor ls style_of(i) font ',11'
        }
    }
    if (left > 0) { set tmargin 2.5 + 1.5 * left }   # the labels go between the title and the axes
    plot for [i = 1:6] data.'/race_'.surface.'_'.word(racers, i).'.csv' \
             using 'step':'loss' with lines ls style_of(i) title legend_of(i), \
         for [i = 1:6] data.'/race_'.surface.'_'.word(racers, i).'.csv' \
             using 'step':(column('loss') == 0 ? floor : 1/0) with points ls style_of(i) pt 11 ps 0.8 notitle
    do for [j = 1:left] { unset label (10 + j) }
    set bmargin
    set tmargin
    set key maxrows auto
    unset logscale y
    set format y '%g'
    set autoscale
}
