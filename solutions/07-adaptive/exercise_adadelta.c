/* Chapter 7, exercise 7, a reference answer: Adadelta (7.8) as torch.optim.Adadelta. */
#include "07-adaptive/exercises.h"

#include <math.h>

void adadelta_step_yours(struct optimizer *opt, double *theta, const double *grad)
{
    const struct hyper *h = &opt->hyper;
    double *v = opt->buffer[0], *u = opt->buffer[1];

    for (size_t i = 0; i < opt->dim; i++) {
        double g = gradient_with_decay(h, grad[i], theta[i]);
        v[i] = h->rho * v[i] + (1.0 - h->rho) * g * g;
        double delta = sqrt(u[i] + h->eps) / sqrt(v[i] + h->eps) * g;
        u[i] = h->rho * u[i] + (1.0 - h->rho) * delta * delta;
        theta[i] -= h->lr * delta;
    }
}
