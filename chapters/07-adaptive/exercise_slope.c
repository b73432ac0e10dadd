/* Exercise 7.5 (chapter 7): how far Adagrad gets on a constant slope.
 * Replace the TODO line with your code; `make check CH=7` tests it. */
#include "00-toolkit/exercise.h"
#include "07-adaptive/exercises.h"

#include <math.h>

double adagrad_distance_on_a_slope(double lr, double g, long t)
{
    (void)lr, (void)g, (void)t;
    TODO("run adagrad_kind (07-adaptive/adagrad.h) with eps = 0 for t steps on the "
         "gradient g, or add up the moves by hand");
    return 0.0;
}
