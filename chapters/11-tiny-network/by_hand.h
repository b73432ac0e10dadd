/* by_hand.h: the network small enough to backpropagate on paper.
 *
 * Two inputs, two hidden ReLU units, two classes, one sample:
 *     x = (1, 2), class 0,
 *     W1 = [1 -1; 1 1], b1 = (0, 0), W2 = [1 1; -1 2], b2 = (3, 0).
 * Its forward pass, gradients and one SGD step of lr 1/2 are all exact
 * fractions but for the losses ln 2 and ln(1 + e^(-17/4)) (README,
 * "Backpropagation by hand").
 */
#ifndef DESCENT_BY_HAND_H
#define DESCENT_BY_HAND_H

#include <stdio.h>

#include "04-batches/regression.h"
#include "11-tiny-network/network.h"

#define BY_HAND_DIM 12
#define BY_HAND_LR 0.5

/* net, theta[0..12) and data (one sample) <- the example; target is its
 * class (0 in the chapter, 1 in exercise 11.1).  network_free and
 * dataset_free them. */
void by_hand_example(struct network *net, double *theta, struct dataset *data, int target);

/* Print the example's forward pass, backward pass and step to out. */
void by_hand_print(FILE *out);

#endif
