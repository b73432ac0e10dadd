# Chapter 9's figures (tests/draw.sh runs this with data and out set).
# Their data come from the run of the noise report the chapter shows, which
# samples each schedule once for both (measure.c): made once, by make.
# data: build/ch09 --example noise --csv DATA
load 'plots/style.gp'
# Sampled means shown at about 20 points a decade, evenly on the log axis.
logpick(k, v) = (k == floor(10**(floor(20 * log10(k) + 0.5) / 20.0) + 0.5)) ? v : NaN

# Every schedule, 100 updates from the rate 0.1.
set output out.'/schedules.svg'
set title 'The six schedules of torch.optim.lr\_scheduler, 100 updates from η = 0.1'
set xlabel 'update'
set ylabel 'learning rate'
set xrange [1:100]
set yrange [0:0.16]
set key inside top right maxrows 3 width -6
plot data.'/schedules.csv' using 'update':'steplr' with steps ls 1 title 'StepLR (30, γ = 0.5)', \
     '' using 'update':'multisteplr' with steps ls 2 title 'MultiStepLR (40, 70; γ = 0.5)', \
     '' using 'update':'exponentiallr' with lines ls 3 title 'ExponentialLR (γ = 0.97)', \
     '' using 'update':'cosineannealinglr' with lines ls 4 title 'CosineAnnealingLR (T_{max} = 100)', \
     '' using 'update':'linearlr' with lines ls 5 title 'LinearLR (0.1 to 1 in 20)', \
     '' using 'update':'onecyclelr' with lines ls 6 lc rgb '#8c564b' lw 2 dt 1 title 'OneCycleLR (max 0.1)'

# The noise floor and the schedules that remove it.
set output out.'/noise.svg'
set title 'Noisy quadratic (μ = σ = 1): a constant rate stalls, decaying ones go on'
set xlabel 'update k'
set ylabel 'excess loss E f(x^{(k)}) - f^*'
set logscale x
set xrange [1:10000]
set autoscale y
@logloss
set key inside top right maxrows auto width 0   # not the table of schedules' three rows
plot data.'/noise.csv' using 'k':'constant' with lines ls 1 title 'constant η = 0.1 (expected)', \
     '' using 'k':(logpick(column('k'), column('constant_sampled'))) with points ls 1 pt 6 title '... mean of 1000 seeds', \
     '' using 'k':'one_over_k' with lines ls 2 title 'ηₖ = 2/(k + 20)', \
     '' using 'k':(logpick(column('k'), column('one_over_k_sampled'))) with points ls 2 pt 6 title '... mean of 1000 seeds', \
     '' using 'k':'cosine' with lines ls 4 title 'cosine to 0 over 10 000', \
     '' using 'k':(logpick(column('k'), column('cosine_sampled'))) with points ls 4 pt 6 title '... mean of 1000 seeds', \
     '' using 'k':'floor' with lines ls 6 title 'floor (9.3): 1/38'

# The rate of 1/k: slope -1 or -2 c mu.
set output out.'/slopes.svg'
set title 'ηₖ = c/(k + 1 + c): excess falls as 1/k only when 2cμ > 1'
set yrange [1e-5:1e5]
set key inside top right
plot data.'/slopes.csv' using 'k':'c2_exact' with lines ls 2 title 'c = 2: slope -1 (expected)', \
     '' using 'k':(logpick(column('k'), column('c2_sampled'))) with points ls 2 pt 6 title '... mean of 1000 seeds', \
     '' using 'k':'c025_exact' with lines ls 1 title 'c = 1/4: slope -1/2 (expected)', \
     '' using 'k':(logpick(column('k'), column('c025_sampled'))) with points ls 1 pt 6 title '... mean of 1000 seeds'

# Warm-up: the same rate, diverging at once or converging.
set output out.'/warmup.svg'
set title 'x^4/4 from x = 3: η = 0.5 diverges at once; after a warm-up it converges'
set xlabel 'update k'
set ylabel 'f(x^{(k)}) = (x^{(k)})^4/4'
unset logscale x
set xrange [0:100]
set autoscale y
set yrange [1e-6:1e10]
@logloss
set key inside top right
# the update that overflows, read from the data: the one after its last row
# with a value (build/ch09 leaves the overflowed rows empty)
stats [*:*][*:*] data.'/warmup.csv' using 'k':'constant_05' name 'finite' nooutput
plot data.'/warmup.csv' using 'k':'constant_05' with linespoints ls 4 \
         title sprintf('constant 0.5 (overflows at update %d)', finite_max_x + 1), \
     '' using 'k':'constant_02' with lines ls 1 title 'constant 0.2', \
     '' using 'k':'warmup_05' with lines ls 3 title '0.5 after LinearLR warm-up (1/3, 5)'

# Adam's blind first step: the logistic fit at rate 3, with and without warm-up.
set output out.'/adam_warmup.svg'
set title "Adam, η = 3, on (logistic(w) - 0.3)^2/2 from w = 0: the first step, of size η, saturates it"
set xlabel 'update k'
set ylabel 'f(w^{(k)})'
set xrange [0:200]
set autoscale y
set yrange [1e-16:1]
@logloss
set key inside bottom left
plot data.'/adam_warmup.csv' using 'k':'no_warmup' with lines ls 4 title 'no warm-up: w^{(1)} = -3, stuck on the flat', \
     '' using 'k':'warmup' with lines ls 1 title 'LinearLR warm-up from η/10 over 10 updates'

# The race: excess loss against update, each schedule at its tuned rate.
set output out.'/race.svg'
set title "Chapter 4's regression, SGD batch 8: mean of 10 seeds at each schedule's tuned rate"
set xlabel 'update'
set ylabel 'excess loss f(w) - f(w^*)'
set xrange [0:2500]
set autoscale y
@logloss
set key inside top right maxrows 3 width -6
plot data.'/race_regression.csv' using 'update':'constant' with lines ls 1 title 'constant', \
     '' using 'update':'one_over_k' with lines ls 2 title '1/k', \
     '' using 'update':'step' with lines ls 3 title 'step (÷10 at 1/2 and 3/4)', \
     '' using 'update':'cosine' with lines ls 4 title 'cosine', \
     '' using 'update':'one_cycle' with lines ls 5 title 'one-cycle'
