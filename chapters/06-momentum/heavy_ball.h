/* heavy_ball.h: Polyak's heavy ball, written the classical way.
 *
 *     x^(k+1) = x^(k) - eta grad f(x^(k)) + beta (x^(k) - x^(k-1))   (6.1)
 *
 * The same iteration as sgd_step with momentum beta and lr = eta (the
 * chapter shows why, and a test runs both side by side).  This form keeps
 * the previous iterate instead of a momentum buffer; it exists so that the two
 * can be compared, while the lab and the other chapters use sgd_kind.
 */
#ifndef DESCENT_HEAVY_BALL_H
#define DESCENT_HEAVY_BALL_H

#include <stddef.h>

/* One step of (6.1) with grad[0..dim) = grad f(x^(k)): theta[0..dim) <-
 * x^(k+1), previous[0..dim) <- x^(k).  No check, as sgd_step.
 * Start with previous = theta (x^(-1) = x^(0)): the first step is then a
 * plain gradient step, as PyTorch's first buffer is the gradient. */
void heavy_ball_step(double *theta, double *previous, const double *grad, size_t dim,
                     double lr, double beta);

#endif
