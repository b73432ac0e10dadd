# Chapter 10's figures (tests/draw.sh runs this with data and out set).
load 'plots/style.gp'

# Escape from a saddle: steps against eps.
set output out.'/saddle.svg'
set title 'Gradient descent (lr 0.1) on (x_1^2 - x_2^2)/2 from (1, ε): steps until |x_2| ≥ 1'
set xlabel 'ε, the start'."'".'s distance from the stable line'
set ylabel 'steps to escape'
set logscale x
set format x '10^{%T}'
set key inside top right
plot data.'/saddle.csv' using 'eps':'measured' with points ls 1 pt 7 title 'measured', \
     '' using 'eps':'predicted' with lines ls 6 title '(10.1): ⌈ln(1/ε) / ln(1 + lr)⌉', \
     '' using 'eps':'approximate' with lines ls 2 title 'ln(1/ε) / lr'

# The first weight's gradient against depth.
set output out.'/chains.svg'
set title 'The gradient reaching the first layer, |∂h_L/∂w_1|, against depth L'
set xlabel 'depth L (layers)'
set ylabel '|∂h_L/∂w_1|'
unset logscale x
set format x '%g'
set xrange [1:60]
@logloss
set key inside bottom left
plot data.'/chains.csv' using 'L':'linear_2' with lines ls 4 title 'linear, w = 2: ×2 a layer', \
     '' using 'L':'linear_05' with lines ls 1 title 'linear, w = 0.5: ×0.5 a layer', \
     '' using 'L':'tanh_2' with lines ls 5 title 'tanh, w = 2: saturated, ×0.166 a layer', \
     '' using 'L':'tanh_05' with lines ls 3 dt 2 title 'tanh, w = 0.5'

# Exploding run and the same run clipped.
set output out.'/explode.svg'
set title 'Ten linear layers from w = 1.5, SGD lr 0.1: overflow, and the same run clipped'
set xlabel 'update'
set ylabel 'loss'
set xrange [0:30]
set autoscale y
@logloss
set key inside top right
plot data.'/explode.csv' using 'step':'plain' with linespoints ls 4 title 'plain (the next loss overflows)', \
     '' using 'step':'clipped' with lines ls 3 title 'clip\_grad\_norm 1'

# Basins of attraction.
set output out.'/basins.svg'
set terminal svg size 900,460 dynamic enhanced font 'Helvetica,13' background rgb 'white'
set multiplot layout 1,2 title 'Himmelblau: which minimum each start reaches'
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
unset key
$minima << EOD
x1,x2
3,2
-2.805,3.131
-3.779,-3.283
3.584,-1.848
EOD
set title 'gradient descent, lr 0.01 (black: the four minima)'
plot data.'/basins.csv' using 'x1':'x2':'plain' with image, \
     $minima using 1:2 with points pt 7 ps 1.2 lc rgb 'black'
set title 'momentum 0.9, lr 0.001'
plot data.'/basins.csv' using 'x1':'x2':'momentum' with image, \
     $minima using 1:2 with points pt 7 ps 1.2 lc rgb 'black'
unset multiplot
