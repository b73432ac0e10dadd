# Chapter 6's figures (tests/draw.sh runs this with data and out set).
load 'plots/style.gp'

# Contour lines come from `set table` (the map itself is not drawn).  The
# table is written with spaces, while the book's CSV files need the comma
# separator, so the lines are copied into $contour as "x,y" (blank lines,
# which separate the curves, are kept).
set view map
unset surface
set contour base
set isosamples 200, 200
comma_copy = "set print $contour; do for [i = 1:|$table|] { line = $table[i]; \
    if (words(line) >= 3 && line[1:1] ne '#') { print word(line, 1).','.word(line, 2) } \
    else { print '' } }; set print"

# ---------------------------------------------------- the narrow valley
valley(x, y) = 0.5 * (x**2 + 25 * y**2)
set cntrparam levels discrete 0.02, 0.1, 0.5, 2, 8, 30, 80, 160
set table $table
splot [-10:2] [-4:4] valley(x, y)
unset table
@comma_copy

set output out.'/paths_quadratic.svg'
set title 'f = ½ (x₁² + 25 x₂²) (κ = 25) from (−9, 1.8): 60 steps each'
set xlabel 'x_1'
set ylabel 'x_2'
set xrange [-10:2]
set yrange [-4:4]
set size ratio -1
set key bottom right
plot $contour using 1:2 with lines ls 9 notitle, \
     data.'/quadratic_gd.csv' using 'x1':'x2' with linespoints ls 1 title 'gradient descent, η = 0.075', \
     data.'/quadratic_momentum.csv' using 'x1':'x2' with linespoints ls 2 title 'momentum 0.5, η = 0.075', \
     data.'/quadratic_nesterov.csv' using 'x1':'x2' with linespoints ls 3 title 'Nesterov 2/3, η = 1/25'

set output out.'/loss_quadratic.svg'
set title 'Loss on the valley κ = 25: on a log scale, a rate r is a straight line'
set xlabel 'step k'
set ylabel 'f(x^{(k)})'
set size noratio
set autoscale
set xrange [0:60]
@logloss
set key bottom left
plot data.'/quadratic_gd.csv' using 'step':'loss' with linespoints ls 1 title 'gradient descent, η = 0.075', \
     data.'/quadratic_momentum.csv' using 'step':'loss' with linespoints ls 2 title 'momentum 0.5, η = 0.075', \
     data.'/quadratic_nesterov.csv' using 'step':'loss' with linespoints ls 3 title 'Nesterov 2/3, η = 1/25'

# ---------------------------------------------------------- Rosenbrock
unset logscale y
set format y '%g'
rosenbrock(x, y) = (1 - x)**2 + 100 * (y - x**2)**2
set cntrparam levels discrete 0.5, 2, 8, 30, 100, 300, 1000
set table $table
splot [-2:2] [-2.2:3] rosenbrock(x, y)
unset table
@comma_copy

set output out.'/paths_rosenbrock.svg'
set title 'Rosenbrock from (−1.5, 2), η = 0.001, 3000 steps'
set xlabel 'x_1'
set ylabel 'x_2'
set xrange [-2:2]
set yrange [-2.2:3]
set key bottom right
# The three paths share the valley floor: drawn from thick to thin so that
# each stays visible on top of the one before.
plot $contour using 1:2 with lines ls 9 notitle, \
     data.'/rosenbrock_gd.csv' using 'x1':'x2' with lines ls 1 lw 6 title 'gradient descent', \
     data.'/rosenbrock_gd.csv' using 'x1':'x2' every ::3000::3000 with points ls 1 pt 7 ps 1.2 \
         title 'gradient descent at step 3000', \
     data.'/rosenbrock_momentum.csv' using 'x1':'x2' with lines ls 2 lw 3 title 'momentum 0.9', \
     data.'/rosenbrock_nesterov.csv' using 'x1':'x2' with lines ls 3 lw 1 title 'Nesterov 0.9', \
     '+' using (1):(1) every ::0::0 with points ls 6 title 'minimum (1, 1)'

set output out.'/loss_rosenbrock.svg'
set title 'Loss on Rosenbrock, η = 0.001'
set xlabel 'step k'
set ylabel 'f(x^{(k)})'
set autoscale
@logloss
set key bottom left
plot data.'/rosenbrock_gd.csv' using 'step':'loss' with lines ls 1 title 'gradient descent', \
     data.'/rosenbrock_momentum.csv' using 'step':'loss' with lines ls 2 title 'momentum 0.9', \
     data.'/rosenbrock_nesterov.csv' using 'step':'loss' with lines ls 3 title 'Nesterov 0.9'

# ------------------------------------------------------ rate against beta
unset logscale y
set format y '%g'
set output out.'/rate_vs_beta.svg'
set title 'Rate per step against momentum β: κ = 100, η = 1/L = 0.01'
set xlabel 'momentum β'
set ylabel 'rate r (error × r per step)'
set autoscale
set xrange [0:1]
set yrange [0.88:1.0]
set key bottom left
plot data.'/rate_theory.csv' using 'beta':'heavy_ball' with lines ls 2 lw 1.5 dt 2 title 'heavy ball, theory (6.5)', \
     data.'/rate_measured.csv' using 'beta':'heavy_ball' with points ls 2 title 'heavy ball, measured over steps 100..400', \
     data.'/rate_theory.csv' using 'beta':'nesterov' with lines ls 3 lw 1.5 dt 2 title 'Nesterov, theory (6.8)', \
     data.'/rate_measured.csv' using 'beta':'nesterov' with points ls 3 title 'Nesterov, measured over steps 100..400'
