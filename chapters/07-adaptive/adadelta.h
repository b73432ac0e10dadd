/* adadelta.h: Adadelta, steps in the units of theta, as torch.optim.Adadelta. */
#ifndef DESCENT_ADADELTA_H
#define DESCENT_ADADELTA_H

#include "00-toolkit/optimizer.h"

/* lr 1.0, rho 0.9, eps 1e-6, weight_decay 0, maximize off: PyTorch's
 * defaults. */
extern const struct optimizer_kind adadelta_kind;

/* adadelta_kind's step (optimizer.h): theta[0..opt->dim) <- one step of
 * _single_tensor_adadelta, torch/optim/adadelta.py, from grad[0..dim):
 * (7.8); buffer[0] is the average v of g^2, buffer[1] the average u of the
 * squared steps.
 * No check, as optimizer_init and optimizer_step (optimizer.h). */
void adadelta_step(struct optimizer *opt, double *theta, const double *grad);

#endif
