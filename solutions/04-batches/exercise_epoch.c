/* Chapter 4, exercise 7, a reference answer: one epoch of mini-batch descent. */
#include "01-update-rule/gd.h"
#include "04-batches/exercises.h"

long minibatch_epoch_yours(const struct regression *model, double *theta, double *grad,
                           struct epoch *epoch, double eta)
{
    const size_t *batch;
    size_t size;
    long updates = 0;
    epoch_start(epoch);
    while ((size = epoch_next_batch(epoch, &batch)) > 0) {
        mse_grad(model, grad, theta, batch, size);
        gd_step(theta, grad, regression_dim(model), eta);
        updates++;
    }
    return updates;
}
