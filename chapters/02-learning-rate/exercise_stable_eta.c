/* Exercise 2.3 (chapter 2): the stability limit (2.2) in code.
 * Replace the TODO line with your code; `make check CH=2` tests it. */
#include "00-toolkit/exercise.h"
#include "02-learning-rate/exercises.h"

double largest_stable_eta(const double *curvature, size_t dim)
{
    (void)curvature, (void)dim;
    TODO("(2.2) must hold in every direction at once: which curvature sets the limit?");
    return 0.0;
}
