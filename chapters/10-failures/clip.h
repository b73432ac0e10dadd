/* clip.h: gradient clipping, as torch.nn.utils does it.
 *
 * Both act on the gradient of all parameters together, in place, before
 * the optimizer's step (and so before its weight decay):
 *   clip_grad_norm   scale g by max_norm / (||g|| + 1e-6) when that is
 *                    below 1: the direction is kept, the length capped
 *                    (torch/nn/utils/clip_grad.py, clip_grad_norm_ with the
 *                    2-norm over all parameters)                      (10.4)
 *   clip_grad_value  clamp every component to [-value, value]: each
 *                    coordinate capped on its own, so the direction
 *                    changes (clip_grad_value_)                        (10.5)
 */
#ifndef DESCENT_CLIP_H
#define DESCENT_CLIP_H

#include <stddef.h>

/* PyTorch's 1e-6, added to the norm before dividing. */
#define CLIP_EPS 1e-6

/* grad[0..dim) scaled by max_norm / (norm + 1e-6) when that factor is
 * below 1 (max_norm > 0).  Returns the norm before clipping, as
 * clip_grad_norm_ does (a non-finite norm is returned and grad is scaled
 * all the same, as PyTorch does without error_if_nonfinite). */
double clip_grad_norm(double *grad, size_t dim, double max_norm);

/* Every grad[i] clamped to [-value, value] (value > 0); a NaN component
 * stays NaN, as torch.clamp leaves it (fmax/fmin would hide it). */
void clip_grad_value(double *grad, size_t dim, double value);

#endif
