/* measure.h: chapter 9's measurements on the noisy quadratic (noisy.h).
 *
 * The problem of the chapter: mu = 1, sigma = 1, x0 = 10, a budget of
 * MEASURE_STEPS updates.  Three schedules start from the same rate 1/10:
 * constant; 1/k, eta_k = c / (k + k0) with c = 2, k0 = 20; cosine annealing
 * to 0 over the whole budget.  For 1/k the excess falls as k^p with p = -1
 * when 2 c mu > 1 and p = -2 c mu otherwise (9.4); measured on the exact
 * recursion (9.2) and on sampled runs, over groups of seeds.
 */
#ifndef DESCENT_MEASURE_H
#define DESCENT_MEASURE_H

#include <stdio.h>

#include "09-schedules/noisy.h"

#define MEASURE_STEPS 10000
#define SLOPE_FROM 1000           /* the window of the fitted slope */
#define SLOPE_TO 10000
#define SEED_GROUPS 10            /* sampled: groups of seeds, each averaged */
#define SEEDS_PER_GROUP 100

extern const struct noisy_quadratic chapter_problem;

enum race_schedule { CONSTANT, ONE_OVER_K, COSINE, SCHEDULE_COUNT };

/* eta[0..MEASURE_STEPS): the schedule's rates (cosine through schedule.h). */
void chapter_rates(enum race_schedule which, double *eta);

/* The 1/k rates c / (k + k0) with k0 = 1 + c (so the first rate is below 1). */
void slope_rates(double c, double *eta);

struct slope {
    double exact;             /* fitted on the exact expectation (9.2) */
    double mean, sd;          /* over SEED_GROUPS groups, each the slope of
                                 the mean of SEEDS_PER_GROUP sampled runs */
};

/* The slope of log excess against log k for eta_k = c / (k + 1 + c). */
struct slope measure_slope(double c);

/* slopes[i] <- measure_slope(c[i]) for i = 0..n-1, their runs sampled
 * together: each seed's draws are made once for all n.  n > 8 stops the
 * program (fail, status 1: a programming error, not a fail.h status). */
void measure_slopes(const double *c, int n, struct slope *slopes);

/* The mean over seeds 0..count-1 of the sampled excess after update k,
 * excess[0..MEASURE_STEPS].  (The runs of each schedule are sampled once
 * per program run, for this and measure_slope alike; print_measurements
 * and write_measurement_csv sample their five schedules together.) */
void sampled_mean(const double *eta, unsigned count, double *excess);

/* The printed report: the floor, the three schedules at the end, slopes. */
void print_measurements(FILE *out);

/* The figures' data: noise.csv (k, expected and sampled excess of the three
 * schedules) and slopes.csv (k, excess for c = 2 and c = 1/4) in dir; a
 * file that cannot be written stops the program (exit 2, csv.h). */
void write_measurement_csv(const char *dir);

#endif
