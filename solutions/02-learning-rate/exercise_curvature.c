/* Exercise 2.4, a reference answer: a central difference of the gradient. */
#include "02-learning-rate/exercises.h"

double estimate_curvature(const struct function *f, double x, double step)
{
    double up = x + step, down = x - step, slope_up, slope_down;
    f->gradient(f, &slope_up, &up);
    f->gradient(f, &slope_down, &down);
    return (slope_up - slope_down) / (2.0 * step);
}
