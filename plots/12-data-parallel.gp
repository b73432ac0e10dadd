# 12-data-parallel.gp: chapter 12's figures from build/ch12 --csv.
#   projection.svg   predicted seconds per update against P, to 1024 workers
#   local-sgd.svg    excess loss against samples, and against all-reduces:
#                    all-reduce every step (K = 1) vs local SGD, K = 4, 16
load 'plots/style.gp'

set output out.'/projection.svg'
set title 'Predicted time per update (12.6): α = 10 µs, 10 GB/s'
set xlabel 'workers P'
set ylabel 'seconds per update'
set logscale xy
set format y '10^{%L}'
set xrange [1:1024]
set key top right
plot data.'/projection.csv' using 1:2 with linespoints ls 1 title '100 MB model, B = 256', \
     '' using 1:3 with linespoints ls 2 title '100 MB model, B = 8192', \
     '' using 1:4 with linespoints ls 3 title '64 B model, B = 4096'

set output out.'/local-sgd.svg'
set multiplot layout 1,2 title 'Local SGD, 4 workers, global batch 64, η = 0.05 (seed 1)'
unset title
set xrange [*:*]
set xlabel 'samples'
set ylabel 'f(w) − f(w*)'
set logscale xy
# the key above the curves, in a decade of its own: the curves start near
# 0.5 and end in a noisy band along the bottom, and a key there hid it
set yrange [1e-5:10]
set key top right font ',11'
plot data.'/local_K1.csv' using 1:3 with lines ls 1 title 'all-reduce every step', \
     data.'/local_K4.csv' using 1:3 with lines ls 2 title 'local SGD, K = 4', \
     data.'/local_K16.csv' using 1:3 with lines ls 3 title 'local SGD, K = 16'
set xlabel 'all-reduces (communication)'
plot data.'/local_K1.csv' using 2:3 with lines ls 1 title 'all-reduce every step', \
     data.'/local_K4.csv' using 2:3 with lines ls 2 title 'local SGD, K = 4', \
     data.'/local_K16.csv' using 2:3 with lines ls 3 title 'local SGD, K = 16'
unset multiplot
