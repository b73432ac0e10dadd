/* Exercise 6.2 (chapter 6): the largest stable learning rate for a momentum.
 * Replace the TODO line with your code; `make check CH=6` tests it. */
#include "00-toolkit/exercise.h"
#include "06-momentum/exercises.h"

double largest_stable_lr(double beta, double lambda_max)
{
    (void)beta, (void)lambda_max;
    TODO("(6.6) is the condition for one curvature; which curvature of the quadratic "
         "reaches its limit first?");
    return 0.0;
}
