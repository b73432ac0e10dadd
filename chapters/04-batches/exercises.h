/* exercises.h: chapter 4's code exercise (the stub beside this file, a
 * reference answer in solutions/04-batches/).  Exercises 1 to 3 are
 * worked by hand; solutions/04-batches.md has all four answers. */
#ifndef DESCENT_EXERCISES_04_H
#define DESCENT_EXERCISES_04_H

#include <stddef.h>

/* Exercise 4: grad[0..features) <- the gradient of the mean squared error
 * of y_hat = w . x (no bias) over the samples batch[0..size), size >= 1:
 *     grad_j = 2/size * sum over i in batch of (w . x_i - y_i) x_ij.
 * x holds the samples row-major (sample i is x + i*features), y the targets. */
void minibatch_gradient(double *grad, const double *w, const double *x, const double *y,
                        size_t features, const size_t *batch, size_t size);

#endif
