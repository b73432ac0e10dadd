/* Exercise 4.6 (chapter 4): the gradient of a batch, (4.2), with a bias.
 * As exercise 4.4, but on a struct regression (regression.h): theta has
 * regression_dim(model) entries, the last one b when model->bias, whose
 * derivative is 2/|B| sum (y_hat - y).
 * Replace the TODO line with your code; `make exercises CH=04` checks it
 * against mse_grad on random data and batches. */
#include "00-toolkit/exercise.h"
#include "04-batches/exercises.h"

void mse_grad_yours(const struct regression *model, double *grad, const double *theta,
                    const size_t *batch, size_t size)
{
    (void)model, (void)grad, (void)theta, (void)batch, (void)size;
    TODO("zero grad, add each sample's (y_hat - y) x (and (y_hat - y) for b), then scale by "
         "2/|B|");
}
