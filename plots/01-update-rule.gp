# Chapter 1's figures (tests/draw.sh runs this with data and out set).
load 'plots/style.gp'

# Iterates of f(x) = x^2 from x0 = 4 with eta = 0.1, on the curve.
set output out.'/iterates.svg'
set title 'Gradient descent on f(x) = x^2 from x_0 = 4, η = 0.1'
set xlabel 'x'
set ylabel 'f(x)'
set xrange [-1:4.5]
set yrange [0:20]
set samples 200
plot x**2 with lines ls 6 title 'f(x) = x^2', \
     data.'/x_squared.csv' using 'x1':'loss' with linespoints ls 1 title 'iterates x_k'

# Loss against iteration for both examples, log scale.
set output out.'/loss.svg'
set title 'Loss against iteration: a straight line on a log scale'
set xlabel 'iteration k'
set ylabel 'f(x_k)'
set autoscale
@logloss
plot data.'/x_squared.csv' using 'step':'loss' with linespoints ls 1 title 'x^2, η = 0.1 (factor 0.64 per step)', \
     data.'/quadratic_2d.csv' using 'step':'loss' with linespoints ls 2 title '(x_1^2 + 10 x_2^2)/2, η = 0.15'
