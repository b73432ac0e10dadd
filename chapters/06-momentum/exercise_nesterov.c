/* Exercise 6.4 (chapter 6): Nesterov's momentum for a double root.
 * Replace the TODO line with your code; `make exercises CH=06` checks it. */
#include "00-toolkit/exercise.h"
#include "06-momentum/exercises.h"

double nesterov_double_root_momentum(double kappa)
{
    (void)kappa;
    TODO("set the discriminant of z^2 - (1+beta)(1-q) z + beta(1-q) to zero with q = 1/kappa");
    return 0.0;
}
