/* exercises.h: chapter 2's code exercises (stubs beside this file, answers
 * in solutions/02-learning-rate/). */
#ifndef DESCENT_EXERCISES_02_H
#define DESCENT_EXERCISES_02_H

#include <stddef.h>

#include "00-toolkit/functions.h"

/* Exercise 2.3: the learning rate below which gradient descent converges
 * on f = 1/2 sum a_i x_i^2, every a_i > 0: rule (2.2). */
double largest_stable_eta(const double *curvature, size_t dim);

/* Exercise 2.4: f''(x) of a one-dimensional f estimated from its exact
 * gradient by a central difference with half-width step. */
double estimate_curvature(const struct function *f, double x, double step);

#endif
