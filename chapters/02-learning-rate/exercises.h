/* exercises.h: chapter 2's code exercises (stubs beside this file, answers
 * in solutions/02-learning-rate/). */
#ifndef DESCENT_EXERCISES_02_H
#define DESCENT_EXERCISES_02_H

#include <stddef.h>

#include "00-toolkit/functions.h"
#include "02-learning-rate/learning_rate.h"

/* Exercise 2.3: the learning rate below which gradient descent converges
 * on f = 1/2 sum a_i x_i^2, curvature[0..dim) the a_i, dim >= 1, every
 * a_i > 0: rule (2.2). */
double largest_stable_eta(const double *curvature, size_t dim);

/* Exercise 2.4: f''(x) of a one-dimensional f (f->dim == 1) estimated
 * from its exact gradient by a central difference with half-width
 * step > 0. */
double estimate_curvature(const struct function *f, double x, double step);

/* Exercise 2.5: the regime of a learning rate eta at a curvature h, from
 * q = eta h as (2.1) and the table under it say: enum regime of
 * learning_rate.h (REGIME_NOT_A_MINIMUM when q <= 0). */
enum regime regime_yours(double eta, double curvature);

/* Exercise 2.6: the factor by which gradient descent with step eta shrinks
 * the slowest coordinate's distance to x* per step on f = 1/2 sum a_i x_i^2
 * (dim >= 1 curvatures): max over i of |1 - eta a_i|.  Below 1 it
 * converges; (2.3) is its square per step in the loss. */
double convergence_factor(const double *curvature, size_t dim, double eta);

#endif
