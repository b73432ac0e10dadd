# Chapter 1's figures (tests/draw.sh runs this with data and out set).
load 'plots/style.gp'

# Iterates of f(x) = x^2 from x0 = 4 with eta = 0.1, on the curve.
set output out.'/iterates.svg'
set title 'Gradient descent on f(x) = x² from x⁽⁰⁾ = 4, η = 0.1'
set xlabel 'x'
set ylabel 'f(x)'
set xrange [-1:4.5]
set yrange [0:20]
set samples 200
plot x**2 with lines ls 6 title 'f(x) = x²', \
     data.'/x_squared.csv' using 'x1':'loss' with linespoints ls 1 title 'iterates x⁽ᵏ⁾'

# Loss against iteration for both examples, log scale.
set output out.'/loss.svg'
set title 'Loss against step: a straight line on a log scale'
set xlabel 'step k'
set ylabel 'f(x⁽ᵏ⁾)'
set autoscale
@logloss
plot data.'/x_squared.csv' using 'step':'loss' with linespoints ls 1 title 'example 1, η = 0.1: × 0.64 per step', \
     data.'/quadratic_2d.csv' using 'step':'loss' with linespoints ls 2 title 'example 2, η = 0.15: then × 0.7225 per step'

# Example 2's path over the contour lines of 1/2 (x1^2 + 10 x2^2): the
# level set f = c is the ellipse (sqrt(2c) cos t, sqrt(2c/10) sin t).
set output out.'/path_2d.svg'
set title 'Example 2: η = 0.15 on (x₁² + 10 x₂²)/2 zig-zags across the valley'
set xlabel 'x₁'
set ylabel 'x₂'
unset logscale y
set format y '%g'
set parametric
set trange [0:2*pi]
set xrange [-0.2:1.2]
set yrange [-1.1:1.1]
set terminal svg size 560,600 dynamic enhanced font 'Helvetica,13' background rgb 'white'
set size ratio -1
# inside, at the top left, which the path never visits: a key below the
# plot sat on the x label
set key top left
plot for [c in '0.005 0.02 0.08 0.3 1 3'] sqrt(2*c)*cos(t), sqrt(2*c/10.0)*sin(t) with lines ls 9 notitle, \
     data.'/quadratic_2d.csv' using 'x1':'x2' with linespoints ls 2 title 'x⁽ᵏ⁾, k = 0 … 86', \
     0, 0 with points ls 6 pt 3 ps 2 title 'minimum (0, 0)'
