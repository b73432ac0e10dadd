/* chain.h: the deep scalar chains of chapter 10.
 *
 * A chain of n scalar layers with weights w_1..w_n maps an input x through
 *     a_0 = x,  a_j = act(w_j a_(j-1))
 * with act the identity (linear: a_n = w_n ... w_1 x), tanh, or the logistic
 * sigmoid phi(z) = 1/(1 + e^(-z)).  (The book writes the activations a_j:
 * h is chapter 2's curvature f''(x*).)  Its loss is f(w) = (a_n - y)^2 / 2
 * for a target y.  By the chain rule
 *     df/dw_1 = (a_n - y) da_n/dw_1,   da_n/dw_1 = x s_1 prod_(j=2..n) w_j s_j   (10.2)
 * with s_j = act'(w_j a_(j-1)) the activation's slope at layer j: 1 (linear),
 * 1 - a_j^2 (tanh), a_j (1 - a_j) (sigmoid): a product of n factors, which
 * explodes or vanishes geometrically with n.  At a fixed point a* = act(w a*)
 * every layer multiplies it by w act'(w a*)                            (10.3)
 */
#ifndef DESCENT_CHAIN_H
#define DESCENT_CHAIN_H

#include <stdbool.h>
#include <stddef.h>

#include "00-toolkit/functions.h"

/* The activations; false and true, passed as an activation, are linear and
 * tanh. */
enum chain_activation { CHAIN_LINEAR = 0, CHAIN_TANH = 1, CHAIN_SIGMOID = 2 };

/* The chain as a book function (functions.h) of n = layers weights
 * (1 <= layers <= FUNCTION_MAX_DIM, the caller's guarantee, as is an
 * activation of the enum), with param[0] = x, param[1] = y, param[2]
 * = the activation (enum chain_activation); its gradient is
 * backpropagation, exact.  Starts at every w_j = w0. */
struct function chain_function(size_t layers, int activation, double x, double y, double w0);

/* da_n/dw_1 of (10.2) at the weights w[0..layers), any number of layers
 * (no storage): the factor that backpropagation carries to the first
 * layer, before the loss's (a_n - y). */
double chain_first_factor(const double *w, size_t layers, int activation, double x);

/* The slope act'(z) of an activation written with its output a = act(z):
 * 1, 1 - a^2, a (1 - a). */
double chain_slope_at(int activation, double a);

/* act(z): z, tanh z or 1/(1 + e^-z). */
double chain_activate(int activation, double z);

#endif
