/* Chapter 3, exercise 6, a reference answer: (3.1) and (3.2). */
#include "03-when-to-stop/exercises.h"

void stopping_bounds(double grad_norm, double mu, double *gap, double *distance)
{
    *gap = grad_norm * grad_norm / (2.0 * mu);
    *distance = grad_norm / mu;
}
