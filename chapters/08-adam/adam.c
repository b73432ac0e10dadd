/* adam.c: Adam (with AMSGrad) and AdamW.
 *
 * Follows _single_tensor_adam in torch/optim/adam.py and
 * _single_tensor_adamw in torch/optim/adamw.py (PyTorch 1.13 and 2.x), in
 * the same order and with the same grouping of the arithmetic, so that the
 * numbers agree with PyTorch's float64 ones to the last bit or two.
 * Buffers: buffer[0] = m (exp_avg), buffer[1] = v (exp_avg_sq),
 * buffer[2] = max v so far (max_exp_avg_sq, AMSGrad only).
 *
 * Newer PyTorch (2.1 on) writes the first moment as exp_avg.lerp_(g, 1 - beta1),
 * m + (1 - beta1)(g - m): the same number up to rounding in the last place.
 */
#include "08-adam/adam.h"

#include <math.h>

/* The part Adam and AdamW share, from the moment update on; g is the
 * gradient after any L2 term (chapter 8, equations 8.1-8.4).  The bias
 * corrections (8.3) depend on the step t only: PyTorch computes them once
 * per step for a whole tensor, and so do adam_step and adamw_step. */
/* ANCHOR: moments */
struct bias_correction {
    double step_size;                   /* lr / (1 - beta1^t) */
    double bias_correction2_sqrt;       /* sqrt(1 - beta2^t) */
};

static struct bias_correction bias_correction(const struct optimizer *opt)
{
    const struct hyper *h = &opt->hyper;
    double t = (double)opt->step_count;
    double bias_correction1 = 1.0 - pow(h->beta1, t);      /* (8.3) */
    double bias_correction2 = 1.0 - pow(h->beta2, t);
    return (struct bias_correction){h->lr / bias_correction1, sqrt(bias_correction2)};
}

static void adam_update(struct optimizer *opt, double *theta, size_t i, double g,
                        const struct bias_correction *c)
{
    const struct hyper *h = &opt->hyper;
    double *m = opt->buffer[0], *v = opt->buffer[1], *v_max = opt->buffer[2];

    m[i] = h->beta1 * m[i] + (1.0 - h->beta1) * g;         /* momentum (8.1) */
    v[i] = h->beta2 * v[i] + (1.0 - h->beta2) * g * g;     /* RMSprop (8.2) */

    double second = v[i];
    if (h->amsgrad) {
        v_max[i] = fmax(v_max[i], v[i]);                   /* the raw v, not v-hat */
        second = v_max[i];
    }
    /* eps is added after the square root and after the correction (8.4) */
    double denom = sqrt(second) / c->bias_correction2_sqrt + h->eps;
    theta[i] += -c->step_size * m[i] / denom;
}
/* ANCHOR_END: moments */

/* ANCHOR: adam */
void adam_step(struct optimizer *opt, double *theta, const double *grad)
{
    const struct hyper *h = &opt->hyper;
    struct bias_correction c = bias_correction(opt);
    for (size_t i = 0; i < opt->dim; i++) {
        double g = gradient_with_decay(h, grad[i], theta[i]);   /* L2: the moments see wd theta */
        adam_update(opt, theta, i, g, &c);
    }
}
/* ANCHOR_END: adam */

/* ANCHOR: adamw */
void adamw_step(struct optimizer *opt, double *theta, const double *grad)
{
    const struct hyper *h = &opt->hyper;
    struct bias_correction c = bias_correction(opt);
    for (size_t i = 0; i < opt->dim; i++) {
        double g = h->maximize ? -grad[i] : grad[i];
        theta[i] *= 1.0 - h->lr * h->weight_decay;  /* decoupled: the moments never see it */
        adam_update(opt, theta, i, g, &c);
    }
}
/* ANCHOR_END: adamw */

const struct optimizer_kind adam_kind = {
    .name = "adam",
    .defaults = {.lr = 1e-3, .beta1 = 0.9, .beta2 = 0.999, .eps = 1e-8},
    .takes = TAKES_LR | TAKES_BETAS | TAKES_EPS | TAKES_WEIGHT_DECAY |
             TAKES_AMSGRAD | TAKES_MAXIMIZE,
    .step = adam_step,
};

const struct optimizer_kind adamw_kind = {
    .name = "adamw",
    .defaults = {.lr = 1e-3, .beta1 = 0.9, .beta2 = 0.999, .eps = 1e-8,
                 .weight_decay = 1e-2},
    .takes = TAKES_LR | TAKES_BETAS | TAKES_EPS | TAKES_WEIGHT_DECAY |
             TAKES_AMSGRAD | TAKES_MAXIMIZE,
    .step = adamw_step,
};
