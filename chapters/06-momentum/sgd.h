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
 * No error: the hyper-parameters were checked where they were read (the
 * lab's flags, a chapter's parser); a non-finite grad gives a non-finite
 * theta, which the caller's loop reports (exit 3). */
void sgd_step(struct optimizer *opt, double *theta, const double *grad);

#endif
