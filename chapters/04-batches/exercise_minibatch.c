/* Exercise 4.4 (chapter 4): the mini-batch gradient, written by you.
 * Replace the TODO line with your code; `make exercises CH=04` checks it. */
#include "00-toolkit/exercise.h"
#include "04-batches/exercises.h"

void minibatch_gradient(double *grad, const double *w, const double *x, const double *y,
                        size_t features, const size_t *batch, size_t size)
{
    (void)w, (void)x, (void)y, (void)batch, (void)size;
    for (size_t j = 0; j < features; j++)
        grad[j] = 0.0;
    TODO("the mini-batch loss is an average over the samples batch[0..size-1]: "
         "differentiate it one sample at a time");
}
