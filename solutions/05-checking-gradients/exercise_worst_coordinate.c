/* Exercise 5.4, a reference answer: the check of gradcheck.c, one
 * coordinate at a time, keeping the worst. */
#include "05-checking-gradients/exercises.h"
#include "00-toolkit/fail.h"

#include <stdlib.h>
#include <string.h>

long worst_coordinate(const struct checked *objective, const double *x, double threshold)
{
    size_t dim = objective->dim;
    double *grad = xcalloc(2 * dim, sizeof *grad), *probe = grad + dim, worst = threshold;
    long coordinate = -1;
    objective->gradient(objective->context, grad, x);
    memcpy(probe, x, dim * sizeof *probe);
    for (size_t i = 0; i < dim; i++) {
        double h = gradcheck_step(x[i]), up, down, r;
        probe[i] = x[i] + h;
        up = objective->value(objective->context, probe);
        probe[i] = x[i] - h;
        down = objective->value(objective->context, probe);
        probe[i] = x[i];
        r = gradient_relative_error(grad[i], (up - down) / (2.0 * h), GRADCHECK_FLOOR);
        if (r >= worst) {
            worst = r;
            coordinate = (long)i;
        }
    }
    free(grad);
    return coordinate;
}
