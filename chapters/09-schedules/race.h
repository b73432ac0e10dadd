/* race.h: chapter 9's race of schedules at an equal budget.
 *
 * Five schedules, each started from a rate tuned on a small grid:
 *   constant;  1/k: eta0 k0/(k + k0) with k0 = a tenth of the budget;
 *   step: MultiStepLR, times 1/10 at half and at three quarters of the
 *   budget;  cosine: CosineAnnealingLR to 0 over the budget;  one-cycle:
 *   OneCycleLR with max_lr = the grid's rate.
 * Two problems: chapter 4's regression (synthetic_regression, 2000 samples
 * of 16 features, noise 0.5), SGD in shuffled batches of 8 for 10 epochs,
 * tuned on data seed 100 and measured on seeds 0..RACE_SEEDS-1 (mean and
 * standard deviation of the excess loss f(w) - f(w*)); and Rosenbrock from
 * (-1.5, 2) with Adam for 2000 full-gradient steps (deterministic: one run).
 */
#ifndef DESCENT_RACE_H
#define DESCENT_RACE_H

#include "09-schedules/schedule.h"

#include <stdio.h>

#define RACE_SCHEDULES 5
#define RACE_GRID 5
#define RACE_SEEDS 10

extern const char *const race_schedule_name[RACE_SCHEDULES];
extern const double race_regression_grid[RACE_GRID], race_rosenbrock_grid[RACE_GRID];

struct race_result {
    double lr;                          /* the tuned rate from the grid */
    double mean, sd;                    /* final excess (regression: over seeds) */
};

/* Tune each schedule on its grid, then measure; results[RACE_SCHEDULES].
 * curve, when not NULL, gets RACE_SCHEDULES rows of points + 1 values: the
 * seed-averaged (regression) or exact (Rosenbrock) loss gap at evenly spaced
 * updates 0, budget/points, ..., budget. */
void race_regression(struct race_result *results, double *curve, int points);
void race_rosenbrock(struct race_result *results, double *curve, int points);

/* The rates schedule `which` (0 constant, 1 1/k, 2 step, 3 cosine, 4
 * one-cycle) gives the race's updates from lr over budget updates:
 * rates[k] is the rate of update k + 1, k = 0..budget-1 (budget entries). */
void race_rates(int which, long budget, double lr, double *rates);

/* The same race with the exact gradient of all samples at every update
 * (2 G (w - w*)): same SGD, same grid, same 2500 updates, same seeds. */
void race_regression_exact(struct race_result *results);

/* StepLR(step_size RACE_STEP_SIZE, gamma 1/2) from lr RACE_STEP_LR on the
 * race's regression (SGD, batches of 8, 10 epochs), seeds 0..RACE_SEEDS-1:
 * out[0] the constant rate, out[1] the scheduler stepped after every
 * update, out[2] after every epoch (mean and sd of the final excess). */
#define RACE_STEP_SIZE 3
#define RACE_STEP_LR 0.03
void race_step_every(struct race_result out[3]);

/* Adam on the race's regression at each rate of race_adam_rates, without
 * ([0]) and with ([1]) a LinearLR warm-up from RACE_WARMUP_FACTOR of the
 * rate over RACE_WARMUP_UPDATES updates: the final excess and the largest
 * excess of the run, mean and sd over seeds 0..RACE_SEEDS-1. */
#define RACE_ADAM_RATES 3
#define RACE_WARMUP_FACTOR 0.1
#define RACE_WARMUP_UPDATES 100
/* The warm-up race_adam_warmup uses: PyTorch's LinearLR
 * (torch/optim/lr_scheduler.py) with start_factor RACE_WARMUP_FACTOR and
 * total_iters RACE_WARMUP_UPDATES, the rest its defaults.  No errors. */
struct scheduler_settings race_warmup(void);
extern const double race_adam_rates[RACE_ADAM_RATES];
struct adam_warmup {
    struct race_result end[2], worst[2];
};
void race_adam_warmup(struct adam_warmup out[RACE_ADAM_RATES]);

/* The printed tables of both races. */
void print_race(FILE *out);
void print_race_exact(FILE *out);
void print_step_every(FILE *out);
void print_adam_warmup(FILE *out);

#endif
