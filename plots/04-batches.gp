# Chapter 4's figures (tests/draw.sh runs this with data and out set).
# Their data, in two runs: the comparison's output is the one the chapter
# shows, so the weaver reuses it (tests/draw.sh) and it is made once.
# data: build/ch04 --example bgd --csv DATA
# data: build/ch04 --example compare --csv DATA
load 'plots/style.gp'

# The loss of the three samples, for the contour lines (chapter 4, eq. 4.1).
L(w1, w2) = ((w1 + w2 - 4)**2 + (2*w1 + w2 - 6)**2 + (w1 + 2*w2 - 6)**2) / 3

# Contour lines at hand-picked, log-spaced levels, drawn into a table first.
set view map
unset surface
set contour base
set cntrparam levels discrete 0.01, 0.03, 0.1, 0.3, 1, 3, 10, 30
set isosamples 200, 200
set xrange [-0.2:3.6]
set yrange [-0.2:3.4]
set table $table
splot L(x, y)
unset table
# The table is whitespace-separated; copy it as CSV (header, then x,y rows,
# blank lines kept between the curves) to plot it beside the CSV paths.
set print $contours
print 'w1,w2'
do for [i = 1:|$table|] {
    line = $table[i]
    if (words(line) >= 2 && word(line, 1) ne '#') { print word(line, 1).','.word(line, 2) } else { print '' }
}
set print
unset contour
set surface

set output out.'/paths.svg'
set title 'The first ten updates on the three samples, η = 0.1'
set xlabel 'w_1'
set ylabel 'w_2'
set key inside top left
plot $contours using 1:2 with lines ls 9 notitle, \
     1/0 with lines ls 9 title 'L(w) = 0.01, 0.03, …, 30', \
     data.'/bgd.csv' every ::0::10 using 'w1':'w2' with linespoints ls 1 title 'batch (BGD)', \
     data.'/sgd.csv' every ::0::10 using 'w1':'w2' with linespoints ls 2 title 'stochastic: samples 1, 2, 3, 1, …', \
     data.'/minibatch.csv' every ::0::10 using 'w1':'w2' with linespoints ls 3 title 'mini-batch: {1, 2}, {3}, …' noenhanced, \
     '+' using (2):(2) every ::0::0 with points ls 6 pt 3 ps 2 title 'minimum (2, 2)'

set autoscale
set key inside bottom left

set output out.'/hand_loss.svg'
set title 'Loss on all three samples after each update, η = 0.1'
set xlabel 'update k'
set ylabel 'L(w^{(k)})'
@logloss
plot data.'/bgd.csv' using 'step':'loss' with linespoints ls 1 title 'batch: one update = 3 sample gradients', \
     data.'/sgd.csv' using 'step':'loss' with linespoints ls 2 title 'stochastic: 1 sample gradient', \
     data.'/minibatch.csv' using 'step':'loss' with linespoints ls 3 title 'mini-batch: 2 or 1'

# Batches 1, 32 and 256 share eta / B and nearly the same curve: drawn from
# thick to thin so that all three stay visible.
set output out.'/batch_epochs.svg'
set key inside top right
set title '100 000 × 16: excess loss against epochs'
set xlabel 'epochs (passes over the data)'
set ylabel '(L(w) − L(w*)) / L(w*)'
set xrange [0:20]
plot data.'/batch_1.csv' using 'epoch':'excess' with lines ls 2 lw 5 title 'batch 1, η = 0.001', \
     data.'/batch_32.csv' using 'epoch':'excess' with lines ls 3 lw 3 title 'batch 32, η = 0.032', \
     data.'/batch_256.csv' using 'epoch':'excess' with lines ls 5 lw 1 title 'batch 256, η = 0.256', \
     data.'/batch_n.csv' using 'epoch':'excess' with linespoints ls 1 title 'batch N, η = 0.9', \
     0.01 with lines ls 6 title 'target 0.01'

set output out.'/batch_samples.svg'
set title '100 000 × 16: excess loss against sample gradients computed'
set xlabel 'sample gradients (batch size × updates)'
set logscale x
set format x '10^{%T}'
set xrange [100:2e6]
set key inside bottom left
plot data.'/batch_1.csv' using 'samples':'excess' with lines ls 2 lw 5 title 'batch 1, η = 0.001', \
     data.'/batch_32.csv' using 'samples':'excess' with lines ls 3 lw 3 title 'batch 32, η = 0.032', \
     data.'/batch_256.csv' using 'samples':'excess' with lines ls 5 lw 1 title 'batch 256, η = 0.256', \
     data.'/batch_n.csv' using 'samples':'excess' with linespoints ls 1 title 'batch N, η = 0.9', \
     0.01 with lines ls 6 title 'target 0.01'
unset logscale x
set format x '%g'

set output out.'/noise_floor.svg'
set title 'The noise floor of constant-step SGD, and two ways under it'
set xlabel 'epochs'
set xrange [0:20]
set yrange [1e-6:1e3]
set key inside top right
plot data.'/floor_constant.csv' using 'epoch':'excess' with lines ls 2 title 'batch 1, η = 0.03 constant', \
     data.'/floor_decay.csv' using 'epoch':'excess' with lines ls 4 title 'batch 1, η = 0.03 / (1 + epochs)', \
     data.'/floor_grow.csv' using 'epoch':'excess' with lines ls 1 title 'batch 1, 2, 4, … (doubling), η = 0.03', \
     0.01 with lines ls 6 title 'target 0.01'

set output out.'/order.svg'
set title 'Sample order, batch 32, η = 0.032'
set xlabel 'epochs'
set yrange [1e-5:1e2]
set key inside bottom left
plot data.'/order_generated.csv' using 'epoch':'excess' with lines ls 1 title 'as generated, sequential', \
     data.'/order_sorted.csv' using 'epoch':'excess' with lines ls 4 title 'sorted by y, sequential', \
     data.'/order_shuffled.csv' using 'epoch':'excess' with lines ls 3 title 'sorted by y, reshuffled every epoch', \
     0.01 with lines ls 6 title 'target 0.01'
