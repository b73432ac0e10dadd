/* Exercise 2 of chapter 6, an answer: heavy ball is stable for
 * 0 < q = lr lambda < 2 + 2 beta in every direction (6.6), so the stiffest
 * direction sets the limit. */
#include "06-momentum/exercises.h"

double largest_stable_lr(double beta, double lambda_max)
{
    return (2.0 + 2.0 * beta) / lambda_max;
}
