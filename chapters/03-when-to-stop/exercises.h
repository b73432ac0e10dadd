/* exercises.h: chapter 3's code exercises (stubs beside this file, answers
 * in solutions/03-when-to-stop/). */
#ifndef DESCENT_EXERCISES_03_H
#define DESCENT_EXERCISES_03_H

#include "00-toolkit/functions.h"

/* Exercise 3: backtracking (3.5).  From x[0..f->dim) with fx = f(x) and
 * gradient grad, try alpha = alpha0, rho alpha0, rho^2 alpha0, ... and
 * return the first alpha with f(x - alpha grad) <= fx - c alpha grad'grad.
 * *evaluations gets the number of calls of f->value (one per trial; fx is
 * given).  After 60 failed trials give up and return 0. */
double armijo_yours(const struct function *f, const double *x, double fx, const double *grad,
                    double alpha0, double c, double rho, long *evaluations);

#endif
