/* exercises.h: chapter 5's code exercises (stubs beside this file, answers
 * in solutions/05-checking-gradients/). */
#ifndef DESCENT_EXERCISES_05_H
#define DESCENT_EXERCISES_05_H

#include "05-checking-gradients/differences.h"
#include "05-checking-gradients/gradcheck.h"

/* Exercise 5.3: the relative error (5.7) of a claimed derivative analytic
 * against a measured one numeric: |analytic - numeric| divided by the
 * largest of |analytic|, |numeric| and floor. */
double gradient_relative_error(double analytic, double numeric, double floor);

/* Exercise 5.4: the coordinate (0-based) whose claimed gradient disagrees
 * most with the central difference (5.2), h = gradcheck_step(x_i), at x,
 * by gradient_relative_error with floor GRADCHECK_FLOOR; or -1 when every
 * coordinate's error is below threshold.  x is left unchanged. */
long worst_coordinate(const struct checked *objective, const double *x, double threshold);

/* Exercise 5.5: the central difference (5.2) of f at x with step h > 0,
 * as differences.h's central_difference. */
double central_difference_yours(real_function f, double x, double h);

/* Exercise 5.6: the complex step (5.5): f'(x) ~ Im f(x + ih) / h, for f
 * written in complex arithmetic (complex_of in differences.h makes
 * x + ih), as differences.h's complex_step. */
double complex_step_yours(complex_function f, double x, double h);

#endif
