/* exercises.h: chapter 7's code exercises (stubs beside this file, answers
 * in solutions/07-adaptive/). */
#ifndef DESCENT_EXERCISES_07_H
#define DESCENT_EXERCISES_07_H

#include "00-toolkit/optimizer.h"

/* Exercise 3: RMSProp from the chapter's equations (7.5)-(7.7), as an
 * optimizer step (00-toolkit/optimizer.h): plain, centered
 * (opt->hyper.centered) and with momentum (opt->hyper.momentum > 0).
 * Keep v in opt->buffer[0], m in opt->buffer[1], b in opt->buffer[2]; all
 * start at zero.  Weight decay and maximize are not asked for. */
void rmsprop_step_yours(struct optimizer *opt, double *theta, const double *grad);

/* Exercise 5: AdaGrad with learning rate lr and eps = 0 on the line
 * f(x) = g x, whose gradient is g everywhere (g != 0): the distance
 * |x^(t) - x^(0)| after t steps. */
double adagrad_distance_on_a_slope(double lr, double g, long t);

#endif
