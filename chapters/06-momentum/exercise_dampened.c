/* Exercise 6.3 (chapter 6): PyTorch's buffer form with dampening, rewritten
 * in the classical form (6.1) (heavy_ball_step).
 * Replace the TODO line with your code; `make check CH=6` tests it. */
#include "00-toolkit/exercise.h"
#include "06-momentum/exercises.h"

void dampened_heavy_ball(double *x, const double *curvature, size_t dim, double lr,
                         double momentum, double dampening, long steps)
{
    (void)x, (void)curvature, (void)dim, (void)lr, (void)momentum, (void)dampening,
        (void)steps;
    TODO("first buffer: g, undamped; after it, which eta in (6.1) multiplies g?");
}
