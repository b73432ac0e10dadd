/* exercises.h: chapter 3's code exercises (stubs beside this file, answers
 * in solutions/03-when-to-stop/). */
#ifndef DESCENT_EXERCISES_03_H
#define DESCENT_EXERCISES_03_H

#include "00-toolkit/functions.h"

/* Exercise 3.3: backtracking (3.5).  From x[0..f->dim) with fx = f(x) and
 * gradient grad, try alpha = alpha0, rho alpha0, rho^2 alpha0, ... and
 * return the first alpha with f(x - alpha grad) <= fx - c alpha grad'grad.
 * *evaluations gets the number of calls of f->value (one per trial; fx is
 * given).  After 60 failed trials give up and return 0. */
double armijo_yours(const struct function *f, const double *x, double fx, const double *grad,
                    double alpha0, double c, double rho, long *evaluations);

/* Exercise 3.5: the exact step (3.3) along -g on a quadratic, g'g / g'Hg,
 * for grad[0..dim) and hessian_grad = H g; 0 when g = 0 or g'Hg <= 0 (no
 * minimum along -g).  As line_search.h's exact_step. */
double exact_step_yours(const double *grad, const double *hessian_grad, size_t dim);

/* Exercise 3.6: what the gradient rule promises on a mu-strongly convex f
 * when it stops at ||grad f|| = grad_norm: *gap <- the bound (3.1) on
 * f(x) - f*, *distance <- the bound (3.2) on ||x - x*||.  mu > 0. */
void stopping_bounds(double grad_norm, double mu, double *gap, double *distance);

/* Exercise 3.7: steepest descent with the exact line search on a quadratic
 * f (a "quadratic:..." function): from x (overwritten with the last
 * iterate), step x <- x - alpha g with alpha from (3.3), until
 * ||grad f|| < tolerance or max_steps steps.  Returns the steps taken. */
long exact_descent(const struct function *f, double *x, double tolerance, long max_steps);

#endif
