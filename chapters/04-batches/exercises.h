/* exercises.h: chapter 4's code exercises 4.4 to 4.7 (the stubs beside
 * this file, reference answers in solutions/04-batches/).  Exercises 1 to
 * 3 are worked by hand; solutions/04-batches.md has all seven answers. */
#ifndef DESCENT_EXERCISES_04_H
#define DESCENT_EXERCISES_04_H

#include <stddef.h>

#include "04-batches/regression.h"

/* Exercise 4.4: grad[0..features) <- the gradient of the mean squared error
 * of y_hat = w . x (no bias) over the samples batch[0..size), size >= 1:
 *     grad_j = 2/size * sum over i in batch of (w . x_i - y_i) x_ij.
 * x holds the samples row-major (sample i is x + i*features), y the targets. */
void minibatch_gradient(double *grad, const double *w, const double *x, const double *y,
                        size_t features, const size_t *batch, size_t size);

/* Exercises 4.5 to 4.7: regression.h's functions, same interface, same
 * answers: the loss (4.1) and gradient (4.2) of a batch, with the model's
 * bias when model->bias (theta = (w1, ..., wd, b)), batch NULL meaning
 * every sample in order; and one epoch of mini-batch descent (epoch_start,
 * epoch_next_batch, then your gradient and gd_step), returning the
 * updates made. */
double mse_loss_yours(const struct regression *model, const double *theta,
                      const size_t *batch, size_t size);
void mse_grad_yours(const struct regression *model, double *grad, const double *theta,
                    const size_t *batch, size_t size);
long minibatch_epoch_yours(const struct regression *model, double *theta, double *grad,
                           struct epoch *epoch, double eta);

#endif
