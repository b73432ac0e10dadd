/* Chapter 4, exercise 5, a reference answer: (4.1) over a batch. */
#include "04-batches/exercises.h"

double mse_loss_yours(const struct regression *model, const double *theta,
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
