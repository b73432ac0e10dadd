/* rmsprop.c: RMSprop with the centered variant, momentum, weight decay and
 * maximize.
 *
 * Follows _single_tensor_rmsprop in torch/optim/rmsprop.py (PyTorch 1.13),
 * in the same order.  buffer[0] is the leaky average v of g^2, buffer[1]
 * the leaky average m of g (centered only), buffer[2] the momentum buffer b;
 * all three start at zero (unlike SGD's, b is not a copy of the first
 * step).  Chapter 07, eqs. (7.5)-(7.7):
 *     v <- alpha v + (1 - alpha) g^2
 *     m <- alpha m + (1 - alpha) g,   d = sqrt(v - m^2) + eps   (centered)
 *                                     d = sqrt(v) + eps         (plain)
 *     b <- momentum b + g / d,        theta <- theta - lr b     (momentum > 0)
 *                                     theta <- theta - lr g / d (otherwise)
 * PyTorch 2.x writes the m update as lerp(m, g, 1 - alpha): the same value
 * up to the last bit.
 */
#include "07-adaptive/rmsprop.h"

#include <math.h>

/* ANCHOR: step */
void rmsprop_step(struct optimizer *opt, double *theta, const double *grad)
{
    const struct hyper *h = &opt->hyper;
    double *square_avg = opt->buffer[0];
    double *grad_avg = opt->buffer[1];
    double *momentum_buf = opt->buffer[2];        /* b in (7.7) */

    for (size_t i = 0; i < opt->dim; i++) {
        double g = gradient_with_decay(h, grad[i], theta[i]);   /* maximize, L2 */
        square_avg[i] = square_avg[i] * h->alpha + (1.0 - h->alpha) * g * g;
        double avg;
        if (h->centered) {
            grad_avg[i] = grad_avg[i] * h->alpha + (1.0 - h->alpha) * g;
            avg = sqrt(square_avg[i] - grad_avg[i] * grad_avg[i]);  /* v - m^2 */
        } else {
            avg = sqrt(square_avg[i]);
        }
        avg += h->eps;                                /* eps outside the root */
        if (h->momentum > 0.0) {
            momentum_buf[i] = momentum_buf[i] * h->momentum + g / avg;
            theta[i] += -h->lr * momentum_buf[i];
        } else {
            theta[i] += -h->lr * g / avg;
        }
    }
}
/* ANCHOR_END: step */

const struct optimizer_kind rmsprop_kind = {
    .name = "rmsprop",
    .defaults = {.lr = 1e-2, .alpha = 0.99, .eps = 1e-8},
    .takes = TAKES_LR | TAKES_ALPHA | TAKES_EPS | TAKES_WEIGHT_DECAY |
             TAKES_MOMENTUM | TAKES_CENTERED | TAKES_MAXIMIZE,
    .step = rmsprop_step,
};
