# Chapter 2's figures (tests/draw.sh runs this with data and out set).
load 'plots/style.gp'
f(x) = x**2 * sin(x)
load data.'/x_star.gp'          # xstar and h = f''(xstar), as build/ch02 computed them
# labels: eta h and |1 - eta h| to the digits the chapter quotes
q(eta) = sprintf('η = %g (η h = %.2f)', eta, eta * h)
r(eta) = sprintf('%.3f', abs(1 - eta * h))
fstar = f(xstar)
set samples 400

# Small and medium steps: on the curve (left), where the overshoots of
# eta = 0.05 are too small to see, and as the signed distance to x* on a
# log scale (right), where its zig-zag is a straight line of alternating
# triangles.
set terminal svg size 1080,480 dynamic enhanced font 'Helvetica,13' background rgb 'white'
set output out.'/paths_converging.svg'
set multiplot layout 1,2 title 'x² sin x from x⁽⁰⁾ = 3: η = 0.005 crawls, η = 0.05 overshoots and converges'
set title 'the paths on f: the overshoots are too small to see'
set xlabel 'x'
set ylabel 'f(x) = x² sin x'
set xrange [2.5:6.5]
set yrange [-27:12]
set key top center
plot f(x) with lines ls 6 title 'f(x)', \
     data.'/x2sinx_eta_0.005.csv' using 'x1':'loss' with linespoints ls 1 title q(0.005), \
     data.'/x2sinx_eta_0.05.csv' using 'x1':'loss' with linespoints ls 2 title q(0.05), \
     '+' using (xstar):(fstar) every ::0::0 with points ls 6 pt 3 ps 2 title sprintf('minimum x* ≈ %.3f', xstar)
set title 'distance to x*: η = 0.05 changes side and shrinks × '.r(0.05).' per step'
set xlabel 'step k'
set ylabel '|x⁽ᵏ⁾ − x*|'
set xrange [0:30]
set yrange [1e-10:1e4]
@logloss
set key top right
d(x) = abs(x - xstar)
plot data.'/x2sinx_eta_0.005.csv' using 'step':(d(column('x1'))) with lines ls 1 lw 1 notitle, \
     data.'/x2sinx_eta_0.005.csv' using 'step':(d(column('x1'))) with points ls 1 pt 11 ps 0.9 title 'η = 0.005: ▼ left of x*, always', \
     data.'/x2sinx_eta_0.05.csv' using 'step':(d(column('x1'))) with lines ls 2 lw 1 notitle, \
     data.'/x2sinx_eta_0.05.csv' using 'step':(column('x1') > xstar ? d(column('x1')) : NaN) with points ls 2 pt 9 ps 1.1 title 'η = 0.05: ▲ right of x*', \
     data.'/x2sinx_eta_0.05.csv' using 'step':(column('x1') < xstar ? d(column('x1')) : NaN) with points ls 2 pt 11 ps 1.1 title 'η = 0.05: ▼ left of x*'
unset multiplot
unset logscale y
set format y '%g'
unset title
set terminal svg size 720,480 dynamic enhanced font 'Helvetica,13' background rgb 'white'

# Past 2/h: a two-point cycle, and a jump into another valley.
set output out.'/paths_too_large.svg'
set title 'Past η = 2/h: η = 0.075 settles on a two-point cycle, η = 0.2 leaves the valley'
set xlabel 'x'
set ylabel 'f(x) = x² sin x'
set xrange [-4:7.5]
set yrange [-28:40]
set key top left
plot f(x) with lines ls 6 title 'f(x)', \
     data.'/x2sinx_eta_0.075.csv' using 'x1':'loss' with linespoints ls 3 title q(0.075), \
     data.'/x2sinx_eta_0.2.csv' using 'x1':'loss' with linespoints ls 4 title q(0.2)

# Distance above the minimum's value, log scale.
set output out.'/gap.svg'
set title 'f(x⁽ᵏ⁾) − f(x*) against k: the slope is set by |1 − η h|'
set xlabel 'step k'
set ylabel 'f(x⁽ᵏ⁾) − f(x*)'
set autoscale
set xrange [0:60]
set yrange [1e-16:100]
@logloss
set key at graph 0.98, graph 0.62 right top
plot data.'/x2sinx_eta_0.005.csv' using 'step':(column('loss') - fstar) with linespoints ls 1 title 'η = 0.005: × '.r(0.005).'² per step', \
     data.'/x2sinx_eta_0.05.csv' using 'step':(column('loss') - fstar) with linespoints ls 2 title 'η = 0.05: × '.r(0.05).'² per step', \
     data.'/x2sinx_eta_0.075.csv' using 'step':(column('loss') - fstar) with linespoints ls 3 title 'η = 0.075: up and down for ever'
