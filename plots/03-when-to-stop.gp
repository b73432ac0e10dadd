# Chapter 3's figures (tests/draw.sh runs this with data and out set).
load 'plots/style.gp'

# The zig-zag of exact line search over the contours of 1/2 (x1^2 + kappa x2^2),
# from the worst start (kappa, 1).  Equal scales on both axes, so that the right
# angles between consecutive steps look like right angles.  Each ellipse is
# the contour through one iterate: f = f0 r^k with r = ((kappa-1)/(kappa+1))^2.
zigzag(kappa, file) = sprintf("set output '%s/zigzag_kappa_%d.svg'", out, kappa)
set parametric
set trange [0:2*pi]
set samples 200
set size ratio -1
set xlabel 'x_1'
set ylabel 'x_2'
set key below
do for [kappa in "3 10"] {
    k = real(kappa)
    r = ((k - 1) / (k + 1))**2
    f0 = (k * k + k) / 2
    if (k > 5) { set terminal svg size 720,340 dynamic enhanced font 'Helvetica,13' background rgb 'white' }
    eval zigzag(int(k), out)
    set title sprintf('Exact line search on ½(x₁² + %g x₂²) from (%g, 1): every turn a right angle', k, k)
    set xrange [-1.5:k + 1.5]
    set yrange [-1.6:1.6]
    plot for [j=0:8] sqrt(2 * f0 * r**j) * cos(t), sqrt(2 * f0 * r**j / k) * sin(t) \
            with lines ls 9 notitle, \
         data.'/zigzag_kappa_'.kappa.'.csv' using 'x1':'x2' with linespoints ls 1 \
            title sprintf('f shrinks by %.4f a step', r)
}
unset parametric
set size noratio
set terminal svg size 720,480 dynamic enhanced font 'Helvetica,13' background rgb 'white'
set samples 400

# Loss against step on the valley 1/2 (x1^2 + 10 x2^2) from (1, 1).
set output out.'/loss.svg'
set title '½(x₁² + 10 x₂²) from (1, 1): fixed step, exact line search, Armijo'
set xlabel 'step k'
set ylabel 'f(x^{(k)})'
set autoscale
set xrange [0:90]
set yrange [1e-14:10]
@logloss
set key inside top right
plot data.'/valley_fixed.csv' using 'step':'loss' with linespoints ls 1 title 'fixed η = 0.15', \
     data.'/valley_exact.csv' using 'step':'loss' with linespoints ls 2 title 'exact (3.3)', \
     data.'/valley_armijo.csv' using 'step':'loss' with linespoints ls 3 title 'Armijo from α = 1, c = 10^{-4}, ρ = ½'

# The steps Armijo accepted along Rosenbrock from (-1.5, 2).  Every step up to
# 200, then every 50th and every step longer than 2^-8 (the run has 17680).
set output out.'/rosenbrock_alpha.svg'
set terminal svg size 960,480 dynamic enhanced font 'Helvetica,13' background rgb 'white'
load data.'/rosenbrock.gp'          # two_over_l: 2/L at the minimum (1, 1), from build/ch03
unset logscale                      # stats skips zeros on a log axis
set autoscale                       # and values outside a fixed range
stats data.'/rosenbrock_armijo.csv' using (column('step') > 0 ? (column('alpha') == 2**-9 ? 1.0 : 0.0) : NaN) name 'at_512' nooutput
set multiplot layout 1,2 title 'Armijo on Rosenbrock from (−1.5, 2): the accepted steps α'
# Left: the steps in order.  Drawing all 17680 points would make a heavy SVG
# of overlapping dots, so the panel shows every step to 200, one in 50 after,
# and every step above 2^-8 (the rare long ones); its title says so.
set title 'α against step (to k = 200 every step, then one in 50)' font ',12'
set xlabel 'step k'
set ylabel 'accepted α'
set autoscale
unset logscale
set logscale x
set logscale y 2
set format y '2^{%L}'
set format x '10^{%T}'
set yrange [2**-12:1]
set xrange [1:3e4]
set key inside top left
plot data.'/rosenbrock_armijo.csv' using 'step':(column('step') <= 200 || int(column('step')) % 50 == 0 || column('alpha') > 2**-8 ? column('alpha') : NaN) \
        with points ls 1 title 'accepted α', \
     two_over_l with lines lc rgb '#d62728' lw 1.5 dt 2 title sprintf('2/L = %.7f at the minimum', two_over_l)
# Right: how many of all the accepted steps took each α, so that "most are
# 1/512" can be read off (the count is the data's, by stats).  2/L is only
# 2.2 % above 1/512, too close to draw apart on this axis: the bar 2^-9 is
# the largest trial below 2/L.
set title 'how often each α was accepted (all steps)' font ',12'
unset logscale
set logscale y
set format y '10^{%T}'
set format x '2^{%g}'
set xlabel 'accepted α'
set ylabel 'steps'
set xrange [-12.5:0.5]
set yrange [0.8:1e5]
set xtics 2
set boxwidth 0.8
set style fill solid 0.6 border lc rgb '#1f77b4'
unset key
set label 3 sprintf('α = 1/512 (just below 2/L): %d of %d steps', at_512_sum, at_512_records) at -12.2, 4e4 left front tc rgb '#1f77b4'
plot data.'/rosenbrock_armijo.csv' using (column('step') > 0 ? floor(log(column('alpha')) / log(2) + 0.5) : NaN):(1) \
        smooth frequency with boxes lc rgb '#1f77b4' notitle
unset label 3
set key
unset multiplot
set style fill empty
set boxwidth
set xtics autofreq
set terminal svg size 720,480 dynamic enhanced font 'Helvetica,13' background rgb 'white'
