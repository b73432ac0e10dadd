/* exercises.h: chapter 1's code exercises (stubs beside this file, answers
 * in solutions/01-update-rule/). */
#ifndef DESCENT_EXERCISES_01_H
#define DESCENT_EXERCISES_01_H

#include <stddef.h>

#include "01-update-rule/gd.h"

/* Exercise 1.3: run gradient descent on f(x) = a/2 x^2 from x0 with step
 * eta and return how many updates it takes until |f'(x)| < tolerance
 * (0 if |f'(x0)| is already below it; give up after 100000). */
long steps_until_small_gradient(double a, double x0, double eta, double tolerance);

/* Exercise 1.5: one step of (1.1) on theta[0..dim) with grad[0..dim), as
 * gd.h's gd_step. */
void gd_step_yours(double *theta, const double *grad, size_t dim, double eta);

/* Exercise 1.6: x^(k) of gradient descent on f(x) = a/2 x^2 from x0 with
 * step eta, k >= 0 steps, from the closed form (1.3) (x* = 0), without
 * running the loop. */
double iterate_closed_form(double a, double x0, double eta, long k);

/* Exercise 1.7: the loop of chapter 1, as gd.h's gradient_descent without
 * the trace: from x[0..f->dim) (overwritten with the last finite iterate),
 * step eta,
 * until ||grad f|| < tolerance or max_steps updates, stopping (diverged)
 * when the value or a coordinate of the next point is not finite. */
struct gd_run gd_loop_yours(const struct function *f, double *x, double eta,
                            double tolerance, long max_steps);

#endif
