/* heavy_ball.h: Polyak's heavy ball, written the classical way.
 *
 *     x_{k+1} = x_k - alpha grad f(x_k) + beta (x_k - x_{k-1})       (6.1)
 *
 * The same iteration as sgd_step with momentum beta and lr alpha (the
 * chapter shows why, and a test runs both side by side).  This form keeps
 * the previous iterate instead of a velocity; it exists so that the two
 * can be compared, while the lab and the other chapters use sgd_kind.
 */
#ifndef DESCENT_HEAVY_BALL_H
#define DESCENT_HEAVY_BALL_H

#include <stddef.h>

/* One step of (6.1): theta[0..dim) <- x_{k+1}, previous[0..dim) <- x_k.
 * Start with previous = theta (x_{-1} = x_0): the first step is then a
 * plain gradient step, as PyTorch's first buffer is the gradient. */
void heavy_ball_step(double *theta, double *previous, const double *grad, size_t dim,
                     double alpha, double beta);

#endif
