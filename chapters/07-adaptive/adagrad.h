/* adagrad.h: Adagrad, a step size per coordinate, as torch.optim.Adagrad. */
#ifndef DESCENT_ADAGRAD_H
#define DESCENT_ADAGRAD_H

#include "00-toolkit/optimizer.h"

/* lr 1e-2, lr_decay 0, weight_decay 0, initial_accumulator_value 0,
 * eps 1e-10, maximize off: PyTorch's defaults. */
extern const struct optimizer_kind adagrad_kind;

/* adagrad_kind's step (optimizer.h): theta[0..opt->dim) <- one step of
 * _single_tensor_adagrad, torch/optim/adagrad.py, from grad[0..dim): (7.2)
 * with clr = lr / (1 + (step_count - 1) lr_decay); buffer[0] is the sum of
 * squares s.
 * No check, as optimizer_init and optimizer_step (optimizer.h). */
void adagrad_step(struct optimizer *opt, double *theta, const double *grad);

#endif
