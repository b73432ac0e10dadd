/* Exercise 3 (chapter 5): the number a gradient check reports.
 * Replace the TODO line with your code; `make exercises CH=05` checks it. */
#include "00-toolkit/exercise.h"
#include "05-checking-gradients/exercises.h"

double gradient_relative_error(double analytic, double numeric, double floor)
{
    (void)analytic, (void)numeric, (void)floor;
    TODO("divide |analytic - numeric| by the largest of |analytic|, |numeric| and floor (fmax)");
    return 0.0;
}
