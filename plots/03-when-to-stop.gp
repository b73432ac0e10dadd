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
    set title sprintf('Exact line search on ½(x_1^2 + %g x_2^2) from (%g, 1): every turn a right angle', k, k)
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
set title '½(x_1^2 + 10 x_2^2) from (1, 1): fixed step, exact line search, Armijo'
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
set title 'Armijo on Rosenbrock from (-1.5, 2): the accepted steps α'
set xlabel 'step k'
set ylabel 'accepted α'
set autoscale
unset logscale
set logscale x
set logscale y 2
set format y '2^{%L}'
set format x '10^{%T}'
set yrange [2**-12:1]
set key inside top left
load data.'/rosenbrock.gp'          # two_over_l: 2/L at the minimum (1, 1), from build/ch03
# 2/L is only 0.3 % above the band of 1/512 = 2^-9: a red line, and a label
# on either side of it past the last step, tell them apart
set xrange [1:1e6]
set label 1 sprintf('2/L = %.7f', two_over_l) at 2.5e4, two_over_l * 1.35 left front tc rgb '#d62728'
set label 2 sprintf('α = 1/512 = %.7f', 2**-9) at 2.5e4, 2**-9 / 1.45 left front tc rgb '#1f77b4'
plot data.'/rosenbrock_armijo.csv' using 'step':(column('step') <= 200 || int(column('step')) % 50 == 0 || column('alpha') > 2**-8 ? column('alpha') : NaN) \
        with points ls 1 title 'accepted α', \
     two_over_l with lines lc rgb '#d62728' lw 1.5 dt 2 title '2/L at the minimum'
