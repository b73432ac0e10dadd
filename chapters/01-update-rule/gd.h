/* gd.h: the update rule of chapter 1, and the loop around it.
 *
 *     theta <- theta - eta * grad J(theta)                          (1.1)
 *
 * gradient_descent is the whole algorithm: start at x, take the gradient,
 * step, repeat until the gradient is small (||grad f|| < tolerance) or the
 * step limit is reached, stopping early if a value stops being finite.
 */
#ifndef DESCENT_GD_H
#define DESCENT_GD_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "00-toolkit/functions.h"

/* theta[0..dim) <- theta - eta grad[0..dim): equation (1.1).  No check:
 * the caller tests the result for finiteness (gradient_descent does). */
void gd_step(double *theta, const double *grad, size_t dim, double eta);

struct gd_run {
    long steps;         /* updates taken */
    bool converged;     /* ended with ||grad f|| < tolerance */
    bool diverged;      /* stopped because a value was no longer finite
                           (steps == 0: already at the start) */
    double loss;        /* f at the last finite point */
    double grad_norm;   /* ||grad f|| there */
};

/* Minimise f from x[0..f->dim) (overwritten with the last finite iterate)
 * with a fixed step eta, by (1.1), for at most max_steps updates; returns
 * how it ended (struct gd_run).  tolerance 0 never stops early.  When trace
 * is not NULL it gets a CSV header and the rows step, f, x1..xn (csv.h) of
 * step 0, every every-th step (every <= 0: none) and the last one, never a
 * non-finite one.  Divergence is reported in the result, not by exiting
 * (the caller chooses exit 3); a failed trace write stops with exit 2. */
struct gd_run gradient_descent(const struct function *f, double *x, double eta,
                               double tolerance, long max_steps, FILE *trace, long every);

#endif
