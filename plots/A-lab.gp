# The lab's figure (tests/draw.sh runs this with data and out set; the data
# is written by build/descent --csv DIR).
load 'plots/style.gp'

# Every optimizer with PyTorch's defaults on Rosenbrock, 2000 steps.
set output out.'/defaults.svg'
set title "Every optimizer with PyTorch's defaults on Rosenbrock, from (−1.5, 2)"
set xlabel 'step k'
set ylabel 'f(x^{(k)})'
set key outside right top Left reverse box opaque spacing 1.1
@logloss
plot data.'/sgd.csv' using 'step':'loss' with lines ls 2 title 'SGD', \
     data.'/adagrad.csv' using 'step':'loss' with lines ls 4 dt 1 title 'Adagrad', \
     data.'/rmsprop.csv' using 'step':'loss' with lines ls 4 dt 2 title 'RMSprop', \
     data.'/adadelta.csv' using 'step':'loss' with lines ls 4 dt 4 title 'Adadelta', \
     data.'/adam.csv' using 'step':'loss' with lines ls 5 dt 1 title 'Adam', \
     data.'/adamw.csv' using 'step':'loss' with lines ls 5 dt 2 title 'AdamW', \
     data.'/adamax.csv' using 'step':'loss' with lines ls 5 dt 4 title 'Adamax', \
     data.'/nadam.csv' using 'step':'loss' with lines ls 5 dt 5 title 'NAdam'
