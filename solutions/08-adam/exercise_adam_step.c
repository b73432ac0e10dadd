/* Chapter 8, exercise 5, a reference answer: Adam as an optimizer step,
 * (8.1)-(8.4) with AMSGrad, L2 weight decay and maximize. */
#include "08-adam/exercises.h"

#include <math.h>

void adam_step_yours(struct optimizer *opt, double *theta, const double *grad)
{
    const struct hyper *h = &opt->hyper;
    double *m = opt->buffer[0], *v = opt->buffer[1], *v_max = opt->buffer[2];
    double t = (double)opt->step_count;
    double correction1 = 1.0 - pow(h->beta1, t), correction2 = 1.0 - pow(h->beta2, t);

    for (size_t i = 0; i < opt->dim; i++) {
        double g = gradient_with_decay(h, grad[i], theta[i]);   /* maximize, then L2 */
        m[i] = h->beta1 * m[i] + (1.0 - h->beta1) * g;          /* (8.1) */
        v[i] = h->beta2 * v[i] + (1.0 - h->beta2) * g * g;      /* (8.2) */
        double second = v[i];
        if (h->amsgrad) {
            v_max[i] = fmax(v_max[i], v[i]);                    /* the raw v */
            second = v_max[i];
        }
        double denom = sqrt(second) / sqrt(correction2) + h->eps;   /* (8.3), (8.4) */
        theta[i] -= h->lr / correction1 * m[i] / denom;
    }
}
