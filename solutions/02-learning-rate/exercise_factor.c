/* Chapter 2, exercise 6, a reference answer: max |1 - eta a_i|. */
#include "02-learning-rate/exercises.h"

#include <math.h>

double convergence_factor(const double *curvature, size_t dim, double eta)
{
    double worst = 0.0;
    for (size_t i = 0; i < dim; i++)
        worst = fmax(worst, fabs(1.0 - eta * curvature[i]));
    return worst;
}
