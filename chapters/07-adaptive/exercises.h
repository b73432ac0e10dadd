/* exercises.h: chapter 7's code exercises (stubs beside this file, answers
 * in solutions/07-adaptive/). */
#ifndef DESCENT_EXERCISES_07_H
#define DESCENT_EXERCISES_07_H

#include "00-toolkit/optimizer.h"

/* Exercise 7.3: RMSprop from the chapter's equations (7.5)-(7.7), as an
 * optimizer step (00-toolkit/optimizer.h): plain, centered
 * (opt->hyper.centered) and with momentum (opt->hyper.momentum > 0), from
 * the gradient with maximize and weight decay as SGD takes it (exercise
 * 6.5; optimizer.h's gradient_with_decay computes it).
 * Keep v in opt->buffer[0], m in opt->buffer[1], b in opt->buffer[2]; all
 * start at zero. */
void rmsprop_step_yours(struct optimizer *opt, double *theta, const double *grad);

/* Exercises 7.6 and 7.7: Adagrad (7.2) and Adadelta (7.8) as optimizer steps,
 * with every setting of torch.optim.Adagrad (lr_decay,
 * initial_accumulator_value, weight_decay, eps, maximize) and of
 * torch.optim.Adadelta (rho, eps, weight_decay, maximize).  Each must agree
 * with adagrad_kind or adadelta_kind to 1e-9 (relative) on random cases. */
void adagrad_step_yours(struct optimizer *opt, double *theta, const double *grad);
void adadelta_step_yours(struct optimizer *opt, double *theta, const double *grad);

/* Exercise 7.5: Adagrad with learning rate lr and eps = 0 on the line
 * f(x) = g x, whose gradient is g everywhere (g != 0): the distance
 * |x^(t) - x^(0)| after t steps. */
double adagrad_distance_on_a_slope(double lr, double g, long t);

#endif
