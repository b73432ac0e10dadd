/* adadelta.c: Adadelta with weight decay and maximize.
 *
 * Follows _single_tensor_adadelta in torch/optim/adadelta.py (PyTorch 1.13
 * and 2.x alike), in the same order.  buffer[0] is the leaky average v of
 * g^2, buffer[1] the leaky average u of the squared steps; both start at
 * zero.  Chapter 07, eq. (7.8) (eps inside both roots):
 *     v <- rho v + (1 - rho) g^2
 *     delta = sqrt(u + eps) / sqrt(v + eps) * g
 *     u <- rho u + (1 - rho) delta^2,    theta <- theta - lr delta
 */
#include "07-adaptive/adadelta.h"

#include <math.h>

/* ANCHOR: step */
void adadelta_step(struct optimizer *opt, double *theta, const double *grad)
{
    const struct hyper *h = &opt->hyper;
    double *square_avg = opt->buffer[0];
    double *delta_avg = opt->buffer[1];

    for (size_t i = 0; i < opt->dim; i++) {
        double g = gradient_with_decay(h, grad[i], theta[i]);   /* maximize, L2 */
        square_avg[i] = square_avg[i] * h->rho + (1.0 - h->rho) * g * g;
        double std = sqrt(square_avg[i] + h->eps);    /* eps inside the root */
        double delta = sqrt(delta_avg[i] + h->eps) / std * g;
        delta_avg[i] = delta_avg[i] * h->rho + (1.0 - h->rho) * delta * delta;
        theta[i] += -h->lr * delta;
    }
}
/* ANCHOR_END: step */

const struct optimizer_kind adadelta_kind = {
    .name = "adadelta",
    .defaults = {.lr = 1.0, .rho = 0.9, .eps = 1e-6},
    .takes = TAKES_LR | TAKES_RHO | TAKES_EPS | TAKES_WEIGHT_DECAY | TAKES_MAXIMIZE,
    .step = adadelta_step,
};
