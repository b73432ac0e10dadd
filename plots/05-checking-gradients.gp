# Chapter 5's figures (tests/draw.sh runs this with data and out set).
load 'plots/style.gp'
load data.'/specimen.gp'        # loss_star, as build/ch05 computed it

# The error of the three estimates against h, with the bounds (5.3)-(5.5).
set output out.'/error_against_h.svg'
set title "Error of f'(x) for f = exp: truncation falls with h, rounding rises as ε_{mach}/h"
set xlabel 'step h'
set ylabel "relative error of f'(x), mean of 64 points"
set logscale x
set format x '10^{%T}'
set xrange [1e-20:1]
set yrange [1e-18:10]
@logloss
set bmargin 8                       # the key goes under the axes: no curve is hidden
set key at screen 0.5, screen 0.02 center bottom maxrows 3
positive(c) = column(c) > 0 ? column(c) : 1/0
# At a few steps the complex step's error is 0 exactly (at every one of the
# 64 points Im f(x + ih)/h is exp x to the last bit): a log axis cannot draw
# 0, so the line breaks there.  Those steps, found in the data, are marked
# on the bottom edge, and a label above the first says so.
stats data.'/errors.csv' using (column('complex_step') == 0 ? column('h') : NaN) name 'zero' nooutput
set label 1 sprintf('▼ complex step: error 0 exactly (%d steps; a log axis has no 0)', zero_records) \
    at zero_min, 1e-15 left tc rgb '#2ca02c'
plot data.'/errors.csv' using 'h':(positive('forward')) with lines ls 1 title 'forward (5.1)', \
     data.'/errors.csv' using 'h':(positive('central')) with lines ls 2 title 'central (5.2)', \
     data.'/errors.csv' using 'h':(positive('complex_step')) with lines ls 3 title 'complex step (5.5)', \
     data.'/errors.csv' using 'h':(column('complex_step') == 0 ? 1e-18 : 1/0) with points ls 3 pt 11 ps 1.2 notitle, \
     data.'/errors.csv' using 'h':'forward_bound' with lines ls 6 lc rgb '#1f77b4' title 'h/2 + ε_{mach}/h', \
     data.'/errors.csv' using 'h':'central_bound' with lines ls 6 lc rgb '#ff7f0e' title 'h²/6 + ε_{mach}/h', \
     data.'/errors.csv' using 'h':'complex_step_bound' with lines ls 6 lc rgb '#2ca02c' title 'h²/6'
unset label 1
set bmargin
set key maxrows auto

# The specimen: the seed and two partial repairs run away.
unset logscale x
set format x '%g'
set output out.'/specimen_runaway.svg'
set title 'The broken regression: the loss runs away until a repair of all three faults'
set xlabel 'step k'
set ylabel 'loss f(θ^{(k)})'
set xrange [0:1000]
set yrange [1e-60:1e310]           # room below 1, so the converging line is off the axis
set bmargin 7                      # and the key under the axes, over no line
set key at screen 0.5, screen 0.02 center bottom maxrows 2
plot data.'/specimen_seed.csv' using 'step':'loss' with lines ls 4 title 'as written: overflows', \
     data.'/specimen_per_sample.csv' using 'step':'loss' with lines ls 2 title 'per-sample prediction', \
     data.'/specimen_mean.csv' using 'step':'loss' with lines ls 5 title '+ the mean (sign wrong)', \
     data.'/specimen_fixed.csv' using 'step':'loss' with lines ls 3 title '+ the sign: converges'
set bmargin
set key maxrows auto

# The repaired loop: the gap to the least-squares loss, a straight line.
set output out.'/specimen_converging.svg'
set title 'After the repairs: f(θ^{(k)}) - f(θ^*) falls by a constant factor per step'
set ylabel 'f(θ^{(k)}) - f(θ^*)'
set key at graph 0.98, graph 0.98 right top   # the runaway plot moved it: back to the corner
set yrange [1e-6:10]
plot data.'/specimen_fixed.csv' using 'step':(column('loss') - loss_star) with lines ls 3 title 'repaired, η = 0.01'
