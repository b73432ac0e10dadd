/* Exercise 6.4 (chapter 6): Nesterov's momentum for a double root.
 * Replace the TODO line with your code; `make check CH=6` tests it. */
#include "00-toolkit/exercise.h"
#include "06-momentum/exercises.h"

#include <math.h>

double nesterov_double_root_momentum(double kappa)
{
    (void)kappa;
    TODO("(6.8) with q = 1/kappa: a double root is a zero discriminant; solve for beta "
         "and keep the root below 1");
    return 0.0;
}
