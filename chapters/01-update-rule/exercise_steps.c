/* Exercise 1.3 (chapter 1): count the steps of the loop by running it.
 * Replace the TODO line with your code; `make check CH=1` tests it. */
#include "00-toolkit/exercise.h"
#include "01-update-rule/exercises.h"

#include <math.h>

long steps_until_small_gradient(double a, double x0, double eta, double tolerance)
{
    (void)a, (void)x0, (void)eta, (void)tolerance;
    TODO("run the update rule (1.1) from x0 and count the updates until the gradient is "
         "small enough");
    return 0;
}
