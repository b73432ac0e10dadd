/* Chapter 8, exercise 8, a reference answer: NAdam with PyTorch 2's
 * momentum schedule. */
#include "08-adam/exercises.h"

#include <math.h>

static double schedule(const struct hyper *h, double t)
{
    return h->beta1 * (1.0 - 0.5 * pow(0.96, t * h->momentum_decay));
}

void nadam_step_yours(struct optimizer *opt, double *theta, const double *grad)
{
    const struct hyper *h = &opt->hyper;
    double *m = opt->buffer[0], *v = opt->buffer[1];
    double t = (double)opt->step_count;
    double mu = schedule(h, t), mu_next = schedule(h, t + 1.0);
    double correction2 = 1.0 - pow(h->beta2, t);

    opt->product *= mu;                                         /* once per step */
    double product_next = opt->product * mu_next;
    for (size_t i = 0; i < opt->dim; i++) {
        double g = gradient_with_decay(h, grad[i], theta[i]);
        m[i] = h->beta1 * m[i] + (1.0 - h->beta1) * g;
        v[i] = h->beta2 * v[i] + (1.0 - h->beta2) * g * g;
        double d = sqrt(v[i] / correction2) + h->eps;
        theta[i] -= h->lr * (1.0 - mu) / (1.0 - opt->product) * g / d;
        theta[i] -= h->lr * mu_next / (1.0 - product_next) * m[i] / d;
    }
}
