/* Chapter 7, exercise 6, a reference answer: Adagrad (7.2) as torch.optim.Adagrad. */
#include "07-adaptive/exercises.h"

#include <math.h>

void adagrad_step_yours(struct optimizer *opt, double *theta, const double *grad)
{
    const struct hyper *h = &opt->hyper;
    double *s = opt->buffer[0];
    double clr = h->lr / (1.0 + (double)(opt->step_count - 1) * h->lr_decay);

    for (size_t i = 0; i < opt->dim; i++) {
        double g = gradient_with_decay(h, grad[i], theta[i]);
        if (opt->step_count == 1)
            s[i] = h->initial_accumulator_value;
        s[i] += g * g;                                  /* before the division */
        theta[i] -= clr * g / (sqrt(s[i]) + h->eps);
    }
}
