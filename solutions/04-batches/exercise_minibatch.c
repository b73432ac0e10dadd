/* Exercise 4 of chapter 4, a reference answer: the mini-batch gradient of chapter 4,
 * equation (4.2), without the regression module. */
#include "04-batches/exercises.h"

void minibatch_gradient(double *grad, const double *w, const double *x, const double *y,
                        size_t features, const size_t *batch, size_t size)
{
    for (size_t j = 0; j < features; j++)
        grad[j] = 0.0;
    for (size_t k = 0; k < size; k++) {
        const double *x_i = x + batch[k] * features;
        double error = -y[batch[k]];
        for (size_t j = 0; j < features; j++)
            error += w[j] * x_i[j];
        for (size_t j = 0; j < features; j++)
            grad[j] += error * x_i[j];
    }
    for (size_t j = 0; j < features; j++)
        grad[j] *= 2.0 / (double)size;
}
