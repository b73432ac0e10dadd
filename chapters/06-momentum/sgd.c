/* sgd.c: SGD with momentum, dampening, Nesterov, weight decay and maximize.
 *
 * Follows _single_tensor_sgd in torch/optim/sgd.py (the same in PyTorch
 * 1.13 and 2.x), in the same order.  The momentum buffer is buffer[0]; on
 * the first step it is a copy of the gradient (no dampening), afterwards
 *     b <- momentum b + (1 - dampening) g.
 * PyTorch tests "no buffer yet"; here that is step_count == 1, the same
 * thing for an optimizer that is fresh or reset (optimizer_reset).
 * pytorch_check.py compares the two.
 */
#include "06-momentum/sgd.h"

/* ANCHOR: step */
void sgd_step(struct optimizer *opt, double *theta, const double *grad)
{
    const struct hyper *h = &opt->hyper;
    double *b = opt->buffer[0];

    for (size_t i = 0; i < opt->dim; i++) {
        double g = gradient_with_decay(h, grad[i], theta[i]);   /* maximize, L2 */
        if (h->momentum != 0.0) {
            if (opt->step_count == 1)
                b[i] = g;                             /* first buffer: a copy of g */
            else
                b[i] = h->momentum * b[i] + (1.0 - h->dampening) * g;
            if (h->nesterov)
                g += h->momentum * b[i];              /* look ahead along b */
            else
                g = b[i];
        }
        theta[i] -= h->lr * g;
    }
}
/* ANCHOR_END: step */

const struct optimizer_kind sgd_kind = {
    .name = "sgd",
    .defaults = {.lr = 1e-3},
    .takes = TAKES_LR | TAKES_MOMENTUM | TAKES_DAMPENING | TAKES_NESTEROV |
             TAKES_WEIGHT_DECAY | TAKES_MAXIMIZE,
    .step = sgd_step,
};
