/* regression.h: linear regression by mean squared error, on any batch.
 *
 * The model is y_hat = w . x + b (b only when bias is true); the parameter
 * vector theta is (w1, ..., wd, b).  The loss of a batch of B samples is
 *     L = 1/B sum (y_hat - y)^2,                       exactly torch.nn.MSELoss()
 * and its gradient is the mean of the per-sample gradients,
 *     dL/dw_j = 2/B sum (y_hat - y) x_j,   dL/db = 2/B sum (y_hat - y).
 * A batch is a list of sample indices, so one function serves full-batch,
 * stochastic and mini-batch descent, in file order or shuffled.
 */
#ifndef DESCENT_REGRESSION_H
#define DESCENT_REGRESSION_H

#include <stdbool.h>
#include <stddef.h>

struct dataset {
    size_t count;       /* samples */
    size_t features;    /* d */
    double *x;          /* count x features, row-major: sample i is x + i*features */
    double *y;          /* count targets */
};

/* Allocate room for count samples of features values, zeroed. */
void dataset_init(struct dataset *data, size_t count, size_t features);
void dataset_free(struct dataset *data);

struct regression {
    const struct dataset *data;
    bool bias;          /* theta has a last entry b */
};

/* Length of theta: features, plus one with a bias. */
size_t regression_dim(const struct regression *model);

/* y_hat of sample i at theta. */
double regression_predict(const struct regression *model, const double *theta, size_t i);

/* Mean squared error over the samples batch[0..size); batch NULL means all
 * samples in order (size is then ignored). */
double mse_loss(const struct regression *model, const double *theta,
                const size_t *batch, size_t size);

/* grad <- gradient of mse_loss over the same batch. */
void mse_grad(const struct regression *model, double *grad, const double *theta,
              const size_t *batch, size_t size);

#endif
