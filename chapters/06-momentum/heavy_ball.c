/* heavy_ball.c: equation (6.1), the classical form (see heavy_ball.h). */
#include "06-momentum/heavy_ball.h"

/* ANCHOR: step */
void heavy_ball_step(double *theta, double *previous, const double *grad, size_t dim,
                     double lr, double beta)
{
    for (size_t i = 0; i < dim; i++) {
        double x = theta[i];
        theta[i] = x - lr * grad[i] + beta * (x - previous[i]);
        previous[i] = x;
    }
}
/* ANCHOR_END: step */
