/* nadam.h: NAdam, Adam with a Nesterov look-ahead, as torch.optim.NAdam. */
#ifndef DESCENT_NADAM_H
#define DESCENT_NADAM_H

#include "00-toolkit/optimizer.h"

/* lr 2e-3, betas (0.9, 0.999), eps 1e-8, weight_decay 0 (L2),
 * momentum_decay 4e-3, maximize off: PyTorch's defaults. */
extern const struct optimizer_kind nadam_kind;

void nadam_step(struct optimizer *opt, double *theta, const double *grad);

#endif
