# bench.gp: chapter 12's measured time per update against P (bench.sh).
load 'plots/style.gp'
set output out
set datafile separator comma
set title sprintf("Time per update on this (shared) machine, medians of %s runs\nalpha %s s, beta %s s/B, c %s s per sample", runs, alpha, beta, c) font ',11'
set xlabel 'workers P (processes on two shared cores beyond P = 2)'
set ylabel 'microseconds per update (log scale)'
set logscale y
set format y '%g'
set ytics (5, 7, 10, 12, 15, 20, 30, 50, 70, 100, 150, 200)
set xtics 1
set xrange [0.8:4.2]
set key top left
plot data using 1:($2 * 1e6) with linespoints ls 2 title 'measured', \
     data using 1:($3 * 1e6) with linespoints ls 6 title 'predicted by (12.6)'
