/* Exercise 2.3, a reference answer: eta < 2 / max a_i. */
#include "02-learning-rate/exercises.h"

double largest_stable_eta(const double *curvature, size_t dim)
{
    double largest = curvature[0];
    for (size_t i = 1; i < dim; i++)
        if (curvature[i] > largest)
            largest = curvature[i];
    return 2.0 / largest;
}
