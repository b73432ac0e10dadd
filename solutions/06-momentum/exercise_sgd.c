/* Chapter 6, exercise 5, a reference answer: torch.optim.SGD's step. */
#include "06-momentum/exercises.h"

void sgd_step_yours(struct optimizer *opt, double *theta, const double *grad)
{
    const struct hyper *h = &opt->hyper;
    double *b = opt->buffer[0];

    for (size_t i = 0; i < opt->dim; i++) {
        double g = h->maximize ? -grad[i] : grad[i];
        g += h->weight_decay * theta[i];                /* L2, after the sign */
        if (h->momentum != 0.0) {
            if (opt->step_count == 1)
                b[i] = g;                               /* a copy, undamped */
            else
                b[i] = h->momentum * b[i] + (1.0 - h->dampening) * g;
            g = h->nesterov ? g + h->momentum * b[i] : b[i];
        }
        theta[i] -= h->lr * g;
    }
}
