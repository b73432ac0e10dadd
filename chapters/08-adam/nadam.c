/* nadam.c: NAdam (Dozat 2016), with PyTorch's momentum schedule.
 *
 * Follows _single_tensor_nadam in torch/optim/nadam.py of PyTorch 2.x, in
 * the same order (without the decoupled_weight_decay option of 2.2 on).
 * buffer[0] = m, buffer[1] = v; opt->product is mu_product, the product
 * mu_1 mu_2 ... mu_t of the momentum schedule (1 before the first step).
 *
 * Where PyTorch 1.13 differs: it computes the next product as
 * mu_product * mu * mu_next, counting mu_t twice; 2.0 fixed it to
 * mu_product * mu_next (below).  The two runs agree on the first step's
 * gradient term and differ from the first step on in the momentum term.
 * 1.13 also keeps mu_product as a float32 tensor (2.x does too unless the
 * default dtype is float64), and has no maximize flag.  With the 1.13
 * product and float32 rounding put back, this code gives 1.13's float64
 * trajectory bit for bit (checked over 50 steps on Rosenbrock); as written
 * it differs from 1.13 by about 2e-4 after 50 steps at lr 0.02.
 */
#include "08-adam/nadam.h"

#include <math.h>

/* ANCHOR: step */
void nadam_step(struct optimizer *opt, double *theta, const double *grad)
{
    const struct hyper *h = &opt->hyper;
    double *m = opt->buffer[0], *v = opt->buffer[1];
    double t = (double)opt->step_count;

    double bias_correction2 = 1.0 - pow(h->beta2, t);
    /* the momentum schedule mu_t, slowly rising towards beta1 */
    double mu = h->beta1 * (1.0 - 0.5 * pow(0.96, t * h->momentum_decay));
    double mu_next = h->beta1 * (1.0 - 0.5 * pow(0.96, (t + 1.0) * h->momentum_decay));
    opt->product *= mu;
    double product_next = opt->product * mu_next;

    for (size_t i = 0; i < opt->dim; i++) {
        double g = gradient_with_decay(h, grad[i], theta[i]);   /* maximize, L2 */
        m[i] = h->beta1 * m[i] + (1.0 - h->beta1) * g;
        v[i] = h->beta2 * v[i] + (1.0 - h->beta2) * g * g;
        double denom = sqrt(v[i] / bias_correction2) + h->eps;
        /* the current gradient and the look-ahead momentum, each corrected */
        theta[i] += -h->lr * (1.0 - mu) / (1.0 - opt->product) * g / denom;
        theta[i] += -h->lr * mu_next / (1.0 - product_next) * m[i] / denom;
    }
}
/* ANCHOR_END: step */

const struct optimizer_kind nadam_kind = {
    .name = "nadam",
    .defaults = {.lr = 2e-3, .beta1 = 0.9, .beta2 = 0.999, .eps = 1e-8,
                 .momentum_decay = 4e-3},
    .takes = TAKES_LR | TAKES_BETAS | TAKES_EPS | TAKES_WEIGHT_DECAY |
             TAKES_MOMENTUM_DECAY | TAKES_MAXIMIZE,
    .step = nadam_step,
};
