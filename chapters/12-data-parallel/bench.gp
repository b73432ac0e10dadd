# bench.gp: chapter 12's measured time per update against P (bench.sh).
load 'plots/style.gp'
set output out
set datafile separator comma
set title sprintf("Time per update on this (shared) machine, medians of %s runs\nalpha %s s, beta %s s/B, c %s s per sample", runs, alpha, beta, c) font ',11'
set xlabel 'workers P (processes on two shared cores beyond P = 2)'
set ylabel 'microseconds per update (log scale)'
set logscale y
set format y '%g'
# Labels at 1, 1.2, 1.5, 2, 3, 5 and 7 times each power of ten from 0.1 to
# 10^5 microseconds, so that any machine's times have labels beside them;
# only 1, 2 and 5 when the times span more than a power of ten (the labels
# would crowd).
stats data using ($2 * 1e6) name 'measured' nooutput
stats data using ($3 * 1e6) name 'predicted' nooutput
low = measured_min < predicted_min ? measured_min : predicted_min
high = measured_max > predicted_max ? measured_max : predicted_max
set ytics ()
do for [e = -1:5] {
    do for [m in (high > 10 * low ? "1 2 5" : "1 1.2 1.5 2 3 5 7")] {
        set ytics add (real(m) * 10.0**e)
    }
}
set xtics 1
set xrange [0.8:4.2]
set key top left
plot data using 1:($2 * 1e6) with linespoints ls 2 title 'measured', \
     data using 1:($3 * 1e6) with linespoints ls 6 title 'predicted by (12.6)'
