/* rmsprop.h: RMSprop, a leaky average of squared gradients, as
 * torch.optim.RMSprop (plain, centered, with momentum). */
#ifndef DESCENT_RMSPROP_H
#define DESCENT_RMSPROP_H

#include "00-toolkit/optimizer.h"

/* lr 1e-2, alpha 0.99, eps 1e-8, weight_decay 0, momentum 0, centered and
 * maximize off: PyTorch's defaults. */
extern const struct optimizer_kind rmsprop_kind;

/* rmsprop_kind's step (optimizer.h): theta[0..opt->dim) <- one step of
 * _single_tensor_rmsprop, torch/optim/rmsprop.py, from grad[0..dim):
 * (7.5), centered (7.6), with momentum (7.7); buffer[0] is v, buffer[1] m,
 * buffer[2] b.
 * No check, as optimizer_init and optimizer_step (optimizer.h). */
void rmsprop_step(struct optimizer *opt, double *theta, const double *grad);

#endif
