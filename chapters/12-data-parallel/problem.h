/* problem.h: the chapter's regression problem, and its exact minimum.
 *
 * Chapter 4's synthetic data (synthetic_regression: features of variance
 * 1/(1 + j), noise on the targets), without a bias, so that the exact
 * least-squares weights w* and the excess loss f(w) - f(w*) are known
 * (least_squares, excess_loss of 04-batches/regression.h): the figures
 * plot the excess loss, which goes to zero, on a log scale.
 */
#ifndef DESCENT_PROBLEM_12_H
#define DESCENT_PROBLEM_12_H

#include <stddef.h>
#include <stdint.h>

#include "04-batches/regression.h"

#define PROBLEM_SAMPLES 4096
#define PROBLEM_FEATURES 8
#define PROBLEM_NOISE 0.5

struct parallel_problem {
    struct dataset data;
    struct regression model;                            /* no bias */
    double gram[PROBLEM_FEATURES * PROBLEM_FEATURES];   /* X^T X / N */
    double w_star[PROBLEM_FEATURES];                    /* the exact minimiser */
    double w_true[PROBLEM_FEATURES];                    /* what made the data */
};

/* The problem drawn with seed; parallel_problem_free it.  Stops (exit 2)
 * if X^T X is singular (it is not, for these sizes). */
void parallel_problem_init(struct parallel_problem *p, uint64_t seed);
void parallel_problem_free(struct parallel_problem *p);

/* f(w) - f(w*), over the whole data set, for w[0..PROBLEM_FEATURES):
 * excess_loss of chapter 4 with the Gram matrix. */
double parallel_problem_excess(const struct parallel_problem *p, const double *w);

/* L, the largest curvature of f: the largest eigenvalue of 2 X^T X / N. */
double parallel_problem_curvature(const struct parallel_problem *p);

#endif
