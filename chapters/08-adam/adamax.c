/* adamax.c: Adamax.
 *
 * Follows _single_tensor_adamax in torch/optim/adamax.py (PyTorch 1.13 and
 * 2.x), in the same order.  buffer[0] = m (exp_avg), buffer[1] = u
 * (exp_inf), a decaying maximum of |g| that replaces Adam's sqrt(v-hat).
 * u needs no bias correction: it is a maximum, not an average started at 0.
 * eps is added to |g| inside the maximum, not to the denominator.
 */
#include "08-adam/adamax.h"

#include <math.h>

/* ANCHOR: step */
void adamax_step(struct optimizer *opt, double *theta, const double *grad)
{
    const struct hyper *h = &opt->hyper;
    double *m = opt->buffer[0], *u = opt->buffer[1];
    double step_size = h->lr / (1.0 - pow(h->beta1, (double)opt->step_count));

    for (size_t i = 0; i < opt->dim; i++) {
        double g = gradient_with_decay(h, grad[i], theta[i]);   /* maximize, L2 */
        m[i] = h->beta1 * m[i] + (1.0 - h->beta1) * g;
        u[i] = fmax(h->beta2 * u[i], fabs(g) + h->eps);  /* infinity norm, decayed */
        theta[i] += -step_size * m[i] / u[i];
    }
}
/* ANCHOR_END: step */

const struct optimizer_kind adamax_kind = {
    .name = "adamax",
    .defaults = {.lr = 2e-3, .beta1 = 0.9, .beta2 = 0.999, .eps = 1e-8},
    .takes = TAKES_LR | TAKES_BETAS | TAKES_EPS | TAKES_WEIGHT_DECAY | TAKES_MAXIMIZE,
    .step = adamax_step,
};
