# Chapter 7's figures (tests/draw.sh runs this with data and out set).
# All three come from `build/ch07 --csv DIR`: the comparison's runs on
# f = 1/2 (x1^2 + 100 x2^2) from (1, 1).
load 'plots/style.gp'

# The adaptive methods share red (style.gp's colour 4) in three shades;
# coordinate 2 is drawn dashed.
set style line 11 lc rgb '#d62728' lw 2
set style line 12 lc rgb '#d62728' lw 2 dt 2
set style line 21 lc rgb '#8c564b' lw 2
set style line 22 lc rgb '#8c564b' lw 2 dt 2
set style line 23 lc rgb '#8c564b' lw 2 dt 3
set style line 31 lc rgb '#e377c2' lw 2
set style line 32 lc rgb '#e377c2' lw 2 dt 2

# Effective learning rate per coordinate against step.
set output out.'/effective_lr.svg'
set title 'Effective learning rate of each coordinate (solid: x_1, dashed: x_2)'
set xlabel 'step k'
set ylabel 'η_{eff} = the GD learning rate that makes the same move'
set logscale y
set format y '10^{%T}'
set xrange [0:2000]
set yrange [1e-6:1e4]
set key top left box opaque font ',11'
# The limits as wide pale bands drawn first: Adadelta's x2 rate ends on
# 0.02 exactly (a two-point cycle), and must show on top of its line.
set style line 99 lc rgb '#d9d9d9' lw 7
set label 1 "Adadelta's x_{2} rate stays on 0.02" at 1000, 0.006 center font ',11' tc rgb '#c0509d'
plot 2 with lines ls 99 title '2/a₁ = 2, 2/a₂ = 0.02: GD stable below', \
     0.02 with lines ls 99 notitle, \
     data.'/effective_lr.csv' using 'step':'adagrad_1' with lines ls 11 title 'Adagrad, η = 0.1', \
     '' using 'step':'adagrad_2' with lines ls 12 notitle, \
     '' using 'step':'rmsprop_1' with lines ls 21 title 'RMSprop, η = 0.01', \
     '' using 'step':'rmsprop_2' with lines ls 22 notitle, \
     '' using 'step':'adadelta_1' with lines ls 31 title 'Adadelta, η = 1', \
     '' using 'step':'adadelta_2' with lines ls 32 notitle

unset label 1

# Paths over the contour lines f = c, ellipses x1 = sqrt(2c) cos t,
# x2 = sqrt(2c/100) sin t; two starts side by side.
set terminal svg size 960,480 dynamic enhanced font 'Helvetica,13' background rgb 'white'
set output out.'/paths.svg'
unset logscale y
set format y '%g'
set xlabel 'x_1'
set ylabel 'x_2'
set samples 400
set key box opaque font ',10'
levels = '0.005 0.05 0.5 2 8 20 50.5'
set multiplot layout 1,2 title 'Paths on f = (x₁² + 100 x₂²)/2: the first 100 steps'
do for [start in 'path path2'] {
    if (start eq 'path') {
        set title 'from (1, 1)'
        set xrange [-0.2:1.1]
        set key top left           # the diagonal leaves that corner empty
    } else {
        set title 'from (-1, 0.4)'
        set xrange [-1.1:0.2]
        set key top right
    }
    set yrange [-1.1:1.1]
    plot for [c in levels] '+' using (sqrt(2*c)*cos(2*pi*$0/399)):(sqrt(2*c/100)*sin(2*pi*$0/399)) \
             with lines ls 9 notitle, \
         data.'/'.start.'_sgd.csv' every ::0::100 using 'x1':'x2' with linespoints ls 1 ps 0.3 title 'SGD, η = 0.019', \
         data.'/'.start.'_rmsprop.csv' every ::0::100 using 'x1':'x2' with linespoints ls 21 pt 7 ps 0.3 title 'RMSprop, η = 0.01', \
         data.'/'.start.'_adadelta.csv' every ::0::100 using 'x1':'x2' with linespoints ls 31 pt 7 ps 0.3 title 'Adadelta, η = 1', \
         data.'/'.start.'_adagrad.csv' every ::0::100 using 'x1':'x2' with points ls 11 pt 6 ps 0.5 title 'Adagrad, η = 0.1 (points)'
}
unset multiplot
set terminal svg size 720,480 dynamic enhanced font 'Helvetica,13' background rgb 'white'

# Loss against step, log scale; wide, for the key at the right.
set terminal svg size 960,480 dynamic enhanced font 'Helvetica,13' background rgb 'white'
set output out.'/loss.svg'
set title 'The loss f against step k on the badly scaled quadratic'
set xlabel 'step k'
set ylabel 'f(x^{(k)}), the loss after step k'
set autoscale
set xrange [0:2000]
set yrange [1e-100:1e4]
@logloss
unset mytics                       # 104 decades: minor tics would blot the axis
set key outside right top vertical box opaque font ',11'
# two RMSprop runs leave the axis between their plunge and their bounce back
set label 1 "RMSprop and centered:\nloss below 10^{-100}" at 620, 1e-88 left font ',11' tc rgb '#8c564b'
plot data.'/path_sgd.csv' using 'step':'loss' with lines ls 1 title 'SGD, η = 0.019', \
     data.'/path_adagrad.csv' using 'step':'loss' with lines ls 11 title 'Adagrad, η = 0.1', \
     data.'/path_rmsprop.csv' using 'step':'loss' with lines ls 21 title 'RMSprop, η = 0.01', \
     data.'/path_centered.csv' using 'step':'loss' with lines ls 22 title 'RMSprop centered', \
     data.'/path_momentum.csv' using 'step':'loss' with lines ls 23 title 'RMSprop momentum 0.9, η = 0.001', \
     data.'/path_adadelta.csv' using 'step':'loss' with lines ls 31 title 'Adadelta, η = 1'
