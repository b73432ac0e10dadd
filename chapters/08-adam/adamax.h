/* adamax.h: Adamax, Adam with an infinity norm, as torch.optim.Adamax. */
#ifndef DESCENT_ADAMAX_H
#define DESCENT_ADAMAX_H

#include "00-toolkit/optimizer.h"

/* lr 2e-3, betas (0.9, 0.999), eps 1e-8, weight_decay 0 (L2), maximize
 * off: PyTorch's defaults. */
extern const struct optimizer_kind adamax_kind;

void adamax_step(struct optimizer *opt, double *theta, const double *grad);

#endif
