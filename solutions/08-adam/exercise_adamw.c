/* Chapter 8, exercise 6, a reference answer: AdamW, the decay decoupled. */
#include "08-adam/exercises.h"

#include <math.h>

void adamw_step_yours(struct optimizer *opt, double *theta, const double *grad)
{
    const struct hyper *h = &opt->hyper;
    double *m = opt->buffer[0], *v = opt->buffer[1], *v_max = opt->buffer[2];
    double t = (double)opt->step_count;
    double correction1 = 1.0 - pow(h->beta1, t), correction2 = 1.0 - pow(h->beta2, t);

    for (size_t i = 0; i < opt->dim; i++) {
        double g = h->maximize ? -grad[i] : grad[i];            /* no L2 term */
        theta[i] *= 1.0 - h->lr * h->weight_decay;              /* decay first */
        m[i] = h->beta1 * m[i] + (1.0 - h->beta1) * g;
        v[i] = h->beta2 * v[i] + (1.0 - h->beta2) * g * g;
        double second = v[i];
        if (h->amsgrad) {
            v_max[i] = fmax(v_max[i], v[i]);
            second = v_max[i];
        }
        double denom = sqrt(second) / sqrt(correction2) + h->eps;
        theta[i] -= h->lr / correction1 * m[i] / denom;
    }
}
