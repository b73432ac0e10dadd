/* Exercise 2.3 (chapter 2): the stability limit (2.2) in code.
 * Replace the TODO line with your code; `make exercises CH=02` checks it. */
#include "00-toolkit/exercise.h"
#include "02-learning-rate/exercises.h"

double largest_stable_eta(const double *curvature, size_t dim)
{
    (void)curvature, (void)dim;
    TODO("every direction needs |1 - eta a_i| < 1; which a_i is the tightest?");
    return 0.0;
}
