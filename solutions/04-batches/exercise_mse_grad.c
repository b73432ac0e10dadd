/* Chapter 4, exercise 6, a reference answer: (4.2) with a bias. */
#include "04-batches/exercises.h"

void mse_grad_yours(const struct regression *model, double *grad, const double *theta,
                    const size_t *batch, size_t size)
{
    const struct dataset *data = model->data;
    size_t dim = regression_dim(model);
    if (batch == NULL)
        size = data->count;
    for (size_t j = 0; j < dim; j++)
        grad[j] = 0.0;
    for (size_t k = 0; k < size; k++) {
        size_t i = batch ? batch[k] : k;
        const double *x = data->x + i * data->features;
        double error = regression_predict(model, theta, i) - data->y[i];
        for (size_t j = 0; j < data->features; j++)
            grad[j] += error * x[j];
        if (model->bias)
            grad[data->features] += error;
    }
    for (size_t j = 0; j < dim; j++)
        grad[j] *= 2.0 / (double)size;
}
