/* curvature.h: the largest curvature of a model's loss, for chapter 2's
 * rule lr < 2/L.
 *
 * L is the largest eigenvalue of the Hessian of the full-batch loss at
 * theta, found by power iteration on Hessian-vector products, each the
 * central difference of two backpropagated gradients,
 *     H v ~ (g(theta + h v) - g(theta - h v)) / (2 h),   |v| = 1,
 * with h = 1e-4 (the gradient's third derivative times h^2 is far below the
 * iteration's own tolerance).  Power iteration finds the eigenvalue of
 * largest magnitude; the iteration count is fixed (the chapter's numbers
 * are to two digits, which 100 products reach on its problems).
 */
#ifndef DESCENT_CURVATURE_H
#define DESCENT_CURVATURE_H

#include "04-batches/regression.h"
#include "11-tiny-network/network.h"

#define CURVATURE_ITERATIONS 100

/* The largest |eigenvalue| of the Hessian of network_loss over all of
 * data at theta[0..network_dim) (left unchanged): CURVATURE_ITERATIONS
 * products, two network_gradient calls each.  No error (exit 2 only when
 * memory runs out). */
double largest_curvature(const struct network *net, const double *theta,
                         const struct dataset *data);

/* For logistic regression (no hidden layer, bce): (1/4) times the largest
 * eigenvalue of X~^T X~ / N, X~ = X with a column of ones for the bias.
 * It is the Hessian's largest eigenvalue at theta = 0, where every
 * sigmoid'(z) = 1/4, and a bound on it everywhere, since sigmoid' <= 1/4. */
double logistic_curvature_bound(const struct dataset *data);

#endif
