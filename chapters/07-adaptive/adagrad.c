/* adagrad.c: Adagrad with learning-rate decay, an initial accumulator,
 * weight decay and maximize.
 *
 * Follows _single_tensor_adagrad in torch/optim/adagrad.py (PyTorch 1.13
 * and 2.x alike), in the same order.  buffer[0] is the accumulator s, the
 * running sum of squared gradients; PyTorch fills it with
 * initial_accumulator_value when the optimizer is built, we fill it on the
 * first step, which is the same thing.  The update (chapter 07, eq. (7.2)):
 *     s <- s + g^2,    theta <- theta - clr g / (sqrt(s) + eps),
 *     clr = lr / (1 + (t - 1) lr_decay).
 */
#include "07-adaptive/adagrad.h"

#include <math.h>

/* ANCHOR: step */
void adagrad_step(struct optimizer *opt, double *theta, const double *grad)
{
    const struct hyper *h = &opt->hyper;
    double *sum_sq = opt->buffer[0];
    double clr = h->lr / (1.0 + (double)(opt->step_count - 1) * h->lr_decay);

    for (size_t i = 0; i < opt->dim; i++) {
        double g = gradient_with_decay(h, grad[i], theta[i]);   /* maximize, L2 */
        if (opt->step_count == 1)
            sum_sq[i] = h->initial_accumulator_value;
        sum_sq[i] += g * g;                           /* never forgets */
        double std = sqrt(sum_sq[i]) + h->eps;        /* eps outside the root */
        theta[i] += -clr * g / std;
    }
}
/* ANCHOR_END: step */

const struct optimizer_kind adagrad_kind = {
    .name = "adagrad",
    .defaults = {.lr = 1e-2, .eps = 1e-10},
    .takes = TAKES_LR | TAKES_LR_DECAY | TAKES_WEIGHT_DECAY |
             TAKES_INITIAL_ACCUMULATOR_VALUE | TAKES_EPS | TAKES_MAXIMIZE,
    .step = adagrad_step,
};
