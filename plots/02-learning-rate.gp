# Chapter 2's figures (tests/draw.sh runs this with data and out set).
load 'plots/style.gp'
f(x) = x**2 * sin(x)
load data.'/x_star.gp'          # xstar, as build/ch02 computed it
fstar = f(xstar)
set samples 400

# Small and medium steps on the curve.
set output out.'/paths_converging.svg'
set title 'x^2 sin x from x_0 = 3: η = 0.005 crawls, η = 0.05 overshoots and converges'
set xlabel 'x'
set ylabel 'f(x) = x^2 sin x'
set xrange [2.5:6.5]
set yrange [-27:12]
set key bottom left
plot f(x) with lines ls 6 title 'f(x)', \
     data.'/x2sinx_eta_0.005.csv' using 'x1':'loss' with linespoints ls 1 title 'η = 0.005 (η h = 0.15)', \
     data.'/x2sinx_eta_0.05.csv' using 'x1':'loss' with linespoints ls 2 title 'η = 0.05 (η h = 1.48)', \
     '+' using (xstar):(fstar) every ::0::0 with points ls 6 pt 3 ps 2 title 'minimum x^* ≈ 5.087'

# Past 2/h: a two-point cycle, and a jump into another valley.
set output out.'/paths_too_large.svg'
set title 'Past η = 2/h: η = 0.075 bounces for ever, η = 0.2 leaves the valley'
set xrange [-4:7.5]
set yrange [-28:40]
set key top left
plot f(x) with lines ls 6 title 'f(x)', \
     data.'/x2sinx_eta_0.075.csv' using 'x1':'loss' with linespoints ls 3 title 'η = 0.075 (η h = 2.22)', \
     data.'/x2sinx_eta_0.2.csv' using 'x1':'loss' with linespoints ls 4 title 'η = 0.2 (η h = 5.93)'

# Distance above the minimum's value, log scale.
set output out.'/gap.svg'
set title 'f(x_k) - f(x^*) against k: the slope is set by |1 - η h|'
set xlabel 'iteration k'
set ylabel 'f(x_k) - f(x^*)'
set autoscale
set xrange [0:60]
set yrange [1e-16:100]
@logloss
set key at graph 0.98, graph 0.5 right top
plot data.'/x2sinx_eta_0.005.csv' using 'step':(column('loss') - fstar) with linespoints ls 1 title 'η = 0.005: factor 0.852² per step', \
     data.'/x2sinx_eta_0.05.csv' using 'step':(column('loss') - fstar) with linespoints ls 2 title 'η = 0.05: factor 0.483² per step', \
     data.'/x2sinx_eta_0.075.csv' using 'step':(column('loss') - fstar) with linespoints ls 3 title 'η = 0.075: stuck on a 2-cycle'
