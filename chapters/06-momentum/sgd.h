/* sgd.h: stochastic gradient descent with momentum, as torch.optim.SGD. */
#ifndef DESCENT_SGD_H
#define DESCENT_SGD_H

#include "00-toolkit/optimizer.h"

/* lr 1e-3, momentum 0, dampening 0, weight_decay 0, nesterov and maximize
 * off: PyTorch's defaults. */
extern const struct optimizer_kind sgd_kind;

/* sgd_kind's step (optimizer.h): theta[0..opt->dim) <- one step of
 * _single_tensor_sgd, torch/optim/sgd.py, from grad[0..dim); buffer[0] is
 * the momentum buffer b (chapter 6, "PyTorch's form: a momentum buffer").
 * No check, as optimizer_init and optimizer_step (optimizer.h). */
void sgd_step(struct optimizer *opt, double *theta, const double *grad);

#endif
