/* adadelta.h: Adadelta, steps in the units of theta, as torch.optim.Adadelta. */
#ifndef DESCENT_ADADELTA_H
#define DESCENT_ADADELTA_H

#include "00-toolkit/optimizer.h"

/* lr 1.0, rho 0.9, eps 1e-6, weight_decay 0, maximize off: PyTorch's
 * defaults. */
extern const struct optimizer_kind adadelta_kind;

void adadelta_step(struct optimizer *opt, double *theta, const double *grad);

#endif
