/* Chapter 8, exercise 7, a reference answer: Adamax. */
#include "08-adam/exercises.h"

#include <math.h>

void adamax_step_yours(struct optimizer *opt, double *theta, const double *grad)
{
    const struct hyper *h = &opt->hyper;
    double *m = opt->buffer[0], *u = opt->buffer[1];
    double correction1 = 1.0 - pow(h->beta1, (double)opt->step_count);

    for (size_t i = 0; i < opt->dim; i++) {
        double g = gradient_with_decay(h, grad[i], theta[i]);
        m[i] = h->beta1 * m[i] + (1.0 - h->beta1) * g;
        u[i] = fmax(h->beta2 * u[i], fabs(g) + h->eps);        /* eps inside the max */
        theta[i] -= h->lr / correction1 * m[i] / u[i];
    }
}
