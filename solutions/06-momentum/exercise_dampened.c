/* Exercise 6.3, an answer.  With dampening d PyTorch's buffer is
 * v_1 = g_0, then v_{k+1} = beta v_k + (1 - d) g_k, and x_{k+1} = x_k - lr v_{k+1}.
 * So x_1 = x_0 - lr g_0, and afterwards
 *     x_{k+1} = x_k - lr (1 - d) g_k + beta (x_k - x_{k-1}):
 * heavy ball with alpha = lr (1 - d), after a first step of lr. */
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
        double alpha = k == 0 ? lr : lr * (1.0 - dampening);
        f.gradient(&f, grad, x);
        heavy_ball_step(x, previous, grad, dim, alpha, momentum);
    }
}
