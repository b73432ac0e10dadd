/* adamax.h: Adamax, Adam with an infinity norm, as torch.optim.Adamax. */
#ifndef DESCENT_ADAMAX_H
#define DESCENT_ADAMAX_H

#include "00-toolkit/optimizer.h"

/* lr 2e-3, betas (0.9, 0.999), eps 1e-8, weight_decay 0 (L2), maximize
 * off: PyTorch's defaults. */
extern const struct optimizer_kind adamax_kind;

/* adamax_kind's step (optimizer.h): theta[0..opt->dim) <- one step of
 * _single_tensor_adamax, torch/optim/adamax.py, from grad[0..dim)
 * (chapter 8, "Adamax and NAdam, briefly"; Kingma and Ba, ICLR 2015,
 * section 7.1); buffer[0] is m, buffer[1] the decaying maximum u.
 * No check, as optimizer_init and optimizer_step (optimizer.h). */
void adamax_step(struct optimizer *opt, double *theta, const double *grad);

#endif
