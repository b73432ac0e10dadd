# Chapter 10's figures (tests/draw.sh runs this with data and out set).
# Their data come from the run of the basins report the chapter shows
# (the basin maps are its long part): made once, by make.
# data: build/ch10 --example basins --csv DATA
load 'plots/style.gp'

# Escape from a saddle: steps against eps.
set output out.'/saddle.svg'
set title 'Gradient descent (η = 0.1) on (x₁² - x₂²)/2 from (1, δ): steps until |x₂| ≥ 1'
set xlabel 'δ, the start'."'".'s distance from the stable line'
set ylabel 'steps to escape'
set logscale x
set format x '10^{%T}'
set key inside top right
plot data.'/saddle.csv' using 'delta':'measured' with points ls 1 pt 7 title 'measured', \
     '' using 'delta':'predicted' with lines ls 6 title '(10.1): ⌈ln(1/δ) / ln(1 + η)⌉', \
     '' using 'delta':'approximate' with lines ls 2 title 'ln(1/δ) / η'

# The first weight's gradient against depth.
set output out.'/chains.svg'
set title 'The gradient reaching the first layer, |∂a_n/∂w_1|, against depth n'
set xlabel 'depth n (layers)'
set ylabel '|∂a_n/∂w_1|'
unset logscale x
set format x '%g'
set xrange [1:60]
@logloss
set yrange [1e-50:1e60]          # room above the lines for the key, which hid
set key inside top right          # the tanh line at the bottom left
plot data.'/chains.csv' using 'n':'linear_2' with lines ls 4 title 'linear, w = 2: ×2 a layer', \
     '' using 'n':'linear_05' with lines ls 1 title 'linear, w = 0.5: ×0.5 a layer', \
     '' using 'n':'tanh_2' with lines ls 5 title 'tanh, w = 2: saturated, ×0.166 a layer', \
     '' using 'n':'tanh_05' with lines ls 3 dt 2 title 'tanh, w = 0.5', \
     '' using 'n':'sigmoid_2' with lines ls 2 title 'sigmoid, w = 2: ×0.263 a layer'

# Exploding run and the same run clipped.
set output out.'/explode.svg'
set title 'Ten linear layers from w = 1.5, SGD, η = 0.1: overflow, and the same run clipped'
set xlabel 'update'
set ylabel 'loss'
set xrange [0:30]
set yrange [1e-20:1e50]
@logloss
set key inside top right
# the clipped run's loss reaches exactly 0, which a log scale cannot draw:
# the label sits at its last positive point, found in the data
stats data.'/explode.csv' using (column('clipped') > 0 ? column('step') : NaN) name 'positive' nooutput
set label 1 'then 0 exactly (off a log scale)' at positive_max + 0.4, 1e-18 left tc rgb '#2ca02c'
plot data.'/explode.csv' using 'step':'plain' with linespoints ls 4 title 'plain (the next loss overflows)', \
     '' using 'step':'clipped' with lines ls 3 title 'clip\_grad\_norm 1'
unset label 1
set key inside top right

# Basins of attraction: three runs, one panel each, and a key of colours.
set output out.'/basins.svg'
set terminal svg size 1400,470 dynamic enhanced font 'Helvetica,13' background rgb 'white'
set multiplot title 'Himmelblau: which minimum each start reaches (white: none)'
unset logscale y
set format y '%g'
set xrange [-6:6]
set yrange [-6:6]
set size ratio -1
set xlabel 'x_1 (start)'
set ylabel 'x_2 (start)'
set palette defined (-1 'white', 0 '#1f77b4', 1 '#ff7f0e', 2 '#2ca02c', 3 '#9467bd')
set cbrange [-1:3]
unset colorbox
$minima << EOD
x1,x2
3,2
-2.805,3.131
-3.779,-3.283
3.584,-1.848
EOD
set tmargin at screen 0.83
set bmargin at screen 0.14
set key at screen 0.895, 0.75 left top vertical samplen 1 font ',12' box title 'minimum reached'
set lmargin at screen 0.045
set rmargin at screen 0.285
set title 'gradient descent, η = 0.01'
plot data.'/basins.csv' using 'x1':'x2':'lr_01' with image notitle, \
     $minima using 1:2 with points pt 7 ps 1.2 lc rgb 'black' title 'the minima', \
     keyentry with boxes fs solid lc rgb '#1f77b4' title '(3, 2)', \
     keyentry with boxes fs solid lc rgb '#ff7f0e' title '(-2.8, 3.1)', \
     keyentry with boxes fs solid lc rgb '#2ca02c' title '(-3.8, -3.3)', \
     keyentry with boxes fs solid lc rgb '#9467bd' title '(3.6, -1.8)'
unset key
set lmargin at screen 0.345
set rmargin at screen 0.585
set title 'gradient descent, η = 0.001'
plot data.'/basins.csv' using 'x1':'x2':'lr_001' with image, \
     $minima using 1:2 with points pt 7 ps 1.2 lc rgb 'black'
set lmargin at screen 0.645
set rmargin at screen 0.885
set title 'momentum 0.9, η = 0.001'
plot data.'/basins.csv' using 'x1':'x2':'momentum' with image, \
     $minima using 1:2 with points pt 7 ps 1.2 lc rgb 'black'
unset multiplot
