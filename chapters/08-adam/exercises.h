/* exercises.h: chapter 8's code exercises (stubs beside this file, answers
 * in solutions/08-adam/). */
#ifndef DESCENT_EXERCISES_08_H
#define DESCENT_EXERCISES_08_H

#include <stddef.h>

#include "00-toolkit/optimizer.h"

/* Exercise 8.4: one Adam update of theta[0..dim), written from equations
 * (8.1)-(8.4) of the chapter without looking at adam.c.  grad is the loss's
 * gradient at theta; m and v hold the two moments between calls (all zero before
 * the first call); t is the number of this update, 1 on the first call.
 * No weight decay, no AMSGrad.  The result must match adam_kind to 1e-12. */
void adam_from_memory(double *theta, double *m, double *v, const double *grad, size_t dim,
                      long t, double lr, double beta1, double beta2, double eps);

/* Exercises 8.5 to 8.8: the chapter's optimizers as steps of the interface of
 * 00-toolkit/optimizer.h, so that adam_kind, adamw_kind, adamax_kind and
 * nadam_kind could call them (and build/descent-yours does, once they are
 * done: make lab-yours).  opt->step_count is already 1 on the first call;
 * opt->buffer[0..3] are dim zeros before it; opt->product is 1 before it.
 * Each must agree with the book's kind to 1e-9 (relative) on random cases
 * of every setting the kind takes. */
void adam_step_yours(struct optimizer *opt, double *theta, const double *grad);
void adamw_step_yours(struct optimizer *opt, double *theta, const double *grad);
void adamax_step_yours(struct optimizer *opt, double *theta, const double *grad);
void nadam_step_yours(struct optimizer *opt, double *theta, const double *grad);

#endif
