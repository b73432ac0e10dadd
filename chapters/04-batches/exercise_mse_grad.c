/* Exercise 4.6 (chapter 4): the gradient of a batch, (4.2), with a bias.
 * As exercise 4.4, but on a struct regression (regression.h): theta has
 * regression_dim(model) entries, the last one the bias b when model->bias;
 * a batch that is NULL means every sample, as in exercise 4.5.
 * Replace the TODO line with your code; `make check CH=4` tests it against
 * mse_grad on random data and batches. */
#include "00-toolkit/exercise.h"
#include "04-batches/exercises.h"

void mse_grad_yours(const struct regression *model, double *grad, const double *theta,
                    const size_t *batch, size_t size)
{
    (void)model, (void)grad, (void)theta, (void)batch, (void)size;
    TODO("(4.2) for the weights; for b, differentiate (4.1) with y_hat including b: what "
         "takes the place of x?");
}
