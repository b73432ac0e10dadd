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
 * standard deviation of the excess loss L(w) - L(w*)); and Rosenbrock from
 * (-1.5, 2) with Adam for 2000 full-gradient steps (deterministic: one run).
 */
#ifndef DESCENT_RACE_H
#define DESCENT_RACE_H

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

/* The printed tables of both races. */
void print_race(FILE *out);

#endif
