/* Exercise 2.6 (chapter 2): how fast a learning rate converges on a quadratic.
 * Replace the TODO line with your code; `make check CH=2` tests it. */
#include "00-toolkit/exercise.h"
#include "02-learning-rate/exercises.h"

#include <math.h>

double convergence_factor(const double *curvature, size_t dim, double eta)
{
    (void)curvature, (void)dim, (void)eta;
    TODO("(2.1) in each direction gives that direction's factor; which direction decides "
         "how fast the whole run shrinks?");
    return 0.0;
}
