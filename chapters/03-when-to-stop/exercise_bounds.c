/* Exercise 3.6 (chapter 3): what stopping on a small gradient promises.
 * Replace the TODO line with your code; `make check CH=3` tests it. */
#include "00-toolkit/exercise.h"
#include "03-when-to-stop/exercises.h"

void stopping_bounds(double grad_norm, double mu, double *gap, double *distance)
{
    (void)grad_norm, (void)mu;
    *gap = *distance = 0.0;
    TODO("(3.1) bounds the gap and (3.2) the distance: read each with the norm and mu you "
         "are given");
}
