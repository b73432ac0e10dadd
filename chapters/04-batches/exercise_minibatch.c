/* Exercise 4.4 (chapter 4): the mini-batch gradient (4.2), written by you.
 * Replace the TODO line with your code; `make check CH=4` tests it. */
#include "00-toolkit/exercise.h"
#include "04-batches/exercises.h"

void minibatch_gradient(double *grad, const double *w, const double *x, const double *y,
                        size_t features, const size_t *batch, size_t size)
{
    (void)w, (void)x, (void)y, (void)batch, (void)size;
    for (size_t j = 0; j < features; j++)
        grad[j] = 0.0;
    TODO("the mini-batch loss (4.1) is an average over the samples batch[0..size-1]: "
         "differentiate it one sample at a time");
}
