# Chapter 11's figures (tests/draw.sh runs this with data and out set).
# data: build/ch11 --example sweep --csv DATA
# data: build/ch11 --example cancer --csv DATA
# data: build/ch11 --example digits --csv DATA
# data: build/ch11 --example moons --csv DATA
# data: build/ch11 --example claims --csv DATA
load 'plots/style.gp'

optimizers = 'sgd momentum adam'      # the files' names (build/ch11's)
# the legends' names: PyTorch's classes, as the chapter writes them
name_of(i) = (i == 1 ? 'SGD' : i == 2 ? 'SGD, momentum 0.9' : 'Adam')
style_of(i) = (i == 1 ? 1 : i == 2 ? 2 : 5)

# ------------------------------------------------- loss curves, two tasks
do for [task in 'cancer digits'] {
    set output out.'/'.task.'_loss.svg'
    if (task eq 'cancer') {
        set title 'Logistic regression on breast cancer: loss by epoch (seed 1, tuned rates)'
    } else {
        set title 'The 64-32-10 network on digits: loss by epoch (seed 1, tuned rates)'
    }
    set xlabel 'epoch'
    set ylabel 'mean cross-entropy loss'
    @logloss
    set bmargin 7              # the key under the axes: inside, it hid a rise of Adam's
    set key at screen 0.5, screen 0.02 center bottom maxrows 3
    plot for [i=1:3] data.'/'.task.'_'.word(optimizers, i).'.csv' using 'epoch':'train_loss' \
            with lines ls style_of(i) title name_of(i).' (training set)', \
         for [i=1:3] data.'/'.task.'_'.word(optimizers, i).'.csv' using 'epoch':'test_loss' \
            with lines ls style_of(i) dt 2 title name_of(i).' (test set)'
    set bmargin
    set key inside top right maxrows auto
    unset logscale y
    set format y '%g'
}

set output out.'/digits_accuracy.svg'
set title 'The 64-32-10 network on digits: test accuracy by epoch (seed 1)'
set xlabel 'epoch'
set ylabel 'test accuracy (%)'
# epoch 0, the untrained network (the same for all three), is far below the
# axis: said in a label, with its value read from the data
set datafile columnheaders
stats data.'/digits_sgd.csv' every ::0::0 using (100 * column('test_accuracy')) name 'untrained' nooutput
set datafile nocolumnheaders
set yrange [80:100]
set key bottom right
set label 1 sprintf('epoch 0, untrained: %.1f %% (below the axis)', untrained_min) at graph 0.08, graph 0.06 left font ',11'
plot for [i=1:3] data.'/digits_'.word(optimizers, i).'.csv' using 'epoch':(100 * column('test_accuracy')) \
        with linespoints ls style_of(i) title name_of(i)
unset label 1
set autoscale y

# ----------------------------------------------------------- the sweeps
do for [task in 'cancer digits moons'] {
    set output out.'/sweep_'.task.'.svg'
    set title 'Learning-rate sweep, '.task.': final training loss (seed 1; off the top: failed)'
    set xlabel 'learning rate η'
    set ylabel 'final training loss'
    set logscale x
    @logloss
    set yrange [*:100]
    set key top left
    plot for [i=1:3] data.'/sweep_'.task.'.csv' using 'lr':(column(i + 1) < 1e100 ? column(i + 1) : 1/0) \
        with linespoints ls style_of(i) title name_of(i)
    unset logscale x
    unset logscale y
    set format y '%g'
    set autoscale y
}

# ---------------------------------------------------- confusion matrix
set output out.'/confusion.svg'
set title 'Digits: confusion matrix of sgd, seed 1, on the test images'
set xlabel "the network's answer"
set ylabel 'the digit'
set datafile separator comma
set xrange [-0.5:9.5]
set yrange [9.5:-0.5]
set xtics 0, 1, 9
set ytics 0, 1, 9
set grid noxtics noytics
set palette defined (0 'white', 1 '#c6dbef', 10 '#6baed6', 40 '#08519c')
set cbrange [0:40]
set cblabel 'test images'
set key noautotitle
unset key
plot data.'/confusion.csv' matrix with image pixels, \
     '' matrix using 1:2:($3 > 0 ? sprintf('%d', $3) : '') with labels font ',11'
set autoscale
unset xtics
unset ytics
set xtics
set ytics
set grid xtics ytics

# ------------------------------------------------------- misread digits
load data.'/misclassified.gp'
set output out.'/misclassified.svg'
set terminal svg size 720,300 dynamic enhanced font 'Helvetica,13' background rgb 'white'
set multiplot layout 1,5 title 'Digits the network (sgd, seed 1) misread: 8 × 8 pixels, 0 to 16'
set palette gray negative
set cbrange [0:16]
unset colorbox
set key top right box opaque
unset key
unset xtics
unset ytics
unset border
unset grid
set xlabel ''
set ylabel ''
set size ratio 1
set xrange [-0.5:7.5]
set yrange [7.5:-0.5]
do for [k=0:4] {
    set title value('label_'.k)
    plot data.'/misclassified_'.k.'.csv' matrix with image pixels notitle
}
unset multiplot
set terminal svg size 720,480 dynamic enhanced font 'Helvetica,13' background rgb 'white'
set size noratio
set border 3
set tics nomirror out
set xtics
set ytics
set grid
set colorbox
set key top right box opaque

# ------------------------------------------------------ decision boundary
set output out.'/moons.svg'
set title 'Two moons: what the 8 hidden units learn (network) against a straight line'
set xlabel 'x_1'
set ylabel 'x_2'
set xrange [-1.5:2.5]
set yrange [-1:1.5]
set xtics autofreq
set ytics autofreq
set palette positive
set palette defined (0 '#dceaf6', 0.5 'white', 1 '#fde3cc')
set cbrange [0:1]
set cblabel 'network: probability of class 1'
load data.'/moons_line.gp'
set key outside bottom center horizontal maxrows 2
set contour base
set cntrparam levels discrete 0.5
unset surface
set table $boundary
splot data.'/moons_grid.csv' using 1:2:3 with lines notitle
unset table
unset contour
set surface
set key autotitle columnheader
# the contour's table is space-separated: its lines are read as one column
plot data.'/moons_grid.csv' using 'x1':'x2':'p' with image notitle, \
     $boundary using (real(word(strcol(1), 1))):(real(word(strcol(1), 2))) \
        with lines lc rgb 'black' lw 2 title 'network: probability 1/2', \
     -(w1 * x + b) / w2 with lines ls 6 title 'logistic regression: probability 1/2', \
     data.'/moons_samples.csv' using 'x1':($3 == 0 ? column('x2') : 1/0) with points ls 1 title 'class 0 (training)', \
     '' using 'x1':($3 == 1 ? column('x2') : 1/0) with points ls 2 title 'class 1 (training)'
