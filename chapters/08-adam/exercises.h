/* exercises.h: chapter 8's code exercise (the stub beside this file, an
 * answer in solutions/08-adam/). */
#ifndef DESCENT_EXERCISES_08_H
#define DESCENT_EXERCISES_08_H

#include <stddef.h>

/* Exercise 4: one Adam update of theta[0..dim), written from equations
 * (8.1)-(8.4) of the chapter without looking at adam.c.  grad is the loss's
 * gradient at theta; m and v hold the two moments between calls (all zero before
 * the first call); t is the number of this update, 1 on the first call.
 * No weight decay, no AMSGrad.  The result must match adam_kind to 1e-12. */
void adam_from_memory(double *theta, double *m, double *v, const double *grad, size_t dim,
                      long t, double lr, double beta1, double beta2, double eps);

#endif
