/* nadam.h: NAdam, Adam with a Nesterov look-ahead, as torch.optim.NAdam. */
#ifndef DESCENT_NADAM_H
#define DESCENT_NADAM_H

#include "00-toolkit/optimizer.h"

/* lr 2e-3, betas (0.9, 0.999), eps 1e-8, weight_decay 0 (L2),
 * momentum_decay 4e-3, maximize off: PyTorch's defaults. */
extern const struct optimizer_kind nadam_kind;

/* nadam_kind's step (optimizer.h): theta[0..opt->dim) <- one step of
 * _single_tensor_nadam, torch/optim/nadam.py of PyTorch 2.x, from
 * grad[0..dim) (chapter 8, "Adamax and NAdam, briefly"; Dozat 2016);
 * buffer[0] is m, buffer[1] v, opt->product the momentum schedule's
 * mu_product.
 * No check, as optimizer_init and optimizer_step (optimizer.h). */
void nadam_step(struct optimizer *opt, double *theta, const double *grad);

#endif
