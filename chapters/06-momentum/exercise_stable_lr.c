/* Exercise 6.2 (chapter 6): the largest stable learning rate for a momentum.
 * Replace the TODO line with your code; `make exercises CH=06` checks it. */
#include "00-toolkit/exercise.h"
#include "06-momentum/exercises.h"

double largest_stable_lr(double beta, double lambda_max)
{
    (void)beta, (void)lambda_max;
    TODO("q = lr lambda: z^2 - (1 + beta - q) z + beta has |z| < 1 while 0 < q < ?");
    return 0.0;
}
