/* mystery.c: f and a gradient with one bug in it (mystery.h). */
#include "05-checking-gradients/mystery.h"

#include <math.h>

double mystery_value(const void *context, const double *x)
{
    (void)context;
    return x[0] * x[0] * x[1] + x[1] * x[2] * x[2] * x[2] + exp(x[0] * x[2]);
}

/* ANCHOR: mystery */
void mystery_gradient(const void *context, double *grad, const double *x)
{
    double e = exp(x[0] * x[2]);
    (void)context;
    grad[0] = 2.0 * x[0] * x[1] + x[2] * e;
    grad[1] = x[0] * x[0] + x[2] * x[2] * x[2];
    grad[2] = 3.0 * x[1] * x[2] * x[2] + x[2] * e;
}
/* ANCHOR_END: mystery */

struct checked mystery_checked(void)
{
    struct checked objective = {NULL, 3, mystery_value, mystery_gradient};
    return objective;
}
