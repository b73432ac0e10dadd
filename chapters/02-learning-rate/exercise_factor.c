/* Exercise 2.6 (chapter 2): how fast a learning rate converges on a quadratic.
 * Replace the TODO line with your code; `make exercises CH=02` checks it. */
#include "00-toolkit/exercise.h"
#include "02-learning-rate/exercises.h"

#include <math.h>

double convergence_factor(const double *curvature, size_t dim, double eta)
{
    (void)curvature, (void)dim, (void)eta;
    TODO("(2.1) per coordinate: the factor is 1 - eta a_i; the run is as slow as its worst "
         "|factor|");
    return 0.0;
}
