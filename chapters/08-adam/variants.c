/* variants.c: two versions of Adam that PyTorch does not have, kept for
 * chapter 8's comparisons (see variants.h).  Buffers as in adam.c:
 * buffer[0] = m, buffer[1] = v. */
#include "08-adam/variants.h"

#include <math.h>

/* ANCHOR: uncorrected */
/* Adam as it would be without (8.3): m and v used as they are. */
void adam_uncorrected_step(struct optimizer *opt, double *theta, const double *grad)
{
    const struct hyper *h = &opt->hyper;
    double *m = opt->buffer[0], *v = opt->buffer[1];
    for (size_t i = 0; i < opt->dim; i++) {
        m[i] = h->beta1 * m[i] + (1.0 - h->beta1) * grad[i];
        v[i] = h->beta2 * v[i] + (1.0 - h->beta2) * grad[i] * grad[i];
        theta[i] -= h->lr * m[i] / (sqrt(v[i]) + h->eps);
    }
}
/* ANCHOR_END: uncorrected */

const struct optimizer_kind adam_uncorrected_kind = {
    .name = "adam without bias correction",
    .defaults = {.lr = 1e-3, .beta1 = 0.9, .beta2 = 0.999, .eps = 1e-8},
    .takes = TAKES_LR | TAKES_BETAS | TAKES_EPS,
    .step = adam_uncorrected_step,
};

/* ANCHOR: paper_form */
/* The paper's "more efficient" order (Kingma & Ba, section 2): fold both
 * corrections into the step size and add eps to the raw sqrt(v). */
void adam_paper_form_step(struct optimizer *opt, double *theta, const double *grad)
{
    const struct hyper *h = &opt->hyper;
    double *m = opt->buffer[0], *v = opt->buffer[1];
    double t = (double)opt->step_count;
    /* the paper's alpha_t, the chapter's eta_t */
    double lr_t = h->lr * sqrt(1.0 - pow(h->beta2, t)) / (1.0 - pow(h->beta1, t));
    for (size_t i = 0; i < opt->dim; i++) {
        m[i] = h->beta1 * m[i] + (1.0 - h->beta1) * grad[i];
        v[i] = h->beta2 * v[i] + (1.0 - h->beta2) * grad[i] * grad[i];
        theta[i] -= lr_t * m[i] / (sqrt(v[i]) + h->eps);
    }
}
/* ANCHOR_END: paper_form */

const struct optimizer_kind adam_paper_form_kind = {
    .name = "adam, the paper's efficient form",
    .defaults = {.lr = 1e-3, .beta1 = 0.9, .beta2 = 0.999, .eps = 1e-8},
    .takes = TAKES_LR | TAKES_BETAS | TAKES_EPS,
    .step = adam_paper_form_step,
};
