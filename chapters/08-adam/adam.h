/* adam.h: Adam and AdamW, as torch.optim.Adam and torch.optim.AdamW. */
#ifndef DESCENT_ADAM_H
#define DESCENT_ADAM_H

#include "00-toolkit/optimizer.h"

/* lr 1e-3, betas (0.9, 0.999), eps 1e-8, weight_decay 0, amsgrad and
 * maximize off: PyTorch's defaults.  Weight decay is L2: wd theta is added
 * to the gradient before the moments see it. */
extern const struct optimizer_kind adam_kind;

/* The same defaults but weight_decay 1e-2, and the decay is decoupled:
 * theta is shrunk by (1 - lr wd) before the moment update. */
extern const struct optimizer_kind adamw_kind;

/* The kinds' steps (optimizer.h): theta[0..opt->dim) <- one step from
 * grad[0..dim) of _single_tensor_adam, torch/optim/adam.py, (8.1)-(8.4)
 * with AMSGrad as an option, and of _single_tensor_adamw,
 * torch/optim/adamw.py (Loshchilov and Hutter, "Decoupled Weight Decay
 * Regularization", ICLR 2019; chapter 8, "AdamW").  buffer[0] is m,
 * buffer[1] v, buffer[2] the largest v (AMSGrad).
 * No check, as optimizer_init and optimizer_step (optimizer.h). */
void adam_step(struct optimizer *opt, double *theta, const double *grad);
void adamw_step(struct optimizer *opt, double *theta, const double *grad);

#endif
