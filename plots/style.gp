# style.gp: the one look of every figure in descent.  Each chapter's script
# starts with `load 'plots/style.gp'` and is run from the top of the
# repository by tests/draw.sh with two variables set: data (the folder of
# CSV files its program wrote) and out (where the SVG files go).
#
# Colours: one per role, the same in every chapter.
#   1 blue: plain gradient descent    2 orange: momentum / SGD
#   3 green: Nesterov / mini-batch    4 red: adaptive (Adagrad, RMSprop)
#   5 purple: Adam family             6 grey: theory, references, minima
# A figure that compares settings of one method (several learning rates of
# plain descent, say) uses 1, 2, 3, ... in order.

set terminal svg size 720,480 dynamic enhanced font 'Helvetica,13' background rgb 'white'
set encoding utf8
set datafile separator comma
set key autotitle columnheader
set border 3
set tics nomirror out
set grid lc rgb '#e4e4e4' lw 1
set key top right box opaque
set style line 1 lc rgb '#1f77b4' lw 2 pt 7 ps 0.6
set style line 2 lc rgb '#ff7f0e' lw 2 pt 5 ps 0.6
set style line 3 lc rgb '#2ca02c' lw 2 pt 9 ps 0.6
set style line 4 lc rgb '#d62728' lw 2 pt 11 ps 0.6
set style line 5 lc rgb '#9467bd' lw 2 pt 13 ps 0.6
set style line 6 lc rgb '#7f7f7f' lw 1.5 dt 2 pt 6 ps 1.2
set style line 9 lc rgb '#b0b0b0' lw 1     # contour lines

# Log scale for every loss axis: losses span many orders of magnitude.
set format y '%g'
logloss = "set logscale y; set format y '10^{%T}'; unset mytics"
