/* chain.h: the deep scalar chains of chapter 10.
 *
 * A chain of L scalar layers with weights w_1..w_L maps an input x through
 *     linear:  h_0 = x,  h_j = w_j h_(j-1)                (so h_L = w_L ... w_1 x)
 *     tanh:    h_0 = x,  h_j = tanh(w_j h_(j-1))
 * and its loss is f(w) = (h_L - t)^2 / 2 for a target t.  By the chain rule
 *     df/dw_1 = (h_L - t) dh_L/dw_1,   dh_L/dw_1 = x s_1 prod_(j=2..L) w_j s_j   (10.2)
 * with s_j = 1 (linear) or s_j = 1 - h_j^2 (tanh's slope): a product of L
 * factors, which explodes or vanishes geometrically with L.
 */
#ifndef DESCENT_CHAIN_H
#define DESCENT_CHAIN_H

#include <stdbool.h>
#include <stddef.h>

#include "00-toolkit/functions.h"

/* The chain as a book function (functions.h) of L = dim weights, with
 * param[0] = x, param[1] = t, param[2] = 1 for tanh layers (0: linear);
 * its gradient is backpropagation, exact.  Starts at every w_j = w0. */
struct function chain_function(size_t layers, bool tanh_layers, double x, double t, double w0);

/* dh_L/dw_1 of (10.2) at the weights w[0..layers), any number of layers
 * (no storage): the factor that backpropagation carries to the first layer. */
double chain_first_factor(const double *w, size_t layers, bool tanh_layers, double x);

#endif
