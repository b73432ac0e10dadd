/* exercises.h: chapter 6's code exercises (stubs beside this file, answers
 * in solutions/06-momentum/). */
#ifndef DESCENT_EXERCISES_06_H
#define DESCENT_EXERCISES_06_H

#include <stddef.h>

#include "00-toolkit/optimizer.h"

/* Exercise 6.2: the largest learning rate for which heavy ball with
 * momentum beta (0 <= beta < 1) converges on a quadratic whose largest
 * curvature is lambda_max > 0.  (At that lr itself the run no longer
 * shrinks.) */
double largest_stable_lr(double beta, double lambda_max);

/* Exercise 6.3: run torch.optim.SGD(lr, momentum, dampening) for `steps`
 * steps on f = 1/2 sum curvature[i] x[i]^2, starting from x[0..dim), but
 * written in the classical form (6.1) with the previous iterate instead of
 * a momentum buffer.  Leaves x^(steps) in x. */
void dampened_heavy_ball(double *x, const double *curvature, size_t dim, double lr,
                         double momentum, double dampening, long steps);

/* Exercise 6.4: the momentum for which Nesterov with lr = 1/L has a double
 * root on the flattest direction of a quadratic with condition number
 * kappa = L / mu > 1. */
double nesterov_double_root_momentum(double kappa);

/* Exercise 6.5: torch.optim.SGD's step, as the interface of
 * 00-toolkit/optimizer.h (sgd_kind could call it, and build/descent-yours
 * does once it is done): momentum buffer, dampening, Nesterov, weight
 * decay and maximize.  opt->step_count is 1 on the first call.  Must agree
 * with sgd_kind to 1e-9 (relative) on random cases of every setting. */
void sgd_step_yours(struct optimizer *opt, double *theta, const double *grad);

#endif
