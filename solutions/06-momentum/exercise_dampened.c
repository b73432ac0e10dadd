/* Exercise 3 of chapter 6, an answer.  With dampening d PyTorch's buffer is
 * b^(1) = g^(0), then b^(k+1) = beta b^(k) + (1 - d) g^(k), and
 * x^(k+1) = x^(k) - lr b^(k+1).  So x^(1) = x^(0) - lr g^(0), and afterwards
 *     x^(k+1) = x^(k) - lr (1 - d) g^(k) + beta (x^(k) - x^(k-1)):
 * heavy ball (6.1) with eta = lr (1 - d), after a first step of lr. */
#include "06-momentum/exercises.h"
#include "06-momentum/heavy_ball.h"
#include "00-toolkit/functions.h"

void dampened_heavy_ball(double *x, const double *curvature, size_t dim, double lr,
                         double momentum, double dampening, long steps)
{
    struct function f = quadratic(curvature, dim);
    double previous[FUNCTION_MAX_DIM], grad[FUNCTION_MAX_DIM];
    for (size_t i = 0; i < dim; i++)
        previous[i] = x[i];
    for (long k = 0; k < steps; k++) {
        double eta = k == 0 ? lr : lr * (1.0 - dampening);
        f.gradient(&f, grad, x);
        heavy_ball_step(x, previous, grad, dim, eta, momentum);
    }
}
