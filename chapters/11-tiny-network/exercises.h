/* exercises.h: chapter 11's code exercises (the stubs beside this file,
 * answers in solutions/11-tiny-network/). */
#ifndef DESCENT_EXERCISES_11_H
#define DESCENT_EXERCISES_11_H

#include <stddef.h>

#include "04-batches/regression.h"
#include "11-tiny-network/network.h"

/* Exercise 11.2: the softmax cross-entropy of logits z[0..k) for class c, and
 * its gradient dz[0..k) = softmax(z) - onehot(c), equations (11.5) and
 * (11.7).  It must not overflow: z = (1000, 1000) gives ln 2. */
double softmax_cross_entropy(double *dz, const double *z, size_t k, size_t c);

/* Exercise 11.3: the hidden layer's backward pass for one sample, equations
 * (11.9)-(11.11): given dz[0..k) = dloss/dz, W2 [k x h] (row-major), the
 * pre-activations u[0..h), the activations a[0..h) = act(u) and the input
 * x[0..d), ADD du x^T to gw1 [h x d] and du to gb1[0..h), where
 * du = (W2^T dz) * act'(u) elementwise. */
void hidden_backward(double *gw1, double *gb1, const double *dz, const double *w2,
                     const double *u, const double *a, const double *x, size_t d, size_t h,
                     size_t k, enum activation activation);

/* Exercise 11.4: the learning rate chapter 2's rule gives full-batch gradient
 * descent on logistic regression (BCE with logits, a bias) over data:
 * 2/L, with L the largest curvature the loss can have, (11.12). */
double logistic_learning_rate(const struct dataset *data);

#endif
