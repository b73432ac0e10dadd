/* Chapter 7, exercise 3, a reference answer: RMSprop written from eqs. (7.5)-(7.7). */
#include "07-adaptive/exercises.h"

#include <math.h>

void rmsprop_step_yours(struct optimizer *opt, double *theta, const double *grad)
{
    const struct hyper *h = &opt->hyper;
    double *v = opt->buffer[0], *m = opt->buffer[1], *b = opt->buffer[2];

    for (size_t i = 0; i < opt->dim; i++) {
        double g = gradient_with_decay(h, grad[i], theta[i]), d;   /* maximize, L2 */
        v[i] = h->alpha * v[i] + (1.0 - h->alpha) * g * g;          /* (7.5) */
        if (h->centered) {
            m[i] = h->alpha * m[i] + (1.0 - h->alpha) * g;           /* (7.6) */
            d = sqrt(v[i] - m[i] * m[i]) + h->eps;
        } else {
            d = sqrt(v[i]) + h->eps;
        }
        if (h->momentum > 0.0) {
            b[i] = h->momentum * b[i] + g / d;                      /* (7.7) */
            theta[i] -= h->lr * b[i];
        } else {
            theta[i] -= h->lr * g / d;
        }
    }
}
