/* regression.c: mean squared error of a linear model (see regression.h). */
#include "04-batches/regression.h"
#include "00-toolkit/fail.h"

#include <stdlib.h>

void dataset_init(struct dataset *data, size_t count, size_t features)
{
    data->count = count;
    data->features = features;
    data->x = xcalloc(count * features, sizeof(double));
    data->y = xcalloc(count, sizeof(double));
}

void dataset_free(struct dataset *data)
{
    free(data->x);
    free(data->y);
    data->x = data->y = NULL;
    data->count = data->features = 0;
}

size_t regression_dim(const struct regression *model)
{
    return model->data->features + (model->bias ? 1 : 0);
}

double regression_predict(const struct regression *model, const double *theta, size_t i)
{
    const struct dataset *data = model->data;
    const double *x = data->x + i * data->features;
    double y_hat = model->bias ? theta[data->features] : 0.0;
    for (size_t j = 0; j < data->features; j++)
        y_hat += theta[j] * x[j];
    return y_hat;
}

double mse_loss(const struct regression *model, const double *theta,
                const size_t *batch, size_t size)
{
    double sum = 0.0;
    if (batch == NULL)
        size = model->data->count;
    for (size_t k = 0; k < size; k++) {
        size_t i = batch ? batch[k] : k;
        double error = regression_predict(model, theta, i) - model->data->y[i];
        sum += error * error;
    }
    return sum / (double)size;
}

/* ANCHOR: grad */
void mse_grad(const struct regression *model, double *grad, const double *theta,
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
        grad[j] *= 2.0 / (double)size;     /* mean of 2 (y_hat - y) dy_hat/dtheta */
}
/* ANCHOR_END: grad */
